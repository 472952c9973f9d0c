import { describe, expect, it } from 'vitest';
import { ChimeClient, CreateAppInstanceUserCommand } from '../../src/index.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

function client(maxAttempts: number) {
  const requestHandler = new RecordingHandler();
  const chime = new ChimeClient({
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts,
    // Retries without back-off waits worth mentioning: 503s back off by tens of milliseconds.
    retryMode: 'standard',
    requestHandler,
  });
  return { chime, sent: requestHandler.sent };
}

describe('Behaviour of one call: ClientRequestToken', () => {
  it('is forwarded as given', async () => {
    const { chime, sent } = client(1);
    const AppInstanceArn = emulator.current.createAppInstance();
    await chime.send(
      new CreateAppInstanceUserCommand({
        AppInstanceArn,
        AppInstanceUserId: 'u1',
        Name: 'n',
        ClientRequestToken: 'my-token-1',
      }),
    );
    expect(sent.map((request) => request.body?.ClientRequestToken)).toEqual(['my-token-1']);
    chime.destroy();
  });

  it.each([
    ['absent', {}],
    ['undefined', { ClientRequestToken: undefined }],
    // The new SDK would serialise null as `"ClientRequestToken":,` (invalid JSON).
    ['null', { ClientRequestToken: null }],
  ])('when %s, one token is generated per logical call', async (_case, token) => {
    const { chime, sent } = client(1);
    const AppInstanceArn = emulator.current.createAppInstance();
    await chime.send(
      new CreateAppInstanceUserCommand({
        AppInstanceArn,
        AppInstanceUserId: 'u1',
        Name: 'n',
        ...(token as object),
      }),
    );
    await chime.send(
      new CreateAppInstanceUserCommand({
        AppInstanceArn,
        AppInstanceUserId: 'u2',
        Name: 'n',
        ...(token as object),
      }),
    );
    const tokens = sent.map((request) => request.body?.ClientRequestToken);
    expect(tokens).toHaveLength(2);
    for (const value of tokens) expect(value).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens[0]).not.toBe(tokens[1]);
    chime.destroy();
  });

  it('the same generated token is used on every retry (never one per attempt)', async () => {
    const { chime, sent } = client(3);
    const AppInstanceArn = emulator.current.createAppInstance();
    emulator.current.faults.inject({ kind: 'error', errorType: 'ServiceUnavailableException', count: 2 });

    const output = await chime.send(
      new CreateAppInstanceUserCommand({
        AppInstanceArn,
        AppInstanceUserId: 'u1',
        Name: 'n',
        ClientRequestToken: null as never,
      }),
    );

    expect(output.$metadata.attempts).toBe(3);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((request) => request.body?.ClientRequestToken)).size).toBe(1);
    expect(sent.map((request) => request.headers['amz-sdk-request'])).toEqual([
      'attempt=1; max=3',
      'attempt=2; max=3',
      'attempt=3; max=3',
    ]);
    expect(emulator.current.users(AppInstanceArn)).toHaveLength(1);
    chime.destroy();
  });
});
