import { badRequest } from '../../errors.js';
import type { Family } from '../operation.js';
import type { Request, Translation } from './types.js';

/**
 * Which namespace owns a resource, by its ARN's resource part (AWS Service Authorization
 * Reference, service prefix `chime`). Channels and channel flows live under an app instance, so
 * they are tested before the bare `app-instance/` prefix.
 */
const OWNERS: readonly (readonly [RegExp, Family])[] = [
  [/^app-instance\/[^/]+\/(channel|channel-flow)\//, 'messaging'],
  [/^app-instance\//, 'identity'],
  [/^meeting\//, 'meetings'],
  [/^(vc|vcg|sma|voice-profile|voice-profile-domain)\//, 'voice'],
  [
    /^(media-pipeline|media-insights-pipeline-configuration|media-pipeline-kinesis-video-stream-pool)\//,
    'mediaPipelines',
  ],
];

/** The family that owns the resource an ARN names, or `undefined` when none does. */
export function ownerOf(arn: string): Family | undefined {
  const resource = resourceOf(arn);
  return OWNERS.find(([prefix]) => prefix.test(resource))?.[1];
}

/** `arn:partition:service:region:account:resource`: the text after the fifth colon. */
export function resourceOf(arn: string): string {
  let at = -1;
  for (let colons = 0; colons < 5; colons++) {
    at = arn.indexOf(':', at + 1);
    if (at < 0) return '';
  }
  return arn.slice(at + 1);
}

/**
 * Legacy `TagResource`, `UntagResource` and `ListTagsForResource`: every dedicated namespace has
 * them, under the same names, with the same members; the `ResourceARN` says which one owns the
 * resource. Its region field gives the region, as for any ARN member.
 */
export const routedByResourceArn: Translation = {
  async family(request: Request) {
    const owner = ownerOf(String(request.ResourceARN));
    if (owner) return owner;
    throw await badRequest([
      { path: 'resourceARN', constraint: 'Member must name a resource of a Chime SDK namespace' },
    ]);
  },
};
