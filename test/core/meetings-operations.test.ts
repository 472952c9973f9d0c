import {
  type GetMediaCapturePipelineCommand,
  ListMediaCapturePipelinesCommand,
  ThrottledClientException as NamespaceThrottledClientException,
} from '@aws-sdk/client-chime-sdk-media-pipelines';
import {
  ChimeSDKMeetingsClient,
  CreateMeetingCommand as NativeCreateMeetingCommand,
  GetMeetingCommand as NativeGetMeetingCommand,
  ListTagsForResourceCommand as NativeListTagsForResourceCommand,
} from '@aws-sdk/client-chime-sdk-meetings';
import { describe, expect, it } from 'vitest';
import { EMULATOR_ACCOUNT_ID } from '../../src/emulator/index.js';
import * as Shim from '../../src/index.js';
// A legacy service's imports, with only the specifier changed from '@aws-sdk/client-chime'.
import {
  BatchCreateAttendeeCommand,
  ChimeClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  DeleteMeetingCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  NotFoundException,
} from '../../src/index.js';
import { setPackageLoaderForTests } from '../../src/namespaces.js';
import { OPERATIONS } from '../../src/operations/generated/index.js';
import { COMPLETION_CONCURRENCY } from '../../src/operations/translations/capture-pipelines.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';
import {
  MEETINGS_FLOW_OPERATIONS,
  namespaceOperations,
  REGION,
  runMeetingsFlow,
} from '../support/meetings-flow.js';
import { camel, command, exported, rejection, useShimOnEmulator } from '../support/shim-surfaces.js';

/**
 * The meetings and media capture pipeline operations (issue 11) through the package's surfaces,
 * on the emulator: the contract's "Every removed operation" for Chime SDK Meetings and Chime SDK
 * Media Pipelines, and each of their translations (the CreateMeeting defaults, the meeting ARN
 * lookup of the meeting tag operations, the completed capture pipeline list, the refusals of what
 * has no counterpart, the optional peers).
 */

const emulator = useEmulator();
const { clientConfig, shimClient, later, surfaces: shimSurfaces } = useShimOnEmulator(emulator);
const MEETINGS = '@aws-sdk/client-chime-sdk-meetings';
const MEDIA_PIPELINES = '@aws-sdk/client-chime-sdk-media-pipelines';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** The real meetings client on the emulator: what is there, independently of the shim. */
function nativeMeetings(region = 'us-east-1'): ChimeSDKMeetingsClient {
  const client = new ChimeSDKMeetingsClient(clientConfig({ region }));
  later(client);
  return client;
}

/** A meeting created with the meetings client in us-east-1 (where a shim client without defaultRegion serves). */
async function meeting(): Promise<{ MeetingId: string; MeetingArn: string }> {
  const { Meeting } = await nativeMeetings().send(
    new NativeCreateMeetingCommand({
      ClientRequestToken: `t-${Math.random().toString(36).slice(2)}`,
      MediaRegion: 'us-east-1',
      ExternalMeetingId: 'standup',
    }),
  );
  return { MeetingId: Meeting!.MeetingId!, MeetingArn: Meeting!.MeetingArn! };
}

const operationsOf = (from = 0) =>
  emulator.current
    .requests()
    .slice(from)
    .map(({ operation }) => operation);

// ---------------------------------------------------------------------------------------------

const migration = { defaultRegion: REGION } as const;
const surfaces = shimSurfaces(migration);

describe('Every removed operation, meetings and media pipelines: every surface serves the calls a legacy meeting service makes', () => {
  it('the flow calls every served meetings and media pipelines operation, and the tag operations on a meeting ARN', () => {
    const served = Object.values(OPERATIONS)
      .filter(
        ({ family, status }) =>
          (family === 'meetings' || family === 'mediaPipelines' || family === 'tagging') && status !== 'none',
      )
      .map(({ name }) => name);
    expect([...MEETINGS_FLOW_OPERATIONS].sort()).toEqual(served.sort());
  });

  it.each(surfaces)('%s', async (_name, surface) => {
    const ran = await runMeetingsFlow(surface());
    expect(new Set(ran)).toEqual(MEETINGS_FLOW_OPERATIONS);
    // Served by the dedicated namespaces in defaultRegion, one request per call but the
    // documented reads (the meeting ARN lookup, the capture pipeline list's per-item reads).
    const requests = emulator.current.requests();
    expect(new Set(requests.map(({ region }) => region))).toEqual(new Set([REGION]));
    expect(requests.map(({ operation }) => operation)).toEqual(
      ran.flatMap((operation) => namespaceOperations(operation)),
    );
  });
});

describe('Every removed operation, meetings: a legacy meeting service, only the import specifier changed', () => {
  /** The service's code, as written for @aws-sdk/client-chime <= 3.750. */
  async function startMeeting(chime: ChimeClient, title: string, people: string[]) {
    const { Meeting } = await chime.send(
      new CreateMeetingCommand({ ClientRequestToken: `${title}-token`, ExternalMeetingId: title }),
    );
    const [first, ...rest] = people;
    const { Attendee } = await chime.send(
      new CreateAttendeeCommand({ MeetingId: Meeting!.MeetingId, ExternalUserId: first! }),
    );
    const batch = await chime.send(
      new BatchCreateAttendeeCommand({
        MeetingId: Meeting!.MeetingId,
        Attendees: rest.map((ExternalUserId) => ({ ExternalUserId })),
      }),
    );
    return {
      meeting: Meeting!,
      joinTokens: [Attendee!.JoinToken!, ...batch.Attendees!.map((a) => a.JoinToken!)],
    };
  }

  async function endMeeting(chime: ChimeClient, MeetingId: string): Promise<boolean> {
    try {
      await chime.send(new DeleteMeetingCommand({ MeetingId }));
      return true;
    } catch (error) {
      if (error instanceof NotFoundException) return false;
      throw error;
    }
  }

  it('create a meeting, add attendees, get it, list its attendees, end it (twice: the second is NotFound)', async () => {
    const chime = new ChimeClient({
      region: 'us-east-1',
      endpoint: emulator.current.endpoint,
      credentials: EMULATOR_CREDENTIALS,
    });
    later(chime);
    const { meeting: created, joinTokens } = await startMeeting(chime, 'weekly-sync', [
      'ada',
      'grace',
      'alan',
    ]);
    expect(joinTokens).toHaveLength(3);
    expect(created.MediaPlacement?.AudioHostUrl).toEqual(expect.any(String));

    const { Meeting } = await chime.send(new GetMeetingCommand({ MeetingId: created.MeetingId }));
    expect(Meeting).toEqual(created);
    const { Attendees } = await chime.send(new ListAttendeesCommand({ MeetingId: created.MeetingId }));
    expect(Attendees?.map(({ ExternalUserId }) => ExternalUserId)).toEqual(['ada', 'grace', 'alan']);

    expect(await endMeeting(chime, created.MeetingId!)).toBe(true);
    expect(await endMeeting(chime, created.MeetingId!)).toBe(false);
  });
});

describe('Translations: CreateMeeting / CreateMeetingWithAttendees: MediaRegion absent -> us-east-1, ExternalMeetingId absent -> the call’s ClientRequestToken', () => {
  it('CreateMeeting with neither (nor a token): us-east-1, and ExternalMeetingId is the token generated for the call', async () => {
    const requestHandler = new RecordingHandler();
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({
      requestHandler,
      migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) },
    });
    const { Meeting } = await client.send(new Shim.CreateMeetingCommand({}));
    const body = requestHandler.sent[0]!.body!;
    expect(body.ClientRequestToken).toMatch(UUID);
    expect(body).toMatchObject({ MediaRegion: 'us-east-1', ExternalMeetingId: body.ClientRequestToken });
    expect(Meeting).toMatchObject({ MediaRegion: 'us-east-1', ExternalMeetingId: body.ClientRequestToken });
    expect(events).toMatchObject([
      {
        operation: 'CreateMeeting',
        family: 'meetings',
        outcome: 'success',
        translation: 'media-region-default,external-meeting-id-default',
      },
    ]);
  });

  it('the caller’s own ClientRequestToken becomes the ExternalMeetingId; a given MediaRegion is kept', async () => {
    const requestHandler = new RecordingHandler();
    const client = shimClient({ requestHandler });
    await client.send(
      new Shim.CreateMeetingCommand({ ClientRequestToken: 'my-token-1', MediaRegion: 'eu-west-2' }),
    );
    expect(requestHandler.sent[0]!.body).toMatchObject({
      ClientRequestToken: 'my-token-1',
      ExternalMeetingId: 'my-token-1',
      MediaRegion: 'eu-west-2',
    });
  });

  it('with both given, the request is sent as it is and the event names no translation', async () => {
    const requestHandler = new RecordingHandler();
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({
      requestHandler,
      migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) },
    });
    await client.send(
      new Shim.CreateMeetingCommand({
        ClientRequestToken: 'tok-22',
        MediaRegion: 'eu-west-2',
        ExternalMeetingId: 'mine',
      }),
    );
    expect(requestHandler.sent[0]!.body).toMatchObject({
      MediaRegion: 'eu-west-2',
      ExternalMeetingId: 'mine',
    });
    expect(events[0]?.translation).toBeUndefined();
  });

  it('CreateMeetingWithAttendees gets the same defaults', async () => {
    const requestHandler = new RecordingHandler();
    const client = shimClient({ requestHandler });
    const out = await client.send(
      new Shim.CreateMeetingWithAttendeesCommand({
        ClientRequestToken: 'with-people',
        Attendees: [{ ExternalUserId: 'ada' }],
      }),
    );
    expect(requestHandler.sent).toHaveLength(1);
    expect(requestHandler.sent[0]!.path).toBe('/meetings');
    expect(requestHandler.sent[0]!.body).toMatchObject({
      MediaRegion: 'us-east-1',
      ExternalMeetingId: 'with-people',
    });
    expect(out.Attendees?.map(({ ExternalUserId }) => ExternalUserId)).toEqual(['ada']);
  });

  it('CreateMeetingWithAttendees without Attendees (now required) is served as CreateMeeting, answering empty Attendees and Errors', async () => {
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({ migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) } });
    const out = await client.send(
      new Shim.CreateMeetingWithAttendeesCommand({
        ClientRequestToken: 'nobody-yet',
        MediaRegion: 'us-east-1',
      }),
    );
    expect(operationsOf()).toEqual(['CreateMeeting']);
    expect(out.Meeting?.ExternalMeetingId).toBe('nobody-yet');
    expect(out.Attendees).toEqual([]);
    expect(out.Errors).toEqual([]);
    expect(events[0]).toMatchObject({
      operation: 'CreateMeetingWithAttendees',
      outcome: 'success',
      translation: 'external-meeting-id-default,served-as-create-meeting',
    });
  });
});

describe('Output, every operation: exactly the legacy members, projected by the legacy model', () => {
  it('Meeting has no MeetingArn, MeetingFeatures, TenantIds, MeetingHostId, PrimaryMeetingId; Attendee no Capabilities', async () => {
    const client = shimClient();
    const { Meeting } = await client.send(
      new Shim.CreateMeetingWithAttendeesCommand({
        ClientRequestToken: 'projected',
        MediaRegion: 'us-east-1',
        ExternalMeetingId: 'projected',
        MeetingHostId: 'host-1',
        // Members only the namespace has, accepted on the identity route and kept by it...
        MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' } },
        TenantIds: ['tenant-a'],
        Attendees: [
          { ExternalUserId: 'ada', Capabilities: { Audio: 'Send', Video: 'None', Content: 'None' } },
        ],
      }),
    );
    // ...which the namespace returns: it has them all.
    const { Meeting: stored } = await nativeMeetings().send(
      new NativeGetMeetingCommand({ MeetingId: Meeting!.MeetingId }),
    );
    expect(stored).toMatchObject({
      MeetingFeatures: expect.any(Object),
      TenantIds: ['tenant-a'],
      MeetingArn: expect.any(String),
    });

    const legacyMeeting = ['ExternalMeetingId', 'MediaPlacement', 'MediaRegion', 'MeetingId'];
    expect(Object.keys(Meeting!).sort()).toEqual(legacyMeeting);
    const got = await client.send(new Shim.GetMeetingCommand({ MeetingId: Meeting!.MeetingId }));
    expect(Object.keys(got.Meeting!).sort()).toEqual(legacyMeeting);
    const { Attendees } = await client.send(new Shim.ListAttendeesCommand({ MeetingId: Meeting!.MeetingId }));
    expect(Object.keys(Attendees![0]!).sort()).toEqual(['AttendeeId', 'ExternalUserId', 'JoinToken']);
  });

  it('a media capture pipeline has no MediaPipelineArn, SinkIamRoleArn or SseAwsKeyManagementParams', async () => {
    const client = shimClient();
    const { MeetingArn } = await meeting();
    const { MediaCapturePipeline } = await client.send(
      new Shim.CreateMediaCapturePipelineCommand({
        SourceType: 'ChimeSdkMeeting',
        SourceArn: MeetingArn,
        SinkType: 'S3Bucket',
        SinkArn: 'arn:aws:s3:::bucket',
      }),
    );
    expect(Object.keys(MediaCapturePipeline!).sort()).toEqual(
      [
        'CreatedTimestamp',
        'MediaPipelineId',
        'SinkArn',
        'SinkType',
        'SourceArn',
        'SourceType',
        'Status',
        'UpdatedTimestamp',
      ].sort(),
    );
  });
});

describe('Translations: TagMeeting / UntagMeeting / ListMeetingTags: GetMeeting -> Meeting.MeetingArn -> the meetings namespace’s tag operations on that ARN', () => {
  it('one documented read, then the tag operation on the meeting’s ARN; the event says meeting-arn-lookup', async () => {
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({ migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) } });
    const { MeetingId, MeetingArn } = await meeting();
    const before = emulator.current.requests().length;

    await client.send(new Shim.TagMeetingCommand({ MeetingId, Tags: [{ Key: 'team', Value: 'blue' }] }));
    const listed = await client.send(new Shim.ListMeetingTagsCommand({ MeetingId }));
    await client.send(new Shim.UntagMeetingCommand({ MeetingId, TagKeys: ['team'] }));

    expect(operationsOf(before)).toEqual([
      'GetMeeting',
      'TagResource',
      'GetMeeting',
      'ListTagsForResource',
      'GetMeeting',
      'UntagResource',
    ]);
    expect(listed.Tags).toEqual([{ Key: 'team', Value: 'blue' }]);
    // The tags are the meeting's, as its own namespace sees them.
    await nativeMeetings().send(new NativeListTagsForResourceCommand({ ResourceARN: MeetingArn }));
    expect(events.map(({ operation, family, translation }) => [operation, family, translation])).toEqual([
      ['TagMeeting', 'meetings', 'meeting-arn-lookup'],
      ['ListMeetingTags', 'meetings', 'meeting-arn-lookup'],
      ['UntagMeeting', 'meetings', 'meeting-arn-lookup'],
    ]);
  });

  it('a meeting that does not exist: the legacy NotFoundException of the read, and no write', async () => {
    const client = shimClient();
    const error = await rejection(
      client.send(new Shim.TagMeetingCommand({ MeetingId: MISSING_ID, Tags: [{ Key: 'k', Value: 'v' }] })),
    );
    expect(error).toBeInstanceOf(Shim.NotFoundException);
    expect(operationsOf()).toEqual(['GetMeeting']);
  });

  it('the namespace’s ResourceNotFoundException and TooManyTagsException reach the caller as NotFoundException and ResourceLimitExceededException', async () => {
    const client = shimClient();
    const { MeetingId } = await meeting();
    emulator.current.faults.inject({
      kind: 'error',
      errorType: 'ResourceNotFoundException',
      status: 404,
      operation: 'TagResource',
    });
    const gone = await rejection(
      client.send(new Shim.TagMeetingCommand({ MeetingId, Tags: [{ Key: 'k', Value: 'v' }] })),
    );
    expect(gone).toBeInstanceOf(Shim.NotFoundException);
    expect(gone.cause?.name).toBe('ResourceNotFoundException');

    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await client.send(new Shim.TagMeetingCommand({ MeetingId, Tags: many }));
    const tooMany = await rejection(
      client.send(new Shim.TagMeetingCommand({ MeetingId, Tags: [{ Key: 'one-more', Value: 'v' }] })),
    );
    expect(tooMany).toBeInstanceOf(Shim.ResourceLimitExceededException);
    expect(tooMany.cause?.name).toBe('TooManyTagsException');
  });

  it('a GetMeeting answer without MeetingArn: a legacy ServiceFailureException, and no write', async () => {
    const sent: string[] = [];
    const meetings = {
      async send(command: object) {
        sent.push(command.constructor.name);
        return { $metadata: { httpStatusCode: 200, attempts: 1 }, Meeting: { MeetingId: MISSING_ID } };
      },
    };
    const error = await rejection(
      Shim.listMeetingTags({ MeetingId: MISSING_ID }, { clients: { meetings } as Shim.FamilyClients }),
    );
    expect(error).toBeInstanceOf(Shim.ServiceFailureException);
    expect(error.message).toContain('without a MeetingArn');
    expect(sent).toEqual(['GetMeetingCommand']);
  });
});

describe('Translations: TagResource / UntagResource / ListTagsForResource are routed by the ARN’s resource type to the namespace that owns it', () => {
  it('a meeting ARN goes to Chime SDK Meetings, a media pipeline ARN to Chime SDK Media Pipelines', async () => {
    const requestHandler = new RecordingHandler();
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({
      requestHandler,
      migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) },
    });
    const { MeetingArn } = await meeting();
    const { MediaCapturePipeline } = await Shim.createMediaCapturePipeline(
      {
        SourceType: 'ChimeSdkMeeting',
        SourceArn: MeetingArn,
        SinkType: 'S3Bucket',
        SinkArn: 'arn:aws:s3:::bucket',
      },
      { identityConfig: clientConfig() },
    );
    const pipelineArn = `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:media-pipeline/${MediaCapturePipeline!.MediaPipelineId}`;

    for (const ResourceARN of [MeetingArn, pipelineArn]) {
      await client.send(new Shim.TagResourceCommand({ ResourceARN, Tags: [{ Key: 'team', Value: 'blue' }] }));
      const { Tags } = await client.send(new Shim.ListTagsForResourceCommand({ ResourceARN }));
      expect(Tags).toEqual([{ Key: 'team', Value: 'blue' }]);
      await client.send(new Shim.UntagResourceCommand({ ResourceARN, TagKeys: ['team'] }));
    }

    const agents = requestHandler.sent.map(
      ({ headers }) => /api\/(chime-sdk-[a-z-]+)#/.exec(headers['user-agent'] ?? '')?.[1],
    );
    expect(agents).toEqual([
      ...Array(3).fill('chime-sdk-meetings'),
      ...Array(3).fill('chime-sdk-media-pipelines'),
    ]);
    expect(events.map(({ family }) => family)).toEqual([
      ...Array(3).fill('meetings'),
      ...Array(3).fill('mediaPipelines'),
    ]);
  });
});

describe('Translations: operations and members with no counterpart are a BadRequestException before any I/O, saying what to use instead', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['ListMeetings', {}, 'GetMeeting'],
    [
      'TagAttendee',
      { MeetingId: MISSING_ID, AttendeeId: MISSING_ID, Tags: [{ Key: 'k', Value: 'v' }] },
      'TagMeeting',
    ],
    ['UntagAttendee', { MeetingId: MISSING_ID, AttendeeId: MISSING_ID, TagKeys: ['k'] }, 'UntagMeeting'],
    ['ListAttendeeTags', { MeetingId: MISSING_ID, AttendeeId: MISSING_ID }, 'ListMeetingTags'],
  ];

  it.each(cases)(
    '%s: no request sent, the meetings client not even loaded',
    async (operation, input, instead) => {
      const loaded: string[] = [];
      setPackageLoaderForTests((specifier) => {
        loaded.push(specifier);
        return import(specifier);
      });
      const requestHandler = new RecordingHandler();
      const events: Shim.ShimEvent[] = [];
      const client = shimClient({
        requestHandler,
        migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) },
      });
      const error = await rejection(client.send(command(operation, input)));
      expect(error).toBeInstanceOf(Shim.BadRequestException);
      expect(error.$fault).toBe('client');
      expect(error.message).toContain(`${operation} has no counterpart in the Amazon Chime SDK namespaces`);
      expect(error.message).toContain(instead);
      expect(requestHandler.sent).toEqual([]);
      expect(emulator.current.requests()).toEqual([]);
      expect(loaded).toEqual([]);
      expect(events).toMatchObject([
        { operation, outcome: 'error', errorName: 'BadRequestException', attempts: 0 },
      ]);
    },
  );

  it.each([
    [
      'CreateAttendee',
      { MeetingId: MISSING_ID, ExternalUserId: 'ada', Tags: [{ Key: 'k', Value: 'v' }] },
      'tags',
    ],
    [
      'BatchCreateAttendee',
      {
        MeetingId: MISSING_ID,
        Attendees: [{ ExternalUserId: 'ada' }, { ExternalUserId: 'grace', Tags: [{ Key: 'k', Value: 'v' }] }],
      },
      'attendees.2.member.tags',
    ],
    [
      'CreateMeetingWithAttendees',
      {
        ClientRequestToken: 'tok-99',
        Attendees: [{ ExternalUserId: 'ada', Tags: [{ Key: 'k', Value: 'v' }] }],
      },
      'attendees.1.member.tags',
    ],
  ])('attendee Tags on %s: refused, never silently dropped, no request', async (operation, input, path) => {
    const requestHandler = new RecordingHandler();
    const error = await rejection(shimClient({ requestHandler }).send(command(operation, input)));
    expect(error).toBeInstanceOf(Shim.BadRequestException);
    expect(error.message).toContain(
      `Value at '${path}' failed to satisfy constraint: Member has no counterpart in Chime SDK Meetings, so it cannot be served`,
    );
    expect(requestHandler.sent).toEqual([]);
  });
});

describe('Translations: ListMediaCapturePipelines completes each summary with GetMediaCapturePipeline, so the legacy items keep every member', () => {
  it('every legacy member of every item, from the new namespace’s /sdk-media-capture-pipelines paths; the event says capture-pipelines-completed', async () => {
    const requestHandler = new RecordingHandler();
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({
      requestHandler,
      migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) },
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { MeetingArn } = await meeting();
      const { MediaCapturePipeline } = await client.send(
        new Shim.CreateMediaCapturePipelineCommand({
          SourceType: 'ChimeSdkMeeting',
          SourceArn: MeetingArn,
          SinkType: 'S3Bucket',
          SinkArn: `arn:aws:s3:::bucket-${i}`,
          ChimeSdkMeetingConfiguration: {
            ArtifactsConfiguration: {
              Audio: { MuxType: 'AudioOnly' },
              Video: { State: 'Disabled' },
              Content: { State: 'Disabled' },
            },
          },
        }),
      );
      ids.push(MediaCapturePipeline!.MediaPipelineId!);
    }
    requestHandler.sent.length = 0;
    events.length = 0;

    const { MediaCapturePipelines } = await client.send(new Shim.ListMediaCapturePipelinesCommand({}));

    expect(MediaCapturePipelines?.map(({ MediaPipelineId }) => MediaPipelineId)).toEqual(ids);
    for (const [i, item] of (MediaCapturePipelines ?? []).entries()) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'ChimeSdkMeetingConfiguration',
          'CreatedTimestamp',
          'MediaPipelineId',
          'SinkArn',
          'SinkType',
          'SourceArn',
          'SourceType',
          'Status',
          'UpdatedTimestamp',
        ].sort(),
      );
      expect(item).toMatchObject({ SinkArn: `arn:aws:s3:::bucket-${i}`, Status: 'InProgress' });
    }
    expect(requestHandler.sent.map(({ path }) => path)).toEqual([
      '/sdk-media-capture-pipelines',
      ...ids.map((id) => `/sdk-media-capture-pipelines/${id}`),
    ]);
    expect(events).toMatchObject([
      { operation: 'ListMediaCapturePipelines', translation: 'capture-pipelines-completed' },
    ]);
  });

  it(`reads at most ${COMPLETION_CONCURRENCY} at a time, and keeps the list's order whatever order the reads finish in`, async () => {
    const ids = Array.from(
      { length: 11 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    let inFlight = 0;
    let most = 0;
    const mediaPipelines = {
      async send(command: object) {
        if (command instanceof ListMediaCapturePipelinesCommand) {
          return {
            $metadata: { httpStatusCode: 200 },
            MediaCapturePipelines: ids.map((MediaPipelineId) => ({ MediaPipelineId })),
          };
        }
        const id = (command as GetMediaCapturePipelineCommand).input.MediaPipelineId!;
        inFlight++;
        most = Math.max(most, inFlight);
        // Later items answer sooner.
        await new Promise((resolve) => setTimeout(resolve, 2 * (ids.length - ids.indexOf(id))));
        inFlight--;
        return {
          $metadata: { httpStatusCode: 200 },
          MediaCapturePipeline: { MediaPipelineId: id, Status: 'InProgress' },
        };
      },
    };
    const { MediaCapturePipelines } = await Shim.listMediaCapturePipelines(
      {},
      { clients: { mediaPipelines } as Shim.FamilyClients },
    );
    expect(most).toBe(COMPLETION_CONCURRENCY);
    expect(MediaCapturePipelines?.map(({ MediaPipelineId }) => MediaPipelineId)).toEqual(ids);
    expect(MediaCapturePipelines?.every(({ Status }) => Status === 'InProgress')).toBe(true);
  });

  it('a pipeline deleted between the list and its read is left out; any other failed read fails the call with its legacy class', async () => {
    const ids = [`${MISSING_ID.slice(0, -1)}1`, `${MISSING_ID.slice(0, -1)}2`, `${MISSING_ID.slice(0, -1)}3`];
    const namespace = (failure: (id: string) => Error | undefined) => ({
      async send(command: object) {
        if (command instanceof ListMediaCapturePipelinesCommand) {
          return {
            $metadata: { httpStatusCode: 200 },
            MediaCapturePipelines: ids.map((MediaPipelineId) => ({ MediaPipelineId })),
          };
        }
        const id = (command as GetMediaCapturePipelineCommand).input.MediaPipelineId!;
        const error = failure(id);
        if (error) throw error;
        return {
          $metadata: { httpStatusCode: 200 },
          MediaCapturePipeline: { MediaPipelineId: id, Status: 'Stopped' },
        };
      },
    });
    const notFound = Object.assign(new Error('gone'), {
      name: 'NotFoundException',
      $fault: 'client',
      $metadata: {},
    });
    const gone = await Shim.listMediaCapturePipelines(
      {},
      {
        clients: {
          mediaPipelines: namespace((id) => (id === ids[1] ? notFound : undefined)),
        } as Shim.FamilyClients,
      },
    );
    expect(gone.MediaCapturePipelines?.map(({ MediaPipelineId }) => MediaPipelineId)).toEqual([
      ids[0],
      ids[2],
    ]);

    const throttled = new NamespaceThrottledClientException({
      $metadata: { httpStatusCode: 429 },
      message: 'slow down',
    });
    const error = await rejection(
      Shim.listMediaCapturePipelines(
        {},
        {
          clients: {
            mediaPipelines: namespace((id) => (id === ids[2] ? throttled : undefined)),
          } as Shim.FamilyClients,
        },
      ),
    );
    expect(error).toBeInstanceOf(Shim.ThrottledClientException);
  });

  it('an empty page: one request, no reads, no translation in the event', async () => {
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({ migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) } });
    const { MediaCapturePipelines } = await client.send(new Shim.ListMediaCapturePipelinesCommand({}));
    expect(MediaCapturePipelines).toEqual([]);
    expect(operationsOf()).toEqual(['ListMediaCapturePipelines']);
    expect(events[0]?.translation).toBeUndefined();
  });
});

describe('Media capture pipelines: the paths moved to /sdk-media-capture-pipelines; the namespace’s own client sends the new ones', () => {
  it('Create, Get, List and Delete reach the wire on the new paths, signed for Chime SDK Media Pipelines', async () => {
    const requestHandler = new RecordingHandler();
    const client = shimClient({ requestHandler });
    const { MeetingArn } = await meeting();
    const { MediaCapturePipeline } = await client.send(
      new Shim.CreateMediaCapturePipelineCommand({
        SourceType: 'ChimeSdkMeeting',
        SourceArn: MeetingArn,
        SinkType: 'S3Bucket',
        SinkArn: 'arn:aws:s3:::bucket',
      }),
    );
    const MediaPipelineId = MediaCapturePipeline!.MediaPipelineId!;
    await client.send(new Shim.GetMediaCapturePipelineCommand({ MediaPipelineId }));
    await client.send(new Shim.DeleteMediaCapturePipelineCommand({ MediaPipelineId }));
    await client.send(new Shim.ListMediaCapturePipelinesCommand({}));
    expect(requestHandler.sent.map(({ path }) => path)).toEqual([
      '/sdk-media-capture-pipelines',
      `/sdk-media-capture-pipelines/${MediaPipelineId}`,
      `/sdk-media-capture-pipelines/${MediaPipelineId}`,
      '/sdk-media-capture-pipelines',
    ]);
    expect(
      requestHandler.sent.every(({ headers }) =>
        headers['user-agent']?.includes('api/chime-sdk-media-pipelines#'),
      ),
    ).toBe(true);
  });
});

describe('Errors: names the legacy model lacks reach the caller as the legacy class of the same meaning, the original as cause', () => {
  it.each([
    ['ThrottlingException', 429, 'ThrottledClientException'],
    ['UnauthorizedException', 401, 'UnauthorizedClientException'],
    ['LimitExceededException', 400, 'ResourceLimitExceededException'],
  ] as const)('%s (%i) from CreateMeeting -> %s', async (thrown, status, legacy) => {
    emulator.current.faults.inject({ kind: 'error', errorType: thrown, status, operation: 'CreateMeeting' });
    const error = await rejection(
      shimClient().send(new Shim.CreateMeetingCommand({ MediaRegion: 'us-east-1' })),
    );
    expect(error).toBeInstanceOf((Shim as unknown as Record<string, new () => Error>)[legacy]);
    expect(error.name).toBe(legacy);
    expect(error.cause?.name).toBe(thrown);
    expect(error.$metadata.httpStatusCode).toBe(status);
  });

  it('UnprocessableEntityException (transcription already started) keeps its name: the legacy model has it', async () => {
    const client = shimClient();
    const { MeetingId } = await meeting();
    const TranscriptionConfiguration = { EngineTranscribeSettings: { LanguageCode: 'en-US' as const } };
    await client.send(new Shim.StartMeetingTranscriptionCommand({ MeetingId, TranscriptionConfiguration }));
    const error = await rejection(
      client.send(new Shim.StartMeetingTranscriptionCommand({ MeetingId, TranscriptionConfiguration })),
    );
    expect(error).toBeInstanceOf(Shim.UnprocessableEntityException);
  });
});

describe('Region, every operation: meeting operations name no ARN, so they are served in defaultRegion, which must be in regions', () => {
  it('defaultRegion eu-central-1: the meeting is created, read and ended there', async () => {
    const client = shimClient({ migration: { defaultRegion: 'eu-central-1' } });
    const { Meeting } = await client.send(
      new Shim.CreateMeetingCommand({ ClientRequestToken: 'in-frankfurt' }),
    );
    await client.send(new Shim.GetMeetingCommand({ MeetingId: Meeting!.MeetingId }));
    await client.send(new Shim.DeleteMeetingCommand({ MeetingId: Meeting!.MeetingId }));
    expect(emulator.current.requests().map(({ region }) => region)).toEqual([
      'eu-central-1',
      'eu-central-1',
      'eu-central-1',
    ]);
    // A meeting lives in its control region: one created in eu-central-1 is not in us-east-1.
    const error = await rejection(
      shimClient().send(new Shim.GetMeetingCommand({ MeetingId: Meeting!.MeetingId })),
    );
    expect(error).toBeInstanceOf(Shim.NotFoundException);
  });

  it('a defaultRegion outside regions: a configuration error naming defaultRegion, no request', async () => {
    const error = await rejection(
      shimClient({ migration: { regions: ['us-west-2'] } }).send(new Shim.CreateMeetingCommand({})),
    );
    expect(Shim.isChimeIdentityShimConfigurationError(error)).toBe(true);
    expect(error.message).toContain('defaultRegion');
    expect(emulator.current.requests()).toEqual([]);
  });

  // A capture pipeline's SourceArn names a meeting, and legacy callers build it as AWS's own
  // samples do, `arn:aws:chime::<account>:meeting:<MeetingId>`, with no Region field: it is not a
  // region source (scripts/generator/operations.mjs), so the pipeline is served in defaultRegion.
  it('CreateMediaCapturePipeline with the SourceArn legacy callers build (no Region) is served in defaultRegion', async () => {
    const { MeetingId } = await meeting();
    const { MediaCapturePipeline } = await shimClient().send(
      new Shim.CreateMediaCapturePipelineCommand({
        SourceType: 'ChimeSdkMeeting',
        SourceArn: `arn:aws:chime::${EMULATOR_ACCOUNT_ID}:meeting:${MeetingId}`,
        SinkType: 'S3Bucket',
        SinkArn: 'arn:aws:s3:::bucket',
      }),
    );
    expect(MediaCapturePipeline?.Status).toBe('Initializing');
    expect(emulator.current.requests().at(-1)).toMatchObject({
      operation: 'CreateMediaCapturePipeline',
      region: 'us-east-1',
    });
  });
});

describe('Routes, every operation: the legacy route is the meetings client in us-east-1, with what only the new namespace has refused', () => {
  it('legacy route: signed for us-east-1; MeetingFeatures (new only) refused before any I/O', async () => {
    const requestHandler = new RecordingHandler();
    const client = shimClient({
      requestHandler,
      migration: { route: 'legacy', defaultRegion: 'eu-central-1' },
    });
    await client.send(new Shim.CreateMeetingCommand({ ClientRequestToken: 'legacy-route' }));
    expect(requestHandler.sent[0]).toMatchObject({ signingRegion: 'us-east-1' });
    expect(requestHandler.sent[0]!.headers['user-agent']).toContain('api/chime-sdk-meetings#');
    const error = await rejection(
      client.send(
        new Shim.CreateMeetingCommand({
          ClientRequestToken: 'legacy-2',
          MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' } },
        }),
      ),
    );
    expect(error).toBeInstanceOf(Shim.BadRequestException);
    expect(error.message).toContain(
      "Value at 'meetingFeatures' failed to satisfy constraint: Member is not supported by the Amazon Chime namespace (legacy route)",
    );
    expect(requestHandler.sent).toHaveLength(1);
  });
});

describe('Package: @aws-sdk/client-chime-sdk-meetings and -media-pipelines are optional peers, loaded on the first call of one of their operations', () => {
  const missing = (packageName: string) => (specifier: string) => {
    if (specifier.startsWith(packageName)) {
      return Promise.reject(
        Object.assign(new Error(`Cannot find package '${specifier}'`), { code: 'ERR_MODULE_NOT_FOUND' }),
      );
    }
    return import(specifier);
  };

  it.each([
    ['CreateMeeting', MEETINGS, 'Chime SDK Meetings', { ClientRequestToken: 'tok-1' }],
    [
      'TagMeeting',
      MEETINGS,
      'Chime SDK Meetings',
      { MeetingId: MISSING_ID, Tags: [{ Key: 'k', Value: 'v' }] },
    ],
    ['ListMediaCapturePipelines', MEDIA_PIPELINES, 'Chime SDK Media Pipelines', {}],
    [
      'GetMediaCapturePipeline',
      MEDIA_PIPELINES,
      'Chime SDK Media Pipelines',
      { MediaPipelineId: MISSING_ID },
    ],
  ] as const)(
    '%s without %s: a ChimeIdentityShimConfigurationError before any I/O, naming the operation, the package and npm install',
    async (operation, packageName, title, input) => {
      setPackageLoaderForTests(missing(packageName));
      const events: Shim.ShimEvent[] = [];
      const error = await rejection(
        exported[camel(operation)](input, {
          identityConfig: clientConfig(),
          onEvent: (event: Shim.ShimEvent) => events.push(event),
        }),
      );
      expect(Shim.isChimeIdentityShimConfigurationError(error)).toBe(true);
      expect(error.message).toContain(operation);
      expect(error.message).toContain(title);
      expect(error.message).toContain(`npm install ${packageName}`);
      expect(emulator.current.requests()).toEqual([]);
      expect(events).toMatchObject([{ operation, outcome: 'error' }]);
    },
  );

  it('TagResource on a meeting ARN without the meetings package: the same configuration error', async () => {
    setPackageLoaderForTests(missing(MEETINGS));
    const error = await rejection(
      shimClient().send(
        new Shim.TagResourceCommand({
          ResourceARN: `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:meeting/${MISSING_ID}`,
          Tags: [{ Key: 'k', Value: 'v' }],
        }),
      ),
    );
    expect(Shim.isChimeIdentityShimConfigurationError(error)).toBe(true);
    expect(error.message).toContain(`npm install ${MEETINGS}`);
    expect(emulator.current.requests()).toEqual([]);
  });

  it('a service that calls only identity operations never loads them; the first meeting call loads the meetings package once, and only it', async () => {
    const loaded: string[] = [];
    setPackageLoaderForTests((specifier) => {
      loaded.push(specifier);
      return import(specifier);
    });
    const client = shimClient();
    const AppInstanceArn = emulator.current.createAppInstance();
    await client.send(
      new Shim.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u', Name: 'u' }),
    );
    await client.send(new Shim.DescribeAppInstanceCommand({ AppInstanceArn }));
    expect(loaded).toEqual([]);

    const { Meeting } = await client.send(new Shim.CreateMeetingCommand({}));
    await client.send(new Shim.GetMeetingCommand({ MeetingId: Meeting!.MeetingId }));
    expect(loaded.filter((specifier) => specifier === MEETINGS)).toEqual([MEETINGS]);
    expect(loaded.some((specifier) => specifier.startsWith(MEDIA_PIPELINES))).toBe(false);
  });
});
