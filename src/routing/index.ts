import { routeFromEnvironment } from './environment.js';
import { compileRouteFunction } from './function.js';
import { checkRoute, configurationError, describeValue, fallbacksTo, isPlainObject, own } from './guard.js';
import { compileOpenFeatureRoute } from './openfeature.js';
import { compileRolloutPlan } from './plan.js';
import type {
  OpenFeatureRoute,
  RolloutPlan,
  Route,
  RouteContext,
  RouteDecision,
  RouteFunction,
  RouteSource,
} from './types.js';

export { ROUTE_ENVIRONMENT_VARIABLE, routeFromEnvironment } from './environment.js';
export { unleashBucket } from './plan.js';
export type {
  OpenFeatureFlag,
  OpenFeatureRoute,
  RolloutPlan,
  RolloutPlanIds,
  RolloutStickiness,
  Route,
  RouteContext,
  RouteDecision,
  RouteFunction,
  RouteSource,
} from './types.js';

/**
 * Everything `ShimOptions.route` accepts: a fixed route, a rollout plan (plain JSON), the
 * caller's own function, or an OpenFeature flag.
 *
 * @example
 * ```ts
 * const fixed: RouteSetting = 'identity';
 * const plan: RouteSetting = { groupId: 'chime-identity-route', percentage: 10 };
 * const own: RouteSetting = async ({ AppInstanceArn }) => ((await isMigrated(AppInstanceArn)) ? 'identity' : 'legacy');
 * const flag: RouteSetting = { openFeature: { flagKey: 'chime-identity-route' } };
 * ```
 */
export type RouteSetting = Route | RolloutPlan | RouteFunction | OpenFeatureRoute;

/** What a compiled route source needs besides the setting itself. */
export interface CompileRouteSettings {
  /** Where a call goes when its route source fails or times out (`ShimOptions.defaultRoute`). */
  readonly defaultRoute: Route;
  /** How long an async route source may take, in ms (`ShimOptions.routeTimeoutMs`). */
  readonly timeoutMs: number;
  /** How configuration errors name the setting (`configureChimeIdentityShim(options).route`). Default `'route'`. */
  readonly name?: string | undefined;
}

const STATIC_SOURCES: Record<Route, RouteSource> = {
  identity: { decide: () => STATIC.identity },
  legacy: { decide: () => STATIC.legacy },
};
const STATIC: Record<Route, RouteDecision> = {
  identity: Object.freeze({ route: 'identity', reason: 'static' }),
  legacy: Object.freeze({ route: 'legacy', reason: 'static' }),
};
const FORCED: Record<Route, RouteDecision> = {
  identity: Object.freeze({ route: 'identity', reason: 'env' }),
  legacy: Object.freeze({ route: 'legacy', reason: 'env' }),
};

/**
 * Checks a route setting where it is configured (throwing a `ChimeIdentityShimConfigurationError`
 * that names the field) and turns it into something that decides calls. Whatever the
 * setting, the compiled source never fails a call: failures become `fallback:<why>` on the
 * default route. The one exception is an OpenFeature route without `@openfeature/server-sdk`
 * installed, a configuration error raised on the first decision.
 *
 * @example
 * ```ts
 * const source = compileRoute({ groupId: 'chime-identity-route', percentage: 10 }, { defaultRoute: 'legacy', timeoutMs: 100 });
 * await decideRoute(source, { AppInstanceUserId: 'user-1', AppInstanceArn: arn, region: 'us-east-1' });
 * // -> { route: 'legacy', reason: 'plan:bucket=63' } (user-1 is in bucket 63, above 10)
 * ```
 */
export function compileRoute(setting: RouteSetting, settings: CompileRouteSettings): RouteSource {
  const name = settings.name ?? 'route';
  const defaultRoute = checkRoute(settings.defaultRoute, 'defaultRoute') ?? 'identity';
  const { timeoutMs } = settings;
  if (!(typeof timeoutMs === 'number' && timeoutMs > 0)) {
    throw configurationError(
      'routeTimeoutMs',
      `must be a positive number of milliseconds, got ${describeValue(timeoutMs)}`,
    );
  }
  const value: unknown = setting;
  if (value === 'identity' || value === 'legacy') return STATIC_SOURCES[value];
  if (typeof value === 'function')
    return compileRouteFunction(value as RouteFunction, timeoutMs, fallbacksTo(defaultRoute));
  if (isPlainObject(value)) {
    if (own(value, 'openFeature') !== undefined)
      return compileOpenFeatureRoute(value, name, defaultRoute, timeoutMs);
    return compileRolloutPlan(value, name, defaultRoute);
  }
  throw configurationError(
    name,
    `must be 'identity', 'legacy', a rollout plan, an OpenFeature route or a function, got ${describeValue(value)}`,
  );
}

/**
 * Decides the route of one call: the kill switch first, read on every call (about 0.1 us),
 * then the compiled source. Throws a `ChimeIdentityShimConfigurationError` for an invalid
 * `CHIME_IDENTITY_SHIM_ROUTE`.
 */
export function decideRoute(
  source: RouteSource,
  context: RouteContext,
  env: NodeJS.ProcessEnv = process.env,
): RouteDecision | Promise<RouteDecision> {
  const forced = routeFromEnvironment(env);
  if (forced) return FORCED[forced];
  return source.decide(context);
}
