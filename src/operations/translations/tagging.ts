import { routedByResourceArn } from './resource-arn.js';
import type { Translation } from './types.js';

// The generic tag operations: every namespace has them; the resource's ARN says which one serves the call.

/** Routed by the `ResourceARN`'s resource type to the namespace that owns it, in the ARN's region. */
export const TagResource: Translation = routedByResourceArn;

/** Routed by the `ResourceARN`'s resource type to the namespace that owns it, in the ARN's region. */
export const UntagResource: Translation = routedByResourceArn;

/** Routed by the `ResourceARN`'s resource type to the namespace that owns it, in the ARN's region. */
export const ListTagsForResource: Translation = routedByResourceArn;
