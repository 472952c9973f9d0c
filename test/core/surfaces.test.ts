import { describe, expect, it } from 'vitest';
import {
  Chime,
  ChimeClient,
  ConflictException,
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserCommandOutput,
  create_app_instance_user,
  createAppInstanceUser,
  ListAccountsCommand,
} from '../../src/index.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

function clientConfig(extra: object = {}) {
  return {
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
    ...extra,
  };
}

/** Each surface as a function of the input, so one table proves they behave the same. */
const surfaces: Array<[string, (input: any) => Promise<CreateAppInstanceUserCommandOutput>]> = [
  [
    'ChimeClient.send(new CreateAppInstanceUserCommand)',
    (input) => new ChimeClient(clientConfig()).send(new CreateAppInstanceUserCommand(input)),
  ],
  [
    'Chime#createAppInstanceUser (promise)',
    (input) => new Chime(clientConfig()).createAppInstanceUser(input),
  ],
  [
    'Chime#createAppInstanceUser (callback)',
    (input) =>
      new Promise((resolve, reject) => {
        new Chime(clientConfig()).createAppInstanceUser(
          input,
          (err: unknown, data?: CreateAppInstanceUserCommandOutput) => (err ? reject(err) : resolve(data!)),
        );
      }),
  ],
  [
    'Chime#createAppInstanceUser (options + callback)',
    (input) =>
      new Promise((resolve, reject) => {
        new Chime(clientConfig()).createAppInstanceUser(input, { requestTimeout: 5_000 }, (err, data) =>
          err ? reject(err) : resolve(data!),
        );
      }),
  ],
  [
    'createAppInstanceUser(input, options)',
    (input) => createAppInstanceUser(input, { identityConfig: clientConfig() }),
  ],
  [
    'create_app_instance_user(input, options)',
    (input) => create_app_instance_user(input, { identityConfig: clientConfig() }),
  ],
];

describe('Surfaces: all of them work and behave the same', () => {
  it.each(surfaces)(
    '%s creates the user in Chime SDK Identity and returns the legacy response',
    async (_name, call) => {
      const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });

      const output = await call({ AppInstanceArn, AppInstanceUserId: 'user-1', Name: 'Ada' });

      expect(output.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/user-1`);
      expect(output.$metadata).toMatchObject({ httpStatusCode: 201, attempts: 1 });
      expect(emulator.current.users(AppInstanceArn)).toEqual([
        expect.objectContaining({ AppInstanceUserId: 'user-1', Name: 'Ada', Region: 'eu-central-1' }),
      ]);
      // Served in the ARN's region, signed for it.
      expect(emulator.current.requests().at(-1)).toMatchObject({
        operation: 'CreateAppInstanceUser',
        region: 'eu-central-1',
      });
    },
  );

  it.each(surfaces)('%s raises the legacy ConflictException for a duplicate', async (_name, call) => {
    const AppInstanceArn = emulator.current.createAppInstance();
    await call({ AppInstanceArn, AppInstanceUserId: 'user-1', Name: 'Ada' });

    const error = await call({ AppInstanceArn, AppInstanceUserId: 'user-1', Name: 'Ada' }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ConflictException);
    expect(error).toMatchObject({
      name: 'ConflictException',
      $fault: 'client',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('the aggregated client keeps every other legacy method', () => {
    const chime = new Chime(clientConfig());
    expect(typeof chime.listAccounts).toBe('function');
    expect(typeof chime.createAccount).toBe('function');
    chime.destroy();
  });

  it('a misused aggregated call rejects as the SDK does', async () => {
    const chime = new Chime(clientConfig());
    const misuse = (chime.createAppInstanceUser as any)({}, 'not options', () => undefined);
    await expect(misuse).rejects.toThrow('Expected http options but got string');
  });
});

describe('Surfaces 1: every other Chime command goes to @aws-sdk/client-chime, untouched', () => {
  it('ListAccounts is sent by the legacy client to the legacy API, not rerouted', async () => {
    const requestHandler = new RecordingHandler();
    const client = new ChimeClient(clientConfig({ requestHandler }));

    // The emulator does not serve the legacy account API; what matters is where the request went.
    await client.send(new ListAccountsCommand({})).catch(() => undefined);

    expect(requestHandler.sent).toHaveLength(1);
    expect(requestHandler.sent[0]).toMatchObject({ path: '/accounts', signingRegion: 'us-east-1' });
    expect(requestHandler.sent[0]!.headers['user-agent']).toContain('api/chime#');
    client.destroy();
  });
});

describe('Surfaces 1: the shim command sent through a plain @aws-sdk/client-chime ChimeClient', () => {
  it('brings the migration plugin itself', async () => {
    const { ChimeClient: PlainChimeClient } = await import('@aws-sdk/client-chime');
    const AppInstanceArn = emulator.current.createAppInstance();
    const plain = new PlainChimeClient(clientConfig());

    const output = await plain.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u-plain', Name: 'Ada' }),
    );

    expect(output.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/u-plain`);
    plain.destroy();
  });
});

describe('Surfaces 1: middleware the caller adds to the drop-in client still sees CreateAppInstanceUser', () => {
  it('an initialize-step middleware added after construction runs for the command, and the call is served the same', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    const client = new ChimeClient(clientConfig());
    const seen: string[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        seen.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'callersOwnMiddleware' },
    );

    const output = await client.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u-mw', Name: 'Ada' }),
    );

    expect(seen).toEqual(['CreateAppInstanceUserCommand']);
    expect(output.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/u-mw`);
    client.destroy();
  });
});
