import { Sequence } from './pagination.js';
import type { TagStore } from './tags.js';

/**
 * What every namespace's store holds besides its resources: the account its ARNs name, the tag
 * store (one for all namespaces: generic tagging reaches any of them), and the creation order the
 * list operations page by.
 */
export abstract class NamespaceStore {
  readonly accountId: string;
  readonly tags: TagStore;
  protected readonly sequence = new Sequence();

  constructor(accountId: string, tags: TagStore) {
    this.accountId = accountId;
    this.tags = tags;
  }
}
