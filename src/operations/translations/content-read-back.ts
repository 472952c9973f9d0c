import { refusal } from '../../errors.js';
import type { Answer, SendContext } from './types.js';

/**
 * `UpdateChannelMessage` without `Content`: the legacy model let callers leave it out (to change
 * only `Metadata`); Chime SDK Messaging requires it. So the message is read first
 * (`GetChannelMessage`, with the same bearer and sub-channel) and its content sent back
 * unchanged: "not given" keeps meaning "not changed". One documented extra read; the event's
 * `translation` says `content-read-back`.
 *
 * A redacted message has no content to keep (the service answers it without one), and the
 * counterpart refuses an empty one: the call is a legacy `BadRequestException` after the read,
 * with no write, saying so.
 */
export async function sendWithContentReadBack(context: SendContext): Promise<Answer> {
  const { request, operation } = context;
  if (request.Content !== undefined) return context.send(operation.counterpart!, request);
  const current = await context.send('GetChannelMessage', {
    ChannelArn: request.ChannelArn,
    MessageId: request.MessageId,
    ChimeBearer: request.ChimeBearer,
    ...(request.SubChannelId !== undefined && { SubChannelId: request.SubChannelId }),
  });
  context.note('content-read-back');
  const content = (current.ChannelMessage as { Content?: unknown } | undefined)?.Content;
  if (typeof content !== 'string' || content === '') {
    throw await refusal(
      'UpdateChannelMessage without Content keeps the message content, but this message has none ' +
        '(it was redacted) and Chime SDK Messaging requires Content; nothing was updated. Give Content.',
    );
  }
  return context.send(operation.counterpart!, { ...request, Content: content });
}
