import { type EmulatorError, type EmulatorErrorType, emulatorError } from '../../errors.js';
import type { HandlerContext } from '../namespace.js';
import type {
  StoredProxySession,
  StoredSipMediaApplication,
  StoredSipRule,
  StoredVoiceConnector,
  StoredVoiceConnectorGroup,
} from './resources.js';

/**
 * Finding the resources a voice request names (docs/emulator-voice.md, "Assumptions"):
 * - Chime SDK Voice is regional (voice-chime.<region>.amazonaws.com): a resource is served by
 *   the endpoint of the region that created it. Its id carries no region, so an id created in
 *   another region is "not found" here, and the message says where it is: the mistake a legacy
 *   caller makes when its `defaultRegion` is not the one its resources were created in;
 * - a missing resource is `NotFoundException` where the operation's model lists it, otherwise
 *   the model's `BadRequestException` (a resource named in the body of a create).
 */

/** The error for something missing: NotFound where the model lists it for the operation, else BadRequest. */
export function missing(context: HandlerContext<unknown>, message: string): EmulatorError {
  return emulatorError(
    context.operation.errors.includes('NotFoundException') ? 'NotFoundException' : 'BadRequestException',
    message,
  );
}

/** The error for a limit: ResourceLimitExceeded where the model lists it for the operation, else BadRequest. */
export function overLimit(context: HandlerContext<unknown>, message: string): EmulatorError {
  const type: EmulatorErrorType = context.operation.errors.includes('ResourceLimitExceededException')
    ? 'ResourceLimitExceededException'
    : 'BadRequestException';
  return emulatorError(type, message);
}

/** `Voice Connector abc does not exist.`, naming the region it is in when it exists in another one. */
function notHere(
  context: HandlerContext<unknown>,
  what: string,
  id: string,
  region: string | undefined,
): string {
  return region === undefined
    ? `${what} ${id} does not exist.`
    : `${what} ${id} does not exist in region ${context.region}; it is in region ${region}.`;
}

function regional<T extends { readonly region: string }>(
  context: HandlerContext<unknown>,
  found: T | undefined,
  what: string,
  id: string,
): T {
  if (found?.region === context.region) return found;
  throw missing(context, notHere(context, what, id, found?.region));
}

export function addressedVoiceConnector(context: HandlerContext<unknown>, id: string): StoredVoiceConnector {
  return regional(context, context.state.voice.voiceConnector(id), 'Voice Connector', id);
}

export function addressedGroup(context: HandlerContext<unknown>, id: string): StoredVoiceConnectorGroup {
  return regional(context, context.state.voice.group(id), 'Voice Connector group', id);
}

export function addressedSipMediaApplication(
  context: HandlerContext<unknown>,
  id: string,
): StoredSipMediaApplication {
  return regional(context, context.state.voice.sipMediaApplication(id), 'SIP media application', id);
}

export function addressedSipRule(context: HandlerContext<unknown>, id: string): StoredSipRule {
  return regional(context, context.state.voice.sipRule(id), 'SIP rule', id);
}

export function addressedProxySession(
  context: HandlerContext<unknown>,
  connector: StoredVoiceConnector,
  id: string,
): StoredProxySession {
  const session = connector.proxySessions.get(id);
  if (!session)
    throw missing(context, `Proxy session ${id} does not exist on Voice Connector ${connector.id}.`);
  return session;
}

/**
 * A settings document of a Voice Connector (origination, termination, ...): the ones never put,
 * or deleted, are `NotFoundException` on get and delete, like any resource that is not there.
 */
export function settingsDocument<T>(
  context: HandlerContext<unknown>,
  connector: StoredVoiceConnector,
  document: T | undefined,
  what: string,
): T {
  if (document === undefined) throw missing(context, `Voice Connector ${connector.id} has no ${what}.`);
  return document;
}
