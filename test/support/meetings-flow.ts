import { expect } from 'vitest';
import { EMULATOR_ACCOUNT_ID } from '../../src/emulator/index.js';
import type { Surface } from './identity-flow.js';

/**
 * What a legacy service does with the meeting and media capture pipeline operations, in order, as
 * one table: each step is an operation, its input (from what earlier steps answered) and what the
 * caller relies on in its answer. Every surface runs the same steps
 * (test/core/meetings-operations.test.ts, test/sdk-3.699/plugin-meetings.test.ts), so they are
 * proven to behave the same. The meetings are controlled from `REGION` (the surfaces'
 * `defaultRegion`: meeting operations name no ARN).
 */

export const REGION = 'eu-central-1';

interface FlowState {
  MeetingId: string;
  attendeeIds: string[];
  secondMeetingId: string;
  MediaPipelineId: string;
}

interface Step {
  readonly operation: string;
  readonly input: (state: FlowState) => Record<string, unknown>;
  readonly check?: (output: Record<string, any>, state: FlowState) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What the legacy `Meeting` has: nothing more (no MeetingArn, MeetingFeatures, TenantIds, ...). */
const LEGACY_MEETING_MEMBERS = ['ExternalMeetingId', 'MediaPlacement', 'MediaRegion', 'MeetingId'];
/** What the legacy `Attendee` has (no Capabilities). */
const LEGACY_ATTENDEE_MEMBERS = ['AttendeeId', 'ExternalUserId', 'JoinToken'];

/** The meeting's ARN as a legacy caller builds it for the generic tag operations. */
const meetingArn = (MeetingId: string) =>
  `arn:aws:chime:${REGION}:${EMULATOR_ACCOUNT_ID}:meeting/${MeetingId}`;

export const MEETINGS_FLOW: readonly Step[] = [
  {
    // As a legacy service creates a meeting: a token, nothing else (MediaRegion and
    // ExternalMeetingId were optional; the shim fills the legacy default and the token).
    operation: 'CreateMeeting',
    input: () => ({ ClientRequestToken: 'standup-2026-12-01', Tags: [{ Key: 'team', Value: 'blue' }] }),
    check: (output, state) => {
      expect(output.Meeting.MeetingId).toMatch(UUID);
      expect(output.Meeting).toMatchObject({
        MediaRegion: 'us-east-1',
        ExternalMeetingId: 'standup-2026-12-01',
      });
      expect(Object.keys(output.Meeting).sort()).toEqual(LEGACY_MEETING_MEMBERS);
      state.MeetingId = output.Meeting.MeetingId;
    },
  },
  {
    operation: 'CreateAttendee',
    input: ({ MeetingId }) => ({ MeetingId, ExternalUserId: 'ada#1' }),
    check: (output, state) => {
      expect(output.Attendee).toMatchObject({ ExternalUserId: 'ada#1', JoinToken: expect.any(String) });
      expect(Object.keys(output.Attendee).sort()).toEqual(LEGACY_ATTENDEE_MEMBERS);
      state.attendeeIds.push(output.Attendee.AttendeeId);
    },
  },
  {
    operation: 'BatchCreateAttendee',
    input: ({ MeetingId }) => ({
      MeetingId,
      Attendees: [{ ExternalUserId: 'grace#2' }, { ExternalUserId: 'alan#3' }],
    }),
    check: (output, state) => {
      expect(output.Attendees.map((attendee: { ExternalUserId: string }) => attendee.ExternalUserId)).toEqual(
        ['grace#2', 'alan#3'],
      );
      expect(output.Errors).toEqual([]);
      state.attendeeIds.push(
        ...output.Attendees.map((attendee: { AttendeeId: string }) => attendee.AttendeeId),
      );
    },
  },
  {
    operation: 'GetMeeting',
    input: ({ MeetingId }) => ({ MeetingId }),
    check: (output, { MeetingId }) => {
      expect(output.Meeting.MeetingId).toBe(MeetingId);
      expect(Object.keys(output.Meeting).sort()).toEqual(LEGACY_MEETING_MEMBERS);
    },
  },
  {
    operation: 'GetAttendee',
    input: ({ MeetingId, attendeeIds }) => ({ MeetingId, AttendeeId: attendeeIds[0] }),
    check: (output) => expect(output.Attendee.ExternalUserId).toBe('ada#1'),
  },
  {
    operation: 'ListAttendees',
    input: ({ MeetingId }) => ({ MeetingId, MaxResults: 2 }),
    check: (output, { attendeeIds }) => {
      expect(output.Attendees.map((attendee: { AttendeeId: string }) => attendee.AttendeeId)).toEqual(
        attendeeIds.slice(0, 2),
      );
      expect(output.NextToken).toEqual(expect.any(String));
    },
  },
  {
    operation: 'TagMeeting',
    input: ({ MeetingId }) => ({ MeetingId, Tags: [{ Key: 'cost-center', Value: '42' }] }),
  },
  {
    operation: 'ListMeetingTags',
    input: ({ MeetingId }) => ({ MeetingId }),
    check: (output) =>
      expect(output.Tags).toEqual([
        { Key: 'team', Value: 'blue' },
        { Key: 'cost-center', Value: '42' },
      ]),
  },
  {
    operation: 'UntagMeeting',
    input: ({ MeetingId }) => ({ MeetingId, TagKeys: ['team'] }),
  },
  {
    operation: 'TagResource',
    input: ({ MeetingId }) => ({ ResourceARN: meetingArn(MeetingId), Tags: [{ Key: 'room', Value: 'A' }] }),
  },
  {
    operation: 'ListTagsForResource',
    input: ({ MeetingId }) => ({ ResourceARN: meetingArn(MeetingId) }),
    check: (output) =>
      expect(output.Tags).toEqual([
        { Key: 'cost-center', Value: '42' },
        { Key: 'room', Value: 'A' },
      ]),
  },
  {
    operation: 'UntagResource',
    input: ({ MeetingId }) => ({ ResourceARN: meetingArn(MeetingId), TagKeys: ['room'] }),
  },
  {
    operation: 'StartMeetingTranscription',
    input: ({ MeetingId }) => ({
      MeetingId,
      TranscriptionConfiguration: { EngineTranscribeSettings: { LanguageCode: 'en-US' } },
    }),
  },
  {
    operation: 'StopMeetingTranscription',
    input: ({ MeetingId }) => ({ MeetingId }),
  },
  {
    operation: 'CreateMediaCapturePipeline',
    input: ({ MeetingId }) => ({
      SourceType: 'ChimeSdkMeeting',
      SourceArn: meetingArn(MeetingId),
      SinkType: 'S3Bucket',
      SinkArn: 'arn:aws:s3:::capture-bucket',
    }),
    check: (output, state) => {
      expect(output.MediaCapturePipeline).toMatchObject({ Status: 'Initializing', SinkType: 'S3Bucket' });
      expect(output.MediaCapturePipeline).not.toHaveProperty('MediaPipelineArn');
      state.MediaPipelineId = output.MediaCapturePipeline.MediaPipelineId;
    },
  },
  {
    operation: 'GetMediaCapturePipeline',
    input: ({ MediaPipelineId }) => ({ MediaPipelineId }),
    check: (output) => expect(output.MediaCapturePipeline.Status).toBe('InProgress'),
  },
  {
    // The legacy list had whole pipelines: each summary the namespace lists is completed.
    operation: 'ListMediaCapturePipelines',
    input: () => ({}),
    check: (output, { MediaPipelineId, MeetingId }) => {
      expect(output.MediaCapturePipelines).toHaveLength(1);
      expect(output.MediaCapturePipelines[0]).toMatchObject({
        MediaPipelineId,
        SourceArn: meetingArn(MeetingId),
        Status: 'InProgress',
        SinkArn: 'arn:aws:s3:::capture-bucket',
      });
      expect(output.MediaCapturePipelines[0].CreatedTimestamp).toBeInstanceOf(Date);
    },
  },
  {
    operation: 'DeleteMediaCapturePipeline',
    input: ({ MediaPipelineId }) => ({ MediaPipelineId }),
  },
  {
    operation: 'CreateMeetingWithAttendees',
    input: () => ({
      ClientRequestToken: 'retro-2026-12-01',
      MediaRegion: 'eu-west-2',
      ExternalMeetingId: 'retro',
      Attendees: [{ ExternalUserId: 'edsger#4' }],
    }),
    check: (output, state) => {
      expect(output.Meeting).toMatchObject({ MediaRegion: 'eu-west-2', ExternalMeetingId: 'retro' });
      expect(output.Attendees).toHaveLength(1);
      expect(output.Errors).toEqual([]);
      state.secondMeetingId = output.Meeting.MeetingId;
    },
  },
  {
    operation: 'DeleteAttendee',
    input: ({ MeetingId, attendeeIds }) => ({ MeetingId, AttendeeId: attendeeIds[0] }),
  },
  {
    operation: 'DeleteMeeting',
    input: ({ MeetingId }) => ({ MeetingId }),
  },
  {
    operation: 'DeleteMeeting',
    input: ({ secondMeetingId }) => ({ MeetingId: secondMeetingId }),
  },
];

/** The operations the flow calls. */
export const MEETINGS_FLOW_OPERATIONS: ReadonlySet<string> = new Set(
  MEETINGS_FLOW.map(({ operation }) => operation),
);

/** The reads the shim makes before an operation's own request (the meeting tag operations' GetMeeting, a list's per-item reads). */
export function namespaceOperations(operation: string, listed = 1): string[] {
  switch (operation) {
    case 'TagMeeting':
      return ['GetMeeting', 'TagResource'];
    case 'UntagMeeting':
      return ['GetMeeting', 'UntagResource'];
    case 'ListMeetingTags':
      return ['GetMeeting', 'ListTagsForResource'];
    case 'ListMediaCapturePipelines':
      return [operation, ...Array.from({ length: listed }, () => 'GetMediaCapturePipeline')];
    default:
      return [operation];
  }
}

/** Runs the flow through one surface (in an emulator that starts empty) and returns each step's operation. */
export async function runMeetingsFlow(surface: Surface): Promise<string[]> {
  const state: FlowState = { MeetingId: '', attendeeIds: [], secondMeetingId: '', MediaPipelineId: '' };
  const ran: string[] = [];
  for (const step of MEETINGS_FLOW) {
    const output = await surface(step.operation, step.input(state));
    expect(output.$metadata?.httpStatusCode, step.operation).toBeGreaterThanOrEqual(200);
    step.check?.(output, state);
    ran.push(step.operation);
  }
  return ran;
}
