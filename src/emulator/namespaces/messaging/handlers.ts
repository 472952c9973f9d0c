import { emulatorError } from '../../errors.js';
import type { StoredAppInstance } from '../identity/store.js';
import type { Handler, HandlerContext } from '../namespace.js';
import { epochSeconds, fingerprint, page } from '../pagination.js';
import { tagHandlers } from '../tagging.js';
import type { Tag } from '../tags.js';
import { parseChannelArn } from './arn.js';
import {
  addressedChannel,
  appInstanceOf,
  bearer,
  bearerIn,
  type Caller,
  current,
  currentRoles,
  identityOf,
  isBanned,
  isMember,
  isModerator,
  lookedUpUser,
  missing,
  requireAdds,
  requireModerates,
  requireSees,
  requireTakesPart,
  sees,
  userIn,
} from './lookups.js';
import {
  type ChannelExpirationSettings,
  type ChannelMode,
  type ChannelPrivacy,
  type ElasticChannelConfiguration,
  MAX_TAGS,
  type MembershipType,
  type StoredChannel,
  type StoredMembership,
  type StoredMessage,
  type StoredRole,
  type StreamingConfiguration,
} from './store.js';

/**
 * Chime SDK Messaging's operations (moto's `responses`): each takes the validated input and answers
 * the model's output. Inputs are typed as the handlers read them; the shapes were checked already.
 * Who may do what is in lookups.ts; the semantics and assumptions in docs/emulator-messaging.md.
 */

/** Page size when MaxResults is absent (assumed: the model gives only the 1-50 range). */
export const DEFAULT_MAX_RESULTS = 50;
/** "STANDARD messages can be up to 4KB in size" (the model's SendChannelMessage documentation). */
const MAX_STANDARD_BYTES = 4096;
/** "CONTROL messages are limited to 30 bytes and do not contain metadata" (same). */
const MAX_CONTROL_BYTES = 30;

interface Bearing {
  readonly ChimeBearer: string;
}
interface OnChannel extends Bearing {
  readonly ChannelArn: string;
}
interface Paged {
  readonly MaxResults?: number;
  readonly NextToken?: string;
}

/** The channel as the model's `ChannelSummary`. */
function channelSummary(channel: StoredChannel) {
  return {
    Name: channel.name,
    ChannelArn: channel.arn,
    Mode: channel.mode,
    Privacy: channel.privacy,
    Metadata: channel.metadata,
    LastMessageTimestamp: channel.lastMessage === undefined ? undefined : epochSeconds(channel.lastMessage),
  };
}

function pageOf<T extends { readonly seq: number }>(
  items: Iterable<T>,
  input: Paged,
  scope: string,
  operation: string,
) {
  return page(items, {
    scope,
    nextToken: input.NextToken,
    maxResults: input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation,
  });
}

/** The user a request adds, bans or promotes: a user of the channel's app instance, or the operation's miss. */
function userToName(
  context: HandlerContext<unknown>,
  instance: StoredAppInstance,
  member: string,
  arn: string,
) {
  const user = userIn(instance, arn);
  if (!user)
    throw missing(context, `${member} ${arn} is not an AppInstanceUser of AppInstance ${instance.arn}.`);
  return user;
}

// ---------------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------------

/**
 * POST /channels -> 201 `{ ChannelArn }`. The creator (the bearer) is the channel's first member
 * and moderator; `MemberArns` and `ModeratorArns` (identity route only) add more. Idempotent on
 * `ClientRequestToken` per app instance, as CreateAppInstanceUser is.
 */
const CreateChannel: Handler<
  Bearing & {
    AppInstanceArn: string;
    Name: string;
    Mode?: ChannelMode;
    Privacy?: ChannelPrivacy;
    Metadata?: string;
    ClientRequestToken: string;
    Tags?: Tag[];
    ChannelId?: string;
    MemberArns?: string[];
    ModeratorArns?: string[];
    ElasticChannelConfiguration?: ElasticChannelConfiguration;
    ExpirationSettings?: ChannelExpirationSettings;
  }
> = (context) => {
  const { input, state, now } = context;
  const instance = appInstanceOf(context, input.AppInstanceArn);
  const caller = bearerIn(context, instance.arn);
  const print = fingerprint([
    input.Name,
    input.Mode,
    input.Privacy,
    input.Metadata,
    input.Tags?.map((t) => [t.Key, t.Value]),
    input.ChannelId,
    input.MemberArns,
    input.ModeratorArns,
    input.ElasticChannelConfiguration,
    input.ExpirationSettings,
    caller.arn,
  ]);
  const earlier = state.messaging.channelByToken(instance.arn, input.ClientRequestToken);
  if (earlier && state.messaging.channel(earlier.arn) === earlier) {
    if (earlier.fingerprint !== print) {
      throw emulatorError(
        'ConflictException',
        'The ClientRequestToken was already used for a different CreateChannel request.',
      );
    }
    return { body: { ChannelArn: earlier.arn } };
  }
  // The id is sensitive in the model, so the message names the app instance, not the id.
  if (
    input.ChannelId !== undefined &&
    state.messaging.channel(`${instance.arn}/channel/${input.ChannelId}`)
  ) {
    throw emulatorError(
      'ConflictException',
      `A channel with this ChannelId already exists in AppInstance ${instance.arn}.`,
    );
  }
  const members = (input.MemberArns ?? []).map((arn) => userToName(context, instance, 'MemberArns', arn));
  const moderators = (input.ModeratorArns ?? []).map((arn) =>
    userToName(context, instance, 'ModeratorArns', arn),
  );
  const channel = state.messaging.addChannel({
    appInstanceArn: instance.arn,
    region: context.region,
    channelId: input.ChannelId,
    name: input.Name,
    mode: input.Mode ?? 'UNRESTRICTED',
    privacy: input.Privacy ?? 'PUBLIC',
    metadata: input.Metadata,
    createdBy: caller.arn,
    tags: input.Tags,
    elastic: input.ElasticChannelConfiguration,
    expiration: input.ExpirationSettings,
    token: input.ClientRequestToken,
    fingerprint: print,
    now,
  });
  const by = caller.arn;
  for (const user of [caller.user, ...members]) {
    if (!channel.memberships.has(user.arn)) {
      state.messaging.addMembership(channel, {
        arn: user.arn,
        userSeq: user.seq,
        by,
        type: 'DEFAULT',
        subChannelId: undefined,
        now,
      });
    }
  }
  for (const user of [caller.user, ...moderators]) {
    if (!channel.moderators.has(user.arn)) {
      state.messaging.addModerator(channel, { arn: user.arn, userSeq: user.seq, by, now });
    }
  }
  return { body: { ChannelArn: channel.arn } };
};

/** GET /channels/{ChannelArn} -> 200 `{ Channel }`: any user of the app instance for a public channel, those who take part for a private one. */
const DescribeChannel: Handler<OnChannel> = (context) => {
  const { channel, caller } = addressedChannel(context);
  requireSees(channel, caller);
  return {
    body: {
      Channel: {
        Name: channel.name,
        ChannelArn: channel.arn,
        Mode: channel.mode,
        Privacy: channel.privacy,
        Metadata: channel.metadata,
        CreatedBy: identityOf(caller.instance, channel.createdBy),
        CreatedTimestamp: epochSeconds(channel.created),
        LastMessageTimestamp:
          channel.lastMessage === undefined ? undefined : epochSeconds(channel.lastMessage),
        LastUpdatedTimestamp: epochSeconds(channel.updated),
        ElasticChannelConfiguration: channel.elastic,
        ExpirationSettings: channel.expiration,
      },
    },
  };
};

/**
 * PUT /channels/{ChannelArn} -> 200 `{ ChannelArn }`, by a moderator or an admin. The members given
 * replace the current values; one left out (the new model makes all three optional) is kept.
 * Privacy cannot change ("You can't change a channel's privacy", the model).
 */
const UpdateChannel: Handler<OnChannel & { Name?: string; Mode?: ChannelMode; Metadata?: string }> = (
  context,
) => {
  const { input, now } = context;
  const { channel, caller } = addressedChannel(context);
  requireModerates(channel, caller, 'update');
  if (input.Name !== undefined) channel.name = input.Name;
  if (input.Mode !== undefined) channel.mode = input.Mode;
  if (input.Metadata !== undefined) channel.metadata = input.Metadata;
  channel.updated = now;
  return { body: { ChannelArn: channel.arn } };
};

/** DELETE /channels/{ChannelArn} -> 204, by a moderator or an admin: the channel and everything in it, at once. */
const DeleteChannel: Handler<OnChannel> = (context) => {
  const { channel, caller } = addressedChannel(context);
  requireModerates(channel, caller, 'delete');
  context.state.messaging.deleteChannel(channel);
  return {};
};

/**
 * GET /channels?app-instance-arn=&privacy=&max-results=&next-token= -> 200 `{ Channels, NextToken? }`,
 * in creation order. `PUBLIC`: the public channels; `PRIVATE`: the private ones, for admins only
 * (the model); neither: the public ones and the private ones the bearer takes part in (all of them
 * for an admin): private channels "aren't discoverable by users outside the channel".
 */
const ListChannels: Handler<Bearing & Paged & { AppInstanceArn: string; Privacy?: ChannelPrivacy }> = (
  context,
) => {
  const { input, state } = context;
  const instance = appInstanceOf(context, input.AppInstanceArn);
  const caller = bearerIn(context, instance.arn);
  if (input.Privacy === 'PRIVATE' && !caller.admin) {
    throw emulatorError('ForbiddenException', 'Only an AppInstanceAdmin can list the private channels.');
  }
  const channels = [...state.messaging.channelsOf(instance.arn)].filter((channel) =>
    input.Privacy === undefined ? sees(channel, caller) : channel.privacy === input.Privacy,
  );
  const found = pageOf(
    channels,
    input,
    `${instance.arn} channels ${input.Privacy ?? 'visible'} to ${caller.arn}`,
    'ListChannels',
  );
  return { body: { Channels: found.items.map(channelSummary), NextToken: found.nextToken } };
};

// ---------------------------------------------------------------------------------------------
// Memberships
// ---------------------------------------------------------------------------------------------

/** Whether a membership type may be given: `HIDDEN` "is only supported by moderators" (the model), and admins. */
function requireType(channel: StoredChannel, caller: Caller, type: MembershipType | undefined): void {
  if (type === 'HIDDEN' && !(caller.admin || isModerator(channel, caller))) {
    throw emulatorError(
      'ForbiddenException',
      'Only moderators and AppInstanceAdmins can add HIDDEN members.',
    );
  }
}

/**
 * POST /channels/{ChannelArn}/memberships -> 201 `{ ChannelArn, Member, SubChannelId? }`. A member
 * who is already there is a ConflictException; a banned user is refused (ForbiddenException:
 * "Moderators can't add banned members to a channel", the model) until the ban is deleted.
 */
const CreateChannelMembership: Handler<
  OnChannel & { MemberArn: string; Type: MembershipType; SubChannelId?: string }
> = (context) => {
  const { input, state, now } = context;
  const { channel, caller } = addressedChannel(context);
  requireAdds(channel, caller, [input.MemberArn]);
  requireType(channel, caller, input.Type);
  const user = userToName(context, caller.instance, 'MemberArn', input.MemberArn);
  if (isBanned(channel, caller, user.arn)) {
    throw emulatorError('ForbiddenException', `${user.arn} is banned from channel ${channel.arn}.`);
  }
  if (isMember(channel, caller, user.arn)) {
    throw emulatorError('ConflictException', `${user.arn} is already a member of channel ${channel.arn}.`);
  }
  state.messaging.addMembership(channel, {
    arn: user.arn,
    userSeq: user.seq,
    by: caller.arn,
    type: input.Type,
    subChannelId: input.SubChannelId,
    now,
  });
  return {
    body: {
      ChannelArn: channel.arn,
      Member: identityOf(caller.instance, user.arn),
      SubChannelId: input.SubChannelId,
    },
  };
};

/**
 * POST /channels/{ChannelArn}/memberships?operation=batch-create -> 200 `{ BatchChannelMemberships,
 * Errors }`. The bearer's right to add is checked for the whole request; each member is then added
 * or answered in `Errors` with the code the single operation would fail with: `NotFound` (not a
 * user of the app instance), `Forbidden` (banned), `Conflict` (already a member, or named twice).
 */
const BatchCreateChannelMembership: Handler<
  OnChannel & { MemberArns: string[]; Type?: MembershipType; SubChannelId?: string }
> = (context) => {
  const { input, state, now } = context;
  const { channel, caller } = addressedChannel(context);
  requireAdds(channel, caller, input.MemberArns);
  requireType(channel, caller, input.Type);
  const type = input.Type ?? 'DEFAULT';
  const members: { Arn: string; Name: string | undefined }[] = [];
  const errors: { MemberArn: string; ErrorCode: string; ErrorMessage: string }[] = [];
  for (const arn of input.MemberArns) {
    const user = userIn(caller.instance, arn);
    if (!user) {
      errors.push({
        MemberArn: arn,
        ErrorCode: 'NotFound',
        ErrorMessage: `Not an AppInstanceUser of AppInstance ${caller.instance.arn}.`,
      });
    } else if (isBanned(channel, caller, arn)) {
      errors.push({ MemberArn: arn, ErrorCode: 'Forbidden', ErrorMessage: 'Banned from the channel.' });
    } else if (isMember(channel, caller, arn)) {
      errors.push({
        MemberArn: arn,
        ErrorCode: 'Conflict',
        ErrorMessage: 'Already a member of the channel.',
      });
    } else {
      state.messaging.addMembership(channel, {
        arn,
        userSeq: user.seq,
        by: caller.arn,
        type,
        subChannelId: input.SubChannelId,
        now,
      });
      members.push(identityOf(caller.instance, arn));
    }
  }
  return {
    body: {
      BatchChannelMemberships: {
        InvitedBy: identityOf(caller.instance, caller.arn),
        Type: type,
        Members: members,
        ChannelArn: channel.arn,
        SubChannelId: input.SubChannelId,
      },
      Errors: errors,
    },
  };
};

/** The role `arn` still holds in one of a channel's role maps, or a NotFoundException saying `absent`. */
function roleOf<T extends StoredRole>(
  context: HandlerContext<unknown>,
  caller: Caller,
  roles: ReadonlyMap<string, T>,
  arn: string,
  absent: string,
): T {
  const role = roles.get(arn);
  if (!current(caller.instance, role)) throw missing(context, absent);
  return role!;
}

function membershipOf(context: HandlerContext<unknown>, channel: StoredChannel, caller: Caller, arn: string) {
  return roleOf(
    context,
    caller,
    channel.memberships,
    arn,
    `${arn} is not a member of channel ${channel.arn}.`,
  );
}

/** GET /channels/{ChannelArn}/memberships/{MemberArn} -> 200 `{ ChannelMembership }`; no such member: NotFoundException. */
const DescribeChannelMembership: Handler<OnChannel & { MemberArn: string }> = (context) => {
  const { channel, caller } = addressedChannel(context);
  requireSees(channel, caller);
  const membership = membershipOf(context, channel, caller, context.input.MemberArn);
  return {
    body: {
      ChannelMembership: {
        InvitedBy: identityOf(caller.instance, membership.by),
        Type: membership.type,
        Member: identityOf(caller.instance, membership.arn),
        ChannelArn: channel.arn,
        CreatedTimestamp: epochSeconds(membership.created),
        LastUpdatedTimestamp: epochSeconds(membership.updated),
        SubChannelId: membership.subChannelId,
      },
    },
  };
};

/** DELETE /channels/{ChannelArn}/memberships/{MemberArn} -> 204: a member leaving, or a moderator or admin removing one. */
const DeleteChannelMembership: Handler<OnChannel & { MemberArn: string }> = (context) => {
  const { input, state } = context;
  const { channel, caller } = addressedChannel(context);
  if (input.MemberArn !== caller.arn) requireModerates(channel, caller, 'remove members from');
  membershipOf(context, channel, caller, input.MemberArn);
  state.messaging.removeRole(channel.memberships, input.MemberArn);
  return {};
};

/**
 * GET /channels/{ChannelArn}/memberships?type=&max-results=&next-token= -> 200 `{ ChannelArn,
 * ChannelMemberships: [{ Member }], NextToken? }`, in the order members joined. `DEFAULT` members
 * unless `type=HIDDEN` asks for the hidden ones (the model).
 */
const ListChannelMemberships: Handler<OnChannel & Paged & { Type?: MembershipType }> = (context) => {
  const { input } = context;
  const { channel, caller } = addressedChannel(context);
  requireSees(channel, caller);
  const type = input.Type ?? 'DEFAULT';
  const memberships = currentRoles(caller.instance, channel.memberships).filter((m) => m.type === type);
  const found = pageOf(memberships, input, `${channel.arn} memberships ${type}`, 'ListChannelMemberships');
  return {
    body: {
      ChannelArn: channel.arn,
      ChannelMemberships: found.items.map((m) => ({ Member: identityOf(caller.instance, m.arn) })),
      NextToken: found.nextToken,
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Moderators and bans
// ---------------------------------------------------------------------------------------------

/** POST /channels/{ChannelArn}/moderators -> 201 `{ ChannelArn, ChannelModerator }`, by a moderator or an admin. */
const CreateChannelModerator: Handler<OnChannel & { ChannelModeratorArn: string }> = (context) => {
  const { input, state, now } = context;
  const { channel, caller } = addressedChannel(context);
  requireModerates(channel, caller, 'add moderators to');
  const user = userToName(context, caller.instance, 'ChannelModeratorArn', input.ChannelModeratorArn);
  if (isModerator(channel, caller, user.arn)) {
    throw emulatorError('ConflictException', `${user.arn} is already a moderator of channel ${channel.arn}.`);
  }
  state.messaging.addModerator(channel, { arn: user.arn, userSeq: user.seq, by: caller.arn, now });
  return { body: { ChannelArn: channel.arn, ChannelModerator: identityOf(caller.instance, user.arn) } };
};

function moderatorOf(context: HandlerContext<unknown>, channel: StoredChannel, caller: Caller, arn: string) {
  return roleOf(
    context,
    caller,
    channel.moderators,
    arn,
    `${arn} is not a moderator of channel ${channel.arn}.`,
  );
}

/** GET /channels/{ChannelArn}/moderators/{ChannelModeratorArn} -> 200 `{ ChannelModerator }`; not a moderator: NotFoundException. */
const DescribeChannelModerator: Handler<OnChannel & { ChannelModeratorArn: string }> = (context) => {
  const { channel, caller } = addressedChannel(context);
  requireSees(channel, caller);
  const moderator = moderatorOf(context, channel, caller, context.input.ChannelModeratorArn);
  return {
    body: {
      ChannelModerator: {
        Moderator: identityOf(caller.instance, moderator.arn),
        ChannelArn: channel.arn,
        CreatedTimestamp: epochSeconds(moderator.created),
        CreatedBy: identityOf(caller.instance, moderator.by),
      },
    },
  };
};

/** DELETE /channels/{ChannelArn}/moderators/{ChannelModeratorArn} -> 204, by a moderator or an admin; the membership stays. */
const DeleteChannelModerator: Handler<OnChannel & { ChannelModeratorArn: string }> = (context) => {
  const { input, state } = context;
  const { channel, caller } = addressedChannel(context);
  requireModerates(channel, caller, 'remove moderators from');
  moderatorOf(context, channel, caller, input.ChannelModeratorArn);
  state.messaging.removeRole(channel.moderators, input.ChannelModeratorArn);
  return {};
};

/** GET /channels/{ChannelArn}/moderators?max-results=&next-token= -> 200 `{ ChannelArn, ChannelModerators: [{ Moderator }], NextToken? }`. */
const ListChannelModerators: Handler<OnChannel & Paged> = (context) => {
  const { input } = context;
  const { channel, caller } = addressedChannel(context);
  requireSees(channel, caller);
  const found = pageOf(
    currentRoles(caller.instance, channel.moderators),
    input,
    `${channel.arn} moderators`,
    'ListChannelModerators',
  );
  return {
    body: {
      ChannelArn: channel.arn,
      ChannelModerators: found.items.map((m) => ({ Moderator: identityOf(caller.instance, m.arn) })),
      NextToken: found.nextToken,
    },
  };
};

/**
 * POST /channels/{ChannelArn}/bans -> 201 `{ ChannelArn, Member }`, by a moderator or an admin. "If
 * you ban a user who is already part of a channel, that user is automatically kicked from the
 * channel" (the model): the membership goes, and so does a moderator role (a banned user moderates
 * nothing). Banning oneself is a BadRequestException.
 */
const CreateChannelBan: Handler<OnChannel & { MemberArn: string }> = (context) => {
  const { input, state, now } = context;
  const { channel, caller } = addressedChannel(context);
  requireModerates(channel, caller, 'ban members of');
  const user = userToName(context, caller.instance, 'MemberArn', input.MemberArn);
  if (user.arn === caller.arn) throw emulatorError('BadRequestException', 'A ChimeBearer cannot ban itself.');
  if (isBanned(channel, caller, user.arn)) {
    throw emulatorError('ConflictException', `${user.arn} is already banned from channel ${channel.arn}.`);
  }
  state.messaging.addBan(channel, { arn: user.arn, userSeq: user.seq, by: caller.arn, now });
  state.messaging.removeRole(channel.memberships, user.arn);
  state.messaging.removeRole(channel.moderators, user.arn);
  return { body: { ChannelArn: channel.arn, Member: identityOf(caller.instance, user.arn) } };
};

function banOf(context: HandlerContext<unknown>, channel: StoredChannel, caller: Caller, arn: string) {
  return roleOf(context, caller, channel.bans, arn, `${arn} is not banned from channel ${channel.arn}.`);
}

/** GET /channels/{ChannelArn}/bans/{MemberArn} -> 200 `{ ChannelBan }`, for moderators and admins; no such ban: NotFoundException. */
const DescribeChannelBan: Handler<OnChannel & { MemberArn: string }> = (context) => {
  const { channel, caller } = addressedChannel(context);
  requireModerates(channel, caller, 'read the bans of');
  const ban = banOf(context, channel, caller, context.input.MemberArn);
  return {
    body: {
      ChannelBan: {
        Member: identityOf(caller.instance, ban.arn),
        ChannelArn: channel.arn,
        CreatedTimestamp: epochSeconds(ban.created),
        CreatedBy: identityOf(caller.instance, ban.by),
      },
    },
  };
};

/** DELETE /channels/{ChannelArn}/bans/{MemberArn} -> 204, by a moderator or an admin; the user may then be added again. */
const DeleteChannelBan: Handler<OnChannel & { MemberArn: string }> = (context) => {
  const { input, state } = context;
  const { channel, caller } = addressedChannel(context);
  requireModerates(channel, caller, 'lift bans of');
  banOf(context, channel, caller, input.MemberArn);
  state.messaging.removeRole(channel.bans, input.MemberArn);
  return {};
};

/** GET /channels/{ChannelArn}/bans?max-results=&next-token= -> 200 `{ ChannelArn, ChannelBans: [{ Member }], NextToken? }`, for moderators and admins. */
const ListChannelBans: Handler<OnChannel & Paged> = (context) => {
  const { input } = context;
  const { channel, caller } = addressedChannel(context);
  requireModerates(channel, caller, 'read the bans of');
  const found = pageOf(
    currentRoles(caller.instance, channel.bans),
    input,
    `${channel.arn} bans`,
    'ListChannelBans',
  );
  return {
    body: {
      ChannelArn: channel.arn,
      ChannelBans: found.items.map((ban) => ({ Member: identityOf(caller.instance, ban.arn) })),
      NextToken: found.nextToken,
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** Status of every message the emulator accepts: no channel flow processes it. */
const SENT = { Value: 'SENT' } as const;

function checkContent(type: string, content: string, metadata: string | undefined): void {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (type === 'CONTROL') {
    if (bytes > MAX_CONTROL_BYTES || metadata !== undefined) {
      throw emulatorError(
        'BadRequestException',
        `CONTROL messages are limited to ${MAX_CONTROL_BYTES} bytes and do not contain metadata.`,
      );
    }
  } else if (bytes > MAX_STANDARD_BYTES) {
    throw emulatorError('BadRequestException', `STANDARD messages can be up to ${MAX_STANDARD_BYTES} bytes.`);
  }
}

/** Only the sender and the target see a targeted message ("Only the target and the sender can view targeted messages"). */
function seesMessage(message: StoredMessage, caller: Caller): boolean {
  return (
    message.targets === undefined || message.sender === caller.arn || message.targets.includes(caller.arn)
  );
}

/** The message the request names, as the bearer may see it; a miss is the operation's NotFound or BadRequest. */
function messageOf(
  context: HandlerContext<{ MessageId: string }>,
  channel: StoredChannel,
  caller: Caller,
  options: { evenIfTargeted?: boolean } = {},
): StoredMessage {
  const message = channel.messages.get(context.input.MessageId);
  if (!message || !(options.evenIfTargeted || seesMessage(message, caller))) {
    throw missing(context, `Message ${context.input.MessageId} does not exist in channel ${channel.arn}.`);
  }
  return message;
}

/** A message as the model's `ChannelMessage` (GetChannelMessage) or `ChannelMessageSummary` (ListChannelMessages). */
function messageView(instance: StoredAppInstance, channel: StoredChannel, message: StoredMessage) {
  return {
    ChannelArn: channel.arn,
    MessageId: message.messageId,
    Content: message.content,
    Metadata: message.metadata,
    Type: message.type,
    CreatedTimestamp: epochSeconds(message.created),
    LastEditedTimestamp: message.lastEdited === undefined ? undefined : epochSeconds(message.lastEdited),
    LastUpdatedTimestamp: epochSeconds(message.updated),
    Sender: identityOf(instance, message.sender),
    Redacted: message.redacted,
    Persistence: message.persistence,
    Status: SENT,
    MessageAttributes: message.messageAttributes,
    SubChannelId: message.subChannelId,
    ContentType: message.contentType,
    Target: message.targets?.map((MemberArn) => ({ MemberArn })),
  };
}

/**
 * POST /channels/{ChannelArn}/messages -> 201 `{ ChannelArn, MessageId, Status, SubChannelId? }`,
 * by those who take part in the channel. `PERSISTENT` messages are kept (and idempotent on
 * `ClientRequestToken` per channel); `NON_PERSISTENT` ones are delivered to no one here and not
 * kept, so they cannot be read, listed or changed afterwards.
 */
const SendChannelMessage: Handler<
  OnChannel & {
    Content: string;
    Type: string;
    Persistence: string;
    Metadata?: string;
    ClientRequestToken: string;
    MessageAttributes?: unknown;
    SubChannelId?: string;
    ContentType?: string;
    Target?: { MemberArn?: string }[];
  }
> = (context) => {
  const { input, state, now } = context;
  const { channel, caller } = addressedChannel(context);
  requireTakesPart(channel, caller, 'send messages to');
  checkContent(input.Type, input.Content, input.Metadata);
  const targets = input.Target?.map((target) => target.MemberArn).filter((arn) => arn !== undefined);
  for (const arn of targets ?? []) {
    if (!isMember(channel, caller, arn)) {
      throw emulatorError(
        'BadRequestException',
        `The Target ${arn} is not a member of channel ${channel.arn}.`,
      );
    }
  }
  channel.lastMessage = now;
  if (input.Persistence === 'NON_PERSISTENT') {
    return { body: { ChannelArn: channel.arn, MessageId: `np-${state.messaging.nextSeq()}`, Status: SENT } };
  }
  const print = fingerprint([
    input.Content,
    input.Type,
    input.Metadata,
    input.MessageAttributes,
    input.SubChannelId,
    input.ContentType,
    targets,
    caller.arn,
  ]);
  const earlier = channel.messagesByToken.get(input.ClientRequestToken);
  if (earlier) {
    if (earlier.fingerprint !== print) {
      throw emulatorError(
        'ConflictException',
        'The ClientRequestToken was already used for a different SendChannelMessage request.',
      );
    }
    return {
      body: {
        ChannelArn: channel.arn,
        MessageId: earlier.messageId,
        Status: SENT,
        SubChannelId: earlier.subChannelId,
      },
    };
  }
  const message = state.messaging.addMessage(channel, {
    content: input.Content,
    metadata: input.Metadata,
    type: input.Type,
    persistence: input.Persistence,
    sender: caller.arn,
    created: now,
    token: input.ClientRequestToken,
    fingerprint: print,
    messageAttributes: input.MessageAttributes,
    contentType: input.ContentType,
    targets,
    subChannelId: input.SubChannelId,
  });
  return {
    body: {
      ChannelArn: channel.arn,
      MessageId: message.messageId,
      Status: SENT,
      SubChannelId: message.subChannelId,
    },
  };
};

/** GET /channels/{ChannelArn}/messages/{MessageId} -> 200 `{ ChannelMessage }`; a redacted message has no `Content`. */
const GetChannelMessage: Handler<OnChannel & { MessageId: string }> = (context) => {
  const { channel, caller } = addressedChannel(context);
  requireSees(channel, caller);
  const message = messageOf(context, channel, caller);
  return { body: { ChannelMessage: messageView(caller.instance, channel, message) } };
};

/** Reads a timestamp query member (restJson1 writes them as date-time strings). */
function timestampOf(value: unknown, member: string): number | undefined {
  if (value === undefined) return undefined;
  const ms =
    typeof value === 'number'
      ? value * 1000
      : value instanceof Date
        ? value.getTime()
        : Date.parse(String(value));
  if (Number.isNaN(ms)) throw emulatorError('BadRequestException', `${member} is not a valid timestamp.`);
  return ms;
}

/**
 * GET /channels/{ChannelArn}/messages?sort-order=&not-before=&not-after=&max-results=&next-token=
 * -> 200 `{ ChannelArn, ChannelMessages, NextToken?, SubChannelId? }`. Newest first unless
 * `ASCENDING` ("Default is Descending, based on time created"); `NotBefore`/`NotAfter` bound the
 * creation time, both included. Redacted messages are listed without content; deleted ones are
 * not; targeted ones only to their sender and target.
 */
const ListChannelMessages: Handler<
  OnChannel &
    Paged & {
      SortOrder?: 'ASCENDING' | 'DESCENDING';
      NotBefore?: unknown;
      NotAfter?: unknown;
      SubChannelId?: string;
    }
> = (context) => {
  const { input } = context;
  const { channel, caller } = addressedChannel(context);
  requireSees(channel, caller);
  const notBefore = timestampOf(input.NotBefore, 'NotBefore');
  const notAfter = timestampOf(input.NotAfter, 'NotAfter');
  const order = input.SortOrder ?? 'DESCENDING';
  const messages = [...channel.messages.values()].filter(
    (message) =>
      seesMessage(message, caller) &&
      (notBefore === undefined || message.created >= notBefore) &&
      (notAfter === undefined || message.created <= notAfter),
  );
  // `page` walks positions upwards; newest first is the reverse of the send order.
  const positioned =
    order === 'ASCENDING'
      ? messages.map((message) => ({ seq: message.seq, message }))
      : messages.reverse().map((message) => ({ seq: Number.MAX_SAFE_INTEGER - message.seq, message }));
  const found = pageOf(
    positioned,
    input,
    `${channel.arn} messages ${order} ${notBefore ?? ''}-${notAfter ?? ''}`,
    'ListChannelMessages',
  );
  return {
    body: {
      ChannelArn: channel.arn,
      ChannelMessages: found.items.map(({ message }) => {
        const {
          ChannelArn: _channel,
          Persistence: _persistence,
          SubChannelId: _sub,
          ...summary
        } = messageView(caller.instance, channel, message);
        return summary;
      }),
      NextToken: found.nextToken,
      SubChannelId: input.SubChannelId,
    },
  };
};

/**
 * PUT /channels/{ChannelArn}/messages/{MessageId} -> 200 `{ ChannelArn, MessageId, Status,
 * SubChannelId? }`: members "edit their own messages" (the model), so only the sender may. A
 * redacted message can no longer be edited (ConflictException). `Metadata` and `ContentType` left
 * out are kept.
 */
const UpdateChannelMessage: Handler<
  OnChannel & {
    MessageId: string;
    Content: string;
    Metadata?: string;
    SubChannelId?: string;
    ContentType?: string;
  }
> = (context) => {
  const { input, now } = context;
  const { channel, caller } = addressedChannel(context);
  const message = messageOf(context, channel, caller);
  if (message.sender !== caller.arn) {
    throw emulatorError('ForbiddenException', `${caller.arn} can edit only its own messages.`);
  }
  if (message.redacted) {
    throw emulatorError(
      'ConflictException',
      `Message ${message.messageId} was redacted and cannot be edited.`,
    );
  }
  checkContent(message.type, input.Content, input.Metadata ?? message.metadata);
  message.content = input.Content;
  if (input.Metadata !== undefined) message.metadata = input.Metadata;
  if (input.ContentType !== undefined) message.contentType = input.ContentType;
  message.lastEdited = now;
  message.updated = now;
  return {
    body: {
      ChannelArn: channel.arn,
      MessageId: message.messageId,
      Status: SENT,
      SubChannelId: message.subChannelId,
    },
  };
};

/**
 * DELETE /channels/{ChannelArn}/messages/{MessageId} -> 204: "Only admins can perform this action"
 * (the model), targeted messages they cannot see included.
 */
const DeleteChannelMessage: Handler<OnChannel & { MessageId: string }> = (context) => {
  const { channel, caller } = addressedChannel(context);
  if (!caller.admin) {
    throw emulatorError('ForbiddenException', 'Only an AppInstanceAdmin can delete channel messages.');
  }
  const message = messageOf(context, channel, caller, { evenIfTargeted: true });
  context.state.messaging.deleteMessage(channel, message);
  return {};
};

/**
 * POST /channels/{ChannelArn}/messages/{MessageId}?operation=redact -> 200 `{ ChannelArn,
 * MessageId, SubChannelId? }`, by the sender, a moderator or an admin: the content goes, the
 * metadata stays ("Redacts message content, but not metadata", the model). Redacting again changes nothing.
 */
const RedactChannelMessage: Handler<OnChannel & { MessageId: string }> = (context) => {
  const { now } = context;
  const { channel, caller } = addressedChannel(context);
  const message = messageOf(context, channel, caller);
  if (message.sender !== caller.arn) requireModerates(channel, caller, 'redact messages of');
  if (!message.redacted) {
    message.content = undefined;
    message.redacted = true;
    message.updated = now;
  }
  return {
    body: { ChannelArn: channel.arn, MessageId: message.messageId, SubChannelId: message.subChannelId },
  };
};

/** PUT /channels/{ChannelArn}/readMarker -> 200 `{ ChannelArn }`: the bearer's read marker, now; members only. */
const UpdateChannelReadMarker: Handler<OnChannel> = (context) => {
  const { channel, caller } = addressedChannel(context);
  const membership = channel.memberships.get(caller.arn);
  if (!current(caller.instance, membership)) {
    throw emulatorError('ForbiddenException', `${caller.arn} is not a member of channel ${channel.arn}.`);
  }
  membership!.readMarker = context.now;
  return { body: { ChannelArn: channel.arn } };
};

// ---------------------------------------------------------------------------------------------
// The per-user lookups
// ---------------------------------------------------------------------------------------------

function membershipSummary(membership: StoredMembership) {
  return {
    Type: membership.type,
    ReadMarkerTimestamp:
      membership.readMarker === undefined ? undefined : epochSeconds(membership.readMarker),
    SubChannelId: membership.subChannelId,
  };
}

/**
 * GET /channels/{ChannelArn}?scope=app-instance-user-membership&app-instance-user-arn= -> 200
 * `{ ChannelMembership: { ChannelSummary, AppInstanceUserMembershipSummary } }`: the bearer's own
 * membership, or anyone's for an admin.
 */
const DescribeChannelMembershipForAppInstanceUser: Handler<OnChannel & { AppInstanceUserArn: string }> = (
  context,
) => {
  const { channel, caller } = addressedChannel(context);
  const user = lookedUpUser(context, caller);
  const membership = membershipOf(context, channel, caller, user.arn);
  return {
    body: {
      ChannelMembership: {
        ChannelSummary: channelSummary(channel),
        AppInstanceUserMembershipSummary: membershipSummary(membership),
      },
    },
  };
};

/**
 * GET /channels/{ChannelArn}?scope=app-instance-user-moderated-channel&app-instance-user-arn= ->
 * 200 `{ Channel: { ChannelSummary } }` when the user moderates the channel.
 */
const DescribeChannelModeratedByAppInstanceUser: Handler<OnChannel & { AppInstanceUserArn: string }> = (
  context,
) => {
  const { channel, caller } = addressedChannel(context);
  const user = lookedUpUser(context, caller);
  moderatorOf(context, channel, caller, user.arn);
  return { body: { Channel: { ChannelSummary: channelSummary(channel) } } };
};

/** Each channel of the app instance where the user holds a role, in the order the roles were given. */
function rolesOf(
  instance: StoredAppInstance,
  channels: Iterable<StoredChannel>,
  arn: string,
  roles: (channel: StoredChannel) => ReadonlyMap<string, StoredRole>,
): { seq: number; channel: StoredChannel }[] {
  const found: { seq: number; channel: StoredChannel }[] = [];
  for (const channel of channels) {
    const role = roles(channel).get(arn);
    if (role && current(instance, role)) found.push({ seq: role.seq, channel });
  }
  return found.sort((a, b) => a.seq - b.seq);
}

/**
 * GET /channels?scope=app-instance-user-memberships&app-instance-user-arn=&max-results=&next-token=
 * -> 200 `{ ChannelMemberships, NextToken? }`: the channels the user (the bearer when not given)
 * is a member of. "Only an AppInstanceAdmin can call the API with a user ARN that is not their own."
 */
const ListChannelMembershipsForAppInstanceUser: Handler<Bearing & Paged & { AppInstanceUserArn?: string }> = (
  context,
) => {
  const { input, state } = context;
  const caller = bearer(context);
  const user = lookedUpUser(context, caller);
  const found = pageOf(
    rolesOf(caller.instance, state.messaging.channelsOf(caller.instance.arn), user.arn, (c) => c.memberships),
    input,
    `${user.arn} memberships`,
    'ListChannelMembershipsForAppInstanceUser',
  );
  return {
    body: {
      ChannelMemberships: found.items.map(({ channel }) => ({
        ChannelSummary: channelSummary(channel),
        AppInstanceUserMembershipSummary: membershipSummary(channel.memberships.get(user.arn)!),
      })),
      NextToken: found.nextToken,
    },
  };
};

/**
 * GET /channels?scope=app-instance-user-moderated-channels&app-instance-user-arn=&max-results=&next-token=
 * -> 200 `{ Channels: [{ ChannelSummary }], NextToken? }`: the channels the user (the bearer when
 * not given; another user for admins only) moderates.
 */
const ListChannelsModeratedByAppInstanceUser: Handler<Bearing & Paged & { AppInstanceUserArn?: string }> = (
  context,
) => {
  const { input, state } = context;
  const caller = bearer(context);
  const user = lookedUpUser(context, caller);
  const found = pageOf(
    rolesOf(caller.instance, state.messaging.channelsOf(caller.instance.arn), user.arn, (c) => c.moderators),
    input,
    `${user.arn} moderated channels`,
    'ListChannelsModeratedByAppInstanceUser',
  );
  return {
    body: {
      Channels: found.items.map(({ channel }) => ({ ChannelSummary: channelSummary(channel) })),
      NextToken: found.nextToken,
    },
  };
};

// ---------------------------------------------------------------------------------------------
// The session endpoint and the streaming configurations
// ---------------------------------------------------------------------------------------------

/**
 * GET /endpoints/messaging-session -> 200 `{ Endpoint: { Url } }`. The emulator serves no
 * WebSocket sessions: the URL names loopback and the region, for callers that only pass it on.
 */
const GetMessagingSessionEndpoint: Handler<Record<string, never>> = ({ region }) => ({
  body: { Endpoint: { Url: `wss://127.0.0.1/messaging-session/${region}` } },
});

/**
 * PUT /app-instances/{AppInstanceArn}/streaming-configurations -> 200 `{ StreamingConfigurations }`:
 * they replace the earlier ones. One configuration per data type (a second for the same
 * `DataType` is a BadRequestException). No data is actually streamed.
 */
const PutMessagingStreamingConfigurations: Handler<{
  AppInstanceArn: string;
  StreamingConfigurations: StreamingConfiguration[];
}> = (context) => {
  const { input, state } = context;
  const instance = appInstanceOf(context, input.AppInstanceArn);
  const types = new Set(input.StreamingConfigurations.map((configuration) => configuration.DataType));
  if (types.size !== input.StreamingConfigurations.length) {
    throw emulatorError('BadRequestException', 'Each DataType may have one streaming configuration.');
  }
  const configurations = input.StreamingConfigurations.map(({ DataType, ResourceArn }) => ({
    DataType,
    ResourceArn,
  }));
  state.messaging.putStreamingConfigurations(instance.arn, configurations);
  return { body: { StreamingConfigurations: configurations } };
};

/** GET /app-instances/{AppInstanceArn}/streaming-configurations -> 200 `{ StreamingConfigurations }`; none put: NotFoundException. */
const GetMessagingStreamingConfigurations: Handler<{ AppInstanceArn: string }> = (context) => {
  const instance = appInstanceOf(context, context.input.AppInstanceArn);
  const configurations = context.state.messaging.streamingConfigurations(instance.arn);
  if (!configurations) throw missing(context, `AppInstance ${instance.arn} has no streaming configurations.`);
  return { body: { StreamingConfigurations: configurations } };
};

/** DELETE /app-instances/{AppInstanceArn}/streaming-configurations -> 204, whether there were any or not. */
const DeleteMessagingStreamingConfigurations: Handler<{ AppInstanceArn: string }> = (context) => {
  const instance = appInstanceOf(context, context.input.AppInstanceArn);
  context.state.messaging.deleteStreamingConfigurations(instance.arn);
  return {};
};

/** Whether a channel an ARN names exists (with its app instance); `undefined` for ARNs of other kinds. */
function channelExists(state: HandlerContext['state'], arn: string): boolean | undefined {
  const parts = parseChannelArn(arn);
  if (!parts) return undefined;
  return (
    state.messaging.channel(arn) !== undefined &&
    state.identity.appInstance(parts.appInstanceArn) !== undefined
  );
}

export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...tagHandlers(channelExists, MAX_TAGS),
  CreateChannel,
  DescribeChannel,
  UpdateChannel,
  DeleteChannel,
  ListChannels,
  CreateChannelMembership,
  BatchCreateChannelMembership,
  DescribeChannelMembership,
  DeleteChannelMembership,
  ListChannelMemberships,
  CreateChannelModerator,
  DescribeChannelModerator,
  DeleteChannelModerator,
  ListChannelModerators,
  CreateChannelBan,
  DescribeChannelBan,
  DeleteChannelBan,
  ListChannelBans,
  SendChannelMessage,
  GetChannelMessage,
  ListChannelMessages,
  UpdateChannelMessage,
  DeleteChannelMessage,
  RedactChannelMessage,
  UpdateChannelReadMarker,
  DescribeChannelMembershipForAppInstanceUser,
  DescribeChannelModeratedByAppInstanceUser,
  ListChannelMembershipsForAppInstanceUser,
  ListChannelsModeratedByAppInstanceUser,
  GetMessagingSessionEndpoint,
  PutMessagingStreamingConfigurations,
  GetMessagingStreamingConfigurations,
  DeleteMessagingStreamingConfigurations,
};
