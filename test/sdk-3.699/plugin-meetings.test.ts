/**
 * In this project `@aws-sdk/client-chime` resolves to the real 3.699.0 package (vitest.config.ts):
 * a service pinned to it, with its own commands for the meeting and media capture pipeline
 * operations AWS later removed. The plugin reroutes them to Chime SDK Meetings and Chime SDK
 * Media Pipelines.
 */
import { ChimeSDKMeetingsClient, CreateMeetingCommand } from '@aws-sdk/client-chime-sdk-meetings';
import * as Pinned from 'legacy-chime';
import { describe, expect, it } from 'vitest';
import { chimeIdentityMigration, type ShimEvent } from '../../src/index.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';
import {
  MEETINGS_FLOW_OPERATIONS,
  namespaceOperations,
  REGION,
  runMeetingsFlow,
} from '../support/meetings-flow.js';

const emulator = useEmulator();
const commands = Pinned as unknown as Record<string, new (input: object) => any>;

function pinnedClient(route: 'identity' | 'legacy') {
  const requestHandler = new RecordingHandler();
  const events: ShimEvent[] = [];
  const client = new Pinned.ChimeClient({
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    disableHostPrefix: true,
    maxAttempts: 1,
    requestHandler,
  });
  client.middlewareStack.use(
    chimeIdentityMigration({ route, defaultRegion: REGION, onEvent: (event) => events.push(event) }),
  );
  const surface = (operation: string, input: object) =>
    client.send(new commands[`${operation}Command`]!(input));
  return { client, surface, sent: requestHandler.sent, events };
}

describe('Surfaces 2, every removed operation: the plugin reroutes the pinned client’s own meeting and capture pipeline commands', () => {
  it('identity route: each of the client’s own commands is served by its dedicated namespace in defaultRegion', async () => {
    const { client, surface, sent, events } = pinnedClient('identity');

    const ran = await runMeetingsFlow(surface);

    expect(new Set(ran)).toEqual(MEETINGS_FLOW_OPERATIONS);
    expect(sent.every(({ signingRegion }) => signingRegion === REGION)).toBe(true);
    const namespaces = sent.map(
      ({ headers }) => /api\/(chime-sdk-[a-z-]+)#/.exec(headers['user-agent'] ?? '')?.[1],
    );
    expect(new Set(namespaces)).toEqual(new Set(['chime-sdk-meetings', 'chime-sdk-media-pipelines']));
    expect(emulator.current.requests().map(({ operation }) => operation)).toEqual(
      ran.flatMap((operation) => namespaceOperations(operation)),
    );
    expect(events.map(({ operation }) => operation)).toEqual(ran);
    expect(events.every(({ route }) => route === 'identity')).toBe(true);
    expect(new Set(events.map(({ family }) => family))).toEqual(new Set(['meetings', 'mediaPipelines']));
    client.destroy();
  });

  it('3.699’s own paginator, paginateListAttendees, pages through the shim', async () => {
    const { client } = pinnedClient('identity');
    const { Meeting } = await client.send(new Pinned.CreateMeetingCommand({ ClientRequestToken: 'paged' }));
    await client.send(
      new Pinned.BatchCreateAttendeeCommand({
        MeetingId: Meeting!.MeetingId,
        Attendees: ['a', 'b', 'c'].map((ExternalUserId) => ({ ExternalUserId: `${ExternalUserId}-user` })),
      }),
    );
    const ids: string[] = [];
    for await (const page of Pinned.paginateListAttendees(
      { client, pageSize: 2 },
      { MeetingId: Meeting!.MeetingId },
    )) {
      ids.push(...(page.Attendees ?? []).map(({ ExternalUserId }) => ExternalUserId!));
    }
    expect(ids).toEqual(['a-user', 'b-user', 'c-user']);
    client.destroy();
  });

  it('the pinned client’s ListMeetings and attendee tag commands: the legacy BadRequestException, nothing sent', async () => {
    const { client, sent } = pinnedClient('identity');
    for (const command of [
      new Pinned.ListMeetingsCommand({}),
      new Pinned.ListAttendeeTagsCommand({
        MeetingId: '00000000-0000-4000-8000-000000000000',
        AttendeeId: '00000000-0000-4000-8000-000000000000',
      }),
    ]) {
      const error = await client.send(command as never).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Pinned.BadRequestException);
      expect((error as Error).message).toContain('has no counterpart in the Amazon Chime SDK namespaces');
    }
    expect(sent).toEqual([]);
    client.destroy();
  });

  it('legacy route: the pinned client’s own command, untouched, on the legacy wire, signed for us-east-1', async () => {
    // A meeting in us-east-1, where the legacy namespace kept every meeting.
    const meetings = new ChimeSDKMeetingsClient({
      region: 'us-east-1',
      endpoint: emulator.current.endpoint,
      credentials: EMULATOR_CREDENTIALS,
    });
    const { Meeting: east } = await meetings.send(
      new CreateMeetingCommand({
        ClientRequestToken: 'east',
        MediaRegion: 'us-east-1',
        ExternalMeetingId: 'east',
      }),
    );
    meetings.destroy();
    const { client, sent, events } = pinnedClient('legacy');

    const { Meeting } = await client.send(new Pinned.GetMeetingCommand({ MeetingId: east!.MeetingId }));

    expect(Meeting?.MeetingId).toBe(east!.MeetingId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ signingRegion: 'us-east-1', path: `/meetings/${east!.MeetingId}` });
    // The legacy client's own request, not the meetings client's.
    expect(sent[0]!.headers['user-agent']).toContain('api/chime#');
    expect(sent[0]!.headers['user-agent']).not.toContain('api/chime-sdk-meetings#');
    expect(events).toMatchObject([
      { operation: 'GetMeeting', route: 'legacy', region: 'us-east-1', outcome: 'success' },
    ]);

    // A meeting the identity route created in defaultRegion is not in us-east-1: the legacy
    // NotFoundException, from the client's own path.
    const identity = pinnedClient('identity');
    const { Meeting: central } = await identity.client.send(
      new Pinned.CreateMeetingCommand({ ClientRequestToken: 'central' }),
    );
    identity.client.destroy();
    const error = await client.send(new Pinned.GetMeetingCommand({ MeetingId: central!.MeetingId })).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Pinned.NotFoundException);
    client.destroy();
  });
});
