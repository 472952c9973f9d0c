/**
 * The package's own public API (besides the surfaces the operation table builds): options,
 * rollout, events and errors. Both entries re-export it; every export is named, because
 * src/index.ts (generated) lists them one by one.
 */

export {
  ChimeIdentityShimConfigurationError,
  isChimeIdentityShimConfigurationError,
} from './configuration-error.js';
export type { ShimEvent, ShimEventListener } from './events.js';
export type { Family } from './operations/operation.js';
export type { FamilyClient, FamilyClients, ShimOptions } from './options.js';
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
export type {
  CreateAppInstanceUserOptions,
  CreateAppInstanceUserOutput,
  OperationOptions,
  Output,
} from './surfaces/function.js';
export type { ChimePaginationConfiguration } from './surfaces/paginator.js';
