import type { Answer, Request, SendContext, Translation } from './types.js';

/**
 * The media Region of a meeting created without `MediaRegion`: the legacy model documents
 * "Default: `us-east-1`"; Chime SDK Meetings requires the member.
 */
export const LEGACY_MEDIA_REGION = 'us-east-1';

/**
 * Fills what legacy `CreateMeeting` and `CreateMeetingWithAttendees` let callers leave out and
 * Chime SDK Meetings requires: `MediaRegion` (the legacy default, `us-east-1`) and
 * `ExternalMeetingId` (the call's `ClientRequestToken`: the caller's, or the one generated for
 * the call, which is filled before `send` runs; both are 2-64 characters, the token's pattern a
 * subset of the id's). Returns what was filled, for the event.
 */
function fillMeetingDefaults(request: Request): string[] {
  const filled: string[] = [];
  if (request.MediaRegion === undefined) {
    request.MediaRegion = LEGACY_MEDIA_REGION;
    filled.push('media-region-default');
  }
  if (request.ExternalMeetingId === undefined) {
    request.ExternalMeetingId = request.ClientRequestToken;
    filled.push('external-meeting-id-default');
  }
  return filled;
}

/** Names what was translated in the event, when anything was: `media-region-default,served-as-create-meeting`. */
function noteAll(context: SendContext, translations: readonly string[]): void {
  if (translations.length > 0) context.note(translations.join(','));
}

/** `CreateMeeting` with the legacy defaults filled in. */
export const createMeetingWithDefaults: Translation = {
  async send(context: SendContext): Promise<Answer> {
    noteAll(context, fillMeetingDefaults(context.request));
    return context.send('CreateMeeting', context.request);
  },
};

/**
 * `CreateMeetingWithAttendees` with the legacy defaults filled in. Without `Attendees` (optional
 * in the legacy model, 1-20 items required by Chime SDK Meetings) it is what the legacy namespace
 * did with no attendees to add: `CreateMeeting`, answered with empty `Attendees` and `Errors`.
 */
export const createMeetingWithAttendeesWithDefaults: Translation = {
  async send(context: SendContext): Promise<Answer> {
    const { request } = context;
    const filled = fillMeetingDefaults(request);
    if (request.Attendees !== undefined) {
      noteAll(context, filled);
      return context.send('CreateMeetingWithAttendees', request);
    }
    noteAll(context, [...filled, 'served-as-create-meeting']);
    const answer = await context.send('CreateMeeting', request);
    return { ...answer, Attendees: [], Errors: [] };
  },
};
