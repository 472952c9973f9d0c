import { ChimeIdentityShimConfigurationError } from './configuration-error.js';
import type { ShimEventListener } from './events.js';
import type { ShimOptions } from './options.js';
import { compileRoute, routeFromEnvironment } from './routing/index.js';
import { ROUTES, type Route, type RouteSource } from './routing/types.js';

/** Where Chime SDK Identity is documented to run; the default allow-list. */
export const DEFAULT_REGIONS: readonly string[] = ['us-east-1', 'eu-central-1'];
export const DEFAULT_ROUTE: Route = 'identity';
export const DEFAULT_ROUTE_TIMEOUT_MS = 100;

/** A plain AWS region name (`us-east-1`, `us-gov-west-1`): nothing that could spell a host or a path. */
const REGION_NAME = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

export function isRegionName(value: string): boolean {
  return REGION_NAME.test(value);
}

/** One layer of options (per client, per call or process-wide), checked and compiled once. */
export interface PreparedOptions {
  readonly options: ShimOptions;
  readonly route: RouteSource | undefined;
  readonly regions: ReadonlySet<string> | undefined;
}

const OPTION_NAMES = new Set<string>([
  'route',
  'defaultRoute',
  'routeTimeoutMs',
  'regions',
  'serviceVersion',
  'identityConfig',
  'identityClient',
  'onEvent',
]);

/**
 * Checks options where they are given, so a mistake fails at start-up with a message that
 * names the option, not on the first call in production.
 */
export function prepareOptions(options: ShimOptions | undefined, where: string): PreparedOptions {
  if (options === undefined) return EMPTY;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw configurationError(where, `must be an object, got ${options === null ? 'null' : typeof options}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.has(key))
      throw configurationError(`${where}.${key}`, 'is not a chime-identity-shim option');
  }
  const { defaultRoute, routeTimeoutMs, regions, serviceVersion, identityConfig, identityClient, onEvent } =
    options;
  if (defaultRoute !== undefined && !ROUTES.includes(defaultRoute)) {
    throw configurationError(
      `${where}.defaultRoute`,
      `must be 'identity' or 'legacy', got ${String(defaultRoute)}`,
    );
  }
  if (
    routeTimeoutMs !== undefined &&
    !(typeof routeTimeoutMs === 'number' && routeTimeoutMs > 0 && Number.isFinite(routeTimeoutMs))
  ) {
    throw configurationError(
      `${where}.routeTimeoutMs`,
      `must be a positive number of milliseconds, got ${String(routeTimeoutMs)}`,
    );
  }
  if (regions !== undefined) {
    if (!Array.isArray(regions) || regions.length === 0) {
      throw configurationError(`${where}.regions`, 'must be a non-empty array of AWS region names');
    }
    for (const region of regions) {
      if (typeof region !== 'string' || !isRegionName(region)) {
        throw configurationError(
          `${where}.regions`,
          `must hold plain AWS region names, got '${String(region)}'`,
        );
      }
    }
  }
  if (serviceVersion !== undefined && typeof serviceVersion !== 'string') {
    throw configurationError(`${where}.serviceVersion`, `must be a string, got ${typeof serviceVersion}`);
  }
  if (identityConfig !== undefined && (typeof identityConfig !== 'object' || identityConfig === null)) {
    throw configurationError(`${where}.identityConfig`, 'must be a ChimeSDKIdentityClient config object');
  }
  if (
    identityClient !== undefined &&
    typeof identityClient !== 'function' &&
    typeof (identityClient as { send?: unknown } | null)?.send !== 'function'
  ) {
    throw configurationError(
      `${where}.identityClient`,
      'must be a ChimeSDKIdentityClient or a function of the region',
    );
  }
  if (onEvent !== undefined && typeof onEvent !== 'function') {
    throw configurationError(`${where}.onEvent`, `must be a function, got ${typeof onEvent}`);
  }
  const route = options.route === undefined ? undefined : compileRouteOption(options, where);
  return { options, route, regions: regions ? new Set(regions) : undefined };
}

function compileRouteOption(options: ShimOptions, where: string): RouteSource {
  return compileRoute(options.route!, {
    defaultRoute: options.defaultRoute ?? DEFAULT_ROUTE,
    timeoutMs: options.routeTimeoutMs ?? DEFAULT_ROUTE_TIMEOUT_MS,
    name: `${where}.route`,
  });
}

const EMPTY: PreparedOptions = { options: {}, route: undefined, regions: undefined };
const DEFAULT_SOURCE = compileRoute(DEFAULT_ROUTE, {
  defaultRoute: DEFAULT_ROUTE,
  timeoutMs: DEFAULT_ROUTE_TIMEOUT_MS,
});
const DEFAULT_REGION_SET: ReadonlySet<string> = new Set(DEFAULT_REGIONS);

let processWide: PreparedOptions = EMPTY;

/**
 * Sets the process-wide options, below per-client and per-call options and above the defaults.
 * Each call replaces the previous process-wide options; `configureChimeIdentityShim({})` clears them.
 *
 * @example
 * ```ts
 * import { configureChimeIdentityShim } from 'chime-identity-shim';
 * configureChimeIdentityShim({ route: 'identity', onEvent: (event) => metrics.record(event) });
 * ```
 */
export function configureChimeIdentityShim(options: ShimOptions): void {
  // Read the kill switch now too, so a bad value fails at start-up rather than on the first call.
  routeFromEnvironment();
  processWide = prepareOptions(options, 'configureChimeIdentityShim(options)');
}

/** The options in force for one call: the given layer over the process-wide one over the defaults. */
export interface CallSettings {
  readonly route: RouteSource;
  readonly regions: ReadonlySet<string>;
  readonly serviceVersion: string | undefined;
  readonly onEvent: ShimEventListener | undefined;
  readonly identityClient: ShimOptions['identityClient'];
  readonly identityConfig: ShimOptions['identityConfig'];
}

export function settingsFor(layer: PreparedOptions): CallSettings {
  const own = layer.options;
  const shared = processWide.options;
  return {
    route: layer.route ?? processWide.route ?? DEFAULT_SOURCE,
    regions: layer.regions ?? processWide.regions ?? DEFAULT_REGION_SET,
    serviceVersion: own.serviceVersion ?? shared.serviceVersion,
    onEvent: own.onEvent ?? shared.onEvent,
    identityClient: own.identityClient ?? shared.identityClient,
    identityConfig: own.identityConfig ?? shared.identityConfig,
  };
}

function configurationError(option: string, problem: string): ChimeIdentityShimConfigurationError {
  return new ChimeIdentityShimConfigurationError(`${option} ${problem}`);
}
