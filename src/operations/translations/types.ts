import type { MetadataBearer } from '@smithy/types';
import type { Route } from '../../routing/types.js';
import type { CallSettings } from '../../settings.js';
import type { Family, Operation } from '../operation.js';

/** A validated copy of the caller's request: the translations may fill it in. */
export type Request = Record<string, unknown>;

/** What a dedicated namespace answered: its output members and `$metadata`. */
export type Answer = Record<string, unknown> & MetadataBearer;

export interface PrepareContext {
  readonly operation: Operation;
  readonly request: Request;
  readonly settings: CallSettings;
}

export interface SendContext {
  readonly operation: Operation;
  readonly request: Request;
  readonly route: Route;
  /**
   * Sends one command of the call's family (`DescribeAppInstanceUser`, without `Command`) in the
   * call's region, with the `abortSignal` and `requestTimeout` the caller gave. Errors are the
   * SDK's; the pipeline turns them into legacy ones.
   */
  send(command: string, input: Request): Promise<Answer>;
  /** Names what was translated, for the event (`metadata-read-back`). */
  note(translation: string): void;
}

/**
 * What an operation needs beyond "send the validated legacy request to the same-name
 * counterpart": the hand-written part of the table, for the differences the models show but
 * cannot resolve (docs/operations.md says what each one does).
 */
export interface Translation {
  /** After validation, before the region and the route are decided: defaults from options, refusals. */
  readonly prepare?: (context: PrepareContext) => void | Promise<void>;
  /**
   * The family that serves the call, when the row cannot say (generic tagging: the ARN's owner);
   * rejects with the legacy `BadRequestException` when none does.
   */
  readonly family?: (request: Request) => Promise<Family>;
  /** Instead of sending the request to the counterpart as it is. */
  readonly send?: (context: SendContext) => Promise<Answer>;
}
