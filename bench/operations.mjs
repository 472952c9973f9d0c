// Figure 1b: the shim's own CPU per call for operations of every family, with the network taken
// out (as bench/overhead.mjs does for CreateAppInstanceUser): each surface is given an injected
// client of the operation's family whose `send` answers at once, and the same stub is also called
// directly with the native command. The difference is what the shim adds for that operation. The
// goal: every operation adds about what CreateAppInstanceUser adds (the table lookup is O(1): a
// row is an object the command or function holds, and the plugin's name lookup is one Map access).
//
//   npm run build && node bench/operations.mjs [--calls 20000] [--rounds 5]

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { interleaved, roundAll, summarize } from './stats.mjs';

const ARN = 'arn:aws:chime:us-east-1:111122223333:app-instance/00000000-0000-4000-8000-000000000000';
const USER_ARN = `${ARN}/user/user-1`;
const CHANNEL_ARN = `${ARN}/channel/00000000-0000-4000-8000-000000000001`;
const MEETING_ID = '00000000-0000-4000-8000-000000000002';

const PACKAGES = {
  identity: '@aws-sdk/client-chime-sdk-identity',
  messaging: '@aws-sdk/client-chime-sdk-messaging',
  meetings: '@aws-sdk/client-chime-sdk-meetings',
  voice: '@aws-sdk/client-chime-sdk-voice',
  mediaPipelines: '@aws-sdk/client-chime-sdk-media-pipelines',
};
const credentials = { accessKeyId: 'AKIAEMULATOREXAMPLE0', secretAccessKey: 'unused' };

/** Each operation with a valid input and what the stub answers (the shape the namespace would). */
export const OPERATIONS = {
  CreateAppInstanceUser: {
    input: () => ({ AppInstanceArn: ARN, AppInstanceUserId: 'user-1', Name: 'Ada' }),
    answer: { AppInstanceUserArn: USER_ARN },
  },
  CreateAppInstance: {
    input: () => ({ Name: 'app', Metadata: 'm', Tags: [{ Key: 'k', Value: 'v' }] }),
    answer: { AppInstanceArn: ARN },
  },
  DescribeAppInstanceUser: {
    input: () => ({ AppInstanceUserArn: USER_ARN }),
    answer: {
      AppInstanceUser: {
        AppInstanceUserArn: USER_ARN,
        Name: 'Ada',
        Metadata: 'm',
        CreatedTimestamp: new Date(0),
        LastUpdatedTimestamp: new Date(0),
        ExpirationSettings: { ExpirationDays: 1, ExpirationCriterion: 'CREATED_TIMESTAMP' },
      },
    },
  },
  UpdateAppInstanceUser: {
    input: () => ({ AppInstanceUserArn: USER_ARN, Name: 'Ada', Metadata: 'm' }),
    answer: { AppInstanceUserArn: USER_ARN },
  },
  ListAppInstanceUsers: {
    input: () => ({ AppInstanceArn: ARN, MaxResults: 10 }),
    answer: {
      AppInstanceArn: ARN,
      AppInstanceUsers: Array.from({ length: 10 }, (_, i) => ({
        AppInstanceUserArn: `${ARN}/user/u${i}`,
        Name: 'n',
      })),
      NextToken: 'next',
    },
  },
  TagResource: {
    input: () => ({ ResourceARN: USER_ARN, Tags: [{ Key: 'k', Value: 'v' }] }),
    answer: {},
  },
  SendChannelMessage: {
    family: 'messaging',
    input: () => ({
      ChannelArn: CHANNEL_ARN,
      Content: 'hello',
      Type: 'STANDARD',
      Persistence: 'PERSISTENT',
      ChimeBearer: USER_ARN,
    }),
    answer: { ChannelArn: CHANNEL_ARN, MessageId: 'm1', Status: { Value: 'SENT' } },
  },
  CreateAttendee: {
    family: 'meetings',
    input: () => ({ MeetingId: MEETING_ID, ExternalUserId: 'user-1' }),
    answer: { Attendee: { AttendeeId: 'a1', ExternalUserId: 'user-1', JoinToken: 'token' } },
  },
  GetVoiceConnector: {
    family: 'voice',
    input: () => ({ VoiceConnectorId: 'abcdefghijklmnopqrstuv' }),
    answer: {
      VoiceConnector: { VoiceConnectorId: 'abcdefghijklmnopqrstuv', Name: 'vc', RequireEncryption: true },
    },
  },
  GetMediaCapturePipeline: {
    family: 'mediaPipelines',
    input: () => ({ MediaPipelineId: MEETING_ID }),
    answer: { MediaCapturePipeline: { MediaPipelineId: MEETING_ID, Status: 'InProgress' } },
  },
};

async function surfaces(operation) {
  const shim = await import('../dist/index.mjs');
  const functions = await import('../dist/function.mjs');
  const { answer, family = 'identity' } = OPERATIONS[operation];
  const native = await import(PACKAGES[family]);
  const stub = { send: async () => ({ ...answer, $metadata: { httpStatusCode: 200, attempts: 1 } }) };
  const migration = { clients: { [family]: stub } };
  const dropIn = new shim.ChimeClient({ region: 'us-east-1', credentials, migration });
  const NativeCommand = native[`${operation}Command`];
  const ShimCommand = shim[`${operation}Command`];
  const fn = functions[operation.charAt(0).toLowerCase() + operation.slice(1)];
  return {
    // The floor: building the native command and calling the client, which every surface does too.
    stub: (input) => stub.send(new NativeCommand(input)),
    dropIn: (input) => dropIn.send(new ShimCommand(input)),
    function: (input) => fn(input, migration),
  };
}

/** Microseconds of CPU the shim adds per call, per operation and surface (median of rounds). */
export async function runOperationsBench({ calls = 20_000, rounds = 5 } = {}) {
  const result = { calls, rounds, addedMicros: {} };
  for (const operation of Object.keys(OPERATIONS)) {
    const paths = await surfaces(operation);
    const { input } = OPERATIONS[operation];
    const samples = Object.fromEntries(Object.keys(paths).map((name) => [name, []]));
    const measure = async (name) => {
      const send = paths[name];
      const start = process.cpuUsage();
      for (let i = 0; i < calls; i++) await send(input());
      const used = process.cpuUsage(start);
      samples[name].push((used.user + used.system) / calls);
    };
    for (const name of Object.keys(paths)) await measure(name); // warm-up round, discarded
    for (const name of Object.keys(paths)) samples[name].length = 0;
    await interleaved(Object.keys(paths), rounds, measure);
    const floor = summarize(samples.stub).median;
    result.addedMicros[operation] = {
      dropIn: roundAll(summarize(samples.dropIn.map((us) => us - floor)), 2).median,
      function: roundAll(summarize(samples.function.map((us) => us - floor)), 2).median,
    };
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { calls: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '5' } },
  });
  console.log(
    JSON.stringify(
      await runOperationsBench({ calls: Number(values.calls), rounds: Number(values.rounds) }),
      null,
      2,
    ),
  );
}
