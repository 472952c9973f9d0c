import type { Route } from './routing/types.js';

/**
 * One event per call, given to `ShimOptions.onEvent`. It is built from a fixed list of
 * fields, never from the request: `Name`, `Metadata`, tag keys and values, tokens and
 * credentials cannot reach it (the AppInstanceUserId is left out too: the model marks it sensitive).
 */
export interface ShimEvent {
  readonly operation: 'CreateAppInstanceUser';
  /** The route taken; `undefined` when the input was rejected before a route was decided. */
  readonly route: Route | undefined;
  /** Why this route: `env`, `static`, `plan:bucket=37`, `plan:deny`, `function`, `fallback:<why>`; `validation` or `configuration` when the call failed before a route was decided. */
  readonly reason: string;
  /** The region the call was served in (`us-east-1` on the legacy route). */
  readonly region: string | undefined;
  readonly outcome: 'success' | 'error';
  /** The error's `name` when `outcome` is `error` (`ConflictException`, `TimeoutError`, ...). */
  readonly errorName?: string | undefined;
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
