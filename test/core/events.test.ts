import { describe, expect, it } from 'vitest';
import { ChimeClient, CreateAppInstanceUserCommand, type ShimEvent } from '../../src/index.js';
import { EMULATOR_CREDENTIALS, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

function client(onEvent: (event: ShimEvent) => void) {
  return new ChimeClient({
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 2,
    migration: { onEvent },
  });
}

const canaries = {
  Name: 'canary-name-2b1c',
  Metadata: 'canary-metadata-9e77',
  ClientRequestToken: 'canary-token-41f0',
  Tags: [{ Key: 'canary-tag-key-0d3a', Value: 'canary-tag-value-5c8e' }],
};

describe('onEvent: one event per call, with the route and the reason, redacted', () => {
  it('a success: operation, route, reason, region, outcome, duration, attempts, request id', async () => {
    const events: ShimEvent[] = [];
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
    emulator.current.faults.inject({ kind: 'error', errorType: 'ServiceFailureException', count: 1 });

    await client((event) => events.push(event)).send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', ...canaries }),
    );

    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toEqual({
      operation: 'CreateAppInstanceUser',
      family: 'identity',
      route: 'identity',
      reason: 'static',
      region: 'eu-central-1',
      outcome: 'success',
      durationMs: expect.any(Number),
      attempts: 2,
      requestId: emulator.current.requests().at(-1)!.requestId,
    });
    expect(JSON.stringify(events)).not.toMatch(/canary|u1|AKIA|secret/i);
  });

  it('a service error: the error name and the request id, and still no secrets', async () => {
    const events: ShimEvent[] = [];
    const AppInstanceArn = emulator.current.createAppInstance();
    const chime = client((event) => events.push(event));
    await chime.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', ...canaries }),
    );
    await chime
      .send(
        new CreateAppInstanceUserCommand({
          AppInstanceArn,
          AppInstanceUserId: 'u1',
          ...canaries,
          ClientRequestToken: 'other-token',
        }),
      )
      .catch(() => undefined);

    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      outcome: 'error',
      errorName: 'ConflictException',
      route: 'identity',
      attempts: 1,
    });
    expect(events[1]!.requestId).toEqual(expect.any(String));
    expect(JSON.stringify(events)).not.toMatch(/canary/);
  });

  it('an invalid input: one event, no route, reason validation, nothing sent', async () => {
    const events: ShimEvent[] = [];
    await client((event) => events.push(event))
      .send(
        new CreateAppInstanceUserCommand({ AppInstanceArn: 'nope', AppInstanceUserId: 'u1', ...canaries }),
      )
      .catch(() => undefined);
    expect(events).toEqual([
      expect.objectContaining({
        route: undefined,
        reason: 'validation',
        outcome: 'error',
        errorName: 'BadRequestException',
        attempts: 0,
      }),
    ]);
    expect(emulator.current.requests()).toHaveLength(0);
  });

  it('a listener that throws does not fail the call', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    const chime = client(() => {
      throw new Error('metrics backend down');
    });
    await expect(
      chime.send(new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' })),
    ).resolves.toMatchObject({
      AppInstanceUserArn: `${AppInstanceArn}/user/u1`,
    });
  });
});
