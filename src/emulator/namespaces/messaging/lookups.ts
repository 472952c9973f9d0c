import { type EmulatorError, emulatorError } from '../../errors.js';
import { parseAppInstanceArn, parseMemberArn } from '../identity/arn.js';
import type { StoredAppInstance, StoredUser } from '../identity/store.js';
import type { HandlerContext } from '../namespace.js';
import { parseChannelArn } from './arn.js';
import type { StoredChannel, StoredRole } from './store.js';

/**
 * Who may do what in a channel, and finding the resources a request names, with the emulator's
 * answers where AWS publishes none (docs/emulator-messaging.md, "Assumptions"):
 *
 * - the bearer (`x-amz-chime-bearer`) must be an existing user of the app instance the request is
 *   about (the channel's, or the one it names): anything else is `ForbiddenException`, as the
 *   service answers. The emulator has no app instance bots, so a bot ARN names nobody;
 * - an app instance admin (Chime SDK Identity's `CreateAppInstanceAdmin`) may act on every channel
 *   of its app instance; a channel's moderators moderate it; its members take part in it;
 * - a resource the request names that does not exist is `NotFoundException` where the operation's
 *   model lists it, and the model's `BadRequestException` otherwise;
 * - an ARN for another region than the one the request was signed for is `BadRequestException`,
 *   as in the identity namespace: an endpoint holds only its own region's resources.
 */

/** The bearer of a request, as a user of the app instance it acts in. */
export interface Caller {
  readonly arn: string;
  readonly user: StoredUser;
  readonly instance: StoredAppInstance;
  readonly admin: boolean;
}

/** NotFound where the operation's model lists it, otherwise the model's BadRequest. */
export function missing(context: HandlerContext<unknown>, message: string): EmulatorError {
  return emulatorError(
    context.operation.errors.includes('NotFoundException') ? 'NotFoundException' : 'BadRequestException',
    message,
  );
}

export function checkRegion(
  context: HandlerContext<unknown>,
  member: string,
  arn: string,
  region: string,
): void {
  if (region !== context.region) {
    throw emulatorError(
      'BadRequestException',
      `${member} ${arn} is in region ${region}, but the request was signed for region ${context.region}.`,
    );
  }
}

/** The user a user ARN names in `instance`, or `undefined`. */
export function userIn(instance: StoredAppInstance, arn: string): StoredUser | undefined {
  const parts = parseMemberArn(arn);
  if (parts?.kind !== 'user' || parts.appInstanceArn !== instance.arn) return undefined;
  return instance.users.get(parts.id);
}

/** The bearer as a user of `appInstanceArn`; anything else is a `ForbiddenException`. */
export function bearerIn(context: HandlerContext<{ ChimeBearer: string }>, appInstanceArn: string): Caller {
  const arn = context.input.ChimeBearer;
  const instance = context.state.identity.appInstance(appInstanceArn);
  const user = instance && userIn(instance, arn);
  if (!instance || !user) {
    throw emulatorError(
      'ForbiddenException',
      `The ChimeBearer ${arn} is not an AppInstanceUser or AppInstanceBot of AppInstance ${appInstanceArn}.`,
    );
  }
  return { arn, user, instance, admin: instance.admins.has(arn) };
}

/** The bearer as a user of the app instance its own ARN names (the per-user lookups, which name no channel). */
export function bearer(context: HandlerContext<{ ChimeBearer: string }>): Caller {
  const parts = parseMemberArn(context.input.ChimeBearer);
  if (!parts) {
    throw emulatorError(
      'ForbiddenException',
      `The ChimeBearer ${context.input.ChimeBearer} is not an AppInstanceUser or AppInstanceBot ARN.`,
    );
  }
  checkRegion(context, 'ChimeBearer', context.input.ChimeBearer, parts.region);
  return bearerIn(context, parts.appInstanceArn);
}

/**
 * An app instance named as the parent of what the request asks for (CreateChannel, ListChannels,
 * the streaming configurations): a missing one is NotFound where the model lists it, else BadRequest.
 */
export function appInstanceOf(context: HandlerContext<unknown>, arn: string): StoredAppInstance {
  const parts = parseAppInstanceArn(arn);
  if (!parts) throw emulatorError('BadRequestException', `AppInstanceArn ${arn} is not an AppInstance ARN.`);
  checkRegion(context, 'AppInstanceArn', arn, parts.region);
  const instance = context.state.identity.appInstance(arn);
  if (!instance) throw missing(context, `AppInstance ${arn} does not exist.`);
  return instance;
}

/**
 * The channel the request names and its bearer. The bearer is checked first, against the app
 * instance the channel ARN names: a caller outside it learns nothing about its channels.
 */
export function addressedChannel(context: HandlerContext<{ ChannelArn: string; ChimeBearer: string }>): {
  channel: StoredChannel;
  caller: Caller;
} {
  const arn = context.input.ChannelArn;
  const parts = parseChannelArn(arn);
  if (!parts) throw emulatorError('BadRequestException', `ChannelArn ${arn} is not a Channel ARN.`);
  checkRegion(context, 'ChannelArn', arn, parts.region);
  const caller = bearerIn(context, parts.appInstanceArn);
  const channel = context.state.messaging.channel(arn);
  if (!channel) throw missing(context, `Channel ${arn} does not exist.`);
  return { channel, caller };
}

/** Whether a role still belongs to its user (deleting the user ends every role it had). */
export function current(instance: StoredAppInstance, role: StoredRole | undefined): boolean {
  if (!role) return false;
  return userIn(instance, role.arn)?.seq === role.userSeq;
}

/** The roles of a channel whose users still exist, in the order they were given. */
export function currentRoles<T extends StoredRole>(instance: StoredAppInstance, roles: Map<string, T>): T[] {
  return [...roles.values()].filter((role) => current(instance, role));
}

export function isMember(channel: StoredChannel, caller: Caller, arn = caller.arn): boolean {
  return current(caller.instance, channel.memberships.get(arn));
}

export function isModerator(channel: StoredChannel, caller: Caller, arn = caller.arn): boolean {
  return current(caller.instance, channel.moderators.get(arn));
}

export function isBanned(channel: StoredChannel, caller: Caller, arn: string): boolean {
  return current(caller.instance, channel.bans.get(arn));
}

/** Members, moderators and admins take part in a channel: they see it whatever its privacy, and send to it. */
export function takesPart(channel: StoredChannel, caller: Caller): boolean {
  return caller.admin || isModerator(channel, caller) || isMember(channel, caller);
}

/** A public channel is seen by every user of its app instance; a private one only by those who take part. */
export function sees(channel: StoredChannel, caller: Caller): boolean {
  return channel.privacy === 'PUBLIC' || takesPart(channel, caller);
}

function forbidden(caller: Caller, what: string, channel: StoredChannel): EmulatorError {
  return emulatorError(
    'ForbiddenException',
    `${caller.arn} is not allowed to ${what} channel ${channel.arn}.`,
  );
}

export function requireSees(channel: StoredChannel, caller: Caller): void {
  if (!sees(channel, caller)) throw forbidden(caller, 'read', channel);
}

export function requireTakesPart(channel: StoredChannel, caller: Caller, what: string): void {
  if (!takesPart(channel, caller)) throw forbidden(caller, what, channel);
}

/** Moderators and app instance admins moderate a channel. */
export function requireModerates(channel: StoredChannel, caller: Caller, what: string): void {
  if (!(caller.admin || isModerator(channel, caller))) throw forbidden(caller, what, channel);
}

/**
 * Who may add members: to an unrestricted channel, those who take part in it, and anyone who may
 * see it adding themselves (joining a public channel); to a restricted one, moderators and admins.
 */
export function requireAdds(channel: StoredChannel, caller: Caller, memberArns: readonly string[]): void {
  if (caller.admin || isModerator(channel, caller)) return;
  if (channel.mode === 'UNRESTRICTED') {
    if (isMember(channel, caller)) return;
    if (sees(channel, caller) && memberArns.every((arn) => arn === caller.arn)) return;
  }
  throw forbidden(caller, 'add members to', channel);
}

/** The model's `Identity` of a user: its ARN and its current name. */
export function identityOf(
  instance: StoredAppInstance,
  arn: string,
): { Arn: string; Name: string | undefined } {
  return { Arn: arn, Name: userIn(instance, arn)?.name };
}

/** The per-user lookups' user: the bearer, or another user of its app instance, which only an admin may name. */
export function lookedUpUser(
  context: HandlerContext<{ AppInstanceUserArn?: string; ChimeBearer: string }>,
  caller: Caller,
): StoredUser {
  const arn = context.input.AppInstanceUserArn ?? caller.arn;
  if (arn === caller.arn) return caller.user;
  if (!caller.admin) {
    throw emulatorError(
      'ForbiddenException',
      `Only an AppInstanceAdmin can name another user than the ChimeBearer (${caller.arn}).`,
    );
  }
  const user = userIn(caller.instance, arn);
  if (!user) {
    throw missing(
      context,
      `AppInstanceUserArn ${arn} is not an AppInstanceUser of AppInstance ${caller.instance.arn}.`,
    );
  }
  return user;
}
