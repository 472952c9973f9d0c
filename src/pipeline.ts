import { randomUUID } from 'node:crypto';
import type { HttpHandlerOptions, MetadataBearer, ResponseMetadata } from '@smithy/types';
import { assertSupportedPeers, INSTALLED_PEERS } from './compatibility.js';
import { ChimeIdentityShimConfigurationError } from './configuration-error.js';
import { badRequest, refusal, toLegacyError } from './errors.js';
import { emitEvent } from './events.js';
import { flaggedMembers } from './model/members.js';
import { project } from './model/project.js';
import { messageName } from './model/shapes.js';
import { type Violation, validate } from './model/validate.js';
import { FAMILY_PACKAGES, loadFamily, type NamespaceClients } from './namespaces.js';
import type { Family, Operation } from './operations/operation.js';
import SERVED from './operations/served.json' with { type: 'json' };
import type { Answer, Request } from './operations/translations/types.js';
import { decideRoute } from './routing/index.js';
import type { Route, RouteDecision } from './routing/types.js';
import { type CallSettings, isRegionName, type PreparedOptions, settingsFor } from './settings.js';

/** What every call answers: the legacy response members and `$metadata`. */
export type Output = Record<string, unknown> & MetadataBearer;

/** Where a call comes from: what every surface (drop-in, plugin, function, CLI) hands to the one path. */
export interface CallSite {
  /** The per-client or per-call options (the process-wide ones are merged in per call). */
  readonly layer: PreparedOptions;
  /** The namespace clients of this site, when none is injected (async where the config must be found first). */
  readonly pool: (settings: CallSettings) => NamespaceClients | Promise<NamespaceClients>;
  /** `abortSignal` and `requestTimeout` given to `send` or the aggregated method. */
  readonly sendOptions?: HttpHandlerOptions | undefined;
  /**
   * The caller's own legacy command path, when its `@aws-sdk/client-chime` (<= 3.750) still has
   * the operation: the legacy route then runs it untouched.
   */
  readonly nativeLegacy?: ((request: Request) => Promise<Output>) | undefined;
}

// At load: a peer outside the tested ranges fails once, loudly, instead of misbehaving per call.
assertSupportedPeers(INSTALLED_PEERS);

/** The region the deprecated namespace always used, whatever the ARN or the client said. */
const LEGACY_REGION = 'us-east-1';

const SERVED_FAMILIES: ReadonlySet<string> = new Set(SERVED.families);

/** A failure before any route was decided: what failed, for the event's `reason`. */
type Stage = 'validation' | 'configuration';

/**
 * The one path every surface funnels into: validate -> decide the route -> translate the request
 * -> call exactly one backend write once -> translate the result or the error -> emit one event.
 */
export async function call(operation: Operation, input: unknown, site: CallSite): Promise<Output> {
  const startedAt = performance.now();
  const settings = settingsFor(site.layer);
  let decision: RouteDecision | undefined;
  let family: Family | undefined = operation.family === 'tagging' ? undefined : operation.family;
  let region: string | undefined;
  let translation: string | undefined;
  let stage: Stage = 'validation';
  const emit = (metadata: ResponseMetadata | undefined, failure?: { error: unknown }) =>
    emitEvent(settings.onEvent, {
      operation: operation.name,
      family,
      route: decision?.route,
      reason: decision?.reason ?? stage,
      region,
      outcome: failure ? 'error' : 'success',
      ...(failure && {
        errorName: failure.error instanceof Error ? failure.error.name : typeof failure.error,
      }),
      ...(translation !== undefined && { translation }),
      durationMs: performance.now() - startedAt,
      attempts: metadata?.attempts ?? (failure ? 0 : 1),
      requestId: metadata?.requestId,
    });
  try {
    const request = await checkRequest(operation, input, settings);
    if (operation.translation?.family) family = await operation.translation.family(request);
    const arnRegion = await regionOf(operation, request, settings);
    stage = 'configuration';
    checkServed(operation, family!);
    decision = await decideRoute(settings.route, {
      operation: operation.name,
      family: family!,
      AppInstanceUserId: userIdOf(request),
      AppInstanceArn: appInstanceArnOf(operation, request),
      region: arnRegion,
      serviceVersion: settings.serviceVersion,
    });
    const native = decision.route === 'legacy' && site.nativeLegacy !== undefined;
    await refuseMembers(operation, request, family!, decision.route, native);
    region = decision.route === 'legacy' ? LEGACY_REGION : arnRegion;
    const output =
      native && site.nativeLegacy
        ? await site.nativeLegacy(request)
        : await sendToNamespace(operation, request, {
            family: family!,
            region,
            route: decision.route,
            settings,
            site,
            note: (what) => {
              translation = what;
            },
          });
    emit(output.$metadata);
    return output;
  } catch (error) {
    emit((error as { $metadata?: ResponseMetadata } | null)?.$metadata, { error });
    throw error;
  }
}

/**
 * The validated request (a fresh copy holding only the model's members), with the options'
 * defaults filled in, or a legacy `BadRequestException`.
 */
async function checkRequest(operation: Operation, input: unknown, settings: CallSettings): Promise<Request> {
  if (operation.status === 'none') {
    throw await refusal(
      `${operation.name} has no counterpart in the Amazon Chime SDK namespaces (Identity, Messaging, ` +
        `Meetings, Voice, Media Pipelines), so it cannot be served; nothing was sent. Instead, ${operation.instead}.`,
    );
  }
  const result = validate<Request>(input, operation.input, messageName(`${operation.name}Request`));
  if (!result.ok) throw await badRequest(result.violations);
  await operation.translation?.prepare?.({ operation, request: result.value, settings });
  return result.value;
}

/**
 * The region the input's ARNs name, or `defaultRegion` when it names none. Every region source
 * the input has must name an allowed region, and the first one decides: an ARN can never steer a
 * request to a host outside the allow-list.
 */
async function regionOf(operation: Operation, request: Request, settings: CallSettings): Promise<string> {
  let region: string | undefined;
  const violations: Violation[] = [];
  for (const member of operation.regionSources ?? []) {
    const arn = request[member];
    if (typeof arn !== 'string') continue;
    const arnRegion = arnField(arn, 3);
    if (!(isRegionName(arnRegion) && settings.regions.has(arnRegion))) {
      violations.push({
        path: messageName(member),
        constraint: `Member must name one of the allowed regions [${[...settings.regions].join(', ')}], got '${arnRegion}'`,
      });
    }
    region ??= arnRegion;
  }
  if (violations.length > 0) throw await badRequest(violations);
  if (region !== undefined) return region;
  if (!settings.regions.has(settings.defaultRegion)) {
    throw new ChimeIdentityShimConfigurationError(
      `${operation.name} names no ARN, so it is served in defaultRegion '${settings.defaultRegion}', ` +
        `which is not one of regions [${[...settings.regions].join(', ')}]`,
    );
  }
  return settings.defaultRegion;
}

/** Field `index` of `arn:partition:service:region:account:resource` (the pattern checked there are five colons). */
function arnField(arn: string, index: number): string {
  let start = 0;
  for (let field = 0; field < index; field++) start = arn.indexOf(':', start) + 1;
  const end = arn.indexOf(':', start);
  return arn.slice(start, end < 0 ? undefined : end);
}

/** The user a call is about: `AppInstanceUserId`, or the user of a user ARN it names. */
function userIdOf(request: Request): string | undefined {
  if (typeof request.AppInstanceUserId === 'string') return request.AppInstanceUserId;
  for (const member of USER_ARN_MEMBERS) {
    const arn = request[member];
    if (typeof arn !== 'string') continue;
    const match = USER_ARN.exec(arn);
    if (match) return match[1];
  }
  return undefined;
}
const USER_ARN_MEMBERS = ['AppInstanceUserArn', 'ChimeBearer', 'MemberArn'] as const;
const USER_ARN = /:app-instance\/[^/]+\/user\/([^/]+)$/;

/** The app instance a call is about: `AppInstanceArn`, or the app instance a resource ARN it names is under. */
function appInstanceArnOf(operation: Operation, request: Request): string | undefined {
  if (typeof request.AppInstanceArn === 'string') return request.AppInstanceArn;
  for (const member of operation.regionSources ?? []) {
    const arn = request[member];
    if (typeof arn !== 'string') continue;
    const match = APP_INSTANCE_PREFIX.exec(arn);
    if (match) return match[0];
  }
  return undefined;
}
const APP_INSTANCE_PREFIX = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:app-instance\/[^/]+/;

/** A family whose issue has not landed is in the table, refused before any I/O. */
function checkServed(operation: Operation, family: Family): void {
  if (!SERVED_FAMILIES.has(family)) {
    throw new ChimeIdentityShimConfigurationError(
      `${operation.name} is served by ${FAMILY_PACKAGES[family].title}, which this release of chime-identity-shim does not serve yet (docs/operations.md)`,
    );
  }
}

/**
 * Members one side lacks, refused before any I/O: on the legacy route, those only the new
 * namespace has (the deprecated namespace had none of them); wherever the dedicated namespace
 * serves the call, those it lacks (attendee `Tags`: never silently dropped).
 */
async function refuseMembers(
  operation: Operation,
  request: Request,
  family: Family,
  route: Route,
  native: boolean,
): Promise<void> {
  const refused: Violation[] = [];
  if (route === 'legacy' && operation.memberFlags?.includes('newOnly')) {
    for (const path of flaggedMembers(request, operation.input, 'newOnly')) {
      refused.push({
        path,
        constraint: 'Member is not supported by the Amazon Chime namespace (legacy route)',
      });
    }
  }
  if (!native && operation.memberFlags?.includes('legacyOnly')) {
    for (const path of flaggedMembers(request, operation.input, 'legacyOnly')) {
      refused.push({
        path,
        constraint: `Member has no counterpart in ${FAMILY_PACKAGES[family].title}, so it cannot be served`,
      });
    }
  }
  if (refused.length > 0) throw await badRequest(refused);
}

interface Destination {
  readonly family: Family;
  readonly region: string;
  readonly route: Route;
  readonly settings: CallSettings;
  readonly site: CallSite;
  readonly note: (translation: string) => void;
}

/**
 * Sends the request to the family's namespace (its translation may read first, or send another
 * command), and gives back the legacy response: the legacy output members and `$metadata`.
 */
async function sendToNamespace(operation: Operation, request: Request, to: Destination): Promise<Output> {
  const { family, region, settings, site } = to;
  const module = await loadFamily(family, operation.name);
  const client = await clientFor(family, module, region, settings, site);
  // One token per logical call, made here, before the SDK's retry loop, so that every attempt
  // carries it. `null` never reaches the SDK (validation dropped it): the new serializers write
  // it as invalid JSON. `request` is the shim's own copy of the input, so it is filled in place.
  for (const token of operation.tokens ?? []) request[token] ??= randomUUID();
  const send = async (command: string, input: Request): Promise<Answer> => {
    const Command = module[`${command}Command`] as new (input: Request) => unknown;
    return (await client.send(new Command(input), site.sendOptions)) as Answer;
  };
  try {
    const translation = operation.translation?.send;
    const answer = translation
      ? await translation({ operation, request, route: to.route, send, note: to.note })
      : await send(operation.counterpart!, request);
    const output = project(answer, operation.output) as Output;
    output.$metadata = answer.$metadata;
    return output;
  } catch (error) {
    throw await toLegacyError(error, FAMILY_PACKAGES[family].title);
  }
}

async function clientFor(
  family: Family,
  module: Readonly<Record<string, any>>,
  region: string,
  settings: CallSettings,
  site: CallSite,
) {
  const injected = settings.clients[family];
  if (injected) return typeof injected === 'function' ? injected(region) : injected;
  return (await site.pool(settings)).get(family, module, region);
}
