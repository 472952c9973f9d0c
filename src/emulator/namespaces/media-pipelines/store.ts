import type { TagStore } from '../tags.js';

/**
 * Chime SDK Media Pipelines's state (moto's `models`): media capture pipelines. Handlers own the rules; the store holds the data.
 */
export class MediaPipelinesStore {
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
