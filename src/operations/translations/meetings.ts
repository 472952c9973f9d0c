import { onMeetingArn } from './meeting-arn.js';
import { createMeetingWithAttendeesWithDefaults, createMeetingWithDefaults } from './meeting-defaults.js';
import type { Translation } from './types.js';

// Chime SDK Meetings: what differs from the legacy meeting operations (docs/operations.md). The
// operations with no counterpart (ListMeetings, the attendee tag operations) and attendee `Tags`
// are refused by the table before any I/O, with what to use instead.

/**
 * Without `MediaRegion` or `ExternalMeetingId` (both required by Chime SDK Meetings):
 * `MediaRegion` is `us-east-1`, the legacy default, and `ExternalMeetingId` the call's
 * `ClientRequestToken` (the caller's, or the one generated for the call). The event's
 * `translation` names what was filled (`media-region-default`, `external-meeting-id-default`).
 */
export const CreateMeeting: Translation = createMeetingWithDefaults;

/**
 * The `CreateMeeting` defaults (`MediaRegion` `us-east-1`, `ExternalMeetingId` the call's
 * `ClientRequestToken`); without `Attendees` (required by Chime SDK Meetings) it is served as
 * `CreateMeeting` and answers empty `Attendees` and `Errors` (`served-as-create-meeting`).
 */
export const CreateMeetingWithAttendees: Translation = createMeetingWithAttendeesWithDefaults;

/**
 * The meeting is read first (`GetMeeting`) for its `MeetingArn`, then tagged with the meetings
 * namespace's `TagResource` on that ARN: one documented extra read (`meeting-arn-lookup`).
 */
export const TagMeeting: Translation = /* @__PURE__ */ onMeetingArn('TagResource');

/**
 * The meeting is read first (`GetMeeting`) for its `MeetingArn`, then untagged with the meetings
 * namespace's `UntagResource` on that ARN: one documented extra read (`meeting-arn-lookup`).
 */
export const UntagMeeting: Translation = /* @__PURE__ */ onMeetingArn('UntagResource');

/**
 * The meeting is read first (`GetMeeting`) for its `MeetingArn`, then its tags listed with the
 * meetings namespace's `ListTagsForResource` on that ARN: one documented extra read
 * (`meeting-arn-lookup`).
 */
export const ListMeetingTags: Translation = /* @__PURE__ */ onMeetingArn('ListTagsForResource');
