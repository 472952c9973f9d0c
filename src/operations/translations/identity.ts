import { metadataReadBack } from './metadata-read-back.js';
import type { Translation } from './types.js';

// Chime SDK Identity: what differs from the legacy identity operations (docs/operations.md).

/**
 * Without `Metadata` (which the counterpart requires), the app
 * instance is read first (`DescribeAppInstance`) and its metadata sent back unchanged: "not
 * given" keeps meaning "not changed". The event's `translation` says `metadata-read-back`.
 */
export const UpdateAppInstance: Translation = /* @__PURE__ */ metadataReadBack({
  command: 'DescribeAppInstance',
  key: 'AppInstanceArn',
  resource: 'AppInstance',
});

/**
 * Without `Metadata` (which the counterpart requires), the user is
 * read first (`DescribeAppInstanceUser`) and its metadata sent back unchanged: "not given" keeps
 * meaning "not changed". The event's `translation` says `metadata-read-back`.
 */
export const UpdateAppInstanceUser: Translation = /* @__PURE__ */ metadataReadBack({
  command: 'DescribeAppInstanceUser',
  key: 'AppInstanceUserArn',
  resource: 'AppInstanceUser',
});
