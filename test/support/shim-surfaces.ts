import { ChimeClient as PlainChimeClient } from '@aws-sdk/client-chime';
import { afterEach } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import * as Shim from '../../src/index.js';
import { setPackageLoaderForTests } from '../../src/namespaces.js';
import { EMULATOR_CREDENTIALS } from './emulator.js';
import type { Surface } from './identity-flow.js';

export { rejection } from './rejection.js';

/** The package's exports by name: the surfaces of an operation named at run time. */
export const exported = Shim as unknown as Record<string, any>;

/** `CreateChannel` -> `createChannel`: the function's and the aggregated client's name. */
export const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/** The package's command of an operation named at run time. */
export const command = (operation: string, input: object) => new exported[`${operation}Command`](input);

type ShimOptions = Parameters<typeof Shim.configureChimeIdentityShim>[0];

/**
 * The package on the file's emulator, for the family suites: the SDK config that reaches it, the
 * drop-in client, every surface as one function of (operation, input); after each test the
 * clients are destroyed and the process-wide options and the peer loader reset.
 */
export function useShimOnEmulator(emulator: { readonly current: Emulator }) {
  const destroyLater: { destroy(): void }[] = [];
  afterEach(() => {
    Shim.configureChimeIdentityShim({});
    setPackageLoaderForTests(undefined);
    for (const client of destroyLater.splice(0)) client.destroy();
  });

  /** Destroyed after the test. */
  const later = <Client extends { destroy(): void }>(client: Client): Client => {
    destroyLater.push(client);
    return client;
  };

  const clientConfig = (extra: object = {}) => ({
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
    ...extra,
  });

  const shimClient = (extra: object = {}): Shim.ChimeClient =>
    later(new Shim.ChimeClient(clientConfig(extra)));

  /** Every surface of the package, each with these shim options. */
  const surfaces = (migration: ShimOptions = {}): Array<[string, () => Surface]> => [
    [
      'ChimeClient.send(new OpCommand(input))',
      () => {
        const client = shimClient({ migration });
        return (operation, input) => client.send(command(operation, input));
      },
    ],
    [
      'Chime#op(input) (promise)',
      () => {
        const chime = later(new Shim.Chime(clientConfig({ migration })));
        return (operation, input) => (chime as any)[camel(operation)](input);
      },
    ],
    [
      'Chime#op(input, callback)',
      () => {
        const chime = later(new Shim.Chime(clientConfig({ migration })));
        return (operation, input) =>
          new Promise((resolve, reject) =>
            (chime as any)[camel(operation)](input, (error: unknown, data: any) =>
              error ? reject(error) : resolve(data),
            ),
          );
      },
    ],
    [
      'op(input, options) (the function)',
      () => (operation, input) =>
        exported[camel(operation)](input, { identityConfig: clientConfig(), ...migration }),
    ],
    [
      'a plain @aws-sdk/client-chime ChimeClient sending the package’s commands (process-wide options)',
      () => {
        Shim.configureChimeIdentityShim(migration);
        const plain = later(new PlainChimeClient(clientConfig()));
        return (operation, input) => plain.send(command(operation, input));
      },
    ],
  ];

  return { clientConfig, shimClient, later, surfaces };
}
