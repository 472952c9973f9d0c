import type { TagStore } from '../tags.js';

/**
 * Chime SDK Messaging's state (moto's `models`): channels, memberships, moderators, bans, messages, read markers and streaming configurations. Handlers own the rules; the store holds the data.
 */
export class MessagingStore {
  readonly #accountId: string;
  readonly #tags: TagStore;

  constructor(accountId: string, tags: TagStore) {
    this.#accountId = accountId;
    this.#tags = tags;
  }

  get accountId(): string {
    return this.#accountId;
  }

  get tags(): TagStore {
    return this.#tags;
  }

  clear(): void {}
}
