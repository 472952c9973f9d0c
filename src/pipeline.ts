import { randomUUID } from 'node:crypto';
import {
  type ChimeSDKIdentityClient,
  CreateAppInstanceUserCommand as IdentityCreateAppInstanceUserCommand,
} from '@aws-sdk/client-chime-sdk-identity';
import type { HttpHandlerOptions, MetadataBearer, ResponseMetadata } from '@smithy/types';
import { assertSupportedPeers, INSTALLED_PEERS } from './compatibility.js';
import { badRequest, toLegacyError } from './errors.js';
import { emitEvent } from './events.js';
import type { IdentityClientPool } from './identity-clients.js';
import {
  CREATE_APP_INSTANCE_USER_REQUEST,
  type CreateAppInstanceUserRequest,
  type CreateAppInstanceUserResponse,
} from './operations/create-app-instance-user.js';
import { decideRoute } from './routing/index.js';
import type { RouteDecision } from './routing/types.js';
import { type CallSettings, isRegionName, type PreparedOptions, settingsFor } from './settings.js';
import { type Violation, validate } from './validation.js';

export type CreateAppInstanceUserOutput = CreateAppInstanceUserResponse & MetadataBearer;

/** A validated request: the required members are known to be present. */
type ValidRequest = CreateAppInstanceUserRequest & {
  AppInstanceArn: string;
  AppInstanceUserId: string;
  Name: string;
};

/** Where a call comes from: what every surface (drop-in, plugin, function, CLI) hands to the one path. */
export interface CallSite {
  /** The per-client or per-call options (the process-wide ones are merged in per call). */
  readonly layer: PreparedOptions;
  /** The identity clients of this site, when none is injected (async where the config must be found first). */
  readonly pool: (settings: CallSettings) => IdentityClientPool | Promise<IdentityClientPool>;
  /** `abortSignal` and `requestTimeout` given to `send` or the aggregated method. */
  readonly sendOptions?: HttpHandlerOptions | undefined;
  /**
   * The caller's own legacy command path, when its `@aws-sdk/client-chime` (<= 3.750) still has
   * one: the legacy route then runs it untouched.
   */
  readonly nativeLegacy?:
    | ((request: CreateAppInstanceUserRequest) => Promise<CreateAppInstanceUserOutput>)
    | undefined;
}

// At load: a peer outside the tested ranges fails once, loudly, instead of misbehaving per call.
assertSupportedPeers(INSTALLED_PEERS);

/** The region the deprecated namespace always used, whatever the ARN or the client said. */
const LEGACY_REGION = 'us-east-1';

/**
 * The one path every surface funnels into: validate -> decide the route -> call exactly one
 * backend once -> translate the result or the error -> emit one event.
 */
export async function createAppInstanceUserThroughShim(
  input: unknown,
  site: CallSite,
): Promise<CreateAppInstanceUserOutput> {
  const startedAt = performance.now();
  const settings = settingsFor(site.layer);
  let decision: RouteDecision | undefined;
  let region: string | undefined;
  // What failed when no route was decided: the input, or the routing configuration.
  let stage: 'validation' | 'configuration' = 'validation';
  try {
    const { request, arnRegion } = await checkRequest(input, settings.regions);
    stage = 'configuration';
    decision = await decideRoute(settings.route, {
      AppInstanceUserId: request.AppInstanceUserId,
      AppInstanceArn: request.AppInstanceArn,
      region: arnRegion,
      serviceVersion: settings.serviceVersion,
    });
    if (decision.route === 'legacy' && request.ExpirationSettings !== undefined) {
      throw await badRequest([
        {
          path: 'expirationSettings',
          constraint: 'Member is not supported by the Amazon Chime namespace (legacy route)',
        },
      ]);
    }
    region = decision.route === 'legacy' ? LEGACY_REGION : arnRegion;
    const output =
      decision.route === 'legacy' && site.nativeLegacy
        ? await site.nativeLegacy(request)
        : await sendToIdentity(await identityClient(settings, site, region), request, site.sendOptions);
    emitEvent(settings.onEvent, {
      operation: 'CreateAppInstanceUser',
      route: decision.route,
      reason: decision.reason,
      region,
      outcome: 'success',
      durationMs: performance.now() - startedAt,
      attempts: output.$metadata.attempts ?? 1,
      requestId: output.$metadata.requestId,
    });
    return output;
  } catch (error) {
    const metadata = (error as { $metadata?: ResponseMetadata } | null)?.$metadata;
    emitEvent(settings.onEvent, {
      operation: 'CreateAppInstanceUser',
      route: decision?.route,
      reason: decision?.reason ?? stage,
      region,
      outcome: 'error',
      errorName: error instanceof Error ? error.name : typeof error,
      durationMs: performance.now() - startedAt,
      attempts: metadata?.attempts ?? 0,
      requestId: metadata?.requestId,
    });
    throw error;
  }
}

/** The validated request and the region its ARN names, or a legacy `BadRequestException`. */
async function checkRequest(
  input: unknown,
  regions: ReadonlySet<string>,
): Promise<{ request: ValidRequest; arnRegion: string }> {
  const result = validate<ValidRequest>(
    input,
    CREATE_APP_INSTANCE_USER_REQUEST,
    'createAppInstanceUserRequest',
  );
  if (!result.ok) throw await badRequest(result.violations);
  const arnRegion = regionOf(result.value.AppInstanceArn);
  const violation = regionViolation(arnRegion, regions);
  if (violation) throw await badRequest([violation]);
  return { request: result.value, arnRegion };
}

/**
 * `arn:partition:service:region:account:resource`: the text between the third and fourth
 * colons. The pattern already checked there are at least five.
 */
function regionOf(arn: string): string {
  const afterService = arn.indexOf(':', arn.indexOf(':', 4) + 1);
  return arn.slice(afterService + 1, arn.indexOf(':', afterService + 1));
}

/** The ARN picks the host: only a plain region name on the allow-list may do so. */
function regionViolation(region: string, regions: ReadonlySet<string>): Violation | undefined {
  if (isRegionName(region) && regions.has(region)) return undefined;
  return {
    path: 'appInstanceArn',
    constraint: `Member must name one of the allowed regions [${[...regions].join(', ')}], got '${region}'`,
  };
}

async function identityClient(
  settings: CallSettings,
  site: CallSite,
  region: string,
): Promise<ChimeSDKIdentityClient> {
  const injected = settings.identityClient;
  if (injected) return typeof injected === 'function' ? injected(region) : injected;
  return (await site.pool(settings)).get(region);
}

async function sendToIdentity(
  client: ChimeSDKIdentityClient,
  request: ValidRequest,
  sendOptions: HttpHandlerOptions | undefined,
): Promise<CreateAppInstanceUserOutput> {
  // One token per logical call, made here, before the SDK's retry loop, so that every attempt
  // carries it. `null` never reaches the SDK (validation dropped it): the new serializer writes
  // it as invalid JSON. `request` is the shim's own copy of the input, so it is filled in place.
  request.ClientRequestToken ??= randomUUID();
  const command = new IdentityCreateAppInstanceUserCommand(
    request as ConstructorParameters<typeof IdentityCreateAppInstanceUserCommand>[0],
  );
  try {
    const result = await client.send(command, sendOptions);
    return { AppInstanceUserArn: result.AppInstanceUserArn, $metadata: result.$metadata };
  } catch (error) {
    throw await toLegacyError(error);
  }
}
