import {
  ChimeSDKIdentityServiceException,
  CreateAppInstanceCommand,
  CreateAppInstanceUserCommand,
  DescribeAppInstanceCommand,
} from '@aws-sdk/client-chime-sdk-identity';
import { CreateAppInstanceUserCommand as LegacyCreateAppInstanceUserCommand } from 'legacy-chime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { createUserRequest, identityClient, legacyClient, raw, rejection, signRaw } from './helpers.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function userBody(AppInstanceArn: string, extra: Record<string, unknown> = {}) {
  return { AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n', ClientRequestToken: 'token-0001', ...extra };
}

describe('Emulator: SigV4 verification (service chime, region in scope, 15-minute skew)', () => {
  it('accepts the identity client in any region and serves the request in the region of its scope', async () => {
    for (const region of ['us-east-1', 'eu-central-1']) {
      const { AppInstanceArn } = await identityClient(emulator, region).send(
        new CreateAppInstanceCommand({ Name: 'x' }),
      );
      expect(AppInstanceArn).toContain(`:chime:${region}:`);
      expect(emulator.requests().at(-1)).toMatchObject({ status: 201, region });
    }
  });

  it('accepts the legacy 3.699 client, signed with its configured region under a custom endpoint', async () => {
    const AppInstanceArn = emulator.createAppInstance({ region: 'eu-central-1' });
    const out = await legacyClient(emulator, 'eu-central-1').send(
      new LegacyCreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' }),
    );
    expect(out.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/u1`);
    expect(emulator.requests().at(-1)).toMatchObject({ status: 201, region: 'eu-central-1' });
  });

  it('a request without Authorization is MissingAuthenticationTokenException (403)', async () => {
    const res = await raw(emulator, createUserRequest(userBody(emulator.createAppInstance())));
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json).toEqual({
      Code: 'MissingAuthenticationTokenException',
      Message: 'Request is missing Authentication Token',
    });
    expect(emulator.users()).toEqual([]);
  });

  it('an unknown access key is UnrecognizedClientException (403), in both SDK generations', async () => {
    const credentials = {
      accessKeyId: 'AKIAUNKNOWNEXAMPLE00',
      secretAccessKey: EMULATOR_CREDENTIALS.secretAccessKey,
    };
    const error = await rejection(
      identityClient(emulator, 'us-east-1', { credentials }).send(
        new CreateAppInstanceCommand({ Name: 'x' }),
      ),
    );
    expect(error).toBeInstanceOf(ChimeSDKIdentityServiceException);
    expect(error).toMatchObject({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
      $fault: 'client',
      $metadata: { httpStatusCode: 403 },
    });
    const legacy = await rejection(
      legacyClient(emulator, 'us-east-1', { credentials }).send(
        new LegacyCreateAppInstanceUserCommand({
          AppInstanceArn: emulator.createAppInstance(),
          AppInstanceUserId: 'u',
          Name: 'n',
        }),
      ),
    );
    expect(legacy).toMatchObject({ name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
  });

  it('a session token (temporary credentials the emulator never issued) is UnrecognizedClientException', async () => {
    const credentials = { ...EMULATOR_CREDENTIALS, sessionToken: 'session-token-example' };
    const error = await rejection(
      identityClient(emulator, 'us-east-1', { credentials }).send(
        new CreateAppInstanceCommand({ Name: 'x' }),
      ),
    );
    expect(error.name).toBe('UnrecognizedClientException');
  });

  it('a wrong secret key is InvalidSignatureException (403) with AWS message', async () => {
    const credentials = { accessKeyId: EMULATOR_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' };
    const error = await rejection(
      identityClient(emulator, 'us-east-1', { credentials }).send(
        new CreateAppInstanceCommand({ Name: 'x' }),
      ),
    );
    expect(error).toMatchObject({
      name: 'InvalidSignatureException',
      message: MISMATCH,
      $metadata: { httpStatusCode: 403 },
    });
    expect(emulator.appInstances()).toEqual([]);
  });

  it('a signature older than 15 minutes is InvalidSignatureException "Signature expired"', async () => {
    const client = identityClient(emulator, 'us-east-1', { systemClockOffset: -16 * 60 * 1000 });
    const error = await rejection(client.send(new CreateAppInstanceCommand({ Name: 'x' })));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
  });

  it('a signature more than 15 minutes ahead is InvalidSignatureException "Signature not yet current"', async () => {
    const client = identityClient(emulator, 'us-east-1', { systemClockOffset: 16 * 60 * 1000 });
    const error = await rejection(client.send(new CreateAppInstanceCommand({ Name: 'x' })));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(
      /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/,
    );
  });

  it('a clock skew inside 15 minutes is accepted', async () => {
    for (const minutes of [-14, 14]) {
      const client = identityClient(emulator, 'us-east-1', { systemClockOffset: minutes * 60 * 1000 });
      await expect(client.send(new CreateAppInstanceCommand({ Name: 'x' }))).resolves.toMatchObject({
        $metadata: { httpStatusCode: 201 },
      });
    }
  });

  it('a body that does not match x-amz-content-sha256 is InvalidSignatureException', async () => {
    const AppInstanceArn = emulator.createAppInstance();
    const signed = await signRaw(emulator, createUserRequest(userBody(AppInstanceArn, { Name: 'aaaa' })));
    const tampered = { ...signed, body: JSON.stringify(userBody(AppInstanceArn, { Name: 'bbbb' })) };
    const res = await raw(emulator, tampered);
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ Code: 'InvalidSignatureException', Message: MISMATCH });
    // The same signed request, untampered, goes through.
    expect((await raw(emulator, signed)).status).toBe(201);
  });

  it('without x-amz-content-sha256 the payload hash is computed from the body received', async () => {
    const AppInstanceArn = emulator.createAppInstance();
    const signed = await signRaw(emulator, createUserRequest(userBody(AppInstanceArn, { Name: 'aaaa' })), {
      applyChecksum: false,
    });
    expect(signed.headers?.['x-amz-content-sha256']).toBeUndefined();
    const tampered = { ...signed, body: JSON.stringify(userBody(AppInstanceArn, { Name: 'bbbb' })) };
    expect((await raw(emulator, tampered)).status).toBe(403);
    expect((await raw(emulator, signed)).status).toBe(201);
  });

  it('the raw percent-encoded path and the query are part of the signature', async () => {
    const first = emulator.createAppInstance();
    const second = emulator.createAppInstance();
    const signedPath = await signRaw(emulator, { path: `/app-instances/${encodeURIComponent(first)}` });
    expect((await raw(emulator, signedPath)).status).toBe(200);
    const otherPath = await raw(emulator, {
      ...signedPath,
      path: `/app-instances/${encodeURIComponent(second)}`,
    });
    expect(otherPath.json).toEqual({ Code: 'InvalidSignatureException', Message: MISMATCH });

    const query = `app-instance-arn=${encodeURIComponent(first)}&max-results=1`;
    const signedQuery = await signRaw(emulator, { path: `/app-instance-users?${query}` });
    expect((await raw(emulator, signedQuery)).status).toBe(200);
    const otherQuery = await raw(emulator, {
      ...signedQuery,
      path: `/app-instance-users?${query.replace('=1', '=2')}`,
    });
    expect(otherQuery.status).toBe(403);
  });

  it('only the signed headers count: an unsigned header may change, a signed one may not', async () => {
    const signed = await signRaw(emulator, {
      method: 'POST',
      path: '/app-instances',
      headers: { 'content-type': 'application/json', 'x-signed-extra': 'a' },
      body: JSON.stringify({ Name: 'x', ClientRequestToken: 'tok-123' }),
    });
    const unsignedChanged = await raw(emulator, {
      ...signed,
      headers: { ...signed.headers, 'user-agent': 'something-else' },
    });
    expect(unsignedChanged.status).toBe(201);
    const signedChanged = await raw(emulator, {
      ...signed,
      headers: { ...signed.headers, 'x-signed-extra': 'b' },
    });
    expect(signedChanged.status).toBe(403);
  });

  it('a scope for another service is InvalidSignatureException', async () => {
    const signed = await signRaw(emulator, { path: '/app-instances/x' }, { service: 'sns' });
    const res = await raw(emulator, signed);
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      Code: 'InvalidSignatureException',
      Message: "Credential should be scoped to correct service: 'chime'. ",
    });
  });

  it('a scope whose date is not the x-amz-date day is InvalidSignatureException', async () => {
    const signed = await signRaw(emulator, { path: '/app-instances/x' }, { signingDate: new Date() });
    const amzDate = String(signed.headers?.['x-amz-date']);
    const nextDay = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '');
    const res = await raw(emulator, {
      ...signed,
      headers: { ...signed.headers, 'x-amz-date': `${nextDay}${amzDate.slice(8)}` },
    });
    expect(res.json.Code).toBe('InvalidSignatureException');
    expect(res.json.Message).toMatch(
      /^Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP/,
    );
  });

  it('a malformed Authorization header or x-amz-date is IncompleteSignatureException (400)', async () => {
    const bearer = await raw(emulator, {
      path: '/app-instances/x',
      headers: { authorization: 'Bearer abc' },
    });
    expect(bearer.status).toBe(400);
    expect(bearer.json.Code).toBe('IncompleteSignatureException');
    expect(bearer.json.Message).toContain("Authorization header requires 'Credential' parameter.");
    expect(bearer.json.Message).toContain(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );

    const signed = await signRaw(emulator, { path: '/app-instances/x' });
    const badDate = await raw(emulator, {
      ...signed,
      headers: { ...signed.headers, 'x-amz-date': '20240230T000000Z' },
    });
    expect(badDate.status).toBe(400);
    expect(badDate.json.Message).toBe(
      "Date must be in ISO-8601 'basic format'. Got '20240230T000000Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    );
  });

  it('the region mismatch between the scope and the ARN is a BadRequestException, not a signature error', async () => {
    const AppInstanceArn = emulator.createAppInstance({ region: 'us-east-1' });
    const error = await rejection(
      identityClient(emulator, 'eu-central-1').send(
        new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u', Name: 'n' }),
      ),
    );
    expect(error).toMatchObject({ name: 'BadRequestException', $metadata: { httpStatusCode: 400 } });
    expect(error.message).toContain(
      'is in region us-east-1, but the request was signed for region eu-central-1',
    );
  });
});

describe('Emulator: SigV4 options (regions allow-list, own credentials, verification off)', () => {
  it('regions: a scope outside the list is InvalidSignatureException "Credential should be scoped to a valid region."', async () => {
    const restricted = await startEmulator({ regions: ['us-east-1'] });
    try {
      const error = await rejection(
        identityClient(restricted, 'eu-west-1').send(new CreateAppInstanceCommand({ Name: 'x' })),
      );
      expect(error).toMatchObject({
        name: 'InvalidSignatureException',
        message: 'Credential should be scoped to a valid region. ',
      });
      await expect(
        identityClient(restricted, 'us-east-1').send(new CreateAppInstanceCommand({ Name: 'x' })),
      ).resolves.toBeDefined();
    } finally {
      await restricted.close();
    }
  });

  it('credentials: only the configured pair verifies', async () => {
    const own = { accessKeyId: 'AKIAOWNEXAMPLEKEY000', secretAccessKey: 'own-secret-EXAMPLE' };
    const custom = await startEmulator({ credentials: own });
    try {
      expect(custom.credentials).toEqual(own);
      const error = await rejection(identityClient(custom).send(new CreateAppInstanceCommand({ Name: 'x' })));
      expect(error.name).toBe('UnrecognizedClientException');
      await expect(
        identityClient(custom, 'us-east-1', { credentials: own }).send(
          new CreateAppInstanceCommand({ Name: 'x' }),
        ),
      ).resolves.toBeDefined();
    } finally {
      await custom.close();
    }
  });

  it('verifySignatures: false accepts unsigned and wrongly signed requests, region from the scope or defaultRegion', async () => {
    const open = await startEmulator({ verifySignatures: false, defaultRegion: 'eu-central-1' });
    try {
      const unsigned = await raw(open, {
        method: 'POST',
        path: '/app-instances',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Name: 'x', ClientRequestToken: 'tok-1' }),
      });
      expect(unsigned.status).toBe(201);
      expect(unsigned.json.AppInstanceArn).toContain(':chime:eu-central-1:');
      const wrong = identityClient(open, 'us-east-1', {
        credentials: { accessKeyId: 'AKIAANYEXAMPLE000000', secretAccessKey: 'x' },
      });
      const { AppInstanceArn } = await wrong.send(new CreateAppInstanceCommand({ Name: 'y' }));
      expect(AppInstanceArn).toContain(':chime:us-east-1:');
      await expect(wrong.send(new DescribeAppInstanceCommand({ AppInstanceArn }))).resolves.toBeDefined();
    } finally {
      await open.close();
    }
  });
});
