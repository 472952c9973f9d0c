import { ChimeIdentityShimConfigurationError } from './configuration-error.js';
import type { ShimEventListener } from './events.js';
import { FAMILIES } from './operations/operation.js';
import type { FamilyClients, ShimOptions } from './options.js';
import { compileRoute, routeFromEnvironment } from './routing/index.js';
import { ROUTES, type Route, type RouteSource } from './routing/types.js';

/** Where Chime SDK Identity is documented to run; the default allow-list. */
export const DEFAULT_REGIONS: readonly string[] = ['us-east-1', 'eu-central-1'];
export const DEFAULT_ROUTE: Route = 'identity';
/** Where the deprecated namespace sent every call: the region of an input that names no ARN. */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ROUTE_TIMEOUT_MS = 100;

/** An ARN, roughly: `arn:aws:chime:us-east-1:111122223333:app-instance/...`, for checking `chimeBearer`. */
const CHIME_ARN = /^arn:[a-z0-9.-]{1,63}:[a-z0-9.-]{0,63}:[a-z0-9.-]{0,63}:[a-z0-9.-]{0,63}:[^/].{0,1023}$/s;

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
  'defaultRegion',
  'chimeBearer',
  'serviceVersion',
  'identityConfig',
  'identityClient',
  'clients',
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
  const { defaultRegion, chimeBearer, clients } = options;
  if (defaultRegion !== undefined) {
    if (typeof defaultRegion !== 'string' || !isRegionName(defaultRegion)) {
      throw configurationError(
        `${where}.defaultRegion`,
        `must be a plain AWS region name such as 'us-east-1', got '${String(defaultRegion)}'`,
      );
    }
    if (regions !== undefined && !regions.includes(defaultRegion)) {
      throw configurationError(
        `${where}.defaultRegion`,
        `'${defaultRegion}' must be one of regions [${regions.join(', ')}]`,
      );
    }
  }
  if (chimeBearer !== undefined && (typeof chimeBearer !== 'string' || !CHIME_ARN.test(chimeBearer))) {
    throw configurationError(
      `${where}.chimeBearer`,
      'must be the ARN of an AppInstanceUser or AppInstanceBot (arn:aws:chime:<region>:<account>:app-instance/<id>/user/<id>)',
    );
  }
  if (clients !== undefined) checkClients(clients, `${where}.clients`);
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

function isClient(value: unknown): boolean {
  return typeof (value as { send?: unknown } | null)?.send === 'function';
}

function checkClients(clients: FamilyClients, where: string): void {
  if (typeof clients !== 'object' || clients === null || Array.isArray(clients)) {
    throw configurationError(where, 'must be an object of clients by family');
  }
  for (const [family, client] of Object.entries(clients)) {
    if (!(FAMILIES as readonly string[]).includes(family)) {
      throw configurationError(`${where}.${family}`, `is not a family (${FAMILIES.join(', ')})`);
    }
    if (client !== undefined && typeof client !== 'function' && !isClient(client)) {
      throw configurationError(
        `${where}.${family}`,
        'must be a client of the family or a function of the region',
      );
    }
  }
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
  readonly defaultRegion: string;
  readonly chimeBearer: string | undefined;
  /** Injected clients by family; `identityClient` is folded in as `identity`, layer by layer. */
  readonly clients: FamilyClients;
  readonly serviceVersion: string | undefined;
  readonly onEvent: ShimEventListener | undefined;
  readonly identityConfig: ShimOptions['identityConfig'];
}

/** Settings by layer, for the process-wide options they were computed with: calls reuse them. */
const settingsCache = new WeakMap<
  PreparedOptions,
  { readonly shared: PreparedOptions; readonly settings: CallSettings }
>();

export function settingsFor(layer: PreparedOptions): CallSettings {
  const cached = settingsCache.get(layer);
  if (cached?.shared === processWide) return cached.settings;
  const own = layer.options;
  const shared = processWide.options;
  const settings: CallSettings = {
    route: layer.route ?? processWide.route ?? DEFAULT_SOURCE,
    regions: layer.regions ?? processWide.regions ?? DEFAULT_REGION_SET,
    defaultRegion: own.defaultRegion ?? shared.defaultRegion ?? DEFAULT_REGION,
    chimeBearer: own.chimeBearer ?? shared.chimeBearer,
    clients: { ...injectedClients(shared), ...injectedClients(own) },
    serviceVersion: own.serviceVersion ?? shared.serviceVersion,
    onEvent: own.onEvent ?? shared.onEvent,
    identityConfig: own.identityConfig ?? shared.identityConfig,
  };
  settingsCache.set(layer, { shared: processWide, settings });
  return settings;
}

/** One layer's injected clients, with `identityClient` as `identity` (`clients.identity` wins). */
function injectedClients(options: ShimOptions): FamilyClients {
  const identity = options.clients?.identity ?? options.identityClient;
  const clients: Record<string, unknown> = {};
  for (const [family, client] of Object.entries(options.clients ?? {})) {
    if (client !== undefined) clients[family] = client;
  }
  if (identity !== undefined) clients.identity = identity;
  return clients as FamilyClients;
}

function configurationError(option: string, problem: string): ChimeIdentityShimConfigurationError {
  return new ChimeIdentityShimConfigurationError(`${option} ${problem}`);
}
