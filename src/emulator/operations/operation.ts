import type { Store } from '../store.js';
import type { EmulatorOperation } from '../types.js';
import type { StructureRule } from '../validation.js';

/** What a handler gets: the input already assembled from labels, query and body, and validated. */
export interface OperationContext<Input> {
  /** The region the request was signed for (its SigV4 credential scope): the regional endpoint it reached. */
  readonly region: string;
  readonly input: Input;
  readonly store: Store;
  /** Epoch milliseconds, read once per request. */
  readonly now: number;
}

export interface OperationResult {
  /** The operation's modeled success status (201 for creates, 204 for deletes, 200 otherwise). */
  readonly status: number;
  /** The JSON body; none for 204. */
  readonly body?: unknown;
}

/** Where an input member comes from when it is not in the JSON body. */
export interface QueryMember {
  readonly member: string;
  readonly type: 'string' | 'integer';
}

/**
 * One row of the operation table: the HTTP binding from the model (method, URI template with
 * `{Label}`s, query names) and the handler. The server does routing, assembly and validation
 * from these rows, so a new operation is a new row plus its handler.
 */
export interface OperationDescriptor<Input = any> {
  readonly name: EmulatorOperation;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  /** Members read from the JSON body (restJson1: every member without another binding). */
  readonly hasBody: boolean;
  /** Query parameter name -> member, as the SDK serializes them (`app-instance-arn`, `max-results`, `next-token`). */
  readonly query?: Readonly<Record<string, QueryMember>>;
  readonly input: StructureRule;
  handle(context: OperationContext<Input>): OperationResult;
}

/** The model's timestamps go on the wire as epoch seconds (restJson1 default), with milliseconds as the fraction. */
export function epochSeconds(epochMs: number): number {
  return epochMs / 1000;
}

/**
 * A stable fingerprint of the members that define a create request, to tell an idempotent
 * replay (same token, same request) from a token reused for a different request.
 */
export function fingerprint(values: readonly unknown[]): string {
  return JSON.stringify(values);
}
