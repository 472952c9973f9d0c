import { ChimeIdentityShimConfigurationError } from '../configuration-error.js';
import {
  checkKeys,
  checkRoute,
  configurationError,
  describeValue,
  type Fallbacks,
  fallback,
  fallbacksTo,
  isPlainObject,
  isRoute,
  own,
  withTimeout,
} from './guard.js';
import type { OpenFeatureFlag, Route, RouteContext, RouteDecision, RouteSource } from './types.js';

/** The domain the shim asks for when the setting names none. */
export const DEFAULT_OPENFEATURE_DOMAIN = 'chime-identity-shim';

const FLAG_FIELDS = [
  'flagKey',
  'domain',
  'flagType',
  'defaultRoute',
] as const satisfies readonly (keyof OpenFeatureFlag)[];

/**
 * The parts of `@openfeature/server-sdk` the shim uses, written out so that neither this
 * package's types nor its code depend on the optional peer being installed.
 */
interface EvaluationDetails<T> {
  readonly value: T;
  readonly reason?: string | undefined;
  readonly errorCode?: string | undefined;
}
type EvaluationContext = Record<string, string>;
interface OpenFeatureClient {
  readonly metadata: { readonly providerMetadata: { readonly name: string } };
  getStringDetails(
    flagKey: string,
    defaultValue: string,
    context: EvaluationContext,
  ): Promise<EvaluationDetails<string>>;
  getBooleanDetails(
    flagKey: string,
    defaultValue: boolean,
    context: EvaluationContext,
  ): Promise<EvaluationDetails<boolean>>;
}
interface OpenFeatureApi {
  getClient(domain: string): OpenFeatureClient;
}

/** Loads the SDK module; replaceable in tests to play "not installed". */
export type OpenFeatureSdkLoader = () => Promise<unknown>;

/**
 * The only place the SDK is imported, and only when an OpenFeature route is compiled: the
 * package is an optional peer, so nothing on the main path may import it at load.
 */
const OPENFEATURE_SDK = '@openfeature/server-sdk';
// The specifier is a variable on purpose: a bundler resolves literal `import()`s at build time,
// which would fail the build of every application that does not have this optional peer, and
// would put the SDK into bundles of applications that never use an OpenFeature route.
const importOpenFeatureSdk: OpenFeatureSdkLoader = () =>
  import(/* webpackIgnore: true */ /* @vite-ignore */ OPENFEATURE_SDK) as Promise<
    typeof import('@openfeature/server-sdk')
  >;

/** The server SDK's no-op provider: what every domain has until the application sets one. */
const NO_OP_PROVIDER_NAME = 'No-op Provider';
const NO_OP_REASON = 'No-op';

interface SdkLoad {
  /** Settles (never rejects) once the module has loaded or failed to. */
  readonly ready: Promise<void>;
  settled: boolean;
  api?: OpenFeatureApi;
  failure?: unknown;
}

let sharedLoad: SdkLoad | undefined;

function startLoading(load: OpenFeatureSdkLoader): SdkLoad {
  const state: SdkLoad = {
    settled: false,
    ready: load().then(
      (module) => {
        const candidate = module as {
          OpenFeature?: OpenFeatureApi;
          default?: { OpenFeature?: OpenFeatureApi };
        };
        const api = candidate.OpenFeature ?? candidate.default?.OpenFeature;
        if (typeof api?.getClient === 'function') state.api = api;
        else state.failure = new Error('the module does not export OpenFeature.getClient');
        state.settled = true;
      },
      (error: unknown) => {
        state.failure = error;
        state.settled = true;
      },
    ),
  };
  return state;
}

/** One load of the real SDK per process, shared by every OpenFeature route. */
function sharedSdkLoad(): SdkLoad {
  sharedLoad ??= startLoading(importOpenFeatureSdk);
  return sharedLoad;
}

function sdkError(field: string, failure: unknown): ChimeIdentityShimConfigurationError {
  const code = (failure as { code?: unknown } | null)?.code;
  const problem =
    code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
      ? 'needs the optional peer dependency @openfeature/server-sdk, which is not installed: npm install @openfeature/server-sdk'
      : `needs @openfeature/server-sdk, which could not be loaded: ${failure instanceof Error ? failure.message : String(failure)}`;
  return new ChimeIdentityShimConfigurationError(`${field} ${problem}`, { cause: failure });
}

/**
 * An OpenFeature route. The SDK starts loading here, at configuration; the first decision
 * waits for it (outside the timeout: it is a local module load). If the SDK is missing, every
 * decision throws a `ChimeIdentityShimConfigurationError` saying so, before any network I/O:
 * a deployment mistake, not a flag outage, so it is not hidden behind a fallback.
 */
export function compileOpenFeatureRoute(
  value: Record<string, unknown>,
  name: string,
  defaultRoute: Route,
  timeoutMs: number,
  load: OpenFeatureSdkLoader = importOpenFeatureSdk,
): RouteSource {
  const field = `${name}.openFeature`;
  checkKeys(value, ['openFeature'], name, 'an OpenFeature route');
  const flag = checkOpenFeatureFlag(own(value, 'openFeature'), field);
  const routeDefault = flag.defaultRoute ?? defaultRoute;
  const domain = flag.domain ?? DEFAULT_OPENFEATURE_DOMAIN;
  const fallbacks = fallbacksTo(routeDefault);
  const noProvider = fallback(routeDefault, 'openfeature:NO_PROVIDER');
  const sdk = load === importOpenFeatureSdk ? sharedSdkLoad() : startLoading(load);
  const evaluate = flagEvaluator(flag, routeDefault, fallbacks, noProvider);
  let client: OpenFeatureClient | undefined;

  const decideLoaded = (context: RouteContext): RouteDecision | Promise<RouteDecision> => {
    if (!sdk.api) throw sdkError(field, sdk.failure);
    try {
      client ??= sdk.api.getClient(domain);
    } catch {
      return fallbacks.error;
    }
    return withTimeout(evaluate(client, context), timeoutMs, fallbacks);
  };

  return {
    decide(context: RouteContext): RouteDecision | Promise<RouteDecision> {
      return sdk.settled ? decideLoaded(context) : sdk.ready.then(() => decideLoaded(context));
    },
  };
}

function flagEvaluator(
  flag: OpenFeatureFlag,
  routeDefault: Route,
  fallbacks: Fallbacks,
  noProvider: RouteDecision,
): (client: OpenFeatureClient, context: RouteContext) => Promise<RouteDecision> {
  const { flagKey } = flag;
  const booleanFlag = flag.flagType === 'boolean';
  return async (client, context) => {
    const evaluationContext: EvaluationContext = {
      region: context.region,
      operation: context.operation,
      family: context.family,
    };
    if (context.AppInstanceUserId !== undefined) evaluationContext.targetingKey = context.AppInstanceUserId;
    if (context.AppInstanceArn !== undefined) evaluationContext.appInstanceArn = context.AppInstanceArn;
    if (context.serviceVersion !== undefined) evaluationContext.serviceVersion = context.serviceVersion;
    const details: EvaluationDetails<unknown> = booleanFlag
      ? await client.getBooleanDetails(flagKey, routeDefault === 'identity', evaluationContext)
      : await client.getStringDetails(flagKey, routeDefault, evaluationContext);
    // The SDK never throws from an evaluation: failures come back as an errorCode with the default value.
    if (details.errorCode !== undefined || details.reason === 'ERROR' || details.reason === NO_OP_REASON) {
      if (client.metadata.providerMetadata.name === NO_OP_PROVIDER_NAME) return noProvider;
      return {
        route: routeDefault,
        reason: `fallback:openfeature:${reasonCode(details.errorCode ?? 'GENERAL')}`,
      };
    }
    const route = booleanFlag ? booleanRoute(details.value) : details.value;
    if (!isRoute(route)) return fallbacks.invalidRoute;
    return { route, reason: `openfeature:${reasonCode(details.reason ?? 'UNKNOWN')}` };
  };
}

function booleanRoute(value: unknown): Route | undefined {
  if (value === true) return 'identity';
  if (value === false) return 'legacy';
  return undefined;
}

const reasonCodes = new Map<string, string>();

/**
 * Reasons and error codes come from the provider, which may use its own: keep them to a
 * short token so an event (and the metrics labelled with it) cannot carry arbitrary text.
 */
function reasonCode(value: string): string {
  let code = reasonCodes.get(value);
  if (code === undefined) {
    code = value.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64) || 'UNKNOWN';
    if (reasonCodes.size < 256) reasonCodes.set(value, code);
  }
  return code;
}

function checkOpenFeatureFlag(value: unknown, field: string): OpenFeatureFlag {
  if (!isPlainObject(value)) {
    throw configurationError(
      field,
      `must be an object such as { flagKey: 'chime-identity-route' }, got ${describeValue(value)}`,
    );
  }
  checkKeys(value, FLAG_FIELDS, field, 'an OpenFeature route');
  const flagKey = own(value, 'flagKey');
  if (typeof flagKey !== 'string' || flagKey === '') {
    throw configurationError(`${field}.flagKey`, `must be a non-empty string, got ${describeValue(flagKey)}`);
  }
  const domain = own(value, 'domain');
  if (domain !== undefined && (typeof domain !== 'string' || domain === '')) {
    throw configurationError(`${field}.domain`, `must be a non-empty string, got ${describeValue(domain)}`);
  }
  const flagType = own(value, 'flagType');
  if (flagType !== undefined && flagType !== 'string' && flagType !== 'boolean') {
    throw configurationError(
      `${field}.flagType`,
      `must be 'string' or 'boolean', got ${describeValue(flagType)}`,
    );
  }
  return {
    flagKey,
    domain: domain as string | undefined,
    flagType,
    defaultRoute: checkRoute(own(value, 'defaultRoute'), `${field}.defaultRoute`),
  };
}
