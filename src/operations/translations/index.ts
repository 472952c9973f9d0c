import { metadataReadBack } from './metadata-read-back.js';
import { routedByResourceArn } from './resource-arn.js';
import type { Translation } from './types.js';

export { ownerOf, resourceOf } from './resource-arn.js';
export type { Answer, PrepareContext, Request, SendContext, Translation } from './types.js';

/*
 * The hand-written part of the operation table: what the models show differs between the
 * namespaces, and how each difference is bridged (docs/operations.md). One export per operation
 * that needs one, named after the operation: the generator wires each into its operation's row
 * (`translation`), so a program carries only the translations of the operations it calls. An
 * operation without one is sent as it is to its same-name counterpart;
 * test/operations/translations.test.ts fails when a member the counterpart newly requires has none.
 */

export const UpdateAppInstance: Translation = metadataReadBack({
  command: 'DescribeAppInstance',
  key: 'AppInstanceArn',
  resource: 'AppInstance',
});

export const UpdateAppInstanceUser: Translation = metadataReadBack({
  command: 'DescribeAppInstanceUser',
  key: 'AppInstanceUserArn',
  resource: 'AppInstanceUser',
});

export const TagResource: Translation = routedByResourceArn;
export const UntagResource: Translation = routedByResourceArn;
export const ListTagsForResource: Translation = routedByResourceArn;
