/**
 * The drop-in entry: everything `@aws-sdk/client-chime` exports, with `ChimeClient`, `Chime` and
 * `CreateAppInstanceUserCommand` (and its types) served by Chime SDK Identity. Names given here
 * take precedence over the star re-export.
 */
export * from '@aws-sdk/client-chime';
export { Chime, ChimeClient, type ChimeClientConfig } from './client.js';
export {
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserCommandInput,
  type CreateAppInstanceUserCommandOutput,
} from './command.js';
export {
  ChimeIdentityShimConfigurationError,
  type CreateAppInstanceUserOptions,
  type CreateAppInstanceUserOutput,
  type CreateAppInstanceUserRequest,
  type CreateAppInstanceUserResponse,
  configureChimeIdentityShim,
  create_app_instance_user,
  createAppInstanceUser,
  DEFAULT_REGIONS,
  type ExpirationSettings,
  isChimeIdentityShimConfigurationError,
  type OpenFeatureFlag,
  type OpenFeatureRoute,
  ROUTE_ENVIRONMENT_VARIABLE,
  type RolloutPlan,
  type RolloutPlanIds,
  type RolloutStickiness,
  type Route,
  type RouteContext,
  type RouteDecision,
  type RouteFunction,
  type RouteSetting,
  type ShimEvent,
  type ShimEventListener,
  type ShimOptions,
  type Tag,
} from './function.js';
export { chimeIdentityMigration } from './plugin.js';
