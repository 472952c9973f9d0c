import type { HttpHandlerOptions } from '@smithy/types';
import { identityClientPool } from './identity-clients.js';
import type { CreateAppInstanceUserRequest } from './operations/create-app-instance-user.js';
import type { ShimOptions } from './options.js';
import { type CreateAppInstanceUserOutput, createAppInstanceUserThroughShim } from './pipeline.js';
import { type CallSettings, type PreparedOptions, prepareOptions } from './settings.js';

export {
  ChimeIdentityShimConfigurationError,
  isChimeIdentityShimConfigurationError,
} from './configuration-error.js';
export type { ShimEvent, ShimEventListener } from './events.js';
export type {
  CreateAppInstanceUserRequest,
  CreateAppInstanceUserResponse,
  ExpirationSettings,
  Tag,
} from './operations/create-app-instance-user.js';
export type { ShimOptions } from './options.js';
export type { CreateAppInstanceUserOutput } from './pipeline.js';
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
  RouteSetting,
} from './routing/index.js';
export { ROUTE_ENVIRONMENT_VARIABLE } from './routing/index.js';
export { configureChimeIdentityShim, DEFAULT_REGIONS } from './settings.js';

/** Shim options for one call, plus the options `send` takes. */
export interface CreateAppInstanceUserOptions extends ShimOptions, HttpHandlerOptions {}

/** Options objects are checked (and a rollout plan compiled) once, then reused: pass the same object. */
const prepared = new WeakMap<object, PreparedOptions>();
const SEND_OPTION_NAMES = ['abortSignal', 'requestTimeout'] as const;

/** Identity clients of calls that give no `identityConfig`. */
const DEFAULT_POOL_OWNER = {};

/**
 * The legacy `CreateAppInstanceUser` as a function, served by Chime SDK Identity in the region of
 * the `AppInstanceArn`. Identity clients are built from `identityConfig` (or the default
 * credential chain), one per region, and reused.
 *
 * @example
 * ```ts
 * import { createAppInstanceUser } from 'chime-identity-shim';
 *
 * const { AppInstanceUserArn } = await createAppInstanceUser(
 *   { AppInstanceArn, AppInstanceUserId: 'user-1', Name: 'Ada' },
 *   { route: 'identity', onEvent: console.log },
 * );
 * ```
 */
export function createAppInstanceUser(
  input: CreateAppInstanceUserRequest,
  options?: CreateAppInstanceUserOptions,
): Promise<CreateAppInstanceUserOutput> {
  return createAppInstanceUserThroughShim(input, {
    layer: prepareCallOptions(options),
    pool: functionPool,
    sendOptions: sendOptionsOf(options),
  });
}

function sendOptionsOf(options: CreateAppInstanceUserOptions | undefined): HttpHandlerOptions | undefined {
  if (options?.abortSignal === undefined && options?.requestTimeout === undefined) return undefined;
  return {
    ...(options.abortSignal !== undefined && { abortSignal: options.abortSignal }),
    ...(options.requestTimeout !== undefined && { requestTimeout: options.requestTimeout }),
  };
}

/** The boto3 spelling, for code ported from Python. */
export const create_app_instance_user = createAppInstanceUser;

function prepareCallOptions(options: CreateAppInstanceUserOptions | undefined): PreparedOptions {
  if (options === undefined) return prepareOptions(undefined, 'options');
  let layer = prepared.get(options);
  if (!layer) {
    const shimOptions: Record<string, unknown> = { ...options };
    for (const name of SEND_OPTION_NAMES) delete shimOptions[name];
    layer = prepareOptions(shimOptions as ShimOptions, 'createAppInstanceUser(input, options)');
    prepared.set(options, layer);
  }
  return layer;
}

function functionPool(settings: CallSettings) {
  return identityClientPool(
    settings.identityConfig ?? DEFAULT_POOL_OWNER,
    () => settings.identityConfig ?? {},
  );
}
