/**
 * Races: many concurrent creates of one user. With one ClientRequestToken they are one logical
 * call (one user, one ARN for everyone); with different tokens they are different calls (one
 * wins, every other one gets the caller's legacy ConflictException).
 */
import { describe, expect, it } from 'vitest';
import {
  Chime,
  ChimeClient,
  ConflictException,
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserCommandOutput,
  type CreateAppInstanceUserRequest,
  createAppInstanceUser,
} from '../../src/index.js';
import { EMULATOR_CREDENTIALS, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();
const CONCURRENCY = 64;

function config() {
  return {
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
  };
}

interface Sender {
  send(input: CreateAppInstanceUserRequest): Promise<CreateAppInstanceUserCommandOutput>;
  close(): void;
}

/**
 * The ways a service fires concurrent creates: one shared client, one client per worker (each
 * with its own identity client), the aggregated client, and the function.
 */
const senders: Array<[string, () => Sender]> = [
  [
    'one shared ChimeClient',
    () => {
      const client = new ChimeClient(config());
      return {
        send: (input) => client.send(new CreateAppInstanceUserCommand(input)),
        close: () => client.destroy(),
      };
    },
  ],
  [
    'a ChimeClient per caller',
    () => {
      const clients: ChimeClient[] = [];
      return {
        send: (input) => {
          const client = new ChimeClient(config());
          clients.push(client);
          return client.send(new CreateAppInstanceUserCommand(input));
        },
        close: () => {
          for (const client of clients) client.destroy();
        },
      };
    },
  ],
  [
    'one shared Chime (aggregated)',
    () => {
      const chime = new Chime(config());
      return { send: (input) => chime.createAppInstanceUser(input), close: () => chime.destroy() };
    },
  ],
  [
    'createAppInstanceUser(input, options)',
    () => {
      const options = { identityConfig: config() };
      return { send: (input) => createAppInstanceUser(input, options), close: () => undefined };
    },
  ],
];

async function settleAll(promises: Promise<CreateAppInstanceUserCommandOutput>[]) {
  const results = await Promise.allSettled(promises);
  return {
    arns: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.AppInstanceUserArn] : [])),
    errors: results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
  };
}

describe(`Races: ${CONCURRENCY} concurrent creates of one user id with one token -> one user, all responses the same ARN`, () => {
  it.each(senders)('%s', async (_name, make) => {
    const sender = make();
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
    const input = {
      AppInstanceArn,
      AppInstanceUserId: 'racer',
      Name: 'Ada',
      ClientRequestToken: 'one-token',
    };

    const { arns, errors } = await settleAll(Array.from({ length: CONCURRENCY }, () => sender.send(input)));

    expect(errors).toEqual([]);
    expect(arns).toHaveLength(CONCURRENCY);
    expect(new Set(arns)).toEqual(new Set([`${AppInstanceArn}/user/racer`]));
    expect(emulator.current.users(AppInstanceArn)).toHaveLength(1);
    // Every one of them really reached the service: one creation, the rest replays.
    expect(emulator.current.requests().filter((r) => r.status === 201)).toHaveLength(CONCURRENCY);
    sender.close();
  });
});

describe(`Races: ${CONCURRENCY} concurrent creates of one user id with ${CONCURRENCY} different tokens -> exactly one success and ${CONCURRENCY - 1} legacy ConflictException`, () => {
  it.each(senders)('%s', async (_name, make) => {
    const sender = make();
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });

    const { arns, errors } = await settleAll(
      Array.from({ length: CONCURRENCY }, (_, i) =>
        sender.send({
          AppInstanceArn,
          AppInstanceUserId: 'racer',
          Name: 'Ada',
          ClientRequestToken: `token-${i}`,
        }),
      ),
    );

    expect(arns).toEqual([`${AppInstanceArn}/user/racer`]);
    expect(errors).toHaveLength(CONCURRENCY - 1);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ConflictException);
      expect(error).toMatchObject({
        name: 'ConflictException',
        $fault: 'client',
        $metadata: { httpStatusCode: 409 },
      });
    }
    expect(emulator.current.users(AppInstanceArn)).toHaveLength(1);
    sender.close();
  });
});
