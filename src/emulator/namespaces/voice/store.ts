import type { TagStore } from '../tags.js';

/**
 * Chime SDK Voice's state (moto's `models`): voice connectors and groups, their settings documents, phone number associations, SIP media applications and rules, proxy sessions. Handlers own the rules; the store holds the data.
 */
export class VoiceStore {
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
