import { type Fallbacks, isRoute, isThenable, withTimeout } from './guard.js';
import type { Route, RouteContext, RouteDecision, RouteFunction, RouteSource } from './types.js';

const ANSWERS: Record<Route, RouteDecision> = {
  identity: Object.freeze({ route: 'identity', reason: 'function' }),
  legacy: Object.freeze({ route: 'legacy', reason: 'function' }),
};

/**
 * Wraps the caller's route function so that nothing it does can fail the call: a throw or a
 * rejection is `fallback:error`, an answer that is not a route is `fallback:invalid-route`,
 * a promise still pending after `timeoutMs` is `fallback:timeout`. A sync answer stays sync.
 */
export function compileRouteFunction(
  route: RouteFunction,
  timeoutMs: number,
  fallbacks: Fallbacks,
): RouteSource {
  const toDecision = (value: unknown): RouteDecision =>
    isRoute(value) ? ANSWERS[value] : fallbacks.invalidRoute;
  return {
    decide(context: RouteContext): RouteDecision | Promise<RouteDecision> {
      let answer: unknown;
      try {
        answer = route(context);
      } catch {
        return fallbacks.error;
      }
      if (isThenable(answer))
        return withTimeout(Promise.resolve(answer).then(toDecision), timeoutMs, fallbacks);
      return toDecision(answer);
    },
  };
}
