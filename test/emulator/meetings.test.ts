import {
  BadRequestException,
  BatchCreateAttendeeCommand,
  ChimeSDKMeetingsClient,
  ConflictException,
  CreateAttendeeCommand,
  type CreateAttendeeRequestItem,
  CreateMeetingCommand,
  type CreateMeetingCommandInput,
  CreateMeetingWithAttendeesCommand,
  DeleteAttendeeCommand,
  DeleteMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
  LimitExceededException,
  ListAttendeesCommand,
  ListTagsForResourceCommand,
  NotFoundException,
  paginateListAttendees,
  ResourceNotFoundException,
  StartMeetingTranscriptionCommand,
  StopMeetingTranscriptionCommand,
  TagResourceCommand,
  TooManyTagsException,
  UnprocessableEntityException,
  UntagResourceCommand,
} from '@aws-sdk/client-chime-sdk-meetings';
import {
  CreateAttendeeCommand as LegacyCreateAttendeeCommand,
  GetMeetingCommand as LegacyGetMeetingCommand,
  ListAttendeesCommand as LegacyListAttendeesCommand,
} from 'legacy-chime';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/emulator/generated/meetings.js';
import { EMULATOR_ACCOUNT_ID, EMULATOR_CREDENTIALS, type Emulator } from '../../src/emulator/index.js';
import { useEmulator } from '../support/emulator.js';
import { legacyClient, rejection } from './helpers.js';

/**
 * The Chime SDK Meetings namespace of the emulator (contract, section "Emulator"; semantics in
 * docs/emulator-meetings.md), driven over HTTP with SigV4 by the real
 * `@aws-sdk/client-chime-sdk-meetings` client.
 */

const emulator = useEmulator();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

function meetingsClient(target: Emulator, region = 'us-east-1'): ChimeSDKMeetingsClient {
  return new ChimeSDKMeetingsClient({
    region,
    endpoint: target.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
  });
}

let tokens = 0;
async function createMeeting(
  client: ChimeSDKMeetingsClient,
  input: Partial<CreateMeetingCommandInput> = {},
): Promise<{ MeetingId: string; MeetingArn: string }> {
  const out = await client.send(
    new CreateMeetingCommand({
      ClientRequestToken: `token-${++tokens}`,
      MediaRegion: 'us-east-1',
      ExternalMeetingId: 'standup',
      ...input,
    }),
  );
  return { MeetingId: out.Meeting!.MeetingId!, MeetingArn: out.Meeting!.MeetingArn! };
}

const people = (...ids: string[]): CreateAttendeeRequestItem[] =>
  ids.map((ExternalUserId) => ({ ExternalUserId }));
const tags = (count: number) => Array.from({ length: count }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));

describe('Emulator: one endpoint serves every meetings operation the shim serves', () => {
  it('each operation of the meetings table answers 2xx over HTTP with SigV4 through the real client', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId, MeetingArn } = await createMeeting(client, { Tags: [{ Key: 'team', Value: 'core' }] });
    await client.send(
      new CreateMeetingWithAttendeesCommand({
        ClientRequestToken: 'with-attendees',
        MediaRegion: 'eu-central-1',
        ExternalMeetingId: 'retro',
        Attendees: people('ada'),
      }),
    );
    await client.send(new GetMeetingCommand({ MeetingId }));
    const { Attendee } = await client.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'grace' }));
    await client.send(new BatchCreateAttendeeCommand({ MeetingId, Attendees: people('alan', 'edsger') }));
    await client.send(new GetAttendeeCommand({ MeetingId, AttendeeId: Attendee!.AttendeeId }));
    await client.send(new ListAttendeesCommand({ MeetingId }));
    await client.send(new DeleteAttendeeCommand({ MeetingId, AttendeeId: Attendee!.AttendeeId }));
    await client.send(
      new StartMeetingTranscriptionCommand({
        MeetingId,
        TranscriptionConfiguration: { EngineTranscribeSettings: { LanguageCode: 'en-US' } },
      }),
    );
    await client.send(new StopMeetingTranscriptionCommand({ MeetingId }));
    await client.send(new TagResourceCommand({ ResourceARN: MeetingArn, Tags: tags(1) }));
    await client.send(new UntagResourceCommand({ ResourceARN: MeetingArn, TagKeys: ['k0'] }));
    await client.send(new ListTagsForResourceCommand({ ResourceARN: MeetingArn }));
    await client.send(new DeleteMeetingCommand({ MeetingId }));

    const log = emulator.current.requests();
    expect(log.every((entry) => entry.status >= 200 && entry.status < 300)).toBe(true);
    expect(new Set(log.map((entry) => entry.region))).toEqual(new Set(['us-east-1']));
    expect([...new Set(log.map((entry) => entry.operation))].sort()).toEqual(
      OPERATIONS.map((operation) => operation.name).sort(),
    );
    client.destroy();
  });
});

describe('Emulator, meetings: a meeting has a MediaPlacement of loopback URLs, an ARN, and what it was created with', () => {
  it('CreateMeeting answers 200 with a UUID, the meeting ARN in the signed Region, and every URL on 127.0.0.1', async () => {
    const client = meetingsClient(emulator.current, 'eu-central-1');
    const out = await client.send(
      new CreateMeetingCommand({
        ClientRequestToken: 'tok-1',
        MediaRegion: 'us-west-2',
        ExternalMeetingId: 'standup',
        MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' } },
        TenantIds: ['tenant-a'],
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    const meeting = out.Meeting!;
    expect(meeting.MeetingId).toMatch(UUID);
    expect(meeting.MeetingArn).toBe(
      `arn:aws:chime:eu-central-1:${EMULATOR_ACCOUNT_ID}:meeting/${meeting.MeetingId}`,
    );
    expect(meeting).toMatchObject({
      ExternalMeetingId: 'standup',
      MediaRegion: 'us-west-2',
      MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' } },
      TenantIds: ['tenant-a'],
    });
    const urls = Object.values(meeting.MediaPlacement!);
    expect(Object.keys(meeting.MediaPlacement!).sort()).toEqual(
      [
        'AudioFallbackUrl',
        'AudioHostUrl',
        'EventIngestionUrl',
        'ScreenDataUrl',
        'ScreenSharingUrl',
        'ScreenViewingUrl',
        'SignalingUrl',
        'TurnControlUrl',
      ].sort(),
    );
    for (const url of urls) {
      const host = url.includes('://') ? new URL(url).hostname : url.split(':')[0];
      expect(host, url).toBe('127.0.0.1');
    }
    const got = await client.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }));
    expect(got.Meeting).toEqual(meeting);
    client.destroy();
  });

  it('the same ClientRequestToken and request give back the same meeting; another request with it is a ConflictException', async () => {
    const client = meetingsClient(emulator.current);
    const input = { ClientRequestToken: 'same-token', MediaRegion: 'us-east-1', ExternalMeetingId: 'first' };
    const first = await client.send(new CreateMeetingCommand(input));
    const replay = await client.send(new CreateMeetingCommand(input));
    expect(replay.Meeting?.MeetingId).toBe(first.Meeting?.MeetingId);
    const error = await rejection(
      client.send(new CreateMeetingCommand({ ...input, ExternalMeetingId: 'second' })),
    );
    expect(error).toBeInstanceOf(ConflictException);
    client.destroy();
  });

  it('a MediaRegion that hosts no meetings is a BadRequestException; ExternalMeetingId is required (model validation)', async () => {
    const client = meetingsClient(emulator.current);
    const region = await rejection(
      client.send(
        new CreateMeetingCommand({
          ClientRequestToken: 't1',
          MediaRegion: 'mars-north-1',
          ExternalMeetingId: 'standup',
        }),
      ),
    );
    expect(region).toBeInstanceOf(BadRequestException);
    expect(region.message).toContain('mars-north-1');
    const missing = await rejection(
      client.send(new CreateMeetingCommand({ ClientRequestToken: 't2', MediaRegion: 'us-east-1' } as never)),
    );
    expect(missing).toBeInstanceOf(BadRequestException);
    expect(missing.message).toContain("Value null at 'externalMeetingId' failed to satisfy constraint");
    client.destroy();
  });

  it('a meeting is served only in its control Region: GetMeeting signed for another one is a NotFoundException', async () => {
    const east = meetingsClient(emulator.current, 'us-east-1');
    const central = meetingsClient(emulator.current, 'eu-central-1');
    const { MeetingId } = await createMeeting(east);
    const error = await rejection(central.send(new GetMeetingCommand({ MeetingId })));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(404);
    east.destroy();
    central.destroy();
  });

  it('NotFound for unknown and deleted meetings: Get, Delete, attendees, transcription', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client);
    const { Attendee } = await client.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'ada' }));
    await client.send(new DeleteMeetingCommand({ MeetingId }));
    const AttendeeId = Attendee!.AttendeeId!;
    for (const id of [MeetingId, MISSING_ID]) {
      for (const command of [
        new GetMeetingCommand({ MeetingId: id }),
        new DeleteMeetingCommand({ MeetingId: id }),
        new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: 'grace' }),
        new BatchCreateAttendeeCommand({ MeetingId: id, Attendees: people('grace') }),
        new GetAttendeeCommand({ MeetingId: id, AttendeeId }),
        new ListAttendeesCommand({ MeetingId: id }),
        new DeleteAttendeeCommand({ MeetingId: id, AttendeeId }),
        new StopMeetingTranscriptionCommand({ MeetingId: id }),
      ]) {
        const error = await rejection(client.send(command as never));
        expect(error, `${command.constructor.name} ${id}`).toBeInstanceOf(NotFoundException);
      }
    }
    client.destroy();
  });
});

describe('Emulator, meetings: attendees have a JoinToken and an external user id, and are idempotent on it', () => {
  it('CreateAttendee answers the attendee with a JoinToken and send-and-receive capabilities; GetAttendee the same', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client);
    const { Attendee } = await client.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'ada#1' }));
    expect(Attendee).toMatchObject({
      ExternalUserId: 'ada#1',
      AttendeeId: expect.stringMatching(UUID),
      Capabilities: { Audio: 'SendReceive', Video: 'SendReceive', Content: 'SendReceive' },
    });
    expect(Attendee!.JoinToken!.length).toBeGreaterThanOrEqual(2);
    expect(Attendee!.JoinToken!.length).toBeLessThanOrEqual(2048);
    const got = await client.send(new GetAttendeeCommand({ MeetingId, AttendeeId: Attendee!.AttendeeId }));
    expect(got.Attendee).toEqual(Attendee);
    client.destroy();
  });

  it('the same ExternalUserId in the same meeting is the same attendee (the models call it an idempotency token)', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client);
    const first = await client.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'ada' }));
    const again = await client.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'ada' }));
    expect(again.Attendee).toEqual(first.Attendee);
    const listed = await client.send(new ListAttendeesCommand({ MeetingId }));
    expect(listed.Attendees).toHaveLength(1);
    client.destroy();
  });

  it('capabilities the meeting refuses and reserved aws: ids are BadRequestException; a full meeting is LimitExceededException', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client, {
      MeetingFeatures: { Attendee: { MaxCount: 1 }, Video: { MaxResolution: 'None' } },
    });
    const video = await rejection(
      client.send(
        new CreateAttendeeCommand({
          MeetingId,
          ExternalUserId: 'ada',
          Capabilities: { Audio: 'SendReceive', Video: 'Receive', Content: 'None' },
        }),
      ),
    );
    expect(video).toBeInstanceOf(BadRequestException);
    const reserved = await rejection(
      client.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'aws:x' })),
    );
    expect(reserved).toBeInstanceOf(BadRequestException);
    const { Attendee } = await client.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'ada' }));
    // Video off, content on, no capabilities given: video Receive, as the model says.
    expect(Attendee?.Capabilities).toEqual({
      Audio: 'SendReceive',
      Video: 'Receive',
      Content: 'SendReceive',
    });
    const full = await rejection(
      client.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'grace' })),
    );
    expect(full).toBeInstanceOf(LimitExceededException);
    expect(full.$metadata.httpStatusCode).toBe(400);
    client.destroy();
  });

  it('content can be received only with video: Content Receive with Video Send is a BadRequestException', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client);
    const error = await rejection(
      client.send(
        new CreateAttendeeCommand({
          MeetingId,
          ExternalUserId: 'ada',
          Capabilities: { Audio: 'SendReceive', Video: 'Send', Content: 'Receive' },
        }),
      ),
    );
    expect(error).toBeInstanceOf(BadRequestException);
    client.destroy();
  });

  it('BatchCreateAttendee admits each attendee on its own: the refused ones come back in Errors, in the model’s shape', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client, { MeetingFeatures: { Attendee: { MaxCount: 2 } } });
    const out = await client.send(
      new BatchCreateAttendeeCommand({
        MeetingId,
        Attendees: people('ada', 'aws:reserved', 'grace', 'alan'),
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.Attendees?.map(({ ExternalUserId }) => ExternalUserId)).toEqual(['ada', 'grace']);
    expect(out.Attendees?.every(({ JoinToken }) => typeof JoinToken === 'string')).toBe(true);
    expect(out.Errors).toEqual([
      { ExternalUserId: 'aws:reserved', ErrorCode: 'BadRequest', ErrorMessage: expect.any(String) },
      { ExternalUserId: 'alan', ErrorCode: 'LimitExceeded', ErrorMessage: expect.any(String) },
    ]);
    client.destroy();
  });

  it('CreateMeetingWithAttendees creates the meeting and admits its attendees the same way; a replay adds nobody twice', async () => {
    const client = meetingsClient(emulator.current);
    const input = {
      ClientRequestToken: 'with-attendees',
      MediaRegion: 'us-east-1',
      ExternalMeetingId: 'retro',
      MeetingFeatures: { Attendee: { MaxCount: 1 } },
      Attendees: people('ada', 'grace'),
    };
    const out = await client.send(new CreateMeetingWithAttendeesCommand(input));
    expect(out.Meeting?.MeetingId).toMatch(UUID);
    expect(out.Attendees?.map(({ ExternalUserId }) => ExternalUserId)).toEqual(['ada']);
    expect(out.Errors).toEqual([
      { ExternalUserId: 'grace', ErrorCode: 'LimitExceeded', ErrorMessage: expect.any(String) },
    ]);
    const replay = await client.send(new CreateMeetingWithAttendeesCommand(input));
    expect(replay.Meeting?.MeetingId).toBe(out.Meeting?.MeetingId);
    expect(replay.Attendees).toEqual(out.Attendees);
    client.destroy();
  });

  it('ListAttendees pages in creation order with MaxResults and NextToken; paginateListAttendees walks them all', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client);
    await client.send(
      new BatchCreateAttendeeCommand({ MeetingId, Attendees: people('a1', 'a2', 'a3', 'a4', 'a5') }),
    );
    const first = await client.send(new ListAttendeesCommand({ MeetingId, MaxResults: 2 }));
    expect(first.Attendees?.map(({ ExternalUserId }) => ExternalUserId)).toEqual(['a1', 'a2']);
    expect(first.NextToken).toEqual(expect.any(String));
    const pages: string[][] = [];
    for await (const page of paginateListAttendees({ client, pageSize: 2 }, { MeetingId })) {
      pages.push(page.Attendees!.map(({ ExternalUserId }) => ExternalUserId!));
    }
    expect(pages).toEqual([['a1', 'a2'], ['a3', 'a4'], ['a5']]);
    const other = await createMeeting(client);
    const foreign = await rejection(
      client.send(new ListAttendeesCommand({ MeetingId: other.MeetingId, NextToken: first.NextToken })),
    );
    expect(foreign).toBeInstanceOf(BadRequestException);
    client.destroy();
  });

  it('DeleteAttendee removes the attendee: GetAttendee is then a NotFoundException, and the list no longer has it', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client);
    const { Attendee } = await client.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'ada' }));
    const deleted = await client.send(
      new DeleteAttendeeCommand({ MeetingId, AttendeeId: Attendee!.AttendeeId }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const error = await rejection(
      client.send(new GetAttendeeCommand({ MeetingId, AttendeeId: Attendee!.AttendeeId })),
    );
    expect(error).toBeInstanceOf(NotFoundException);
    expect((await client.send(new ListAttendeesCommand({ MeetingId }))).Attendees).toEqual([]);
    client.destroy();
  });

  it('the request log holds no JoinToken, ExternalUserId or ExternalMeetingId (sensitive in the models)', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client, { ExternalMeetingId: 'cnry-external-meeting' });
    const { Attendee } = await client.send(
      new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'cnry-external-user' }),
    );
    await client.send(new GetAttendeeCommand({ MeetingId, AttendeeId: Attendee!.AttendeeId }));
    const log = JSON.stringify(emulator.current.requests());
    for (const secret of [Attendee!.JoinToken!, 'cnry-external-user', 'cnry-external-meeting', MeetingId]) {
      expect(log).not.toContain(secret);
    }
    client.destroy();
  });
});

describe('Emulator, meetings: transcription start and stop state', () => {
  const transcribe = { EngineTranscribeSettings: { LanguageCode: 'en-US' as const } };

  it('start, start again (UnprocessableEntityException), stop, stop again (UnprocessableEntityException), start again', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client);
    const started = await client.send(
      new StartMeetingTranscriptionCommand({ MeetingId, TranscriptionConfiguration: transcribe }),
    );
    expect(started.$metadata.httpStatusCode).toBe(200);
    const twice = await rejection(
      client.send(
        new StartMeetingTranscriptionCommand({ MeetingId, TranscriptionConfiguration: transcribe }),
      ),
    );
    expect(twice).toBeInstanceOf(UnprocessableEntityException);
    expect(twice.$metadata.httpStatusCode).toBe(422);
    await client.send(new StopMeetingTranscriptionCommand({ MeetingId }));
    const stopped = await rejection(client.send(new StopMeetingTranscriptionCommand({ MeetingId })));
    expect(stopped).toBeInstanceOf(UnprocessableEntityException);
    await client.send(
      new StartMeetingTranscriptionCommand({ MeetingId, TranscriptionConfiguration: transcribe }),
    );
    client.destroy();
  });

  it('a configuration must name exactly one engine: none or both is a BadRequestException', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId } = await createMeeting(client);
    for (const TranscriptionConfiguration of [
      {},
      {
        ...transcribe,
        EngineTranscribeMedicalSettings: {
          LanguageCode: 'en-US' as const,
          Specialty: 'PRIMARYCARE' as const,
          Type: 'CONVERSATION' as const,
        },
      },
    ]) {
      const error = await rejection(
        client.send(new StartMeetingTranscriptionCommand({ MeetingId, TranscriptionConfiguration })),
      );
      expect(error).toBeInstanceOf(BadRequestException);
    }
    client.destroy();
  });
});

describe('Emulator, meetings: tags on meetings', () => {
  it('CreateMeeting Tags, TagResource, UntagResource and ListTagsForResource on the meeting ARN agree', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingArn } = await createMeeting(client, { Tags: [{ Key: 'team', Value: 'blue' }] });
    await client.send(
      new TagResourceCommand({ ResourceARN: MeetingArn, Tags: [{ Key: 'cost', Value: '42' }] }),
    );
    const listed = await client.send(new ListTagsForResourceCommand({ ResourceARN: MeetingArn }));
    expect(listed.Tags).toEqual([
      { Key: 'team', Value: 'blue' },
      { Key: 'cost', Value: '42' },
    ]);
    await client.send(new UntagResourceCommand({ ResourceARN: MeetingArn, TagKeys: ['team'] }));
    const after = await client.send(new ListTagsForResourceCommand({ ResourceARN: MeetingArn }));
    expect(after.Tags).toEqual([{ Key: 'cost', Value: '42' }]);
    client.destroy();
  });

  it('an unknown or ended meeting is a ResourceNotFoundException (404), as Chime SDK Meetings names it', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingId, MeetingArn } = await createMeeting(client, { Tags: tags(1) });
    await client.send(new DeleteMeetingCommand({ MeetingId }));
    const missing = `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:meeting/${MISSING_ID}`;
    for (const ResourceARN of [MeetingArn, missing]) {
      for (const command of [
        new ListTagsForResourceCommand({ ResourceARN }),
        new TagResourceCommand({ ResourceARN, Tags: tags(1) }),
        new UntagResourceCommand({ ResourceARN, TagKeys: ['k0'] }),
      ]) {
        const error = await rejection(client.send(command as never));
        expect(error).toBeInstanceOf(ResourceNotFoundException);
        expect(error.$metadata.httpStatusCode).toBe(404);
      }
    }
    client.destroy();
  });

  it('beyond 50 tags is a TooManyTagsException and changes nothing; an ARN of another Region is a BadRequestException', async () => {
    const client = meetingsClient(emulator.current);
    const { MeetingArn } = await createMeeting(client, { Tags: tags(50) });
    const error = await rejection(
      client.send(new TagResourceCommand({ ResourceARN: MeetingArn, Tags: [{ Key: 'one', Value: 'more' }] })),
    );
    expect(error).toBeInstanceOf(TooManyTagsException);
    expect(
      (await client.send(new ListTagsForResourceCommand({ ResourceARN: MeetingArn }))).Tags,
    ).toHaveLength(50);
    const central = meetingsClient(emulator.current, 'eu-central-1');
    const region = await rejection(central.send(new ListTagsForResourceCommand({ ResourceARN: MeetingArn })));
    expect(region).toBeInstanceOf(BadRequestException);
    client.destroy();
    central.destroy();
  });
});

describe('Emulator: accepts requests from the legacy client too (disableHostPrefix: true)', () => {
  it('the legacy 3.699 client reads meetings and adds attendees on the paths the two namespaces share', async () => {
    const client = meetingsClient(emulator.current);
    const legacy = legacyClient(emulator.current);
    const { MeetingId } = await createMeeting(client);
    const got = await legacy.send(new LegacyGetMeetingCommand({ MeetingId }));
    expect(got.Meeting?.MeetingId).toBe(MeetingId);
    const { Attendee } = await legacy.send(
      new LegacyCreateAttendeeCommand({ MeetingId, ExternalUserId: 'ada' }),
    );
    expect(Attendee?.JoinToken).toEqual(expect.any(String));
    const listed = await legacy.send(new LegacyListAttendeesCommand({ MeetingId }));
    expect(listed.Attendees?.map(({ AttendeeId }) => AttendeeId)).toEqual([Attendee?.AttendeeId]);
    client.destroy();
    legacy.destroy();
  });
});
