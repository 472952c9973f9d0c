import type { Family } from '../../operations/operation.js';
import type { ServiceOperation } from '../service-operation.js';
import type { EmulatorState } from '../state.js';

/** What a handler gets: the input assembled from labels, query, headers and body, and validated. */
export interface HandlerContext<Input = any> {
  /** The region the request was signed for (its SigV4 credential scope): the regional endpoint it reached. */
  readonly region: string;
  readonly input: Input;
  /** Every namespace's state: a messaging call checks its bearer against identity's users. */
  readonly state: EmulatorState;
  /** Epoch milliseconds, read once per request. */
  readonly now: number;
  /** The operation's row: its model errors say which error a miss is. */
  readonly operation: ServiceOperation;
}

/** A handler's answer: the JSON body (none for 204), and a status when it is not the operation's modeled one. */
export interface HandlerResult {
  readonly body?: unknown;
  readonly status?: number;
}

export type Handler<Input = any> = (context: HandlerContext<Input>) => HandlerResult;

/**
 * One dedicated namespace of the emulator, split as moto splits a service: the generated
 * operations (its `urls`: bindings and shapes), the state (`models`, in state.ts) and the
 * handlers (`responses`). An operation without a handler is not served yet.
 */
export interface Namespace {
  readonly family: Family;
  readonly operations: readonly ServiceOperation[];
  readonly handlers: Readonly<Partial<Record<string, Handler>>>;
}
