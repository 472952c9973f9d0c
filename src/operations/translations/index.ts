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

/**
 * Without `Metadata` (which the counterpart requires), the app
 * instance is read first (`DescribeAppInstance`) and its metadata sent back unchanged: "not
 * given" keeps meaning "not changed". The event's `translation` says `metadata-read-back`.
 */
export const UpdateAppInstance: Translation = metadataReadBack({
  command: 'DescribeAppInstance',
  key: 'AppInstanceArn',
  resource: 'AppInstance',
});

/**
 * Without `Metadata` (which the counterpart requires), the user is
 * read first (`DescribeAppInstanceUser`) and its metadata sent back unchanged: "not given" keeps
 * meaning "not changed". The event's `translation` says `metadata-read-back`.
 */
export const UpdateAppInstanceUser: Translation = metadataReadBack({
  command: 'DescribeAppInstanceUser',
  key: 'AppInstanceUserArn',
  resource: 'AppInstanceUser',
});

/** Routed by the `ResourceARN`'s resource type to the namespace that owns it, in the ARN's region. */
export const TagResource: Translation = routedByResourceArn;

/** Routed by the `ResourceARN`'s resource type to the namespace that owns it, in the ARN's region. */
export const UntagResource: Translation = routedByResourceArn;

/** Routed by the `ResourceARN`'s resource type to the namespace that owns it, in the ARN's region. */
export const ListTagsForResource: Translation = routedByResourceArn;
