import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Legacy from '@aws-sdk/client-chime';
import * as Identity from '@aws-sdk/client-chime-sdk-identity';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Shim from '../../src/index.js';

const identityClient = new Identity.ChimeSDKIdentityClient({ region: 'us-east-1' });
const identity = mockClient(identityClient);
beforeEach(() => identity.reset());
afterAll(() => identity.restore());

const input = {
  AppInstanceArn: 'arn:aws:chime:us-east-1:111122223333:app-instance/abc',
  AppInstanceUserId: 'user-1',
  Name: 'Ada',
};
const $metadata = { httpStatusCode: 500, requestId: 'req-9', attempts: 1, totalRetryDelay: 0 };

async function failure(options: Shim.CreateAppInstanceUserOptions): Promise<unknown> {
  return await Shim.createAppInstanceUser(input, options).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('Errors: the translated error keeps what the service said', () => {
  it('an unknown error code keeps its Code on the legacy ChimeServiceException', async () => {
    const original = Object.assign(
      new Identity.ChimeSDKIdentityServiceException({
        name: 'InternalWidgetException',
        $fault: 'server',
        $metadata,
        message: 'widget broke',
      }),
      { Code: 'WidgetCode' },
    );
    identity.rejects(original);
    const error = await failure({ identityClient });
    expect(error).toBeInstanceOf(Legacy.ChimeServiceException);
    expect(error).toMatchObject({ name: 'InternalWidgetException', Code: 'WidgetCode' });
  });

  it('an unknown error code without a Code gets none', async () => {
    identity.rejects(
      new Identity.ChimeSDKIdentityServiceException({
        name: 'InternalWidgetException',
        $fault: 'server',
        $metadata,
        message: 'widget broke',
      }),
    );
    const error = await failure({ identityClient });
    expect(error).toBeInstanceOf(Legacy.ChimeServiceException);
    expect('Code' in (error as object)).toBe(false);
  });

  it('keeps the raw $response, hidden as the SDK hides it (it holds the signed request)', async () => {
    const $response = { statusCode: 409, headers: {}, body: 'raw' };
    const original = new Identity.ConflictException({
      $metadata: { ...$metadata, httpStatusCode: 409 },
      message: 'exists',
    });
    Object.defineProperty(original, '$response', { value: $response, enumerable: false });
    identity.rejects(original);
    const error = (await failure({ identityClient })) as Legacy.ConflictException;
    expect(error).toBeInstanceOf(Legacy.ConflictException);
    expect(error.$response).toBe($response);
    expect(error.cause).toBe(original);
    expect(Object.keys(error)).not.toContain('$response');
    expect(Object.keys(error)).not.toContain('cause');
  });
});

describe('Errors: only service errors are translated; anything else reaches the caller as it was raised', () => {
  /** An identity client that fails every call with `value`. */
  const failingWith = (value: unknown) => ({
    identityClient: {
      send: () => Promise.reject(value),
    } as unknown as Identity.ChimeSDKIdentityClient,
  });

  it('an Error with a $fault but no $metadata is not a service error', async () => {
    const lookalike = Object.assign(new Error('not from a response'), {
      name: 'ConflictException',
      $fault: 'client',
    });
    expect(await failure(failingWith(lookalike))).toBe(lookalike);
  });

  it.each<[string, unknown]>([
    ['a string', 'socket closed'],
    ['null', null],
    ['a plain object carrying an HTTP status', { $metadata: { httpStatusCode: 503 } }],
  ])('a thrown value that is not an Error (%s) is not translated', async (_case, value) => {
    expect(await failure(failingWith(value))).toBe(value);
  });
});

describe('Errors: a response whose body is not a JSON error becomes the legacy ChimeServiceException, by HTTP status', () => {
  let server: http.Server;
  let endpoint: string;
  let status = 502;
  beforeAll(async () => {
    // A proxy's HTML page, over real HTTP, so the real SDK parses (and fails to parse) it.
    server = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(status, { 'content-type': 'text/html' });
        response.end('<html><body><h1>Bad Gateway</h1></body></html>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const identityConfig = () => ({
    endpoint,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' },
  });

  it.each([
    [300, 'client'],
    [404, 'client'],
    [499, 'client'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('HTTP %i -> ChimeServiceException, %s fault', async (answered, fault) => {
    status = answered;
    const error = await failure({ identityConfig: identityConfig() });
    expect(error).toBeInstanceOf(Legacy.ChimeServiceException);
    expect(error).toMatchObject({
      name: 'ChimeServiceException',
      $fault: fault,
      $metadata: { httpStatusCode: answered },
      message: `Chime SDK Identity answered HTTP ${answered} with a body that is not a JSON error`,
    });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it.each([200, 201])(
    'HTTP %i (a success) with a body that is not JSON: the SDK’s own parse error, as a bare ChimeSDKIdentityClient raises it',
    async (answered) => {
      status = answered;
      const error = await failure({ identityConfig: identityConfig() });
      const bare = new Identity.ChimeSDKIdentityClient({ region: 'us-east-1', ...identityConfig() });
      const expected = await bare
        .send(new Identity.CreateAppInstanceUserCommand(input))
        .catch((e: unknown) => e);
      bare.destroy();
      expect(error).not.toBeInstanceOf(Legacy.ChimeServiceException);
      expect((error as Error).constructor).toBe((expected as Error).constructor);
      expect((error as Error).message).toBe((expected as Error).message);
      expect(error).toMatchObject({ $metadata: { httpStatusCode: answered } });
    },
  );
});
