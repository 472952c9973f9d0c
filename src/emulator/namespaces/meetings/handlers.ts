import { emulatorError } from '../../errors.js';
import type { Handler, HandlerContext } from '../namespace.js';
import { fingerprint, page } from '../pagination.js';
import type { Tag } from '../tags.js';
import { meetingsError } from './errors.js';
import {
  type Capabilities,
  MAX_ATTENDEES,
  MAX_TAGS,
  type MeetingRequest,
  type StoredAttendee,
  type StoredMeeting,
} from './store.js';

/**
 * Chime SDK Meetings's operations (moto's `responses`): each takes the validated input and
 * answers the model's output. Inputs are typed as the handlers read them; the shapes were
 * checked already. Where AWS publishes no rule the emulator's choice is in
 * docs/emulator-meetings.md, "Assumptions".
 */

/** Page size when MaxResults is absent (assumed: the model's maximum, 100). */
export const DEFAULT_MAX_RESULTS = 100;

/**
 * The media Regions a meeting can be hosted in (the meetings model's `MediaRegion`
 * documentation, GovCloud included); the model types the member as a 2-64 character string.
 */
const MEDIA_REGIONS: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'us-gov-east-1',
  'us-gov-west-1',
]);

interface AttendeeRequest {
  readonly ExternalUserId: string;
  readonly Capabilities?: Capabilities;
}

interface CreateMeetingInput extends MeetingRequest {
  readonly ClientRequestToken: string;
}

/** The meeting the URI names, in the Region the request was signed for; a miss is `NotFoundException`. */
function addressedMeeting(context: HandlerContext<{ MeetingId: string }>): StoredMeeting {
  const meeting = context.state.meetings.meeting(context.region, context.input.MeetingId);
  if (!meeting) {
    throw emulatorError(
      'NotFoundException',
      `The meeting ${context.input.MeetingId} does not exist in ${context.region} (never created, or ended).`,
    );
  }
  return meeting;
}

function addressedAttendee(meeting: StoredMeeting, attendeeId: string): StoredAttendee {
  const attendee = meeting.attendees.get(attendeeId);
  if (!attendee) {
    throw emulatorError(
      'NotFoundException',
      `The attendee ${attendeeId} does not exist in meeting ${meeting.meetingId}.`,
    );
  }
  return attendee;
}

function meetingBody(meeting: StoredMeeting): Record<string, unknown> {
  const { request } = meeting;
  return {
    MeetingId: meeting.meetingId,
    MeetingHostId: request.MeetingHostId,
    ExternalMeetingId: request.ExternalMeetingId,
    MediaRegion: request.MediaRegion,
    MediaPlacement: meeting.mediaPlacement,
    MeetingFeatures: request.MeetingFeatures,
    PrimaryMeetingId: request.PrimaryMeetingId,
    TenantIds: request.TenantIds,
    MeetingArn: meeting.arn,
  };
}

function attendeeBody(attendee: StoredAttendee): Record<string, unknown> {
  return {
    ExternalUserId: attendee.externalUserId,
    AttendeeId: attendee.attendeeId,
    JoinToken: attendee.joinToken,
    Capabilities: attendee.capabilities,
  };
}

/**
 * A meeting from a create request, or the one an earlier request with the same
 * `ClientRequestToken` created (assumed: the same token and request give back the same meeting; the
 * same token with a different request is a `ConflictException`, which the model lists).
 */
function createMeeting(
  context: HandlerContext<CreateMeetingInput>,
  attendees: readonly AttendeeRequest[] = [],
): StoredMeeting {
  const { region, input, state, now } = context;
  if (!MEDIA_REGIONS.has(input.MediaRegion)) {
    throw emulatorError(
      'BadRequestException',
      `MediaRegion ${input.MediaRegion} is not a Region that hosts Amazon Chime SDK meetings.`,
    );
  }
  const print = fingerprint([
    input.ExternalMeetingId,
    input.MediaRegion,
    input.MeetingHostId,
    input.NotificationsConfiguration,
    input.MeetingFeatures,
    input.PrimaryMeetingId,
    input.TenantIds,
    input.Tags?.map((tag) => [tag.Key, tag.Value]),
    attendees.map((attendee) => [attendee.ExternalUserId, attendee.Capabilities]),
  ]);
  const earlier = state.meetings.meetingByToken(region, input.ClientRequestToken);
  if (earlier) {
    if (earlier.fingerprint !== print) {
      throw emulatorError(
        'ConflictException',
        'The ClientRequestToken was already used for a different meeting request.',
      );
    }
    return earlier;
  }
  if (input.PrimaryMeetingId !== undefined && !state.meetings.meeting(region, input.PrimaryMeetingId)) {
    throw emulatorError(
      'BadRequestException',
      `PrimaryMeetingId ${input.PrimaryMeetingId} names no meeting in ${region}.`,
    );
  }
  const { ClientRequestToken: token, ...request } = input;
  return state.meetings.addMeeting({ region, request, token, fingerprint: print, now });
}

/** Most attendees the meeting admits: `MeetingFeatures.Attendee.MaxCount`, else the Chime SDK's 250. */
function capacityOf(meeting: StoredMeeting): number {
  return meeting.request.MeetingFeatures?.Attendee?.MaxCount ?? MAX_ATTENDEES;
}

const SENDS_OR_RECEIVES = new Set(['SendReceive', 'Send', 'Receive']);
const RECEIVES = new Set(['SendReceive', 'Receive']);

/**
 * An attendee's capabilities, or why the meeting refuses them. The rules are the meetings model's
 * (`CreateAttendeeRequest.Capabilities`): none given is send and receive on every channel;
 * a channel the meeting turned off (`MaxResolution: None`) takes no capability but `None`; and
 * content can be received only by an attendee that receives video. Without capabilities in a
 * meeting with video off and content on, video is `Receive` ("content SendReceive requires video
 * to be at least Receive", the model).
 */
function capabilitiesFor(
  meeting: StoredMeeting,
  given: Capabilities | undefined,
): { capabilities: Capabilities } | { error: string } {
  const features = meeting.request.MeetingFeatures;
  const videoOff = features?.Video?.MaxResolution === 'None';
  const contentOff = features?.Content?.MaxResolution === 'None';
  if (!given) {
    return {
      capabilities: {
        Audio: 'SendReceive',
        Video: videoOff ? (contentOff ? 'None' : 'Receive') : 'SendReceive',
        Content: contentOff ? 'None' : 'SendReceive',
      },
    };
  }
  if (videoOff && SENDS_OR_RECEIVES.has(given.Video)) {
    return { error: 'The meeting has video turned off (MaxResolution None): Video must be None.' };
  }
  if (contentOff && SENDS_OR_RECEIVES.has(given.Content)) {
    return { error: 'The meeting has content turned off (MaxResolution None): Content must be None.' };
  }
  if (RECEIVES.has(given.Content) && !RECEIVES.has(given.Video)) {
    return { error: 'Content can be SendReceive or Receive only when Video is SendReceive or Receive.' };
  }
  return { capabilities: { Audio: given.Audio, Video: given.Video, Content: given.Content } };
}

/** The error an attendee request gets, as a batch item's `ErrorCode` and as the single call's exception. */
interface AttendeeFailure {
  readonly code: 'BadRequest' | 'LimitExceeded';
  readonly type: 'BadRequestException' | 'LimitExceededException';
  readonly message: string;
}

type Admission =
  | { readonly attendee: StoredAttendee; readonly failure?: undefined }
  | { readonly attendee?: undefined; readonly failure: AttendeeFailure };

/**
 * Adds one attendee, or gives back the one with the same `ExternalUserId` ("an idempotency
 * token", the models), or says why not: an `aws:` prefix (reserved, the model), capabilities the
 * meeting refuses, or a full meeting.
 */
function admit(
  context: HandlerContext<unknown>,
  meeting: StoredMeeting,
  request: AttendeeRequest,
): Admission {
  const existing = meeting.attendeesByExternalUserId.get(request.ExternalUserId);
  if (existing) return { attendee: existing };
  if (request.ExternalUserId.startsWith('aws:')) {
    const failure: AttendeeFailure = {
      code: 'BadRequest',
      type: 'BadRequestException',
      message: 'ExternalUserId values that begin with aws: are reserved.',
    };
    return { failure };
  }
  const checked = capabilitiesFor(meeting, request.Capabilities);
  if ('error' in checked) {
    const failure: AttendeeFailure = {
      code: 'BadRequest',
      type: 'BadRequestException',
      message: checked.error,
    };
    return { failure };
  }
  if (meeting.attendees.size >= capacityOf(meeting)) {
    const failure: AttendeeFailure = {
      code: 'LimitExceeded',
      type: 'LimitExceededException',
      message: `The meeting admits at most ${capacityOf(meeting)} attendees.`,
    };
    return { failure };
  }
  return {
    attendee: context.state.meetings.addAttendee(meeting, request.ExternalUserId, checked.capabilities),
  };
}

/**
 * Several attendees at once, each on its own: the ones admitted in `Attendees`, the others in
 * `Errors` (`{ ExternalUserId, ErrorCode, ErrorMessage }`, the model's `CreateAttendeeError`).
 */
function admitAll(
  context: HandlerContext<unknown>,
  meeting: StoredMeeting,
  requests: readonly AttendeeRequest[],
): { Attendees: unknown[]; Errors: unknown[] } {
  const Attendees: unknown[] = [];
  const Errors: unknown[] = [];
  for (const request of requests) {
    const outcome = admit(context, meeting, request);
    if (outcome.attendee) Attendees.push(attendeeBody(outcome.attendee));
    else {
      Errors.push({
        ExternalUserId: request.ExternalUserId,
        ErrorCode: outcome.failure.code,
        ErrorMessage: outcome.failure.message,
      });
    }
  }
  return { Attendees, Errors };
}

/** POST /meetings -> 200 `{ Meeting }`, hosted in `MediaRegion`, controlled from the signed Region. */
const CreateMeeting: Handler<CreateMeetingInput> = (context) => ({
  body: { Meeting: meetingBody(createMeeting(context)) },
});

/**
 * POST /meetings?operation=create-attendees -> 200 `{ Meeting, Attendees, Errors }`: the meeting,
 * then each attendee as BatchCreateAttendee would add it. A replay (same token and request) adds
 * nobody twice: attendees are idempotent on their ExternalUserId.
 */
const CreateMeetingWithAttendees: Handler<CreateMeetingInput & { Attendees: AttendeeRequest[] }> = (
  context,
) => {
  const meeting = createMeeting(context, context.input.Attendees);
  return { body: { Meeting: meetingBody(meeting), ...admitAll(context, meeting, context.input.Attendees) } };
};

/** GET /meetings/{MeetingId} -> 200 `{ Meeting }`. */
const GetMeeting: Handler<{ MeetingId: string }> = (context) => ({
  body: { Meeting: meetingBody(addressedMeeting(context)) },
});

/**
 * DELETE /meetings/{MeetingId} -> 204: the meeting ends, its attendees' join tokens stop working,
 * its tags go, and the capture pipelines recording it stop (AWS: "if the Amazon Chime SDK meeting
 * ends, the meeting capture stops").
 */
const DeleteMeeting: Handler<{ MeetingId: string }> = (context) => {
  const meeting = addressedMeeting(context);
  context.state.meetings.deleteMeeting(meeting);
  context.state.mediaPipelines.meetingEnded(meeting.region, meeting.meetingId, context.now);
  return {};
};

/** POST /meetings/{MeetingId}/attendees -> 200 `{ Attendee }`; a refused attendee is the call's error. */
const CreateAttendee: Handler<{ MeetingId: string } & AttendeeRequest> = (context) => {
  const meeting = addressedMeeting(context);
  const outcome = admit(context, meeting, context.input);
  if (outcome.failure) {
    throw outcome.failure.type === 'LimitExceededException'
      ? meetingsError('LimitExceededException', outcome.failure.message)
      : emulatorError('BadRequestException', outcome.failure.message);
  }
  return { body: { Attendee: attendeeBody(outcome.attendee) } };
};

/** POST /meetings/{MeetingId}/attendees?operation=batch-create -> 200 `{ Attendees, Errors }`, per attendee. */
const BatchCreateAttendee: Handler<{ MeetingId: string; Attendees: AttendeeRequest[] }> = (context) => {
  const meeting = addressedMeeting(context);
  return { body: admitAll(context, meeting, context.input.Attendees) };
};

/** GET /meetings/{MeetingId}/attendees/{AttendeeId} -> 200 `{ Attendee }`. */
const GetAttendee: Handler<{ MeetingId: string; AttendeeId: string }> = (context) => {
  const attendee = addressedAttendee(addressedMeeting(context), context.input.AttendeeId);
  return { body: { Attendee: attendeeBody(attendee) } };
};

/** GET /meetings/{MeetingId}/attendees?max-results=&next-token= -> 200 `{ Attendees, NextToken? }`, in creation order. */
const ListAttendees: Handler<{ MeetingId: string; MaxResults?: number; NextToken?: string }> = (context) => {
  const meeting = addressedMeeting(context);
  const found = page(meeting.attendees.values(), {
    scope: `${meeting.arn} attendees`,
    nextToken: context.input.NextToken,
    maxResults: context.input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation: 'ListAttendees',
  });
  return { body: { Attendees: found.items.map(attendeeBody), NextToken: found.nextToken } };
};

/** DELETE /meetings/{MeetingId}/attendees/{AttendeeId} -> 204: the join token stops working. */
const DeleteAttendee: Handler<{ MeetingId: string; AttendeeId: string }> = (context) => {
  const meeting = addressedMeeting(context);
  context.state.meetings.deleteAttendee(meeting, addressedAttendee(meeting, context.input.AttendeeId));
  return {};
};

/**
 * POST /meetings/{MeetingId}/transcription?operation=start -> 200. The configuration holds the
 * settings of exactly one engine (Amazon Transcribe or Amazon Transcribe Medical); a meeting
 * already transcribed is `UnprocessableEntityException` (assumed; the model lists it).
 */
const StartMeetingTranscription: Handler<{
  MeetingId: string;
  TranscriptionConfiguration: Record<string, unknown>;
}> = (context) => {
  const meeting = addressedMeeting(context);
  const configuration = context.input.TranscriptionConfiguration;
  const engines = ['EngineTranscribeSettings', 'EngineTranscribeMedicalSettings'].filter(
    (engine) => configuration[engine] !== undefined,
  );
  if (engines.length !== 1) {
    throw emulatorError(
      'BadRequestException',
      'TranscriptionConfiguration must have exactly one of EngineTranscribeSettings and EngineTranscribeMedicalSettings.',
    );
  }
  if (meeting.transcription) {
    throw meetingsError(
      'UnprocessableEntityException',
      `Transcription is already started for meeting ${meeting.meetingId}.`,
    );
  }
  meeting.transcription = { configuration, started: context.now };
  return {};
};

/** POST /meetings/{MeetingId}/transcription?operation=stop -> 200; a meeting not transcribed is `UnprocessableEntityException` (assumed). */
const StopMeetingTranscription: Handler<{ MeetingId: string }> = (context) => {
  const meeting = addressedMeeting(context);
  if (!meeting.transcription) {
    throw meetingsError(
      'UnprocessableEntityException',
      `Transcription is not started for meeting ${meeting.meetingId}.`,
    );
  }
  meeting.transcription = undefined;
  return {};
};

const MEETING_ARN = /^arn:aws:chime:([a-z0-9-]+):(\d{12}):meeting\/([^/]+)$/;

/**
 * The meeting a tag request's `ResourceARN` names. Chime SDK Meetings answers a missing resource
 * with `ResourceNotFoundException` (its tag operations list no NotFoundException); an ARN for
 * another Region than the signed one is `BadRequestException`, as in every namespace.
 */
function taggedMeeting(context: HandlerContext<{ ResourceARN: string }>): StoredMeeting {
  const arn = context.input.ResourceARN;
  const match = MEETING_ARN.exec(arn);
  if (match && match[1] !== context.region) {
    throw emulatorError(
      'BadRequestException',
      `ResourceARN ${arn} is in region ${match[1]}, but the request was signed for region ${context.region}.`,
    );
  }
  const meeting =
    match && match[2] === context.state.accountId
      ? context.state.meetings.meeting(context.region, match[3]!)
      : undefined;
  if (!meeting) throw meetingsError('ResourceNotFoundException', `The resource ${arn} does not exist.`);
  return meeting;
}

/** POST /tags?operation=tag-resource -> 204; beyond 50 tags a meeting: `TooManyTagsException`, nothing changed. */
const TagResource: Handler<{ ResourceARN: string; Tags: Tag[] }> = (context) => {
  const meeting = taggedMeeting(context);
  const keys = new Set(
    [...context.state.tags.list(meeting.arn), ...context.input.Tags].map((tag) => tag.Key),
  );
  if (keys.size > MAX_TAGS) {
    throw meetingsError(
      'TooManyTagsException',
      `A meeting can have at most ${MAX_TAGS} tags; this request would give it ${keys.size}.`,
    );
  }
  context.state.tags.tag(meeting.arn, context.input.Tags, MAX_TAGS);
  return {};
};

/** POST /tags?operation=untag-resource -> 204. */
const UntagResource: Handler<{ ResourceARN: string; TagKeys: string[] }> = (context) => {
  context.state.tags.untag(taggedMeeting(context).arn, context.input.TagKeys);
  return {};
};

/** GET /tags?arn= -> 200 `{ Tags }`, in the order they were first set. */
const ListTagsForResource: Handler<{ ResourceARN: string }> = (context) => ({
  body: { Tags: context.state.tags.list(taggedMeeting(context).arn) },
});

export const HANDLERS: Readonly<Record<string, Handler>> = {
  CreateMeeting,
  CreateMeetingWithAttendees,
  GetMeeting,
  DeleteMeeting,
  CreateAttendee,
  BatchCreateAttendee,
  GetAttendee,
  ListAttendees,
  DeleteAttendee,
  StartMeetingTranscription,
  StopMeetingTranscription,
  TagResource,
  UntagResource,
  ListTagsForResource,
};
