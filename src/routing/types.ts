import type { Family } from '../operations/operation.js';

/**
 * The two backends a legacy call can be served by: `identity`, the dedicated Chime SDK namespace
 * of the operation's family (the name is kept from when Chime SDK Identity was the only one), or
 * `legacy`, what the deprecated namespace did.
 */
export type Route = 'identity' | 'legacy';

export const ROUTES: readonly Route[] = ['identity', 'legacy'];

/**
 * What a route source sees for one call. Built after the input passed validation, so every
 * field is a well-formed string. Never carries `Name`, `Metadata`, tags or tokens.
 */
export interface RouteContext {
  /** The legacy operation, `CreateAppInstanceUser`. */
  readonly operation: string;
  /** The family that serves it (for generic tagging, the family that owns the resource). */
  readonly family: Family;
  /**
   * The user the call is about: the `AppInstanceUserId` member, or the user of a user ARN the
   * input names (`AppInstanceUserArn`, `ChimeBearer`, `MemberArn`); `undefined` when it names none.
   */
  readonly AppInstanceUserId?: string | undefined;
  /**
   * The app instance the call is about: the `AppInstanceArn` member, or the app instance of any
   * resource ARN under it (a user, a channel, ...); `undefined` when it names none.
   */
  readonly AppInstanceArn?: string | undefined;
  /** The region the call is served in on the identity route: from the input's ARN, else `defaultRegion`. */
  readonly region: string;
  /** The caller's own version (`ShimOptions.serviceVersion`), for semver rules. */
  readonly serviceVersion?: string | undefined;
}

/**
 * A route with the reason it was chosen, as it appears in the event. The reasons:
 *
 * | reason | route | when |
 * |---|---|---|
 * | `env` | the variable's | `CHIME_IDENTITY_SHIM_ROUTE` is set |
 * | `static` | the setting's | `route: 'identity'` or `route: 'legacy'` |
 * | `no-key` | the plan's default | a plan's stickiness key (user id or app instance ARN) is not in the call |
 * | `plan:operation` | the plan's default | the plan's `operations` do not cover the call's operation or family |
 * | `plan:deny` | legacy | the user id or the ARN is on the plan's deny list |
 * | `plan:allow` | identity | the user id or the ARN is on the plan's allow list (and not denied) |
 * | `plan:serviceVersion` | the plan's default | `serviceVersion` is missing or outside the plan's range |
 * | `plan:bucket=<n>` | identity when `n <= percentage` | `n` is the user's Unleash bucket, 1 to 100 |
 * | `function` | the function's | a route function returned `'identity'` or `'legacy'` |
 * | `openfeature:<REASON>` | the flag's | the flag evaluated; `<REASON>` is OpenFeature's (`TARGETING_MATCH`, `STATIC`, `SPLIT`, `DISABLED`, ...) |
 * | `fallback:openfeature:<ERROR_CODE>` | the default | the evaluation failed (`PROVIDER_NOT_READY`, `FLAG_NOT_FOUND`, `TYPE_MISMATCH`, `GENERAL`, ...) |
 * | `fallback:openfeature:NO_PROVIDER` | the default | no OpenFeature provider is bound to the domain or as the default |
 * | `fallback:invalid-route` | the default | a function or a string flag answered something other than `'identity'`/`'legacy'` |
 * | `fallback:error` | the default | the source threw or rejected |
 * | `fallback:timeout` | the default | the source did not answer within `routeTimeoutMs` |
 */
export interface RouteDecision {
  readonly route: Route;
  readonly reason: string;
}

/**
 * A route chosen by the caller's own code, sync or async. It runs on every call, so keep it
 * cheap; a throw, a rejection, an answer other than `'identity'`/`'legacy'` or no answer
 * within `routeTimeoutMs` sends the call to the default route (`fallback:<why>`), never fails it.
 *
 * @example
 * ```ts
 * const route: RouteFunction = ({ AppInstanceArn }) =>
 *   AppInstanceArn.endsWith('/app-instance/canary') ? 'identity' : 'legacy';
 * ```
 */
export type RouteFunction = (context: RouteContext) => Route | Promise<Route>;

/** Which id a rollout plan hashes, so that a user (or a whole app instance) always gets the same route. */
export type RolloutStickiness = 'AppInstanceUserId' | 'AppInstanceArn';

/** Ids a rollout plan's `allow` or `deny` rule matches, compared exactly (case-sensitive). */
export interface RolloutPlanIds {
  readonly AppInstanceArns?: readonly string[] | undefined;
  readonly AppInstanceUserIds?: readonly string[] | undefined;
}

/**
 * A gradual rollout, as plain JSON so it can live in a config file or a flag service.
 * Rules, first match wins:
 * 0. `operations`: a call of an operation (or family) it does not name gets `defaultRoute`
 *    (`plan:operation`).
 * 1. `deny` -> legacy (`plan:deny`); deny wins over allow.
 * 2. `allow` -> identity (`plan:allow`).
 * 3. `serviceVersion` range: a caller whose `ShimOptions.serviceVersion` is missing or outside
 *    it gets `defaultRoute` (`plan:serviceVersion`).
 * 4. Otherwise the user's bucket, Unleash `flexibleRollout`:
 *    `murmur3_x86_32(groupId + ':' + id, seed 0) % 100 + 1`, identity when `<= percentage`
 *    (`plan:bucket=<n>`). Raising `percentage` only ever moves users from legacy to identity.
 *
 * @example
 * ```json
 * {
 *   "groupId": "chime-identity-route",
 *   "percentage": 25,
 *   "stickiness": "AppInstanceUserId",
 *   "allow": { "AppInstanceUserIds": ["qa-bot-1"] },
 *   "deny": { "AppInstanceArns": ["arn:aws:chime:us-east-1:111122223333:app-instance/legacy-only"] },
 *   "serviceVersion": ">=2.3.0",
 *   "defaultRoute": "legacy"
 * }
 * ```
 */
export interface RolloutPlan {
  /** Share of users on the identity route: a whole number from 0 (nobody) to 100 (everybody). */
  readonly percentage: number;
  /**
   * Salts the bucketing (Unleash's `groupId`, by default the flag name there). Keep it fixed
   * for the whole rollout: changing it reshuffles every user. Use the Unleash flag's name to
   * bucket exactly as an Unleash `flexibleRollout` strategy on that flag would.
   */
  readonly groupId: string;
  /** Which id is hashed. Default `'AppInstanceUserId'`; `'AppInstanceArn'` moves whole app instances. */
  readonly stickiness?: RolloutStickiness | undefined;
  /** Always identity (unless denied). */
  readonly allow?: RolloutPlanIds | undefined;
  /** Always legacy, whatever else matches. */
  readonly deny?: RolloutPlanIds | undefined;
  /**
   * A semver range (`>=2.3.0`, `^2.3.0 || ^3`) the caller's `ShimOptions.serviceVersion` must
   * satisfy for the percentage to apply. Prereleases count (`2.4.0-rc.1` satisfies `>=2.3.0`).
   */
  readonly serviceVersion?: string | undefined;
  /** The route of callers outside `serviceVersion`, and of failures. Default: `ShimOptions.defaultRoute`. */
  readonly defaultRoute?: Route | undefined;
  /**
   * The operations the plan covers: legacy operation names (`CreateChannel`) or family names
   * (`identity`, `messaging`, `meetings`, `voice`, `mediaPipelines`). Default: every operation.
   * A call the plan does not cover, or one that names no stickiness key (a `ListAppInstances`
   * has no user), gets `defaultRoute` (`plan:operation`, `no-key`).
   */
  readonly operations?: readonly string[] | undefined;
}

/**
 * Asks an OpenFeature flag, through `OpenFeature.getClient(domain)`. The shim never sets a
 * provider: the application binds one (`OpenFeature.setProvider(domain, provider)` or as the
 * default). The evaluation context is `{ targetingKey: AppInstanceUserId, appInstanceArn,
 * region, serviceVersion, operation, family }` (members the call does not name are left out).
 * Needs the optional peer `@openfeature/server-sdk`.
 *
 * @example
 * ```ts
 * new ChimeClient({
 *   region: 'us-east-1',
 *   migration: { route: { openFeature: { flagKey: 'chime-identity-route', domain: 'chime' } } },
 * });
 * ```
 */
export interface OpenFeatureRoute {
  readonly openFeature: OpenFeatureFlag;
}

export interface OpenFeatureFlag {
  /** The flag's key. */
  readonly flagKey: string;
  /** The client domain. Default `'chime-identity-shim'`, which uses the default provider unless one is bound to it. */
  readonly domain?: string | undefined;
  /** `'string'` (default): the flag's value is `'identity'` or `'legacy'`. `'boolean'`: `true` means identity. */
  readonly flagType?: 'string' | 'boolean' | undefined;
  /** The route with no provider, on an evaluation error, or a value that is not a route. Default: `ShimOptions.defaultRoute`. */
  readonly defaultRoute?: Route | undefined;
}

/**
 * A compiled route setting. `decide` may return a promise (functions, OpenFeature); static
 * routes and plans answer synchronously so the hot path awaits nothing it does not need to.
 */
export interface RouteSource {
  decide(context: RouteContext): RouteDecision | Promise<RouteDecision>;
}
