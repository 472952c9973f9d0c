/**
 * Secrets on a service pinned to @aws-sdk/client-chime 3.699.0 (in this vitest project the
 * shim's own imports of the peer resolve there too): canaries in Name, Metadata, tag keys and
 * values, ClientRequestToken and the credentials never appear in events, in the errors the caller
 * gets, nor in anything the pinned SDK logs through the client's logger, on every call path.
 * The scenarios are shared with test/reliability/secrets.test.ts.
 */
// Type-wise the alias is invisible to tsc, so the test names the package by its alias.
import * as Pinned from 'legacy-chime';
import { describe, expect, it } from 'vitest';
import * as Shim from '../../src/index.js';
import { namespaceClients } from '../../src/namespaces.js';
import {
  CANARY_CREDENTIALS,
  type Caller,
  type CallerOptions,
  canaryInput,
  expectPathAndNoCanaries,
  runScenario,
  SCENARIOS,
  useCanaryEmulator,
} from '../reliability/secrets-scenarios.js';
import { capturingLogger } from '../reliability/support.js';

const emulator = useCanaryEmulator();

function pinnedConfig({ credentials, logger }: CallerOptions) {
  return {
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials,
    logger,
    maxAttempts: 2,
    // The legacy client prepends `identity-` to a custom endpoint's host unless told not to.
    disableHostPrefix: true,
  };
}

function pluginCaller(route: 'identity' | 'legacy') {
  return (options: CallerOptions): Caller => {
    const client = new Pinned.ChimeClient(pinnedConfig(options));
    client.middlewareStack.use(Shim.chimeIdentityMigration({ route, onEvent: options.onEvent }));
    return {
      call: (input) => client.send(new Pinned.CreateAppInstanceUserCommand(input as never)),
      close: () => client.destroy(),
    };
  };
}

const surfaces: Array<[string, (options: CallerOptions) => Caller]> = [
  ['plugin on the pinned 3.699 ChimeClient, identity route', pluginCaller('identity')],
  [
    'plugin on the pinned 3.699 ChimeClient, legacy route (its own untouched code path)',
    pluginCaller('legacy'),
  ],
  [
    'drop-in ChimeClient over 3.699',
    (options) => {
      const client = new Shim.ChimeClient({
        ...pinnedConfig(options),
        migration: { onEvent: options.onEvent },
      });
      return {
        call: (input) => client.send(new Shim.CreateAppInstanceUserCommand(input as never)),
        close: () => client.destroy(),
      };
    },
  ],
  [
    'createAppInstanceUser(input, { identityConfig: { logger, credentials } }) over 3.699',
    (options) => {
      const identityConfig = { ...pinnedConfig(options) };
      return {
        call: (input) =>
          Shim.createAppInstanceUser(input as never, { identityConfig, onEvent: options.onEvent }),
        close: () => namespaceClients(identityConfig, () => ({})).destroy(),
      };
    },
  ],
];

describe('onEvent and logs on @aws-sdk/client-chime 3.699.0: never Name, Metadata, tag keys or values, tokens or credentials', () => {
  describe.each(surfaces)('%s', (_surface, make) => {
    it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
      '%s',
      async (_name, scenario) => {
        const run = await runScenario(emulator.current, make, scenario);
        expectPathAndNoCanaries(run, scenario);
        if (!run.outcome.ok && scenario.outcome !== 'TimeoutError') {
          // The caller's own 3.699 classes.
          expect(run.outcome.error).toBeInstanceOf(Pinned.ChimeServiceException);
        }
      },
    );
  });
});

describe('The 3.699 logger is really listening: each call through a pinned client is logged once, redacted', () => {
  it('the success path logs the call at info, with the legacy redaction', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    const logger = capturingLogger();
    const caller = pluginCaller('identity')({
      credentials: CANARY_CREDENTIALS,
      logger,
      onEvent: () => undefined,
    });
    await caller.call(canaryInput(AppInstanceArn));
    caller.close();
    const infos = logger.calls.filter(([level]) => level === 'info');
    expect(infos).toEqual([
      [
        'info',
        expect.objectContaining({
          commandName: 'CreateAppInstanceUserCommand',
          input: expect.objectContaining({
            Name: '***SensitiveInformation***',
            ClientRequestToken: '***SensitiveInformation***',
          }),
        }),
      ],
    ]);
  });
});
