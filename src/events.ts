import type { Family } from './operations/operation.js';
import type { Route } from './routing/types.js';

/**
 * One event per call, given to `ShimOptions.onEvent`. It is built from a fixed list of fields,
 * never from the request: names, metadata, tag keys and values, tokens, credentials, message
 * content and every member the legacy model marks sensitive cannot reach it (ids are left out
 * too: the model marks `AppInstanceUserId` sensitive).
 */
export interface ShimEvent {
  /** The legacy operation, `CreateAppInstanceUser`. */
  readonly operation: string;
  /** The family that served it; `undefined` when the call failed before it was known (a tag call with an invalid ARN). */
  readonly family: Family | undefined;
  /** The route taken; `undefined` when the input was rejected before a route was decided. */
  readonly route: Route | undefined;
  /** Why this route: `env`, `static`, `plan:bucket=37`, `plan:deny`, `no-key`, `function`, `fallback:<why>`; `validation` or `configuration` when the call failed before a route was decided. */
  readonly reason: string;
  /** The region the call was served in (`us-east-1` on the legacy route). */
  readonly region: string | undefined;
  readonly outcome: 'success' | 'error';
  /** The error's `name` when `outcome` is `error` (`ConflictException`, `TimeoutError`, ...). */
  readonly errorName?: string | undefined;
  /**
   * What the shim translated, when it did more than send the request as it is:
   * `metadata-read-back` (the current `Metadata` was read and sent back), ...
   */
  readonly translation?: string | undefined;
  /** Wall time of the call in milliseconds, route decision included. */
  readonly durationMs: number;
  /** HTTP attempts made, from `$metadata.attempts` (0 when nothing was sent). */
  readonly attempts: number;
  readonly requestId?: string | undefined;
}

export type ShimEventListener = (event: ShimEvent) => void;

/** Listeners are the caller's code: a throwing one must never turn a call into a failure. */
export function emitEvent(listener: ShimEventListener | undefined, event: ShimEvent): void {
  if (!listener) return;
  try {
    listener(event);
  } catch {
    // Deliberately swallowed: observability must not change the outcome of the call.
  }
}
