import { ChimeIdentityShimConfigurationError } from '../configuration-error.js';
import type { Route, RouteDecision } from './types.js';

/** setTimeout's ceiling (2^31 - 1 ms); a longer delay fires at once, so longer means "no timer". */
const MAX_TIMER_MS = 2_147_483_647;

/** The decisions a source falls back to, built once per compiled source. */
export interface Fallbacks {
  readonly error: RouteDecision;
  readonly timeout: RouteDecision;
  readonly invalidRoute: RouteDecision;
}

export function fallback(route: Route, why: string): RouteDecision {
  return Object.freeze({ route, reason: `fallback:${why}` });
}

export function fallbacksTo(route: Route): Fallbacks {
  return {
    error: fallback(route, 'error'),
    timeout: fallback(route, 'timeout'),
    invalidRoute: fallback(route, 'invalid-route'),
  };
}

export function isRoute(value: unknown): value is Route {
  return value === 'identity' || value === 'legacy';
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Settles an async answer into a decision that never rejects: a rejection becomes
 * `fallback:error`, no answer within `timeoutMs` becomes `fallback:timeout`. The timer is
 * cleared as soon as the answer comes and is unref'd meanwhile, so a slow source never holds
 * the process open.
 */
export function withTimeout(
  answer: PromiseLike<RouteDecision>,
  timeoutMs: number,
  fallbacks: Fallbacks,
): Promise<RouteDecision> {
  return new Promise((resolve) => {
    const timer = timeoutMs <= MAX_TIMER_MS ? setTimeout(resolve, timeoutMs, fallbacks.timeout) : undefined;
    timer?.unref();
    Promise.resolve(answer).then(
      (decision) => {
        clearTimeout(timer);
        resolve(decision);
      },
      () => {
        clearTimeout(timer);
        resolve(fallbacks.error);
      },
    );
  });
}

/** `got 120`, `got 'x'`, `got an array`: how messages quote a rejected value. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

export function configurationError(field: string, problem: string): ChimeIdentityShimConfigurationError {
  return new ChimeIdentityShimConfigurationError(`${field} ${problem}`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rejects keys the shape does not know, so a typo (`percent`) fails loudly instead of being ignored. */
export function checkKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  field: string,
  what: string,
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw configurationError(
        `${field}.${key}`,
        `is not ${what} field (expected one of: ${known.join(', ')})`,
      );
    }
  }
}

/** An own property only: a plan parsed from JSON must not pick up `Object.prototype` members. */
export function own(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

export function checkRoute(value: unknown, field: string): Route | undefined {
  if (value === undefined || isRoute(value)) return value;
  throw configurationError(field, `must be 'identity' or 'legacy', got ${describeValue(value)}`);
}
