import { IdentityStore, type StoreLimits } from './namespaces/identity/store.js';
import { TagStore } from './namespaces/tags.js';

/**
 * Everything the emulator holds, one store per namespace, in memory. Keys are ARNs, and an ARN
 * carries its region and account, so resources are scoped by construction. Handlers own the
 * rules (idempotency, conflicts, permissions); the stores hold data and enforce size limits.
 */
export class EmulatorState {
  readonly accountId: string;
  readonly identity: IdentityStore;
  readonly tags = new TagStore();

  constructor(accountId: string, limits: StoreLimits) {
    this.accountId = accountId;
    this.identity = new IdentityStore(accountId, limits, this.tags);
  }

  clear(): void {
    this.identity.clear();
    this.tags.clear();
  }
}
