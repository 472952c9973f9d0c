/**
 * In this project `@aws-sdk/client-chime` resolves to the real 3.699.0 package (vitest.config.ts):
 * a service pinned to it, with its own commands for every operation AWS later removed.
 */
import * as Pinned from 'legacy-chime';
import { describe, expect, it } from 'vitest';
import { chimeIdentityMigration, type ShimEvent } from '../../src/index.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';
import { FLOW_OPERATIONS, runIdentityFlow } from '../support/identity-flow.js';

const emulator = useEmulator();
const commands = Pinned as unknown as Record<string, new (input: object) => any>;

function pinnedClient(route: 'identity' | 'legacy') {
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
  });
  client.middlewareStack.use(
    chimeIdentityMigration({ route, defaultRegion: 'eu-central-1', onEvent: (event) => events.push(event) }),
  );
  const surface = (operation: string, input: object) =>
    client.send(new commands[`${operation}Command`]!(input));
  return { client, surface, sent: requestHandler.sent, events };
}

describe('Surfaces 2, every removed operation: the plugin reroutes the pinned client’s own identity commands', () => {
  it('identity route: each of the client’s own commands is served by Chime SDK Identity in the ARN region', async () => {
    const { client, surface, sent, events } = pinnedClient('identity');

    const ran = await runIdentityFlow(surface);

    expect(new Set(ran)).toEqual(FLOW_OPERATIONS);
    expect(sent.every(({ signingRegion }) => signingRegion === 'eu-central-1')).toBe(true);
    expect(sent.every(({ headers }) => headers['user-agent']?.includes('api/chime-sdk-identity#'))).toBe(
      true,
    );
    expect(events.map(({ operation }) => operation)).toEqual(ran);
    expect(events.every(({ route, family }) => route === 'identity' && family === 'identity')).toBe(true);
    client.destroy();
  });

  it('3.699’s own paginator, paginateListAppInstanceUsers, pages through the shim', async () => {
    const { client } = pinnedClient('identity');
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
    for (const id of ['a', 'b', 'c']) {
      await client.send(
        new Pinned.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: id, Name: id }),
      );
    }
    const ids = [];
    for await (const page of Pinned.paginateListAppInstanceUsers(
      { client, pageSize: 2 },
      { AppInstanceArn },
    )) {
      ids.push(
        ...(page.AppInstanceUsers ?? []).map(({ AppInstanceUserArn }) =>
          AppInstanceUserArn?.split('/').at(-1),
        ),
      );
    }
    expect(ids).toEqual(['a', 'b', 'c']);
    client.destroy();
  });
});
