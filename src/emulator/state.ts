import { IdentityStore, type StoreLimits } from './namespaces/identity/store.js';
import { MediaPipelinesStore } from './namespaces/media-pipelines/store.js';
import { MeetingsStore } from './namespaces/meetings/store.js';
import { MessagingStore } from './namespaces/messaging/store.js';
import { TagStore } from './namespaces/tags.js';
import { VoiceStore } from './namespaces/voice/store.js';

/**
 * Everything the emulator holds, one store per namespace, in memory. Keys are ARNs, and an ARN
 * carries its region and account, so resources are scoped by construction. Handlers own the
 * rules (idempotency, conflicts, permissions); the stores hold data and enforce size limits.
 */
export class EmulatorState {
  readonly accountId: string;
  readonly tags = new TagStore();
  readonly identity: IdentityStore;
  readonly messaging: MessagingStore;
  readonly meetings: MeetingsStore;
  readonly voice: VoiceStore;
  readonly mediaPipelines: MediaPipelinesStore;

  constructor(accountId: string, limits: StoreLimits) {
    this.accountId = accountId;
    this.identity = new IdentityStore(accountId, limits, this.tags);
    this.messaging = new MessagingStore(accountId, this.tags);
    this.meetings = new MeetingsStore(accountId, this.tags);
    this.voice = new VoiceStore(accountId, this.tags);
    this.mediaPipelines = new MediaPipelinesStore(accountId, this.tags);
  }

  clear(): void {
    this.identity.clear();
    this.messaging.clear();
    this.meetings.clear();
    this.voice.clear();
    this.mediaPipelines.clear();
    this.tags.clear();
  }
}
