// The shim's own CPU per call, with the network taken out: each surface is given an injected
// identity client whose `send` answers at once, and the same stub is also called directly. The
// difference is what the shim adds to every real call (validation, routing, the command, the
// error and event plumbing), measured over many calls, so it holds still on a busy machine
// where the end-to-end ratios of bench/calls.mjs move by +-10%.
//
//   node bench/overhead.mjs [--calls 20000] [--rounds 7]

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { interleaved, roundAll, summarize, userIdFactory } from './stats.mjs';

const ARN = 'arn:aws:chime:us-east-1:111122223333:app-instance/00000000-0000-4000-8000-000000000000';
const credentials = { accessKeyId: 'AKIAEMULATOREXAMPLE0', secretAccessKey: 'unused' };

/** A stand-in for ChimeSDKIdentityClient: what the shim sends is answered at once. */
const stub = {
  async send(command) {
    return {
      AppInstanceUserArn: `${command.input.AppInstanceArn}/user/${command.input.AppInstanceUserId}`,
      $metadata: { httpStatusCode: 201, attempts: 1 },
    };
  },
};

async function surfaces() {
  const shim = await import('../dist/index.mjs');
  const { createAppInstanceUser } = await import('../dist/function.mjs');
  const Legacy = await import('legacy-chime');
  const { CreateAppInstanceUserCommand: IdentityCommand } = await import(
    '@aws-sdk/client-chime-sdk-identity'
  );
  const migration = { identityClient: stub };
  const dropIn = new shim.ChimeClient({ region: 'us-east-1', credentials, migration });
  const plugin = new Legacy.ChimeClient({ region: 'us-east-1', credentials });
  plugin.middlewareStack.use(shim.chimeIdentityMigration(migration));
  const functionOptions = migration;
  return {
    // The floor: building the identity command and calling the client, which every surface does too.
    stub: (input) => stub.send(new IdentityCommand(input)),
    dropIn: (input) => dropIn.send(new shim.CreateAppInstanceUserCommand(input)),
    function: (input) => createAppInstanceUser(input, functionOptions),
    plugin: (input) => plugin.send(new Legacy.CreateAppInstanceUserCommand(input)),
  };
}

/** Microseconds of CPU per call for each surface, minus the stub's own cost. */
export async function runOverheadBench({ calls = 20_000, rounds = 7 } = {}) {
  const paths = await surfaces();
  const nextId = userIdFactory('ovh');
  const samples = Object.fromEntries(Object.keys(paths).map((name) => [name, []]));
  const measure = async (name) => {
    const send = paths[name];
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++)
      await send({ AppInstanceArn: ARN, AppInstanceUserId: nextId(), Name: 'Ada' });
    const used = process.cpuUsage(start);
    samples[name].push((used.user + used.system) / calls);
  };
  for (const name of Object.keys(paths)) await measure(name); // warm-up round, discarded
  for (const name of Object.keys(paths)) samples[name].length = 0;
  await interleaved(Object.keys(paths), rounds, measure);
  const floor = summarize(samples.stub).median;
  const added = {};
  for (const name of ['dropIn', 'function', 'plugin']) {
    added[name] = roundAll({ ...summarize(samples[name].map((us) => us - floor)) }, 2);
  }
  return { stubMicros: Math.round(floor * 100) / 100, addedMicros: added, calls, rounds };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { calls: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '7' } },
  });
  console.log(
    JSON.stringify(
      await runOverheadBench({ calls: Number(values.calls), rounds: Number(values.rounds) }),
      null,
      2,
    ),
  );
}
