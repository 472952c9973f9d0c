/**
 * Secrets: canaries in Name, Metadata, tag keys and values, ClientRequestToken and the
 * credentials never appear in events, in the shim's own error messages, nor in anything the SDK
 * logs through an inherited logger (every method, every level), on the success, retry, service
 * error, network error and validation error paths. The 3.699 client: test/sdk-3.699/secrets.test.ts.
 */
import { ChimeClient as PlainChimeClient } from '@aws-sdk/client-chime';
import { describe, expect, it } from 'vitest';
import { identityClientPool } from '../../src/identity-clients.js';
import {
  ChimeClient,
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserRequest,
  chimeIdentityMigration,
  createAppInstanceUser,
  type ShimEvent,
} from '../../src/index.js';
import {
  CANARIES,
  CANARY_CREDENTIALS,
  canaryInput,
  leakedCanaries,
  OTHER_CANARY_CREDENTIALS,
  SCENARIOS,
  USER_ID,
  useCanaryEmulator,
} from './secrets-scenarios.js';
import { type CapturingLogger, capturingLogger } from './support.js';

const emulator = useCanaryEmulator();

interface Caller {
  call(input: Record<string, unknown>): Promise<unknown>;
  /** Whether this surface has a legacy client whose logger middleware prints each call. */
  readonly logsEachCall: boolean;
  close(): void;
}

interface CallerOptions {
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  readonly logger: CapturingLogger;
  readonly onEvent: (event: ShimEvent) => void;
}

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
        close: () => identityClientPool(identityConfig, () => ({})).destroy(),
      };
    },
  ],
];

describe('onEvent and logs: never Name, Metadata, tag keys or values, tokens or credentials', () => {
  describe.each(surfaces)('%s', (_surface, make) => {
    it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
      '%s',
      async (_name, scenario) => {
        const AppInstanceArn = emulator.current.createAppInstance();
        const logger = capturingLogger();
        const events: ShimEvent[] = [];
        const caller = make({
          credentials: scenario.otherCredentials ? OTHER_CANARY_CREDENTIALS : CANARY_CREDENTIALS,
          logger,
          onEvent: (event) => events.push(event),
        });
        if (scenario.precreate) {
          await caller.call({
            AppInstanceArn,
            AppInstanceUserId: USER_ID,
            Name: 'first',
            ClientRequestToken: 'first-token',
          });
        }
        for (const fault of scenario.faults ?? []) emulator.current.faults.inject(fault);

        const outcome = await caller.call(scenario.input(AppInstanceArn)).then(
          (output) => ({ ok: true as const, output }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        caller.close();

        // The path was the one the scenario names.
        expect(outcome.ok ? 'success' : (outcome.error as Error).name).toBe(scenario.outcome);
        expect(events.at(-1)).toMatchObject({
          outcome: scenario.outcome === 'success' ? 'success' : 'error',
        });
        if (caller.logsEachCall) expect(logger.calls.length).toBeGreaterThan(0);

        expect(leakedCanaries(events), 'in events').toEqual([]);
        expect(leakedCanaries(logger.calls), 'in what the SDK logged').toEqual([]);
        if (!outcome.ok) expect(leakedCanaries(outcome.error), 'in the error the caller got').toEqual([]);
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
