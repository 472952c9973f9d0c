import type {
  ChimeSDKIdentityClient,
  ChimeSDKIdentityClientConfig,
} from '@aws-sdk/client-chime-sdk-identity';
import type { ShimEventListener } from './events.js';
import type { RouteSetting } from './routing/index.js';
import type { Route } from './routing/types.js';

/**
 * How the shim serves calls. Given per client (`new ChimeClient({ ...cfg, migration })`),
 * per call (the function), or process-wide (`configureChimeIdentityShim`).
 * Precedence: `CHIME_IDENTITY_SHIM_ROUTE` > per client / per call > process-wide > defaults.
 */
export interface ShimOptions {
  /** `'identity'` (default), `'legacy'`, a rollout plan, a function, or an OpenFeature flag. */
  readonly route?: RouteSetting | undefined;
  /** The route used when a route source fails or times out, and a plan's route outside its rules. Default `'identity'`. */
  readonly defaultRoute?: Route | undefined;
  /** How long an async route source (function, OpenFeature) may take, in ms. Default 100. */
  readonly routeTimeoutMs?: number | undefined;
  /** The regions an `AppInstanceArn` may name. Default `['us-east-1', 'eu-central-1']`. */
  readonly regions?: readonly string[] | undefined;
  /** The caller's own version, matched by a rollout plan's `serviceVersion` range. */
  readonly serviceVersion?: string | undefined;
  /** Overrides applied on top of the config inherited from the legacy client. */
  readonly identityConfig?: ChimeSDKIdentityClientConfig | undefined;
  /** Use this client (or the client this function returns for a region) instead of building one. */
  readonly identityClient?: ChimeSDKIdentityClient | ((region: string) => ChimeSDKIdentityClient) | undefined;
  /** Receives one event per call. A listener that throws is ignored. */
  readonly onEvent?: ShimEventListener | undefined;
}
