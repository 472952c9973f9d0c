import {
  BadRequestException,
  ChimeSDKMediaPipelinesClient,
  CreateMediaCapturePipelineCommand,
  type CreateMediaCapturePipelineCommandInput,
  DeleteMediaCapturePipelineCommand,
  GetMediaCapturePipelineCommand,
  ListMediaCapturePipelinesCommand,
  ListTagsForResourceCommand,
  NotFoundException,
  paginateListMediaCapturePipelines,
  ResourceLimitExceededException,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-chime-sdk-media-pipelines';
import {
  ChimeSDKMeetingsClient,
  CreateMeetingCommand,
  DeleteMeetingCommand,
} from '@aws-sdk/client-chime-sdk-meetings';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/emulator/generated/mediaPipelines.js';
import { EMULATOR_ACCOUNT_ID, EMULATOR_CREDENTIALS, type Emulator } from '../../src/emulator/index.js';
import { useEmulator } from '../support/emulator.js';
import { rejection } from './helpers.js';

/**
 * The Chime SDK Media Pipelines namespace of the emulator: media capture pipelines (contract,
 * section "Emulator"; semantics in docs/emulator-meetings.md), driven over HTTP with SigV4 by the
 * real `@aws-sdk/client-chime-sdk-media-pipelines` client.
 */

const emulator = useEmulator();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const SINK = 'arn:aws:s3:::capture-bucket/meetings';

function clients(target: Emulator, region = 'us-east-1') {
  const config = { region, endpoint: target.endpoint, credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 };
  const pipelines = new ChimeSDKMediaPipelinesClient(config);
  const meetings = new ChimeSDKMeetingsClient(config);
  return {
    pipelines,
    meetings,
    destroy() {
      pipelines.destroy();
      meetings.destroy();
    },
  };
}

let tokens = 0;
async function meeting(client: ChimeSDKMeetingsClient) {
  const { Meeting } = await client.send(
    new CreateMeetingCommand({
      ClientRequestToken: `meeting-${++tokens}`,
      MediaRegion: 'us-east-1',
      ExternalMeetingId: 'standup',
    }),
  );
  return { MeetingId: Meeting!.MeetingId!, MeetingArn: Meeting!.MeetingArn! };
}

function capture(SourceArn: string, extra: Partial<CreateMediaCapturePipelineCommandInput> = {}) {
  return new CreateMediaCapturePipelineCommand({
    SourceType: 'ChimeSdkMeeting',
    SourceArn,
    SinkType: 'S3Bucket',
    SinkArn: SINK,
    ...extra,
  });
}

describe('Emulator: one endpoint serves every media pipelines operation the shim serves', () => {
  it('each operation of the media pipelines table answers 2xx over HTTP with SigV4 through the real client, on /sdk-media-capture-pipelines', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current);
    const { MeetingArn } = await meeting(meetings);
    const { MediaCapturePipeline } = await pipelines.send(capture(MeetingArn));
    const MediaPipelineId = MediaCapturePipeline!.MediaPipelineId!;
    const ResourceARN = MediaCapturePipeline!.MediaPipelineArn!;
    await pipelines.send(new GetMediaCapturePipelineCommand({ MediaPipelineId }));
    await pipelines.send(new ListMediaCapturePipelinesCommand({}));
    await pipelines.send(new TagResourceCommand({ ResourceARN, Tags: [{ Key: 'team', Value: 'core' }] }));
    await pipelines.send(new UntagResourceCommand({ ResourceARN, TagKeys: ['team'] }));
    await pipelines.send(new ListTagsForResourceCommand({ ResourceARN }));
    await pipelines.send(new DeleteMediaCapturePipelineCommand({ MediaPipelineId }));

    const log = emulator.current.requests().filter(({ operation }) => operation !== 'CreateMeeting');
    expect(log.every((entry) => entry.status >= 200 && entry.status < 300)).toBe(true);
    expect([...new Set(log.map((entry) => entry.operation))].sort()).toEqual(
      OPERATIONS.map((operation) => operation.name).sort(),
    );
    expect(log.filter(({ path }) => !path.startsWith('/tags')).map(({ path }) => path)).toEqual([
      '/sdk-media-capture-pipelines',
      '/sdk-media-capture-pipelines/{MediaPipelineId}',
      '/sdk-media-capture-pipelines',
      '/sdk-media-capture-pipelines/{MediaPipelineId}',
    ]);
    destroy();
  });
});

describe('Emulator, media pipelines: a capture pipeline of a meeting, with its states', () => {
  it('Create answers 201, Initializing, with every member it was given; the first read finds it InProgress', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current, 'eu-central-1');
    const { MeetingArn } = await meeting(meetings);
    const ChimeSdkMeetingConfiguration = {
      ArtifactsConfiguration: {
        Audio: { MuxType: 'AudioOnly' as const },
        Video: { State: 'Disabled' as const },
        Content: { State: 'Disabled' as const },
      },
    };
    const created = await pipelines.send(capture(MeetingArn, { ChimeSdkMeetingConfiguration }));
    expect(created.$metadata.httpStatusCode).toBe(201);
    const pipeline = created.MediaCapturePipeline!;
    expect(pipeline).toMatchObject({
      MediaPipelineId: expect.stringMatching(UUID),
      SourceType: 'ChimeSdkMeeting',
      SourceArn: MeetingArn,
      SinkType: 'S3Bucket',
      SinkArn: SINK,
      Status: 'Initializing',
      ChimeSdkMeetingConfiguration,
    });
    expect(pipeline.MediaPipelineArn).toBe(
      `arn:aws:chime:eu-central-1:${EMULATOR_ACCOUNT_ID}:media-pipeline/${pipeline.MediaPipelineId}`,
    );
    expect(pipeline.CreatedTimestamp).toBeInstanceOf(Date);
    const read = await pipelines.send(
      new GetMediaCapturePipelineCommand({ MediaPipelineId: pipeline.MediaPipelineId }),
    );
    const { UpdatedTimestamp: _moved, ...unchanged } = pipeline;
    expect(read.MediaCapturePipeline).toMatchObject({ ...unchanged, Status: 'InProgress' });
    expect(read.MediaCapturePipeline!.UpdatedTimestamp!.getTime()).toBeGreaterThanOrEqual(
      pipeline.CreatedTimestamp!.getTime(),
    );
    destroy();
  });

  it('SourceArn as legacy callers build it, arn:aws:chime::<account>:meeting:<MeetingId> (no Region, a colon), names the meeting too', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current);
    const { MeetingId } = await meeting(meetings);
    const SourceArn = `arn:aws:chime::${EMULATOR_ACCOUNT_ID}:meeting:${MeetingId}`;
    const { MediaCapturePipeline } = await pipelines.send(capture(SourceArn));
    expect(MediaCapturePipeline).toMatchObject({ SourceArn, Status: 'Initializing' });
    destroy();
  });

  it('a SourceArn that names no meeting of this account in the signed Region is a BadRequestException, and nothing is created', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current);
    const { MeetingId, MeetingArn } = await meeting(meetings);
    for (const SourceArn of [
      `arn:aws:chime::${EMULATOR_ACCOUNT_ID}:meeting:${MISSING_ID}`,
      `arn:aws:chime::999999999999:meeting:${MeetingId}`,
      MeetingArn.replace(':us-east-1:', ':eu-central-1:'),
      `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:app-instance/${MeetingId}`,
    ]) {
      const error = await rejection(pipelines.send(capture(SourceArn)));
      expect(error, SourceArn).toBeInstanceOf(BadRequestException);
    }
    expect((await pipelines.send(new ListMediaCapturePipelinesCommand({}))).MediaCapturePipelines).toEqual(
      [],
    );
    destroy();
  });

  it('one pipeline captures a meeting at a time: a second is a ResourceLimitExceededException until the first is deleted', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current);
    const { MeetingArn } = await meeting(meetings);
    const first = await pipelines.send(capture(MeetingArn));
    const second = await rejection(pipelines.send(capture(MeetingArn)));
    expect(second).toBeInstanceOf(ResourceLimitExceededException);
    await pipelines.send(
      new DeleteMediaCapturePipelineCommand({ MediaPipelineId: first.MediaCapturePipeline!.MediaPipelineId }),
    );
    const again = await pipelines.send(capture(MeetingArn));
    expect(again.MediaCapturePipeline?.MediaPipelineId).not.toBe(first.MediaCapturePipeline?.MediaPipelineId);
    destroy();
  });

  it('the same ClientRequestToken and request give back the same pipeline; another request with it is a BadRequestException', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current);
    const { MeetingArn } = await meeting(meetings);
    const first = await pipelines.send(capture(MeetingArn, { ClientRequestToken: 'capture-1' }));
    const replay = await pipelines.send(capture(MeetingArn, { ClientRequestToken: 'capture-1' }));
    expect(replay.MediaCapturePipeline?.MediaPipelineId).toBe(first.MediaCapturePipeline?.MediaPipelineId);
    const error = await rejection(
      pipelines.send(capture(MeetingArn, { ClientRequestToken: 'capture-1', SinkArn: 'arn:aws:s3:::other' })),
    );
    expect(error).toBeInstanceOf(BadRequestException);
    destroy();
  });

  it('ending the meeting stops its pipeline: Stopped, still readable', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current);
    const { MeetingId, MeetingArn } = await meeting(meetings);
    const { MediaCapturePipeline } = await pipelines.send(capture(MeetingArn));
    await meetings.send(new DeleteMeetingCommand({ MeetingId }));
    const read = await pipelines.send(
      new GetMediaCapturePipelineCommand({ MediaPipelineId: MediaCapturePipeline!.MediaPipelineId }),
    );
    expect(read.MediaCapturePipeline?.Status).toBe('Stopped');
    destroy();
  });

  it('NotFound for unknown and deleted pipelines: Get and Delete', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current);
    const { MeetingArn } = await meeting(meetings);
    const { MediaCapturePipeline } = await pipelines.send(capture(MeetingArn));
    const MediaPipelineId = MediaCapturePipeline!.MediaPipelineId!;
    const deleted = await pipelines.send(new DeleteMediaCapturePipelineCommand({ MediaPipelineId }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    for (const id of [MediaPipelineId, MISSING_ID]) {
      for (const command of [
        new GetMediaCapturePipelineCommand({ MediaPipelineId: id }),
        new DeleteMediaCapturePipelineCommand({ MediaPipelineId: id }),
      ]) {
        const error = await rejection(pipelines.send(command as never));
        expect(error).toBeInstanceOf(NotFoundException);
        expect(error.$metadata.httpStatusCode).toBe(404);
      }
    }
    destroy();
  });

  it('a pipeline is served only in its Region: signed for another one, Get is a NotFoundException', async () => {
    const east = clients(emulator.current, 'us-east-1');
    const central = clients(emulator.current, 'eu-central-1');
    const { MeetingArn } = await meeting(east.meetings);
    const { MediaCapturePipeline } = await east.pipelines.send(capture(MeetingArn));
    const error = await rejection(
      central.pipelines.send(
        new GetMediaCapturePipelineCommand({ MediaPipelineId: MediaCapturePipeline!.MediaPipelineId }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundException);
    east.destroy();
    central.destroy();
  });
});

describe('Emulator, media pipelines: the list holds summaries only, paginated', () => {
  it('ListMediaCapturePipelines answers MediaPipelineId and MediaPipelineArn per item, in creation order, MaxResults at a time', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { MeetingArn } = await meeting(meetings);
      created.push((await pipelines.send(capture(MeetingArn))).MediaCapturePipeline!.MediaPipelineId!);
    }
    const first = await pipelines.send(new ListMediaCapturePipelinesCommand({ MaxResults: 2 }));
    expect(first.MediaCapturePipelines?.map((item) => Object.keys(item).sort())).toEqual([
      ['MediaPipelineArn', 'MediaPipelineId'],
      ['MediaPipelineArn', 'MediaPipelineId'],
    ]);
    expect(first.NextToken).toEqual(expect.any(String));
    const ids: string[] = [];
    for await (const page of paginateListMediaCapturePipelines({ client: pipelines, pageSize: 2 }, {})) {
      ids.push(...page.MediaCapturePipelines!.map(({ MediaPipelineId }) => MediaPipelineId!));
    }
    expect(ids).toEqual(created);
    const central = clients(emulator.current, 'eu-central-1');
    expect(
      (await central.pipelines.send(new ListMediaCapturePipelinesCommand({}))).MediaCapturePipelines,
    ).toEqual([]);
    const foreign = await rejection(
      central.pipelines.send(new ListMediaCapturePipelinesCommand({ NextToken: first.NextToken })),
    );
    expect(foreign).toBeInstanceOf(BadRequestException);
    central.destroy();
    destroy();
  });
});

describe('Emulator, media pipelines: tags on pipelines', () => {
  it('CreateMediaCapturePipeline Tags, TagResource, UntagResource and ListTagsForResource on the pipeline ARN agree', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current);
    const { MeetingArn } = await meeting(meetings);
    const { MediaCapturePipeline } = await pipelines.send(
      capture(MeetingArn, { Tags: [{ Key: 'team', Value: 'blue' }] }),
    );
    const ResourceARN = MediaCapturePipeline!.MediaPipelineArn!;
    await pipelines.send(new TagResourceCommand({ ResourceARN, Tags: [{ Key: 'cost', Value: '42' }] }));
    await pipelines.send(new UntagResourceCommand({ ResourceARN, TagKeys: ['team'] }));
    const listed = await pipelines.send(new ListTagsForResourceCommand({ ResourceARN }));
    expect(listed.Tags).toEqual([{ Key: 'cost', Value: '42' }]);
    destroy();
  });

  it('the tags of an unknown or deleted pipeline are a NotFoundException', async () => {
    const { pipelines, meetings, destroy } = clients(emulator.current);
    const { MeetingArn } = await meeting(meetings);
    const { MediaCapturePipeline } = await pipelines.send(
      capture(MeetingArn, { Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    await pipelines.send(
      new DeleteMediaCapturePipelineCommand({ MediaPipelineId: MediaCapturePipeline!.MediaPipelineId }),
    );
    const missing = `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:media-pipeline/${MISSING_ID}`;
    for (const ResourceARN of [MediaCapturePipeline!.MediaPipelineArn!, missing]) {
      const error = await rejection(pipelines.send(new ListTagsForResourceCommand({ ResourceARN })));
      expect(error).toBeInstanceOf(NotFoundException);
    }
    destroy();
  });
});
