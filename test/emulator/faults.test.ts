import {
  CreateAppInstanceCommand,
  CreateAppInstanceUserCommand,
  DescribeAppInstanceCommand,
  ServiceUnavailableException,
  ThrottledClientException,
} from '@aws-sdk/client-chime-sdk-identity';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, MAX_PENDING_FAULTS, startEmulator } from '../../src/emulator/index.js';
import { identityClient, raw, rejection } from './helpers.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe('Emulator: fault injection (status codes, connection resets, delays, for the next N requests)', () => {
  it('an error fault answers the next N matching requests with that status and type, then stops', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    emulator.faults.inject({
      kind: 'error',
      errorType: 'ThrottledClientException',
      count: 2,
      operation: 'CreateAppInstanceUser',
    });
    // Another operation does not match and does not use the fault up.
    await client.send(new DescribeAppInstanceCommand({ AppInstanceArn }));
    for (const id of ['u1', 'u2']) {
      const error = await rejection(
        client.send(new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: id, Name: 'n' })),
      );
      expect(error).toBeInstanceOf(ThrottledClientException);
      expect(error).toMatchObject({
        Code: 'Throttled',
        $fault: 'client',
        $metadata: { httpStatusCode: 429 },
      });
    }
    await client.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u3', Name: 'n' }),
    );
    expect(emulator.users().map((u) => u.AppInstanceUserId)).toEqual(['u3']);
    expect(emulator.requests().map((r) => [r.operation, r.status, r.fault])).toEqual([
      ['DescribeAppInstance', 200, undefined],
      ['CreateAppInstanceUser', 429, 'error'],
      ['CreateAppInstanceUser', 429, 'error'],
      ['CreateAppInstanceUser', 201, undefined],
    ]);
    expect(emulator.faults.pending()).toEqual([]);
  });

  it('an error fault takes any status, type, message and code; a 5xx is a server fault', async () => {
    emulator.faults.inject({ kind: 'error', errorType: 'ServiceUnavailableException', message: 'try later' });
    const error = await rejection(identityClient(emulator).send(new CreateAppInstanceCommand({ Name: 'x' })));
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect(error).toMatchObject({
      message: 'try later',
      Code: 'ServiceUnavailable',
      $fault: 'server',
      $metadata: { httpStatusCode: 503 },
    });

    emulator.faults.inject({ kind: 'error', errorType: 'TeapotException', status: 418, code: 'Teapot' });
    const custom = await raw(emulator, { path: '/app-instances/x' });
    expect(custom.status).toBe(418);
    expect(custom.headers['x-amzn-errortype']).toBe('TeapotException');
    expect(custom.json).toEqual({ Code: 'Teapot', Message: 'Injected fault: TeapotException' });
  });

  it('a reset fault drops the connection: the SDK raises a network error, not a service error', async () => {
    emulator.faults.inject({ kind: 'reset', operation: 'CreateAppInstance' });
    const error = await rejection(identityClient(emulator).send(new CreateAppInstanceCommand({ Name: 'x' })));
    expect(error.code).toBe('ECONNRESET');
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect(emulator.appInstances()).toEqual([]);
    expect(emulator.requests().at(-1)).toMatchObject({
      operation: 'CreateAppInstance',
      status: 0,
      fault: 'reset',
    });
    // The emulator goes on serving.
    await expect(
      identityClient(emulator).send(new CreateAppInstanceCommand({ Name: 'x' })),
    ).resolves.toBeDefined();
  });

  it('a delay fault holds the request, then serves it normally: a later request overtakes it', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    emulator.faults.inject({ kind: 'delay', delayMs: 300, operation: 'DescribeAppInstance' });
    const order: string[] = [];
    const slow = client.send(new DescribeAppInstanceCommand({ AppInstanceArn })).then((out) => {
      order.push('delayed DescribeAppInstance');
      return out;
    });
    await expect.poll(() => emulator.faults.pending()).toEqual([]);
    await client.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' }),
    );
    order.push('CreateAppInstanceUser');
    expect((await slow).AppInstance?.AppInstanceArn).toBe(AppInstanceArn);
    expect(order).toEqual(['CreateAppInstanceUser', 'delayed DescribeAppInstance']);
    expect(emulator.requests().find((r) => r.operation === 'DescribeAppInstance')).toMatchObject({
      status: 200,
      fault: 'delay',
    });
  });

  it("a delay longer than the client's request timeout surfaces as the SDK's TimeoutError", async () => {
    emulator.faults.inject({ kind: 'delay', delayMs: 400 });
    const client = identityClient(emulator, 'us-east-1', {
      requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true },
    });
    const error = await rejection(client.send(new CreateAppInstanceCommand({ Name: 'x' })));
    expect(error.name).toBe('TimeoutError');
    // The held request is still served once its delay is over, to a client that left: as at AWS.
    await expect
      .poll(() => emulator.requests())
      .toEqual([expect.objectContaining({ status: 201, fault: 'delay' })]);
  });

  it('faults are checked when injected, pending() shows them, clear() drops them, the queue is bounded', () => {
    const bad: [unknown, RegExp][] = [
      [{ kind: 'explode' }, /fault.kind must be "error", "reset" or "delay"/],
      [{ kind: 'reset', count: 0 }, /fault.count must be between 1 and 100000/],
      [
        { kind: 'reset', operation: 'CreateUser' },
        /fault.operation must be an operation the emulator serves \([A-Za-z0-9, ]*\bCreateAppInstance\b[A-Za-z0-9, ]*\), got "CreateUser"/,
      ],
      [{ kind: 'delay' }, /fault.delayMs must be an integer/],
      [{ kind: 'error' }, /fault.errorType must be an error name/],
      [{ kind: 'error', errorType: 'X', status: 200 }, /fault.status must be between 400 and 599/],
      [null, /fault must be an object/],
    ];
    for (const [spec, message] of bad) expect(() => emulator.faults.inject(spec as never)).toThrow(message);

    emulator.faults.inject({ kind: 'reset', count: 3 });
    emulator.faults.inject({ kind: 'error', errorType: 'ThrottledClientException' });
    expect(emulator.faults.pending()).toEqual([
      { kind: 'reset', count: 3, remaining: 3 },
      { kind: 'error', count: 1, errorType: 'ThrottledClientException', status: 429, remaining: 1 },
    ]);
    emulator.faults.clear();
    expect(emulator.faults.pending()).toEqual([]);

    for (let i = 0; i < MAX_PENDING_FAULTS; i++) emulator.faults.inject({ kind: 'delay', delayMs: 0 });
    expect(() => emulator.faults.inject({ kind: 'delay', delayMs: 0 })).toThrow(RangeError);
  });
});

describe('Emulator: the control path (/__emulator/*, same port, not signature-checked)', () => {
  it('POST /__emulator/faults queues faults from JSON; GET lists them; DELETE clears them', async () => {
    const post = await raw(emulator, {
      method: 'POST',
      path: '/__emulator/faults',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { kind: 'error', errorType: 'ServiceFailureException', operation: 'CreateAppInstance' },
        { kind: 'delay', delayMs: 1 },
      ]),
    });
    expect(post.status).toBe(201);
    expect(post.json).toEqual({ pending: 2 });
    expect((await raw(emulator, { path: '/__emulator/faults' })).json.faults).toHaveLength(2);

    const error = await rejection(identityClient(emulator).send(new CreateAppInstanceCommand({ Name: 'x' })));
    expect(error).toMatchObject({ name: 'ServiceFailureException', $metadata: { httpStatusCode: 500 } });

    expect((await raw(emulator, { method: 'DELETE', path: '/__emulator/faults' })).status).toBe(204);
    expect(emulator.faults.pending()).toEqual([]);
  });

  it('a bad fault spec is a 400 naming the field, and nothing of the batch is queued', async () => {
    const res = await raw(emulator, {
      method: 'POST',
      path: '/__emulator/faults',
      body: JSON.stringify([{ kind: 'reset' }, { kind: 'reset', count: -1 }]),
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      Code: 'BadRequest',
      Message: 'fault.count must be between 1 and 100000, got -1',
    });
    expect(emulator.faults.pending()).toEqual([]);
    const notJson = await raw(emulator, { method: 'POST', path: '/__emulator/faults', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('GET /__emulator/requests returns the log; POST /__emulator/reset empties store, faults and log', async () => {
    await identityClient(emulator).send(new CreateAppInstanceCommand({ Name: 'x' }));
    emulator.faults.inject({ kind: 'reset' });
    const log = await raw(emulator, { path: '/__emulator/requests' });
    expect(log.json.requests).toEqual([
      expect.objectContaining({ operation: 'CreateAppInstance', status: 201 }),
    ]);
    expect((await raw(emulator, { method: 'POST', path: '/__emulator/reset' })).status).toBe(204);
    expect(emulator.appInstances()).toEqual([]);
    expect(emulator.faults.pending()).toEqual([]);
    expect(emulator.requests()).toEqual([]);
  });

  it('POST /__emulator/app-instances creates one; GET users and app-instances inspect the store', async () => {
    const created = await raw(emulator, {
      method: 'POST',
      path: '/__emulator/app-instances',
      body: JSON.stringify({ region: 'eu-central-1', name: 'from-control' }),
    });
    expect(created.status).toBe(201);
    const { AppInstanceArn } = created.json;
    expect(AppInstanceArn).toContain(':chime:eu-central-1:');
    await identityClient(emulator, 'eu-central-1').send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' }),
    );
    const users = await raw(emulator, {
      path: `/__emulator/users?app-instance-arn=${encodeURIComponent(AppInstanceArn)}`,
    });
    expect(users.json.users).toEqual([
      expect.objectContaining({ AppInstanceUserId: 'u1', Region: 'eu-central-1' }),
    ]);
    const instances = await raw(emulator, { path: '/__emulator/app-instances' });
    expect(instances.json.appInstances).toEqual([
      expect.objectContaining({ AppInstanceArn, Name: 'from-control', UserCount: 1 }),
    ]);
    const badRegion = await raw(emulator, {
      method: 'POST',
      path: '/__emulator/app-instances',
      body: '{"region":"mars-1"}',
    });
    expect(badRegion.status).toBe(400);
  });

  it('GET /__emulator/health answers; control requests are not logged and do not use faults up', async () => {
    emulator.faults.inject({ kind: 'reset' });
    const health = await raw(emulator, { path: '/__emulator/health' });
    expect(health.json).toEqual({ status: 'ok', accountId: '111122223333', verifySignatures: true });
    expect(emulator.requests()).toEqual([]);
    expect(emulator.faults.pending()).toHaveLength(1);
    const unknown = await raw(emulator, { path: '/__emulator/nothing' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers['x-amzn-errortype']).toBe('UnknownOperationException');
  });

  it('controlPath: false turns it off (the path is then just an unknown operation)', async () => {
    const closed = await startEmulator({ controlPath: false });
    try {
      const res = await raw(closed, { method: 'POST', path: '/__emulator/reset' });
      expect(res.status).toBe(404);
      expect(res.json.Code).toBe('UnknownOperationException');
    } finally {
      await closed.close();
    }
  });
});
