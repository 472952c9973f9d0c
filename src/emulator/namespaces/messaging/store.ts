import { randomUUID } from 'node:crypto';
import { emulatorError } from '../../errors.js';
import { NamespaceStore } from '../store.js';
import type { Tag } from '../tags.js';
import { channelArn } from './arn.js';

/**
 * Chime SDK Messaging's state (moto's `models`): channels with their memberships, moderators,
 * bans and messages, and the streaming configurations of app instances. The users and admins the
 * rules talk about are Chime SDK Identity's (`state.identity`). Handlers own the rules
 * (permissions, idempotency, conflicts); the store holds the data and the size limits that keep
 * memory bounded.
 */

/** Most channels the store holds, all app instances together; beyond: `ResourceLimitExceededException`. */
export const MAX_CHANNELS = 10_000;
/** Most persistent messages the store holds, all channels together. */
export const MAX_MESSAGES = 100_000;
/** Most memberships, moderators and bans the store holds, all channels together. */
export const MAX_ROLES = 200_000;
/** Most tags per channel: the messaging model's `TagList` maximum. */
export const MAX_TAGS = 50;

export type ChannelMode = 'UNRESTRICTED' | 'RESTRICTED';
export type ChannelPrivacy = 'PUBLIC' | 'PRIVATE';
export type MembershipType = 'DEFAULT' | 'HIDDEN';

/**
 * A user's role in a channel: a membership, a moderator or a ban. It belongs to the user as it was
 * when the role was given (`userSeq`, the user's creation position): a user deleted and created
 * again with the same id does not get the old roles back, as in Chime SDK Identity, where a
 * deleted user's admin role ends with it.
 */
export interface StoredRole {
  /** The user's ARN. */
  readonly arn: string;
  readonly userSeq: number;
  /** The bearer that gave the role (`InvitedBy`, `CreatedBy`). */
  readonly by: string;
  readonly created: number;
  /** Creation order among all roles of the store: the pagination cursor. */
  readonly seq: number;
}

export interface StoredMembership extends StoredRole {
  readonly type: MembershipType;
  readonly subChannelId: string | undefined;
  updated: number;
  /** Epoch milliseconds of the member's last UpdateChannelReadMarker. */
  readMarker: number | undefined;
}

export interface StoredMessage {
  readonly messageId: string;
  /** `undefined` once redacted. */
  content: string | undefined;
  metadata: string | undefined;
  readonly type: string;
  readonly persistence: string;
  /** The sender's (the bearer's) ARN. */
  readonly sender: string;
  readonly created: number;
  updated: number;
  lastEdited: number | undefined;
  redacted: boolean;
  readonly seq: number;
  /** The ClientRequestToken that sent it, and a fingerprint of that request, for replays. */
  readonly token: string;
  readonly fingerprint: string;
  readonly messageAttributes: unknown;
  contentType: string | undefined;
  /** The members a targeted message is for (only they and the sender see it). */
  readonly targets: readonly string[] | undefined;
  readonly subChannelId: string | undefined;
}

export interface ElasticChannelConfiguration {
  readonly MaximumSubChannels: number;
  readonly TargetMembershipsPerSubChannel: number;
  readonly MinimumMembershipPercentage: number;
}

export interface ChannelExpirationSettings {
  readonly ExpirationDays: number;
  readonly ExpirationCriterion: string;
}

export interface StoredChannel {
  readonly arn: string;
  readonly appInstanceArn: string;
  readonly region: string;
  name: string;
  mode: ChannelMode;
  readonly privacy: ChannelPrivacy;
  metadata: string | undefined;
  /** The creator's (the bearer's) ARN. */
  readonly createdBy: string;
  readonly created: number;
  updated: number;
  lastMessage: number | undefined;
  readonly seq: number;
  readonly token: string;
  readonly fingerprint: string;
  readonly elastic: ElasticChannelConfiguration | undefined;
  readonly expiration: ChannelExpirationSettings | undefined;
  /** By member ARN, in the order they joined (Map keeps insertion order). */
  readonly memberships: Map<string, StoredMembership>;
  readonly moderators: Map<string, StoredRole>;
  readonly bans: Map<string, StoredRole>;
  /** Persistent messages by id, in the order they were sent. */
  readonly messages: Map<string, StoredMessage>;
  readonly messagesByToken: Map<string, StoredMessage>;
}

/** One of an app instance's streaming configurations, in the messaging model's names. */
export interface StreamingConfiguration {
  readonly DataType: string;
  readonly ResourceArn: string;
}

export class MessagingStore extends NamespaceStore {
  readonly #channels = new Map<string, StoredChannel>();
  /** `${appInstanceArn}\n${token}` -> the channel that token created. */
  readonly #channelsByToken = new Map<string, StoredChannel>();
  readonly #streaming = new Map<string, readonly StreamingConfiguration[]>();
  #messageCount = 0;
  #roleCount = 0;

  channel(arn: string): StoredChannel | undefined {
    return this.#channels.get(arn);
  }

  channelByToken(appInstanceArn: string, token: string): StoredChannel | undefined {
    return this.#channelsByToken.get(`${appInstanceArn}\n${token}`);
  }

  /** The channels of an app instance, in creation order. */
  *channelsOf(appInstanceArn: string): Iterable<StoredChannel> {
    for (const channel of this.#channels.values()) {
      if (channel.appInstanceArn === appInstanceArn) yield channel;
    }
  }

  addChannel(input: {
    appInstanceArn: string;
    region: string;
    channelId: string | undefined;
    name: string;
    mode: ChannelMode;
    privacy: ChannelPrivacy;
    metadata: string | undefined;
    createdBy: string;
    tags: readonly Tag[] | undefined;
    elastic: ElasticChannelConfiguration | undefined;
    expiration: ChannelExpirationSettings | undefined;
    token: string;
    fingerprint: string;
    now: number;
  }): StoredChannel {
    if (this.#channels.size >= MAX_CHANNELS) {
      throw emulatorError(
        'ResourceLimitExceededException',
        `The emulator holds at most ${MAX_CHANNELS} channels.`,
      );
    }
    const channel: StoredChannel = {
      arn: channelArn(input.appInstanceArn, input.channelId ?? randomUUID()),
      appInstanceArn: input.appInstanceArn,
      region: input.region,
      name: input.name,
      mode: input.mode,
      privacy: input.privacy,
      metadata: input.metadata,
      createdBy: input.createdBy,
      created: input.now,
      updated: input.now,
      lastMessage: undefined,
      seq: this.sequence.next(),
      token: input.token,
      fingerprint: input.fingerprint,
      elastic: input.elastic,
      expiration: input.expiration,
      memberships: new Map(),
      moderators: new Map(),
      bans: new Map(),
      messages: new Map(),
      messagesByToken: new Map(),
    };
    this.tags.tag(channel.arn, input.tags, MAX_TAGS);
    this.#channels.set(channel.arn, channel);
    this.#channelsByToken.set(`${input.appInstanceArn}\n${input.token}`, channel);
    return channel;
  }

  /** Deletes a channel with everything in it: memberships, moderators, bans, messages, tags, its token. */
  deleteChannel(channel: StoredChannel): void {
    if (this.#channels.get(channel.arn) !== channel) return;
    this.#channels.delete(channel.arn);
    const tokenKey = `${channel.appInstanceArn}\n${channel.token}`;
    if (this.#channelsByToken.get(tokenKey) === channel) this.#channelsByToken.delete(tokenKey);
    this.#messageCount -= channel.messages.size;
    this.#roleCount -= channel.memberships.size + channel.moderators.size + channel.bans.size;
    this.tags.forget(channel.arn);
  }

  #reserveRole(): void {
    if (this.#roleCount >= MAX_ROLES) {
      throw emulatorError(
        'ResourceLimitExceededException',
        `The emulator holds at most ${MAX_ROLES} channel memberships, moderators and bans.`,
      );
    }
    this.#roleCount++;
  }

  addMembership(
    channel: StoredChannel,
    input: {
      arn: string;
      userSeq: number;
      by: string;
      type: MembershipType;
      subChannelId: string | undefined;
      now: number;
    },
  ): StoredMembership {
    this.#reserveRole();
    this.#dropRole(channel.memberships, input.arn);
    const membership: StoredMembership = {
      arn: input.arn,
      userSeq: input.userSeq,
      by: input.by,
      type: input.type,
      subChannelId: input.subChannelId,
      created: input.now,
      updated: input.now,
      readMarker: undefined,
      seq: this.sequence.next(),
    };
    channel.memberships.set(input.arn, membership);
    return membership;
  }

  addModerator(
    channel: StoredChannel,
    input: { arn: string; userSeq: number; by: string; now: number },
  ): StoredRole {
    return this.#addRole(channel.moderators, input);
  }

  addBan(
    channel: StoredChannel,
    input: { arn: string; userSeq: number; by: string; now: number },
  ): StoredRole {
    return this.#addRole(channel.bans, input);
  }

  #addRole(
    roles: Map<string, StoredRole>,
    input: { arn: string; userSeq: number; by: string; now: number },
  ): StoredRole {
    this.#reserveRole();
    this.#dropRole(roles, input.arn);
    const role: StoredRole = {
      arn: input.arn,
      userSeq: input.userSeq,
      by: input.by,
      created: input.now,
      seq: this.sequence.next(),
    };
    roles.set(input.arn, role);
    return role;
  }

  /** Removes a role (a membership, a moderator, a ban), if there is one. */
  removeRole(roles: Map<string, StoredRole>, arn: string): void {
    this.#dropRole(roles, arn);
  }

  #dropRole(roles: Map<string, StoredRole>, arn: string): void {
    if (roles.delete(arn)) this.#roleCount--;
  }

  addMessage(
    channel: StoredChannel,
    input: Omit<StoredMessage, 'messageId' | 'seq' | 'updated' | 'lastEdited' | 'redacted'>,
  ): StoredMessage {
    if (this.#messageCount >= MAX_MESSAGES) {
      throw emulatorError(
        'ResourceLimitExceededException',
        `The emulator holds at most ${MAX_MESSAGES} messages.`,
      );
    }
    const message: StoredMessage = {
      ...input,
      messageId: randomUUID(),
      seq: this.sequence.next(),
      updated: input.created,
      lastEdited: undefined,
      redacted: false,
    };
    channel.messages.set(message.messageId, message);
    channel.messagesByToken.set(message.token, message);
    this.#messageCount++;
    return message;
  }

  deleteMessage(channel: StoredChannel, message: StoredMessage): void {
    if (channel.messages.get(message.messageId) !== message) return;
    channel.messages.delete(message.messageId);
    // The token goes with the message: a replay after a delete sends it again.
    if (channel.messagesByToken.get(message.token) === message) channel.messagesByToken.delete(message.token);
    this.#messageCount--;
  }

  /** A sequence position for an item that is not stored (a non-persistent message). */
  nextSeq(): number {
    return this.sequence.next();
  }

  streamingConfigurations(appInstanceArn: string): readonly StreamingConfiguration[] | undefined {
    return this.#streaming.get(appInstanceArn);
  }

  putStreamingConfigurations(
    appInstanceArn: string,
    configurations: readonly StreamingConfiguration[],
  ): void {
    this.#streaming.set(appInstanceArn, configurations);
  }

  deleteStreamingConfigurations(appInstanceArn: string): void {
    this.#streaming.delete(appInstanceArn);
  }

  clear(): void {
    this.#channels.clear();
    this.#channelsByToken.clear();
    this.#streaming.clear();
    this.#messageCount = 0;
    this.#roleCount = 0;
  }
}
