import { loadLegacyModule } from '../../errors.js';
import type { Answer, SendContext, Translation } from './types.js';

/** The meetings namespace's generic tag operations, which take the meeting's ARN. */
type MeetingTagCommand = 'TagResource' | 'UntagResource' | 'ListTagsForResource';

/**
 * `TagMeeting`, `UntagMeeting`, `ListMeetingTags`: Chime SDK Meetings has no per-meeting tag
 * operations; its generic ones take the meeting's ARN (`ResourceARN`) instead of its id. The
 * ARN holds the account id and the control Region, which a caller that has only a `MeetingId`
 * does not know, so the meeting is read first (`GetMeeting`, whose `Meeting.MeetingArn` the
 * legacy `Meeting` never had) and the tag operation sent on that ARN: the one documented extra
 * read. The event's `translation` says `meeting-arn-lookup`.
 *
 * @param command the meetings namespace's operation that replaces the legacy one
 */
export function onMeetingArn(command: MeetingTagCommand): Translation {
  return {
    async send(context: SendContext): Promise<Answer> {
      const { MeetingId, ...members } = context.request;
      context.note('meeting-arn-lookup');
      const current = await context.send('GetMeeting', { MeetingId });
      const arn = (current.Meeting as { MeetingArn?: unknown } | undefined)?.MeetingArn;
      if (typeof arn !== 'string' || arn === '') throw await noMeetingArn(context, current);
      return context.send(command, { ...members, ResourceARN: arn });
    },
  };
}

/**
 * Chime SDK Meetings documents `MeetingArn` in every `GetMeeting` answer; one without it leaves
 * nothing to tag. A server-side failure (`ServiceFailureException`, the legacy class), not a
 * guess at the ARN: nothing was written.
 */
async function noMeetingArn(context: SendContext, answer: Answer): Promise<Error> {
  const legacy = await loadLegacyModule();
  const message =
    `${context.operation.name}: Chime SDK Meetings answered GetMeeting without a MeetingArn, ` +
    `so the meeting's tags could not be reached; nothing was ${context.operation.name === 'ListMeetingTags' ? 'read' : 'changed'}.`;
  return new legacy.ServiceFailureException({ $metadata: answer.$metadata, message, Message: message });
}
