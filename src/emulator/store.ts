import { randomUUID } from 'node:crypto';
import { appInstanceArn, appInstanceUserArn } from './arn.js';
import { emulatorError } from './errors.js';
import type { ExpirationSettings, Tag } from './shapes.js';
import type { EmulatorAppInstance, EmulatorUser } from './types.js';

/**
 * The emulator's state: app instances and their users, in memory. Keys are ARNs, and an ARN
 * carries its region, so a user is scoped to its app instance and region by construction.
 * Handlers own the rules (idempotency, conflicts); the store only holds data and enforces the
 * size limits that keep memory bounded.
 */

export interface StoredUser {
  readonly arn: string;
  readonly userId: string;
  readonly appInstanceArn: string;
  readonly region: string;
  readonly name: string;
  readonly metadata: string | undefined;
  readonly tags: readonly Tag[] | undefined;
  readonly expirationSettings: ExpirationSettings | undefined;
  /** Epoch milliseconds. */
  readonly created: number;
  readonly updated: number;
  /** Creation order inside the app instance: the pagination cursor. */
  readonly seq: number;
  /** The ClientRequestToken that created the user, and a fingerprint of that request, for replays. */
  readonly token: string;
  readonly fingerprint: string;
}

export interface StoredAppInstance {
  readonly arn: string;
  readonly region: string;
  readonly name: string;
  readonly metadata: string | undefined;
  readonly tags: readonly Tag[] | undefined;
  readonly created: number;
  readonly updated: number;
  readonly token: string;
  readonly fingerprint: string;
  /** Users by AppInstanceUserId, in creation order (Map keeps insertion order). */
  readonly users: Map<string, StoredUser>;
  /** Users by the ClientRequestToken that created them. */
  readonly usersByToken: Map<string, StoredUser>;
  nextSeq: number;
}

export interface StoreLimits {
  readonly maxAppInstances: number;
  readonly maxUsers: number;
}

export class Store {
  readonly #accountId: string;
  readonly #limits: StoreLimits;
  readonly #appInstances = new Map<string, StoredAppInstance>();
  /** `${region}\n${token}` -> the app instance that token created. */
  readonly #appInstancesByToken = new Map<string, StoredAppInstance>();
  #userCount = 0;

  constructor(accountId: string, limits: StoreLimits) {
    this.#accountId = accountId;
    this.#limits = limits;
  }

  get accountId(): string {
    return this.#accountId;
  }

  appInstance(arn: string): StoredAppInstance | undefined {
    return this.#appInstances.get(arn);
  }

  appInstanceByToken(region: string, token: string): StoredAppInstance | undefined {
    return this.#appInstancesByToken.get(`${region}\n${token}`);
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
      arn: appInstanceArn(input.region, this.#accountId, randomUUID()),
      region: input.region,
      name: input.name,
      metadata: input.metadata,
      tags: input.tags,
      created: input.now,
      updated: input.now,
      token: input.token,
      fingerprint: input.fingerprint,
      users: new Map(),
      usersByToken: new Map(),
      nextSeq: 1,
    };
    this.#appInstances.set(instance.arn, instance);
    this.#appInstancesByToken.set(`${input.region}\n${input.token}`, instance);
    return instance;
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
      tags: input.tags,
      expirationSettings: input.expirationSettings,
      created: input.now,
      updated: input.now,
      seq: instance.nextSeq++,
      token: input.token,
      fingerprint: input.fingerprint,
    };
    instance.users.set(user.userId, user);
    instance.usersByToken.set(user.token, user);
    this.#userCount++;
    return user;
  }

  deleteUser(instance: StoredAppInstance, user: StoredUser): void {
    if (instance.users.get(user.userId) !== user) return;
    instance.users.delete(user.userId);
    // The token goes with the user: a replay after a delete creates the user again.
    if (instance.usersByToken.get(user.token) === user) instance.usersByToken.delete(user.token);
    this.#userCount--;
  }

  /** Up to `max` users created after cursor `afterSeq`, and the cursor for the next page if any. */
  listUsers(
    instance: StoredAppInstance,
    afterSeq: number,
    max: number,
  ): { users: StoredUser[]; lastSeq: number | undefined } {
    const users: StoredUser[] = [];
    let more = false;
    for (const user of instance.users.values()) {
      if (user.seq <= afterSeq) continue;
      if (users.length === max) {
        more = true;
        break;
      }
      users.push(user);
    }
    return { users, lastSeq: more ? users.at(-1)?.seq : undefined };
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
    return instances.flatMap((instance) => [...instance.users.values()].map(toUserView));
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

function toUserView(user: StoredUser): EmulatorUser {
  return Object.freeze({
    AppInstanceUserArn: user.arn,
    AppInstanceUserId: user.userId,
    AppInstanceArn: user.appInstanceArn,
    Region: user.region,
    Name: user.name,
    ...(user.metadata === undefined ? {} : { Metadata: user.metadata }),
    ...(user.tags === undefined ? {} : { Tags: user.tags.map((tag) => ({ ...tag })) }),
    ...(user.expirationSettings === undefined ? {} : { ExpirationSettings: { ...user.expirationSettings } }),
    CreatedTimestamp: new Date(user.created),
    LastUpdatedTimestamp: new Date(user.updated),
  });
}
