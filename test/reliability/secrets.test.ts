/**
 * Secrets: canaries in Name, Metadata, tag keys and values, ClientRequestToken and the
 * credentials never appear in events, in the shim's own error messages, nor in anything the SDK
 * logs through an inherited logger (every method, every level), on the success, retry, service
 * error, network error and validation error paths. The 3.699 client: test/sdk-3.699/secrets.test.ts.
 */
import { ChimeClient as PlainChimeClient } from '@aws-sdk/client-chime';
import { describe, expect, it } from 'vitest';
import {
  ChimeClient,
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserRequest,
  chimeIdentityMigration,
  createAppInstanceUser,
} from '../../src/index.js';
import { namespaceClients } from '../../src/namespaces.js';
import {
  CANARIES,
  CANARY_CREDENTIALS,
  type Caller,
  type CallerOptions,
  canaryInput,
  expectPathAndNoCanaries,
  runScenario,
  SCENARIOS,
  useCanaryEmulator,
} from './secrets-scenarios.js';

const emulator = useCanaryEmulator();

function baseConfig({ credentials, logger }: CallerOptions) {
  return { region: 'us-east-1', endpoint: emulator.current.endpoint, credentials, logger, maxAttempts: 2 };
}

const surfaces: Array<[string, (options: CallerOptions) => Caller]> = [
  [
    'drop-in ChimeClient',
    (options) => {
      const client = new ChimeClient({ ...baseConfig(options), migration: { onEvent: options.onEvent } });
      return {
        call: (input) =>
          client.send(new CreateAppInstanceUserCommand(input as unknown as CreateAppInstanceUserRequest)),
        logsEachCall: true,
        close: () => client.destroy(),
      };
    },
  ],
  [
    'plugin on a plain current @aws-sdk/client-chime ChimeClient',
    (options) => {
      const client = new PlainChimeClient(baseConfig(options));
      client.middlewareStack.use(chimeIdentityMigration({ onEvent: options.onEvent }));
      return {
        call: (input) =>
          client.send(new CreateAppInstanceUserCommand(input as unknown as CreateAppInstanceUserRequest)),
        logsEachCall: true,
        close: () => client.destroy(),
      };
    },
  ],
  [
    'createAppInstanceUser(input, { identityConfig: { logger, credentials } })',
    (options) => {
      const identityConfig = baseConfig(options);
      return {
        call: (input) =>
          createAppInstanceUser(input as unknown as CreateAppInstanceUserRequest, {
            identityConfig,
            onEvent: options.onEvent,
          }),
        logsEachCall: false,
        close: () => namespaceClients(identityConfig, () => ({})).destroy(),
      };
    },
  ],
];

describe('onEvent and logs: never Name, Metadata, tag keys or values, tokens or credentials', () => {
  describe.each(surfaces)('%s', (_surface, make) => {
    it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
      '%s',
      async (_name, scenario) => {
        const run = await runScenario(emulator.current, make, scenario);
        expectPathAndNoCanaries(run, scenario);
        if (run.caller.logsEachCall) expect(run.logger.calls.length).toBeGreaterThan(0);
      },
    );
  });
});

describe('The canaries are really there: the same inputs reach the service unredacted', () => {
  it('the emulator stored the Name, Metadata and tags given', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    const client = new ChimeClient({
      region: 'us-east-1',
      endpoint: emulator.current.endpoint,
      credentials: CANARY_CREDENTIALS,
      maxAttempts: 1,
    });
    await client.send(
      new CreateAppInstanceUserCommand(
        canaryInput(AppInstanceArn) as unknown as CreateAppInstanceUserRequest,
      ),
    );
    expect(emulator.current.users(AppInstanceArn)).toEqual([
      expect.objectContaining({
        Name: CANARIES.name,
        Metadata: CANARIES.metadata,
        Tags: [{ Key: CANARIES.tagKey, Value: CANARIES.tagValue }],
      }),
    ]);
    client.destroy();
  });
});
