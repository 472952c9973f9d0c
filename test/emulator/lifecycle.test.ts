import { Agent, request as httpRequest } from 'node:http';
import { CreateAppInstanceCommand, CreateAppInstanceUserCommand } from '@aws-sdk/client-chime-sdk-identity';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BODY_BYTES,
  EMULATOR_ACCOUNT_ID,
  EMULATOR_CREDENTIALS,
  type Emulator,
  startEmulator,
} from '../../src/emulator/index.js';
import { identityClient, rejection } from './helpers.js';

/** Resolves 'closed' if close() finishes first, 'still open' if the timer does: an ordering, not a duration. */
function closeBefore(emulator: Emulator, ms: number): Promise<'closed' | 'still open'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    emulator.close().then(() => 'closed' as const),
    new Promise<'still open'>((resolve) => {
      timer = setTimeout(() => resolve('still open'), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A GET over a keep-alive agent, leaving the socket open and idle in the agent afterwards. */
function keepAliveGet(emulator: Emulator, agent: Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: emulator.host, port: emulator.port, path: '/__emulator/health', agent },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('Emulator: startEmulator() and its options', () => {
  it('listens on 127.0.0.1 on a free port by default, with the documented test credentials', async () => {
    const emulator = await startEmulator();
    try {
      expect(emulator.host).toBe('127.0.0.1');
      expect(emulator.port).toBeGreaterThan(0);
      expect(emulator.endpoint).toBe(`http://127.0.0.1:${emulator.port}`);
      expect(emulator.credentials).toBe(EMULATOR_CREDENTIALS);
      expect(EMULATOR_CREDENTIALS.accessKeyId).toBe('AKIAEMULATOREXAMPLE0');
      expect(EMULATOR_ACCOUNT_ID).toBe('111122223333');
      expect(DEFAULT_MAX_BODY_BYTES).toBe(262_144);
    } finally {
      await emulator.close();
    }
  });

  it('checks its options up front, naming the option', async () => {
    const bad: [unknown, RegExp][] = [
      [{ prot: 1 }, /Unknown emulator option 'prot'/],
      [{ port: -1 }, /'port' must be between 0 and 65535/],
      [{ port: 1.5 }, /'port' must be an integer/],
      [{ maxBodyBytes: 0 }, /'maxBodyBytes' must be between 1/],
      [{ verifySignatures: 'yes' }, /'verifySignatures' must be a boolean/],
      [{ regions: ['moon-1'] }, /'regions' must be an AWS region name/],
      [{ regions: [] }, /'regions' must be a non-empty array/],
      [{ defaultRegion: 'US-EAST-1' }, /'defaultRegion' must be an AWS region name/],
      [{ credentials: { accessKeyId: '' } }, /'credentials' must be/],
      [{ host: '' }, /'host' must be a non-empty string/],
    ];
    for (const [options, message] of bad) {
      await expect(startEmulator(options as never)).rejects.toThrow(message);
    }
  });

  it('a port in use is an error from listen, not a hang', async () => {
    const first = await startEmulator();
    try {
      await expect(startEmulator({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });

  it('createAppInstance() puts an app instance straight into the store; users() and appInstances() read it', async () => {
    const emulator = await startEmulator();
    try {
      const arn = emulator.createAppInstance({ region: 'eu-central-1', name: 'direct', metadata: 'm' });
      expect(arn).toMatch(/^arn:aws:chime:eu-central-1:111122223333:app-instance\/[0-9a-f-]{36}$/);
      expect(emulator.appInstances()).toEqual([
        expect.objectContaining({
          AppInstanceArn: arn,
          Region: 'eu-central-1',
          Name: 'direct',
          Metadata: 'm',
          UserCount: 0,
        }),
      ]);
      expect(() => emulator.createAppInstance({ region: 'nowhere' })).toThrow(RangeError);
      expect(emulator.users(arn)).toEqual([]);
      expect(emulator.users('arn:aws:chime:eu-central-1:111122223333:app-instance/unknown')).toEqual([]);
      // What users() returns is a copy: changing it changes nothing.
      await identityClient(emulator, 'eu-central-1').send(
        new CreateAppInstanceUserCommand({ AppInstanceArn: arn, AppInstanceUserId: 'u1', Name: 'n' }),
      );
      const [user] = emulator.users(arn);
      expect(Object.isFrozen(user)).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});

describe('Emulator: reset() clears store, faults and log', () => {
  it('after reset() nothing of before remains', async () => {
    const emulator = await startEmulator();
    try {
      await identityClient(emulator).send(new CreateAppInstanceCommand({ Name: 'x' }));
      emulator.faults.inject({ kind: 'reset' });
      emulator.reset();
      expect(emulator.appInstances()).toEqual([]);
      expect(emulator.users()).toEqual([]);
      expect(emulator.faults.pending()).toEqual([]);
      expect(emulator.requests()).toEqual([]);
      // ...and it still serves: the reset fault is gone too.
      await expect(
        identityClient(emulator).send(new CreateAppInstanceCommand({ Name: 'x' })),
      ).resolves.toBeDefined();
    } finally {
      await emulator.close();
    }
  });
});

describe('Emulator: close() closes the server and its open sockets promptly', () => {
  it('with idle keep-alive sockets open (an SDK client and a plain agent), close() does not wait for them', async () => {
    const emulator = await startEmulator();
    const client = identityClient(emulator);
    await client.send(new CreateAppInstanceCommand({ Name: 'x' }));
    const agent = new Agent({ keepAlive: true });
    await keepAliveGet(emulator, agent);
    const idle = Object.values(agent.freeSockets).flat();
    expect(idle).toHaveLength(1);
    const socketClosed = new Promise((resolve) => idle[0]!.once('close', resolve));
    // The server's keep-alive timeout is 5 s: closing first proves the sockets were closed, not waited for.
    expect(await closeBefore(emulator, 4_000)).toBe('closed');
    await socketClosed;
    const error = await rejection(client.send(new CreateAppInstanceCommand({ Name: 'x' })));
    expect(error.code).toBe('ECONNREFUSED');
    agent.destroy();
    client.destroy();
  });

  it('a request held by a delay fault does not hold close(); its client sees the connection end', async () => {
    const emulator = await startEmulator();
    emulator.faults.inject({ kind: 'delay', delayMs: 60_000 });
    const pending = rejection(identityClient(emulator).send(new CreateAppInstanceCommand({ Name: 'x' })));
    await expect.poll(() => emulator.faults.pending()).toEqual([]);
    expect(await closeBefore(emulator, 4_000)).toBe('closed');
    const error = await pending;
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect(emulator.appInstances()).toEqual([]);
  });

  it('close() twice is the same close', async () => {
    const emulator = await startEmulator();
    const first = emulator.close();
    expect(emulator.close()).toBe(first);
    await first;
  });
});
