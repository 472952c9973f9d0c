import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import {
  CreateAppInstanceCommand,
  CreateAppInstanceUserCommand,
  ListAppInstanceUsersCommand,
} from '@aws-sdk/client-chime-sdk-identity';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { HANDLERS } from '../../src/emulator/namespaces/identity/handlers.js';
import type { Handler } from '../../src/emulator/namespaces/index.js';
import { createUserRequest, identityClient, raw, rejection, signRaw } from './helpers.js';

let emulator: Emulator;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  emulator = await startEmulator({ maxBodyBytes: 1024 });
});
afterAll(async () => {
  await emulator.close();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  expect(unhandled).toEqual([]);
});
beforeEach(() => emulator.reset());
afterEach(() => vi.restoreAllMocks());

/** Bytes straight onto a socket, for what no HTTP client would send; resolves with the raw answer. */
function rawSocket(emulatorToUse: Emulator, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(emulatorToUse.port, emulatorToUse.host);
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

describe('Emulator: robust to bad requests (AWS-style 4xx, never a crash)', () => {
  it('malformed JSON is SerializationException (400) with the error header, the JSON body and a request id', async () => {
    const res = await raw(emulator, await signRaw(emulator, createUserRequest('{"AppInstanceArn": ')));
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('SerializationException');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json).toEqual({
      Code: 'SerializationException',
      Message: 'The request body is not valid JSON.',
    });
  });

  it('a JSON body that is not an object, or a member of the wrong type, is SerializationException', async () => {
    const array = await raw(emulator, await signRaw(emulator, createUserRequest('[1,2]')));
    expect(array.json).toEqual({
      Code: 'SerializationException',
      Message: 'The request body must be a JSON object.',
    });
    const wrongType = await raw(
      emulator,
      await signRaw(
        emulator,
        createUserRequest({
          AppInstanceArn: emulator.createAppInstance(),
          AppInstanceUserId: 'u',
          Name: 42,
          ClientRequestToken: 'tok-1',
        }),
      ),
    );
    expect(wrongType.status).toBe(400);
    expect(wrongType.json).toEqual({
      Code: 'SerializationException',
      Message: "Expected a string for 'name'",
    });
  });

  it('a missing required member is a validation error "Member must not be null"', async () => {
    const res = await raw(
      emulator,
      await signRaw(
        emulator,
        createUserRequest({ AppInstanceArn: emulator.createAppInstance(), ClientRequestToken: 'tok-1' }),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      Code: 'BadRequest',
      Message:
        "2 validation errors detected: Value null at 'appInstanceUserId' failed to satisfy constraint: Member must not be null; Value null at 'name' failed to satisfy constraint: Member must not be null",
    });
  });

  it('prototype keys in the body are plain unknown members, ignored', async () => {
    const AppInstanceArn = emulator.createAppInstance();
    const body = `{"__proto__":{"polluted":true},"constructor":{"x":1},"AppInstanceArn":"${AppInstanceArn}","AppInstanceUserId":"u1","Name":"n","ClientRequestToken":"tok-1"}`;
    const res = await raw(emulator, await signRaw(emulator, createUserRequest(body)));
    expect(res.status).toBe(201);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a body that is not application/json is UnsupportedMediaTypeException (415)', async () => {
    const request = createUserRequest({ Name: 'x' }, { 'content-type': 'text/plain' });
    const res = await raw(emulator, await signRaw(emulator, request));
    expect(res.status).toBe(415);
    expect(res.json.Code).toBe('UnsupportedMediaTypeException');
    const charset = await raw(
      emulator,
      await signRaw(emulator, {
        method: 'POST',
        path: '/app-instances',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: '{"Name":"x","ClientRequestToken":"tok-1"}',
      }),
    );
    expect(charset.status).toBe(201);
  });

  it('a body over maxBodyBytes is RequestEntityTooLargeException (413), refused from its Content-Length, connection closed', async () => {
    const res = await raw(emulator, createUserRequest('x'.repeat(2048)));
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(res.json).toEqual({
      Code: 'RequestEntityTooLargeException',
      Message: 'Request body of 2048 bytes exceeds the limit of 1024 bytes.',
    });
  });

  it('a chunked body is cut off as soon as it crosses maxBodyBytes', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: emulator.host,
          port: emulator.port,
          method: 'POST',
          path: '/app-instance-users',
          agent: false,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('x'.repeat(700));
      req.end('x'.repeat(700));
    });
    expect(status).toBe(413);
    expect(emulator.requests().at(-1)).toMatchObject({
      status: 413,
      errorType: 'RequestEntityTooLargeException',
    });
  });

  it('an unknown path or method is UnknownOperationException (404)', async () => {
    for (const [method, path] of [
      ['GET', '/nothing-here'],
      ['PUT', '/app-instance-users'],
      ['GET', '/app-instance-users/'],
      ['PATCH', '/app-instances'],
    ] as const) {
      const res = await raw(emulator, await signRaw(emulator, { method, path }));
      expect(res.status).toBe(404);
      expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
      expect(res.json.Message).toMatch(/^No operation matches /);
    }
  });

  it('malformed percent-encoding in a label is SerializationException (400)', async () => {
    const res = await raw(emulator, { path: '/app-instances/%E0%A4%A' });
    expect(res.status).toBe(400);
    expect(res.json.Code).toBe('SerializationException');
  });

  it('a header flood gets 431 from the HTTP parser, answered AWS-style', async () => {
    const answer = await rawSocket(
      emulator,
      `GET /app-instances/x HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/x-amzn-errortype: RequestHeaderFieldsTooLargeException/);
    expect(answer).toMatch(/"Code":"RequestHeaderFieldsTooLargeException"/);
  });

  it('bytes that are not HTTP get 400 and a closed connection', async () => {
    const answer = await rawSocket(emulator, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/x-amzn-errortype: BadRequestException/);
  });

  it('a handler that throws is answered ServiceFailureException (500), and the emulator keeps serving', async () => {
    vi.spyOn(HANDLERS as Record<string, Handler>, 'CreateAppInstanceUser').mockImplementation(() => {
      throw new Error('handler bug');
    });
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    const error = await rejection(
      client.send(new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u', Name: 'n' })),
    );
    expect(error).toMatchObject({
      name: 'ServiceFailureException',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
      message: 'The emulator failed while handling the request: handler bug',
    });
    vi.restoreAllMocks();
    await expect(
      client.send(new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u', Name: 'n' })),
    ).resolves.toBeDefined();
  });

  it('a client that disconnects mid-body does not disturb the emulator', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(emulator.port, emulator.host, () => {
        socket.write(
          'POST /app-instances HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"Na',
        );
        setImmediate(() => {
          socket.destroy();
          resolve();
        });
      });
    });
    // Logged with status 0: nothing was answered, and nothing is blamed on the emulator.
    await expect
      .poll(() => emulator.requests())
      .toEqual([expect.objectContaining({ operation: 'CreateAppInstance', status: 0 })]);
    await expect(
      identityClient(emulator).send(new CreateAppInstanceCommand({ Name: 'x' })),
    ).resolves.toBeDefined();
  });
});

describe('Emulator: memory stays bounded (request log ring buffer, store limits) and the log keeps no request data', () => {
  it('the request log keeps only the newest requestLogSize entries', async () => {
    const small = await startEmulator({ requestLogSize: 3, verifySignatures: false });
    try {
      for (let i = 0; i < 5; i++) await raw(small, { path: `/unknown-${i}` });
      expect(small.requests().map((r) => r.path)).toEqual(['/unknown-2', '/unknown-3', '/unknown-4']);
    } finally {
      await small.close();
    }
  });

  it('the log holds route templates, never names, metadata, ids, tags, tokens or query strings', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    const { AppInstanceUserArn } = await client.send(
      new CreateAppInstanceUserCommand({
        AppInstanceArn,
        AppInstanceUserId: 'secret-user-id',
        Name: 'Secret Name',
        Metadata: 'secret-metadata',
        Tags: [{ Key: 'secret-tag-key', Value: 'secret-tag-value' }],
        ClientRequestToken: 'secret-token',
      }),
    );
    await client.send(new ListAppInstanceUsersCommand({ AppInstanceArn, MaxResults: 1 }));
    await raw(emulator, { path: `/app-instance-users/${encodeURIComponent(AppInstanceUserArn!)}` });
    const log = JSON.stringify(emulator.requests());
    for (const secret of ['secret', AppInstanceArn.split('/')[1]!]) expect(log).not.toContain(secret);
    expect(emulator.requests().map((r) => r.path)).toEqual([
      '/app-instance-users',
      '/app-instance-users',
      '/app-instance-users/{AppInstanceUserArn}',
    ]);
    const longPath = `/${'x'.repeat(500)}`;
    await raw(emulator, { path: longPath });
    expect(emulator.requests().at(-1)?.path).toHaveLength(200);
  });

  it('maxUsers and maxAppInstances cap the store with ResourceLimitExceededException', async () => {
    const capped = await startEmulator({ maxUsers: 1, maxAppInstances: 1 });
    try {
      const client = identityClient(capped);
      const { AppInstanceArn } = await client.send(new CreateAppInstanceCommand({ Name: 'a' }));
      const second = await rejection(client.send(new CreateAppInstanceCommand({ Name: 'b' })));
      expect(second).toMatchObject({
        name: 'ResourceLimitExceededException',
        $metadata: { httpStatusCode: 400 },
      });
      await client.send(
        new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' }),
      );
      const user = await rejection(
        client.send(new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u2', Name: 'n' })),
      );
      expect(user.name).toBe('ResourceLimitExceededException');
    } finally {
      await capped.close();
    }
  });
});
