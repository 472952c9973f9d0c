import type {
  ChimeSDKIdentityClient,
  ChimeSDKIdentityClientConfig,
} from '@aws-sdk/client-chime-sdk-identity';
import type { ShimEventListener } from './events.js';
import type { Family } from './operations/operation.js';
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
  /** The regions an input's ARN (and `defaultRegion`) may name. Default `['us-east-1', 'eu-central-1']`. */
  readonly regions?: readonly string[] | undefined;
  /**
   * The region of an operation whose input names no ARN (`CreateAppInstance`, `ListAppInstances`,
   * the meeting and voice operations). Default `'us-east-1'`, where the deprecated namespace sent
   * every call; it must be one of `regions`.
   */
  readonly defaultRegion?: string | undefined;
  /**
   * The messaging bearer (an AppInstanceUser or AppInstanceBot ARN) of messaging calls that do not
   * give `ChimeBearer`, which the Chime SDK Messaging namespace requires.
   */
  readonly chimeBearer?: string | undefined;
  /** The caller's own version, matched by a rollout plan's `serviceVersion` range. */
  readonly serviceVersion?: string | undefined;
  /**
   * Overrides applied on top of the config inherited from the legacy client, for the client of
   * every family (the name is kept from when Chime SDK Identity was the only one): credentials,
   * endpoint, retry settings, request handler, ...
   */
  readonly identityConfig?: ChimeSDKIdentityClientConfig | undefined;
  /** Use this Chime SDK Identity client (or the client this function returns for a region) instead of building one. */
  readonly identityClient?: ChimeSDKIdentityClient | ((region: string) => ChimeSDKIdentityClient) | undefined;
  /**
   * Use these clients instead of building them: per family, a client of that family's package
   * (`ChimeSDKMessagingClient`, ...) or a function of the region returning one. `identity` here
   * and `identityClient` are the same setting; `clients.identity` wins.
   */
  readonly clients?: FamilyClients | undefined;
  /** Receives one event per call. A listener that throws is ignored. */
  readonly onEvent?: ShimEventListener | undefined;
}

/** A family's client, as `ShimOptions.clients` takes it: anything with the SDK client's `send`. */
export type FamilyClient = { send(command: any, options?: any): Promise<any>; destroy?(): void };

/** Injected clients, per family: a client or a function of the region. */
export type FamilyClients = {
  readonly [family in Family]?: FamilyClient | ((region: string) => FamilyClient) | undefined;
};
