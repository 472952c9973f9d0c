import { describe, expect, it } from 'vitest';
import * as Shim from '../../src/index.js';
import { COMPLETION_CONCURRENCY } from '../../src/operations/translations/capture-pipelines.js';
import { rejection } from '../support/rejection.js';

/**
 * The translations' edges that a namespace rarely shows and the emulator never does: a redacted
 * message answered with empty content, a GetMeeting answer without its ARN, a resource ARN no
 * namespace owns, a summary without its id, a failed read in the middle of a page. Each family
 * client is injected (`clients`) and answers from a script, recording what it was sent.
 */

const APP = 'arn:aws:chime:us-east-1:111122223333:app-instance/87654321-4321-4321-4321-210987654321';
const ChannelArn = `${APP}/channel/chan-1`;
const ChimeBearer = `${APP}/user/alice`;
const MeetingId = '11111111-2222-3333-4444-555555555555';

type Script = (name: string, input: Record<string, unknown>) => Record<string, unknown>;

/** A family client answering `script(commandName, input)`; `sent` records each command and its input. */
function scripted(script: Script) {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const client = {
    async send(command: { input: Record<string, unknown> }) {
      const name = command.constructor.name.replace(/Command$/, '');
      sent.push({ name, input: command.input });
      return { $metadata: { httpStatusCode: 200, attempts: 1 }, ...script(name, command.input) };
    },
  };
  return { client, sent };
}

const clients = (family: keyof Shim.FamilyClients, client: object) =>
  ({ clients: { [family]: client } }) as { clients: Shim.FamilyClients };

describe('Translations, Messaging: UpdateChannelMessage without Content, at its edges', () => {
  it('the read names the same sub-channel as the update, and only when the update names one', async () => {
    const messaging = scripted((name) =>
      name === 'GetChannelMessage'
        ? { ChannelMessage: { Content: 'kept' } }
        : { ChannelArn, MessageId: 'm-1' },
    );
    const update = { ChannelArn, MessageId: 'm-1', Metadata: 'v2', ChimeBearer };
    await Shim.updateChannelMessage(
      { ...update, SubChannelId: 'sub-1' },
      clients('messaging', messaging.client),
    );
    await Shim.updateChannelMessage(update, clients('messaging', messaging.client));
    expect(messaging.sent.map(({ name, input }) => [name, input])).toEqual([
      ['GetChannelMessage', { ChannelArn, MessageId: 'm-1', ChimeBearer, SubChannelId: 'sub-1' }],
      ['UpdateChannelMessage', { ...update, SubChannelId: 'sub-1', Content: 'kept' }],
      ['GetChannelMessage', { ChannelArn, MessageId: 'm-1', ChimeBearer }],
      ['UpdateChannelMessage', { ...update, Content: 'kept' }],
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['empty content', { ChannelMessage: { Content: '' } }],
    ['no content', { ChannelMessage: { Redacted: true } }],
    ['no message', {}],
  ])('a read answering %s: a BadRequestException saying so, and no write', async (_case, answer) => {
    const messaging = scripted(() => answer);
    const error = await rejection(
      Shim.updateChannelMessage(
        { ChannelArn, MessageId: 'm-1', ChimeBearer },
        clients('messaging', messaging.client),
      ),
    );
    expect(error).toBeInstanceOf(Shim.BadRequestException);
    expect(error.message).toBe(
      'UpdateChannelMessage without Content keeps the message content, but this message has none ' +
        '(it was redacted) and Chime SDK Messaging requires Content; nothing was updated. Give Content.',
    );
    expect(messaging.sent.map(({ name }) => name)).toEqual(['GetChannelMessage']);
  });
});

describe('Translations, Meetings: a GetMeeting answer without MeetingArn leaves nothing to tag', () => {
  it.each<[string, () => Promise<unknown>, string]>([
    [
      'TagMeeting',
      () => Shim.tagMeeting({ MeetingId, Tags: [{ Key: 'k', Value: 'v' }] }, options()),
      'changed',
    ],
    ['UntagMeeting', () => Shim.untagMeeting({ MeetingId, TagKeys: ['k'] }, options()), 'changed'],
    ['ListMeetingTags', () => Shim.listMeetingTags({ MeetingId }, options()), 'read'],
  ])(
    '%s: a ServiceFailureException saying nothing was %s, and only the read sent',
    async (operation, call, what) => {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(Shim.ServiceFailureException);
      expect(error.message).toBe(
        `${operation}: Chime SDK Meetings answered GetMeeting without a MeetingArn, ` +
          `so the meeting's tags could not be reached; nothing was ${what}.`,
      );
      expect(meetings.sent.map(({ name }) => name)).toEqual(['GetMeeting']);
    },
  );

  let meetings = scripted(() => ({}));
  function options() {
    meetings = scripted(() => ({ Meeting: { MeetingId, MeetingArn: '' } }));
    return clients('meetings', meetings.client);
  }
});

describe('Translations: TagResource on an ARN no Chime SDK namespace owns is refused before any I/O', () => {
  it.each([
    ['a resource type of no namespace', 'arn:aws:chime:us-east-1:111122223333:phone-number/15550100'],
    ['an ARN without a resource part', 'arn:aws:chime:us-east-1:111122223333'],
  ])('%s (%s)', async (_case, ResourceARN) => {
    const sent: string[] = [];
    const record = {
      async send(command: object) {
        sent.push(command.constructor.name);
        return { $metadata: {} };
      },
    };
    const every = {
      identity: record,
      messaging: record,
      meetings: record,
      voice: record,
      mediaPipelines: record,
    };
    const error = await rejection(
      Shim.tagResource(
        { ResourceARN, Tags: [{ Key: 'k', Value: 'v' }] },
        { clients: every as Shim.FamilyClients },
      ),
    );
    expect(error).toBeInstanceOf(Shim.BadRequestException);
    expect(error.message).toBe(
      "1 validation error detected: Value at 'resourceARN' failed to satisfy constraint: Member must name a resource of a Chime SDK namespace",
    );
    expect(sent).toEqual([]);
  });
});

describe('Translations: ListMediaCapturePipelines completion, at its edges', () => {
  const id = (n: number) => `${MeetingId.slice(0, -2)}${String(n).padStart(2, '0')}`;

  it('a summary without an id is kept as it came, without a read', async () => {
    const pipelines = scripted((name, input) =>
      name === 'ListMediaCapturePipelines'
        ? { MediaCapturePipelines: [{ MediaPipelineArn: 'arn:no-id' }, { MediaPipelineId: id(1) }] }
        : { MediaCapturePipeline: { MediaPipelineId: input.MediaPipelineId, Status: 'InProgress' } },
    );
    const output = await Shim.listMediaCapturePipelines({}, clients('mediaPipelines', pipelines.client));
    expect(output.MediaCapturePipelines).toEqual([{}, { MediaPipelineId: id(1), Status: 'InProgress' }]);
    expect(pipelines.sent.map(({ name }) => name)).toEqual([
      'ListMediaCapturePipelines',
      'GetMediaCapturePipeline',
    ]);
  });

  it(`a failed read stops the page: reads not yet started are not started (at most ${COMPLETION_CONCURRENCY} were)`, async () => {
    const throttled = Object.assign(new Error('slow down'), {
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 429 },
    });
    const pipelines = scripted((name, input) => {
      if (name === 'ListMediaCapturePipelines') {
        return { MediaCapturePipelines: Array.from({ length: 12 }, (_, n) => ({ MediaPipelineId: id(n) })) };
      }
      if (input.MediaPipelineId === id(0)) throw throttled;
      return { MediaCapturePipeline: { MediaPipelineId: input.MediaPipelineId } };
    });
    const error = await rejection(
      Shim.listMediaCapturePipelines({}, clients('mediaPipelines', pipelines.client)),
    );
    expect(error).toBeInstanceOf(Shim.ThrottledClientException);
    expect(pipelines.sent.filter(({ name }) => name === 'GetMediaCapturePipeline')).toHaveLength(
      COMPLETION_CONCURRENCY,
    );
  });
});
