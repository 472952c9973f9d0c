// The ways to make one CreateAppInstanceUser call that the benchmarks compare, all from the BUILT
// package (what users get), all with the same config: the emulator's credentials and endpoint,
// the same region and `maxAttempts`. Each call gets a unique, valid user id, and its answer is
// checked (the ARN of that user), the same way on every side.
//
//   direct   ChimeSDKIdentityClient.send(new CreateAppInstanceUserCommand)   the baseline
//   dropIn   ChimeClient.send(new CreateAppInstanceUserCommand)               dist/index.mjs
//   function createAppInstanceUser(input, { identityConfig })                 dist/function.mjs
//   plugin   3.699 ChimeClient (`legacy-chime`) + chimeIdentityMigration()    dist/index.mjs

import { userIdFactory } from './stats.mjs';

export const VARIANTS = ['direct', 'dropIn', 'function', 'plugin'];
export const REGION = 'us-east-1';
/** The SDK default; no fault is injected, so no call should ever need a second attempt. */
export const MAX_ATTEMPTS = 3;

/**
 * Builds the callers. `call()` makes one call with a fresh user id and resolves to the output;
 * `close()` releases the sockets. `retries()` counts the calls that needed more than one attempt.
 * @param {string[]} names
 * @param {{ endpoint: string, appInstanceArn: string }} target
 */
export async function buildVariants(names, { endpoint, appInstanceArn }) {
  const { EMULATOR_CREDENTIALS } = await import('../dist/emulator.mjs');
  // A copy per client: the SDK writes `$source` onto the credentials object it is given.
  const config = () => ({
    region: REGION,
    endpoint,
    credentials: { ...EMULATOR_CREDENTIALS },
    maxAttempts: MAX_ATTEMPTS,
  });
  const built = {};
  for (const name of names) {
    if (name !== 'direct') await checkIdentityRoute(name, config, appInstanceArn);
    built[name] = await FACTORIES[name](config);
  }
  let retried = 0;
  const wrap = (name, send) => {
    const nextId = userIdFactory(name);
    return async () => {
      const AppInstanceUserId = nextId();
      const output = await send({ AppInstanceArn: appInstanceArn, AppInstanceUserId, Name: 'Bench User' });
      if (!output.AppInstanceUserArn?.endsWith(`/user/${AppInstanceUserId}`)) {
        throw new Error(`${name}: unexpected answer ${JSON.stringify(output)}`);
      }
      if ((output.$metadata?.attempts ?? 1) > 1) retried++;
      return output;
    };
  };
  return {
    calls: Object.fromEntries(names.map((name) => [name, wrap(name, built[name].send)])),
    retries: () => retried,
    close() {
      for (const name of names) built[name].close();
    },
  };
}

/**
 * The emulator accepts the legacy client's own requests too, so a right answer does not prove the
 * route. One call through a twin of the variant, built the same way plus an `onEvent` listener,
 * proves that this configuration takes the identity route (the measured clients carry no
 * listener: it would cost the shim side something the direct side does not pay).
 */
async function checkIdentityRoute(name, config, appInstanceArn) {
  const events = [];
  const twin = await FACTORIES[name](config, { onEvent: (event) => events.push(event) });
  try {
    await twin.send({
      AppInstanceArn: appInstanceArn,
      AppInstanceUserId: `route.check.${name}.${process.pid}`,
      Name: 'Route Check',
    });
  } finally {
    twin.close();
  }
  const [event] = events;
  if (events.length !== 1 || event.route !== 'identity' || event.outcome !== 'success') {
    throw new Error(
      `${name}: expected one successful call on the identity route, got ${JSON.stringify(events)}`,
    );
  }
}

const FACTORIES = {
  async direct(config) {
    const { ChimeSDKIdentityClient, CreateAppInstanceUserCommand } = await import(
      '@aws-sdk/client-chime-sdk-identity'
    );
    const client = new ChimeSDKIdentityClient(config());
    return {
      send: (input) => client.send(new CreateAppInstanceUserCommand(input)),
      close: () => client.destroy(),
    };
  },

  async dropIn(config, migration) {
    const { ChimeClient, CreateAppInstanceUserCommand } = await import('../dist/index.mjs');
    const client = new ChimeClient({ ...config(), ...(migration && { migration }) });
    return {
      send: (input) => client.send(new CreateAppInstanceUserCommand(input)),
      close: () => client.destroy(),
    };
  },

  async function(config, shimOptions) {
    const { createAppInstanceUser } = await import('../dist/function.mjs');
    // One options object for every call: the function checks it once and keeps its identity
    // clients per options object, as a user holding their options in a constant would.
    const options = { identityConfig: config(), ...shimOptions };
    return { send: (input) => createAppInstanceUser(input, options), close: () => {} };
  },

  async plugin(config, shimOptions) {
    const { ChimeClient, CreateAppInstanceUserCommand } = await import('legacy-chime');
    const { chimeIdentityMigration } = await import('../dist/index.mjs');
    // The legacy client prepends `identity-` to a custom endpoint's host unless told not to.
    const client = new ChimeClient({ ...config(), disableHostPrefix: true });
    client.middlewareStack.use(chimeIdentityMigration(shimOptions));
    return {
      send: (input) => client.send(new CreateAppInstanceUserCommand(input)),
      close: () => client.destroy(),
    };
  },
};
