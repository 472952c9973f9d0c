import { randomUUID } from 'node:crypto';
import { emulatorError } from '../../errors.js';
import type { EmulatorAppInstance, EmulatorUser } from '../../types.js';
import { NamespaceStore } from '../store.js';
import type { Tag, TagStore } from '../tags.js';
import { appInstanceArn, appInstanceUserArn } from './arn.js';

/**
 * Chime SDK Identity's state (moto's `models`): app instances, their users, admins and retention
 * settings. Handlers own the rules (idempotency, conflicts); the store holds the data and the size
 * limits that keep memory bounded.
 */

export interface ExpirationSettings {
  readonly ExpirationDays: number;
  readonly ExpirationCriterion: string;
}

export interface StoredUser {
  readonly arn: string;
  readonly userId: string;
  readonly appInstanceArn: string;
  readonly region: string;
  name: string;
  metadata: string | undefined;
  expirationSettings: ExpirationSettings | undefined;
  /** Epoch milliseconds. */
  readonly created: number;
  updated: number;
  /** Creation order: the pagination cursor. */
  readonly seq: number;
  /** The ClientRequestToken that created the user, and a fingerprint of that request, for replays. */
  readonly token: string;
  readonly fingerprint: string;
}

export interface StoredAdmin {
  /** The admin's user (or bot) ARN. */
  readonly arn: string;
  readonly created: number;
  readonly seq: number;
}

export interface RetentionSettings {
  readonly ChannelRetentionSettings?: { readonly RetentionDays?: number };
}

/** The retention settings last put on an app instance, and when. */
export interface StoredRetention {
  readonly settings: RetentionSettings;
  /** Epoch milliseconds: when they were put (the `InitiateDeletionTimestamp` answered). */
  readonly initiated: number;
}

export interface StoredAppInstance {
  readonly arn: string;
  readonly region: string;
  name: string;
  metadata: string | undefined;
  readonly created: number;
  updated: number;
  readonly seq: number;
  readonly token: string;
  readonly fingerprint: string;
  /** Users by AppInstanceUserId, in creation order (Map keeps insertion order). */
  readonly users: Map<string, StoredUser>;
  /** Users by the ClientRequestToken that created them. */
  readonly usersByToken: Map<string, StoredUser>;
  /** Admins by their ARN, in the order they were made admins. */
  readonly admins: Map<string, StoredAdmin>;
  /** `undefined` until PutAppInstanceRetentionSettings. */
  retention: StoredRetention | undefined;
}

export interface StoreLimits {
  readonly maxAppInstances: number;
  readonly maxUsers: number;
}

/** Most tags per resource: the identity model's `TagList` maximum. */
export const MAX_TAGS = 50;

export class IdentityStore extends NamespaceStore {
  readonly #limits: StoreLimits;
  readonly #appInstances = new Map<string, StoredAppInstance>();
  /** `${region}\n${token}` -> the app instance that token created. */
  readonly #appInstancesByToken = new Map<string, StoredAppInstance>();
  #userCount = 0;

  constructor(accountId: string, limits: StoreLimits, tags: TagStore) {
    super(accountId, tags);
    this.#limits = limits;
  }

  appInstance(arn: string): StoredAppInstance | undefined {
    return this.#appInstances.get(arn);
  }

  appInstanceByToken(region: string, token: string): StoredAppInstance | undefined {
    return this.#appInstancesByToken.get(`${region}\n${token}`);
  }

  /** The app instances of a region, in creation order. */
  *appInstancesIn(region: string): Iterable<StoredAppInstance> {
    for (const instance of this.#appInstances.values()) if (instance.region === region) yield instance;
  }

  addAppInstance(input: {
    region: string;
    name: string;
    metadata: string | undefined;
    tags: readonly Tag[] | undefined;
    token: string;
    fingerprint: string;
    now: number;
  }): StoredAppInstance {
    if (this.#appInstances.size >= this.#limits.maxAppInstances) {
      throw emulatorError(
        'ResourceLimitExceededException',
        `The emulator holds at most ${this.#limits.maxAppInstances} app instances (option maxAppInstances).`,
      );
    }
    const instance: StoredAppInstance = {
      arn: appInstanceArn(input.region, this.accountId, randomUUID()),
      region: input.region,
      name: input.name,
      metadata: input.metadata,
      created: input.now,
      updated: input.now,
      seq: this.sequence.next(),
      token: input.token,
      fingerprint: input.fingerprint,
      users: new Map(),
      usersByToken: new Map(),
      admins: new Map(),
      retention: undefined,
    };
    this.tags.tag(instance.arn, input.tags, MAX_TAGS);
    this.#appInstances.set(instance.arn, instance);
    this.#appInstancesByToken.set(`${input.region}\n${input.token}`, instance);
    return instance;
  }

  /** Deletes an app instance with everything under it: users, admins, tags. */
  deleteAppInstance(instance: StoredAppInstance): void {
    if (this.#appInstances.get(instance.arn) !== instance) return;
    this.#appInstances.delete(instance.arn);
    if (this.#appInstancesByToken.get(`${instance.region}\n${instance.token}`) === instance) {
      this.#appInstancesByToken.delete(`${instance.region}\n${instance.token}`);
    }
    this.#userCount -= instance.users.size;
    this.tags.forget(instance.arn);
  }

  addUser(
    instance: StoredAppInstance,
    input: {
      userId: string;
      name: string;
      metadata: string | undefined;
      tags: readonly Tag[] | undefined;
      expirationSettings: ExpirationSettings | undefined;
      token: string;
      fingerprint: string;
      now: number;
    },
  ): StoredUser {
    if (this.#userCount >= this.#limits.maxUsers) {
      throw emulatorError(
        'ResourceLimitExceededException',
        `The emulator holds at most ${this.#limits.maxUsers} app instance users (option maxUsers).`,
      );
    }
    const user: StoredUser = {
      arn: appInstanceUserArn(instance.arn, input.userId),
      userId: input.userId,
      appInstanceArn: instance.arn,
      region: instance.region,
      name: input.name,
      metadata: input.metadata,
      expirationSettings: input.expirationSettings,
      created: input.now,
      updated: input.now,
      seq: this.sequence.next(),
      token: input.token,
      fingerprint: input.fingerprint,
    };
    this.tags.tag(user.arn, input.tags, MAX_TAGS);
    instance.users.set(user.userId, user);
    instance.usersByToken.set(user.token, user);
    this.#userCount++;
    return user;
  }

  /** UpdateAppInstance: both members are required by the model, so both are replaced. */
  updateAppInstance(
    instance: StoredAppInstance,
    input: { name: string; metadata: string; now: number },
  ): void {
    instance.name = input.name;
    instance.metadata = input.metadata;
    instance.updated = input.now;
  }

  /** UpdateAppInstanceUser: both members are required by the model, so both are replaced. */
  updateUser(user: StoredUser, input: { name: string; metadata: string; now: number }): void {
    user.name = input.name;
    user.metadata = input.metadata;
    user.updated = input.now;
  }

  deleteUser(instance: StoredAppInstance, user: StoredUser): void {
    if (instance.users.get(user.userId) !== user) return;
    instance.users.delete(user.userId);
    // The token goes with the user: a replay after a delete creates the user again.
    if (instance.usersByToken.get(user.token) === user) instance.usersByToken.delete(user.token);
    instance.admins.delete(user.arn);
    this.tags.forget(user.arn);
    this.#userCount--;
  }

  addAdmin(instance: StoredAppInstance, arn: string, now: number): StoredAdmin {
    const admin: StoredAdmin = { arn, created: now, seq: this.sequence.next() };
    instance.admins.set(arn, admin);
    return admin;
  }

  /** Demotes an admin; the user stays. */
  removeAdmin(instance: StoredAppInstance, admin: StoredAdmin): void {
    if (instance.admins.get(admin.arn) === admin) instance.admins.delete(admin.arn);
  }

  putRetention(instance: StoredAppInstance, settings: RetentionSettings, now: number): StoredRetention {
    instance.retention = { settings, initiated: now };
    return instance.retention;
  }

  clear(): void {
    this.#appInstances.clear();
    this.#appInstancesByToken.clear();
    this.#userCount = 0;
  }

  appInstanceViews(): EmulatorAppInstance[] {
    return [...this.#appInstances.values()].map(toAppInstanceView);
  }

  userViews(appInstanceArnFilter?: string): EmulatorUser[] {
    const instances =
      appInstanceArnFilter === undefined
        ? [...this.#appInstances.values()]
        : [this.#appInstances.get(appInstanceArnFilter)].filter((i) => i !== undefined);
    return instances.flatMap((instance) =>
      [...instance.users.values()].map((user) => this.#toUserView(user)),
    );
  }

  #toUserView(user: StoredUser): EmulatorUser {
    const tags = this.tags.list(user.arn);
    return Object.freeze({
      AppInstanceUserArn: user.arn,
      AppInstanceUserId: user.userId,
      AppInstanceArn: user.appInstanceArn,
      Region: user.region,
      Name: user.name,
      ...(user.metadata === undefined ? {} : { Metadata: user.metadata }),
      ...(tags.length === 0 ? {} : { Tags: tags }),
      ...(user.expirationSettings === undefined
        ? {}
        : { ExpirationSettings: { ...user.expirationSettings } }),
      CreatedTimestamp: new Date(user.created),
      LastUpdatedTimestamp: new Date(user.updated),
    });
  }
}

function toAppInstanceView(instance: StoredAppInstance): EmulatorAppInstance {
  return Object.freeze({
    AppInstanceArn: instance.arn,
    Region: instance.region,
    Name: instance.name,
    ...(instance.metadata === undefined ? {} : { Metadata: instance.metadata }),
    CreatedTimestamp: new Date(instance.created),
    LastUpdatedTimestamp: new Date(instance.updated),
    UserCount: instance.users.size,
  });
}
