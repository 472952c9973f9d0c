import type { TagStore } from '../tags.js';

/**
 * Chime SDK Meetings's state (moto's `models`): meetings and their attendees, transcription state. Handlers own the rules; the store holds the data.
 */
export class MeetingsStore {
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
