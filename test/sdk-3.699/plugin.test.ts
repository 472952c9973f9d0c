/**
 * In this project `@aws-sdk/client-chime` resolves to the real 3.699.0 package, for the shim's
 * own imports too (see vitest.config.ts): a service pinned to it, with its own command.
 */
// Type-wise the alias is invisible to tsc, so the test names the package by its alias.
import * as Pinned from 'legacy-chime';
import { describe, expect, it } from 'vitest';
import { INSTALLED_PEERS } from '../../src/compatibility.js';
import * as Shim from '../../src/index.js';
import { chimeIdentityMigration, type ShimEvent } from '../../src/index.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

/** The pinned service's client as it is, plus one line. */
function pinnedClient(options: object = {}, config: object = {}) {
  const requestHandler = new RecordingHandler();
  const events: ShimEvent[] = [];
  const client = new Pinned.ChimeClient({
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    // The legacy client prepends `identity-` to a custom endpoint's host unless told not to.
    disableHostPrefix: true,
    maxAttempts: 1,
    requestHandler,
    ...config,
  });
  client.middlewareStack.use(chimeIdentityMigration({ onEvent: (event) => events.push(event), ...options }));
  return { client, sent: requestHandler.sent, events };
}

describe('Surfaces 2: the plugin on @aws-sdk/client-chime 3.699.0 reroutes the caller’s own command', () => {
  it('this really is 3.699.0 with its own CreateAppInstanceUserCommand', async () => {
    const { createRequire } = await import('node:module');
    const version = createRequire(import.meta.url)('legacy-chime/package.json').version;
    expect(version).toBe('3.699.0');
    // The version guard sees the same package, and accepts it.
    expect(INSTALLED_PEERS['@aws-sdk/client-chime']).toBe('3.699.0');
    expect(typeof Pinned.CreateAppInstanceUserCommand).toBe('function');
  });

  it('identity route: the pinned command is served by Chime SDK Identity in the ARN region', async () => {
    const { client, sent, events } = pinnedClient();
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });

    const output = await client.send(
      new Pinned.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'Ada' }),
    );

    expect(output.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/u1`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ signingRegion: 'eu-central-1', path: '/app-instance-users' });
    expect(sent[0]!.headers['user-agent']).toContain('api/chime-sdk-identity#');
    expect(events).toEqual([
      expect.objectContaining({ route: 'identity', region: 'eu-central-1', outcome: 'success' }),
    ]);
    client.destroy();
  });

  it("legacy route: the client's own untouched code path", async () => {
    const { client, sent, events } = pinnedClient({ route: 'legacy' });
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'us-east-1' });

    const output = await client.send(
      new Pinned.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'Ada' }),
    );

    expect(output.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/u1`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers['user-agent']).toContain('api/chime#3.699.0');
    expect(events).toEqual([expect.objectContaining({ route: 'legacy', region: 'us-east-1' })]);
    client.destroy();
  });

  it('other commands pass through', async () => {
    const { client, sent, events } = pinnedClient();
    await client.send(new Pinned.ListAccountsCommand({})).catch(() => undefined);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe('/accounts');
    expect(events).toHaveLength(0);
    client.destroy();
  });

  it('errors are instances of the pinned package’s classes', async () => {
    const { client } = pinnedClient();
    const AppInstanceArn = emulator.current.createAppInstance();
    const input = { AppInstanceArn, AppInstanceUserId: 'u1', Name: 'Ada' };
    await client.send(new Pinned.CreateAppInstanceUserCommand(input));

    const conflict = await client
      .send(new Pinned.CreateAppInstanceUserCommand(input))
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(Pinned.ConflictException);
    expect(conflict).toMatchObject({ $fault: 'client', $metadata: { httpStatusCode: 409 } });

    const invalid = await client
      .send(new Pinned.CreateAppInstanceUserCommand({ ...input, AppInstanceUserId: '' }))
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(Pinned.BadRequestException);
    client.destroy();
  });

  it('inherits the pinned client’s config: credentials, retries, endpoint', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    emulator.current.faults.inject({ kind: 'error', errorType: 'ServiceUnavailableException', count: 1 });
    const { client, sent } = pinnedClient({}, { maxAttempts: 2 });
    const output = await client.send(
      new Pinned.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'Ada' }),
    );
    expect(output.$metadata.attempts).toBe(2);
    expect(sent).toHaveLength(2);
    client.destroy();
  });
});

describe('Surfaces 1: the drop-in on a service whose installed @aws-sdk/client-chime is 3.699.0', () => {
  it('ChimeClient and Chime from the shim extend the installed 3.699 classes', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    const config = {
      region: 'us-east-1',
      endpoint: emulator.current.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      maxAttempts: 1,
    };
    const client = new Shim.ChimeClient(config);
    expect(client).toBeInstanceOf(Pinned.ChimeClient);
    await client.send(
      new Shim.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'Ada' }),
    );
    const chime = new Shim.Chime(config);
    const conflict = await chime
      .createAppInstanceUser({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'Ada' })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(Pinned.ConflictException);
    client.destroy();
    chime.destroy();
  });
});

describe('Surfaces 2: the plugin with cacheMiddleware (the SDK then shares one handler context between calls)', () => {
  it('concurrent first calls on both routes each go where their route says', async () => {
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'us-east-1' });
    const route = ({ AppInstanceUserId }: { AppInstanceUserId: string }) =>
      Number(AppInstanceUserId.slice(1)) % 2 === 0 ? ('identity' as const) : ('legacy' as const);
    const { client, sent, events } = pinnedClient({ route }, { cacheMiddleware: true });

    const outputs = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        client.send(
          new Pinned.CreateAppInstanceUserCommand({
            AppInstanceArn,
            AppInstanceUserId: `u${i}`,
            Name: 'Ada',
          }),
        ),
      ),
    );

    expect(outputs.map((output) => output.AppInstanceUserArn)).toEqual(
      Array.from({ length: 16 }, (_, i) => `${AppInstanceArn}/user/u${i}`),
    );
    expect(sent).toHaveLength(16);
    const agents = sent.map((request) =>
      request.headers['user-agent']?.includes('api/chime#') ? 'legacy' : 'identity',
    );
    expect(agents.filter((agent) => agent === 'legacy')).toHaveLength(8);
    expect(events.filter((event) => event.route === 'legacy')).toHaveLength(8);
    expect(emulator.current.users(AppInstanceArn)).toHaveLength(16);
    client.destroy();
  });
});
