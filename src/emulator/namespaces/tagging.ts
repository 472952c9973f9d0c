import { ownerOf } from '../../operations/translations/resource-arn.js';
import { emulatorError } from '../errors.js';
import type { EmulatorState } from '../state.js';
import type { Handler, HandlerContext } from './namespace.js';
import type { Tag } from './tags.js';

/**
 * The generic tag operations every namespace has (`TagResource`, `UntagResource`,
 * `ListTagsForResource`, one binding for all five): the runtime gives the request to the
 * namespace that owns the `ResourceARN` (the shim routes legacy tag calls the same way, with the
 * same `ownerOf`), and these handlers keep the tags in the shared tag store.
 *
 * @param exists whether the namespace's resource exists
 * @param maxTags most tags per resource (the namespace's `TagList` maximum)
 */
export function tagHandlers(
  exists: (state: EmulatorState, arn: string) => boolean | undefined,
  maxTags: number,
): Record<'TagResource' | 'UntagResource' | 'ListTagsForResource', Handler> {
  const resource = (context: HandlerContext<{ ResourceARN: string }>): string => {
    const arn = context.input.ResourceARN;
    const region = arn.split(':')[3];
    if (region !== context.region) {
      throw emulatorError(
        'BadRequestException',
        `ResourceARN ${arn} is in region ${region}, but the request was signed for region ${context.region}.`,
      );
    }
    if (!exists(context.state, arn)) {
      // NotFound where the operation's model lists it, otherwise the model's BadRequest.
      throw emulatorError(
        context.operation.errors.includes('NotFoundException') ? 'NotFoundException' : 'BadRequestException',
        `The resource ${arn} does not exist.`,
      );
    }
    return arn;
  };
  return {
    TagResource: (context: HandlerContext<{ ResourceARN: string; Tags: Tag[] }>) => {
      context.state.tags.tag(resource(context), context.input.Tags, maxTags);
      return {};
    },
    UntagResource: (context: HandlerContext<{ ResourceARN: string; TagKeys: string[] }>) => {
      context.state.tags.untag(resource(context), context.input.TagKeys);
      return {};
    },
    ListTagsForResource: (context: HandlerContext<{ ResourceARN: string }>) => ({
      body: { Tags: context.state.tags.list(resource(context)) },
    }),
  };
}

/** The family that owns the resource an ARN names (the same rule as the shim's routing). */
export { ownerOf };
