import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Legacy from '@aws-sdk/client-chime';
import * as Identity from '@aws-sdk/client-chime-sdk-identity';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Shim from '../../src/index.js';

// The shim's identity client, injected and mocked per instance (the recipe in docs/testing.md).
const identityClient = new Identity.ChimeSDKIdentityClient({ region: 'us-east-1' });
const identity = mockClient(identityClient);
beforeEach(() => identity.reset());
afterAll(() => identity.restore());

const input = {
  AppInstanceArn: 'arn:aws:chime:us-east-1:111122223333:app-instance/abc',
  AppInstanceUserId: 'user-1',
  Name: 'Ada',
};
const options = { identityClient };
const $metadata = { httpStatusCode: 409, requestId: 'req-123', attempts: 2, totalRetryDelay: 40 };

/** Every error both models declare, plus NotFoundException, with the status the service uses. */
const modelled = [
  ['BadRequestException', 400, 'client'],
  ['ConflictException', 409, 'client'],
  ['ForbiddenException', 403, 'client'],
  ['NotFoundException', 404, 'client'],
  ['ResourceLimitExceededException', 400, 'client'],
  ['ServiceFailureException', 500, 'server'],
  ['ServiceUnavailableException', 503, 'server'],
  ['ThrottledClientException', 429, 'client'],
  ['UnauthorizedClientException', 401, 'client'],
] as const;

describe('Errors: every service error reaches the caller as an instance of its own @aws-sdk/client-chime class', () => {
  it.each(modelled)('%s (HTTP %i, %s fault)', async (name, status, fault) => {
    const IdentityError = Identity[name];
    const original = new IdentityError({
      $metadata: { ...$metadata, httpStatusCode: status },
      message: `${name} happened`,
      Code: 'SomeCode' as never,
    });
    identity.on(Identity.CreateAppInstanceUserCommand).rejects(original);

    const error = await Shim.createAppInstanceUser(input, options).catch((e: unknown) => e);

    // The caller's own import of @aws-sdk/client-chime: the peer, one copy.
    expect(error).toBeInstanceOf(Legacy[name]);
    expect(error).toBeInstanceOf(Legacy.ChimeServiceException);
    expect(error).toBeInstanceOf(Shim[name]);
    expect(error).not.toBe(original);
    expect(error).toMatchObject({
      name,
      message: `${name} happened`,
      Code: 'SomeCode' as never,
      Message: `${name} happened`,
      $fault: fault,
      $metadata: { httpStatusCode: status, requestId: 'req-123', attempts: 2, totalRetryDelay: 40 },
    });
    expect((error as Error).cause).toBe(original);
  });

  it('an unknown error code becomes ChimeServiceException keeping its name', async () => {
    const original = new Identity.ChimeSDKIdentityServiceException({
      name: 'InternalWidgetException',
      $fault: 'server',
      $metadata: { httpStatusCode: 500, requestId: 'req-9' },
      message: 'widget broke',
    });
    identity.on(Identity.CreateAppInstanceUserCommand).rejects(original);

    const error = await Shim.createAppInstanceUser(input, options).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Legacy.ChimeServiceException);
    expect(error).toMatchObject({
      name: 'InternalWidgetException',
      message: 'widget broke',
      $fault: 'server',
      $metadata: { httpStatusCode: 500, requestId: 'req-9' },
    });
    expect((error as Error).cause).toBe(original);
  });

  it('network errors, timeouts and aborts pass through as the SDK raised them', async () => {
    const reset = Object.assign(new Error('socket hang up'), {
      code: 'ECONNRESET',
      $metadata: { attempts: 3 },
    });
    const timeout = Object.assign(new Error('Connection timed out after 10 ms'), { name: 'TimeoutError' });
    const abort = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    for (const original of [reset, timeout, abort]) {
      identity.on(Identity.CreateAppInstanceUserCommand).rejects(original);
      await expect(Shim.createAppInstanceUser(input, options)).rejects.toBe(original);
    }
  });
});

describe('Errors: a non-JSON error body becomes a legacy ChimeServiceException carrying the HTTP status', () => {
  let server: http.Server;
  let endpoint: string;
  beforeAll(async () => {
    // A proxy's HTML error page, over real HTTP, so the real SDK parses (and fails to parse) it.
    server = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(502, { 'content-type': 'text/html', 'x-amzn-requestid': 'req-html' });
        response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('HTML 502 from a proxy', async () => {
    const error = await Shim.createAppInstanceUser(input, {
      identityConfig: {
        endpoint,
        maxAttempts: 1,
        credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' },
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Legacy.ChimeServiceException);
    expect(error).toMatchObject({ $fault: 'server', $metadata: { httpStatusCode: 502 } });
    expect((error as Error).message).toContain('HTTP 502');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
