import { emulatorError } from '../../errors.js';
import type { EmulatorState } from '../../state.js';
import type { Handler, HandlerContext } from '../namespace.js';
import { fingerprint, page } from '../pagination.js';
import { tagHandlers } from '../tagging.js';
import { type CapturePipelineRequest, MAX_TAGS, type StoredCapturePipeline } from './store.js';

/**
 * Chime SDK Media Pipelines's media capture pipeline operations (moto's `responses`): each takes
 * the validated input and answers the model's output. Where AWS publishes no rule the emulator's
 * choice is in docs/emulator-meetings.md, "Assumptions".
 */

/** Page size when MaxResults is absent (assumed: the model's maximum, 100). */
export const DEFAULT_MAX_RESULTS = 100;

/**
 * A meeting's ARN as a capture pipeline's `SourceArn`. AWS's samples (amazon-chime-sdk-js's demo
 * server, the legacy namespace's callers) build it as `arn:aws:chime::<account>:meeting:<MeetingId>`,
 * with no Region and a colon; Chime SDK Meetings's own `MeetingArn` is
 * `arn:aws:chime:<region>:<account>:meeting/<MeetingId>`. Both are accepted.
 */
const SOURCE_MEETING_ARN = /^arn:aws:chime:([a-z0-9-]*):(\d{12}):meeting[:/]([^:/]+)$/;

/** The meeting a create request captures: in the signed Region, of this account; any miss is `BadRequestException` (the model lists no NotFound). */
function sourceMeeting(context: HandlerContext<{ SourceArn: string }>): string {
  const { SourceArn: arn } = context.input;
  const match = SOURCE_MEETING_ARN.exec(arn);
  if (!match) {
    throw emulatorError(
      'BadRequestException',
      `SourceArn ${arn} is not the ARN of an Amazon Chime SDK meeting.`,
    );
  }
  const [, region, account, meetingId] = match;
  if (region !== '' && region !== context.region) {
    throw emulatorError(
      'BadRequestException',
      `SourceArn ${arn} is in region ${region}, but the request was signed for region ${context.region}.`,
    );
  }
  if (account !== context.state.accountId || !context.state.meetings.meeting(context.region, meetingId!)) {
    throw emulatorError(
      'BadRequestException',
      `SourceArn ${arn} names no meeting of this account in ${context.region} (never created, or ended).`,
    );
  }
  return meetingId!;
}

/**
 * The pipeline the URI names; a miss is `NotFoundException`. A read is also when the emulator
 * starts the capture: `Initializing` (the create answer) becomes `InProgress`.
 */
function addressedPipeline(context: HandlerContext<{ MediaPipelineId: string }>): StoredCapturePipeline {
  const pipeline = context.state.mediaPipelines.pipeline(context.region, context.input.MediaPipelineId);
  if (!pipeline) {
    throw emulatorError(
      'NotFoundException',
      `The media pipeline ${context.input.MediaPipelineId} does not exist in ${context.region}.`,
    );
  }
  return pipeline;
}

/** The models' `Iso8601Timestamp` (`timestampFormat: date-time`): an RFC 3339 string, not epoch seconds. */
function iso8601(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function pipelineBody(pipeline: StoredCapturePipeline): Record<string, unknown> {
  const { request } = pipeline;
  return {
    MediaPipelineId: pipeline.mediaPipelineId,
    MediaPipelineArn: pipeline.arn,
    SourceType: request.SourceType,
    SourceArn: request.SourceArn,
    Status: pipeline.status,
    SinkType: request.SinkType,
    SinkArn: request.SinkArn,
    CreatedTimestamp: iso8601(pipeline.created),
    UpdatedTimestamp: iso8601(pipeline.updated),
    ChimeSdkMeetingConfiguration: request.ChimeSdkMeetingConfiguration,
    SseAwsKeyManagementParams: request.SseAwsKeyManagementParams,
    SinkIamRoleArn: request.SinkIamRoleArn,
  };
}

/**
 * POST /sdk-media-capture-pipelines -> 201 `{ MediaCapturePipeline }`, `Initializing`. The source
 * must be a meeting of this account in the signed Region; one pipeline at a time captures a
 * meeting (AWS: "You can create one media capture pipeline per Amazon Chime SDK meeting"), a
 * second is `ResourceLimitExceededException`. Idempotent on `ClientRequestToken` per Region, as
 * the other namespaces (a reused token with another request: `BadRequestException`, the model
 * lists no ConflictException).
 */
const CreateMediaCapturePipeline: Handler<CapturePipelineRequest & { ClientRequestToken: string }> = (
  context,
) => {
  const { region, input, state, now } = context;
  const { ClientRequestToken: token, ...request } = input;
  const print = fingerprint([
    request.SourceType,
    request.SourceArn,
    request.SinkType,
    request.SinkArn,
    request.ChimeSdkMeetingConfiguration,
    request.SseAwsKeyManagementParams,
    request.SinkIamRoleArn,
    request.Tags?.map((tag) => [tag.Key, tag.Value]),
  ]);
  const earlier = state.mediaPipelines.pipelineByToken(region, token);
  if (earlier) {
    if (earlier.fingerprint !== print) {
      throw emulatorError(
        'BadRequestException',
        'The ClientRequestToken was already used for a different CreateMediaCapturePipeline request.',
      );
    }
    return { body: { MediaCapturePipeline: pipelineBody(earlier) } };
  }
  const meetingId = sourceMeeting(context);
  const capturing = state.mediaPipelines.capturing(region, meetingId);
  if (capturing) {
    throw emulatorError(
      'ResourceLimitExceededException',
      `The meeting is already captured by media pipeline ${capturing.mediaPipelineId}; a meeting has one at a time.`,
    );
  }
  const pipeline = state.mediaPipelines.addPipeline({
    region,
    meetingId,
    request,
    token,
    fingerprint: print,
    now,
  });
  return { body: { MediaCapturePipeline: pipelineBody(pipeline) } };
};

/** GET /sdk-media-capture-pipelines/{MediaPipelineId} -> 200 `{ MediaCapturePipeline }`. */
const GetMediaCapturePipeline: Handler<{ MediaPipelineId: string }> = (context) => {
  const pipeline = addressedPipeline(context);
  if (pipeline.status === 'Initializing') {
    context.state.mediaPipelines.setStatus(pipeline, 'InProgress', context.now);
  }
  return { body: { MediaCapturePipeline: pipelineBody(pipeline) } };
};

/**
 * GET /sdk-media-capture-pipelines?max-results=&next-token= -> 200 `{ MediaCapturePipelines:
 * [{ MediaPipelineId, MediaPipelineArn }], NextToken? }`: summaries only, as Chime SDK Media
 * Pipelines lists them (the shim reads each one for legacy callers), in creation order.
 */
const ListMediaCapturePipelines: Handler<{ MaxResults?: number; NextToken?: string }> = (context) => {
  const found = page(context.state.mediaPipelines.pipelinesIn(context.region), {
    scope: `media-capture-pipelines in ${context.region}`,
    nextToken: context.input.NextToken,
    maxResults: context.input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation: 'ListMediaCapturePipelines',
  });
  return {
    body: {
      MediaCapturePipelines: found.items.map((pipeline) => ({
        MediaPipelineId: pipeline.mediaPipelineId,
        MediaPipelineArn: pipeline.arn,
      })),
      NextToken: found.nextToken,
    },
  };
};

/** DELETE /sdk-media-capture-pipelines/{MediaPipelineId} -> 204: the capture stops and the pipeline is gone. */
const DeleteMediaCapturePipeline: Handler<{ MediaPipelineId: string }> = (context) => {
  context.state.mediaPipelines.deletePipeline(addressedPipeline(context));
  return {};
};

/** Whether the media pipeline an ARN names exists (other media pipeline resources: never, here). */
function pipelineExists(state: EmulatorState, arn: string): boolean {
  return state.mediaPipelines.pipelineByArn(arn) !== undefined;
}

export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...tagHandlers(pipelineExists, MAX_TAGS),
  CreateMediaCapturePipeline,
  GetMediaCapturePipeline,
  ListMediaCapturePipelines,
  DeleteMediaCapturePipeline,
};
