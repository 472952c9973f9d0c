/**
 * The emulator under bad requests, beyond what test/emulator/ covers (malformed JSON, content
 * type, oversized bodies, one oversized header, non-HTTP bytes, expired and future signatures):
 * header floods by count and by duplicates, garbage and replayed signatures, extreme clock skew,
 * and thousands of malformed requests in a row with the heap bounded. Always an AWS-style answer
 * (a 4xx with `x-amzn-errortype`), never a crash; a normal request still succeeds afterwards.
 */
import { connect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CreateAppInstanceCommand, CreateAppInstanceUserCommand } from '@aws-sdk/client-chime-sdk-identity';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { createUserRequest, identityClient, type RawRequest, raw, signRaw } from '../emulator/helpers.js';
import { useEmulator } from '../support/emulator.js';
import { prng, seedFor } from './support.js';

const emulator = useEmulator();

// A crash would surface here, not as a failed request: collect anything that escapes.
const escaped: unknown[] = [];
const onEscape = (reason: unknown) => escaped.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
});
afterAll(() => {
  process.off('unhandledRejection', onEscape);
  process.off('uncaughtException', onEscape);
  expect(escaped).toEqual([]);
});

interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Bytes straight onto a socket (latin1, so any header byte can be sent), for what no HTTP client
 * would send; resolves with the parsed answer once the emulator closes the connection. The
 * socket stays open for writing until then, as an HTTP client's does: a client that half-closes
 * at once may find the server's side already ended when the server wants to answer.
 */
function rawExchange(target: Emulator, head: string, body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(target.port, target.host);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      socket.end();
      const text = Buffer.concat(chunks).toString('latin1');
      const [headText = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = headText.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(`${head}\r\n\r\n${body}`, 'latin1');
  });
}

/** A request as a raw head: its request line, the given header lines in order, and `connection: close`. */
function head(request: RawRequest, extraLines: readonly string[] = [], before = true): string {
  const own = Object.entries(request.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  const lines = before ? [...extraLines, ...own] : [...own, ...extraLines];
  return [`${request.method ?? 'GET'} ${request.path} HTTP/1.1`, ...lines, 'connection: close'].join('\r\n');
}

/**
 * An AWS-style refusal: a 4xx, the `x-amzn-errortype` header, a request id, and a JSON body
 * with the message (`Code` is the model's error code, which may differ from the type:
 * `BadRequest` for `BadRequestException`; an auth refusal carries `message` only, as AWS's does).
 */
function expectAwsRefusal(
  answer: RawAnswer | { status: number; headers: Record<string, unknown>; text: string },
) {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.headers['x-amzn-errortype']).toMatch(/^[A-Za-z]+Exception$/);
  expect(answer.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  const body = JSON.parse('body' in answer ? answer.body : answer.text) as Record<string, unknown>;
  expect(typeof (body.Message ?? body.message)).toBe('string');
}

/** The emulator still serves the SDK normally. */
async function expectStillServing(target: Emulator) {
  const client = identityClient(target);
  const { AppInstanceArn } = await client.send(new CreateAppInstanceCommand({ Name: 'after-the-abuse' }));
  const user = await client.send(
    new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'still-here', Name: 'Ada' }),
  );
  expect(user.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/still-here`);
  client.destroy();
}

/** A signed CreateAppInstanceUser for a fresh app instance. */
async function signedCreate(target: Emulator, userId = 'u1', signingDate?: Date) {
  const AppInstanceArn = target.createAppInstance();
  const request = await signRaw(
    target,
    createUserRequest({
      AppInstanceArn,
      AppInstanceUserId: userId,
      Name: 'Ada',
      ClientRequestToken: `token-${userId}`,
    }),
    signingDate ? { signingDate } : {},
  );
  return { AppInstanceArn, request };
}

/** `n` distinct short header names (base 36), so a flood stays under the size limit. */
const floodLines = (n: number, value = '1') =>
  Array.from({ length: n }, (_, i) => `x${i.toString(36)}: ${value}`);

describe('Emulator: header floods are answered AWS-style, never a crash', () => {
  it('900 extra unsigned headers ahead of a signed request: still served (unsigned headers do not count)', async () => {
    const { AppInstanceArn, request } = await signedCreate(emulator.current);
    const answer = await rawExchange(emulator.current, head(request, floodLines(900)), String(request.body));
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({ AppInstanceUserArn: `${AppInstanceArn}/user/u1` });
  });

  it('headers over the size limit by count (3,000 small ones): 431 RequestHeaderFieldsTooLargeException', async () => {
    const { request } = await signedCreate(emulator.current);
    const answer = await rawExchange(
      emulator.current,
      head(request, floodLines(3_000, 'abcdef')),
      String(request.body),
    );
    expect(answer.status).toBe(431);
    expectAwsRefusal(answer);
  });

  it('a request without a Host header: an AWS-style 4xx, like every other malformed request', async () => {
    const answer = await rawExchange(emulator.current, 'GET /app-instances/x HTTP/1.1\r\nconnection: close');
    expectAwsRefusal(answer);
  });

  it('2,100 tiny headers ahead of the signed ones (past node’s header count limit, about 1,000, under its size limit): the dropped signed headers make it an AWS-style 4xx', async () => {
    const { AppInstanceArn, request } = await signedCreate(emulator.current);
    const answer = await rawExchange(
      emulator.current,
      head(request, floodLines(2_100)),
      String(request.body),
    );
    expectAwsRefusal(answer);
    expect(emulator.current.users(AppInstanceArn)).toEqual([]);
  });

  it.each([
    ['x-amz-date'],
    ['x-amz-content-sha256'],
    ['authorization'],
    ['host'],
    ['content-type'],
    ['content-length'],
  ])(
    '%s given twice with different values: a 4xx AWS-style refusal, or served as the signed request',
    async (name) => {
      const { AppInstanceArn, request } = await signedCreate(emulator.current);
      const signed = request.headers as Record<string, string>;
      const original = signed[name] ?? signed[Object.keys(signed).find((k) => k.toLowerCase() === name)!]!;
      const forged = name === 'content-length' ? String(Number(original) + 1) : `${original}0`;
      const answer = await rawExchange(
        emulator.current,
        head(request, [`${name}: ${forged}`], false),
        String(request.body),
      );
      if (answer.status === 201) {
        // The parser kept the first (signed) value, and dropped the forged one.
        expect(emulator.current.users(AppInstanceArn)).toHaveLength(1);
      } else {
        expectAwsRefusal(answer);
        expect(emulator.current.users(AppInstanceArn)).toEqual([]);
      }
    },
  );

  it('afterwards the emulator still serves the SDK', async () => {
    await expectStillServing(emulator.current);
  });
});

describe('Emulator: bad signatures are refused AWS-style (garbage Authorization headers of every shape)', () => {
  it('500 generated Authorization headers and x-amz-date values: each a 4xx with an AWS error type, nothing created', async () => {
    const seed = seedFor('emulator-hostile: signatures');
    const AppInstanceArn = emulator.current.createAppInstance();
    const valid = await signRaw(
      emulator.current,
      createUserRequest({
        AppInstanceArn,
        AppInstanceUserId: 'u1',
        Name: 'Ada',
        ClientRequestToken: 'token-1',
      }),
    );
    const signedAuthorization = String(valid.headers?.authorization);
    const piece = fc.oneof(
      fc.constantFrom(
        'AWS4-HMAC-SHA256',
        'AWS4-HMAC-SHA512',
        'Credential=',
        'SignedHeaders=',
        'Signature=',
        emulator.current.credentials.accessKeyId,
        'AKIAOTHERKEYEXAMPLE',
        '/20240101/',
        '/us-east-1/',
        '/../',
        'chime',
        'aws4_request',
        'host;x-amz-date',
        ',',
        ', ',
        ' ',
        '=',
        '/',
        '\t',
        '0'.repeat(64),
        'g'.repeat(64),
        '\u00ff\u00fe',
      ),
      fc.string({ unit: 'binary-ascii', maxLength: 8 }).map((s) => s.replace(/[\r\n]/g, '')),
      // Pieces of the real signature, rearranged.
      fc
        .tuple(fc.nat({ max: signedAuthorization.length }), fc.nat({ max: 40 }))
        .map(([at, length]) => signedAuthorization.slice(at, at + length)),
    );
    const authorization = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    const amzDate = fc.oneof(
      fc.constant(String(valid.headers?.['x-amz-date'])),
      fc.constantFrom('', '0', '20240230T000000Z', '99991231T235959Z', '19700101T000000Z', 'not-a-date'),
    );

    let answered = 0;
    await fc.assert(
      fc.asyncProperty(authorization, amzDate, async (auth, date) => {
        if (auth === signedAuthorization) return;
        const headers = { ...valid.headers, authorization: auth, 'x-amz-date': date };
        const answer = await rawExchange(emulator.current, head({ ...valid, headers }), String(valid.body));
        expectAwsRefusal(answer);
        answered++;
      }),
      { seed, numRuns: 500 },
    );
    expect(answered).toBeGreaterThan(400);
    expect(emulator.current.users(AppInstanceArn)).toEqual([]);
    await expectStillServing(emulator.current);
  }, 60_000);
});

describe('Emulator: replayed signatures (SigV4 has no nonce: a replay inside the 15-minute window is accepted by design; an old one is not)', () => {
  it('the same signed create replayed at once: accepted, and harmless, the idempotency token answers with the same user', async () => {
    const { AppInstanceArn, request } = await signedCreate(emulator.current);
    const first = await raw(emulator.current, request);
    const replay = await raw(emulator.current, request);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    expect(emulator.current.users(AppInstanceArn)).toHaveLength(1);
  });

  it('a request captured 16 minutes ago and replayed now: 403 InvalidSignatureException "Signature expired"', async () => {
    const { AppInstanceArn, request } = await signedCreate(
      emulator.current,
      'u1',
      new Date(Date.now() - 16 * 60_000),
    );
    const answer = await raw(emulator.current, request);
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({
      Code: 'InvalidSignatureException',
      Message: expect.stringMatching(/^Signature expired: /),
    });
    expect(emulator.current.users(AppInstanceArn)).toEqual([]);
  });

  it('a captured signature replayed on another request (another user, another host): 403, nothing created', async () => {
    const { AppInstanceArn, request } = await signedCreate(emulator.current, 'u1');
    const otherBody = JSON.stringify({
      AppInstanceArn,
      AppInstanceUserId: 'intruder',
      Name: 'Eve',
      ClientRequestToken: 'token-u1',
    });
    const onOtherBody = await raw(emulator.current, {
      ...request,
      headers: { ...request.headers, 'content-length': String(Buffer.byteLength(otherBody)) },
      body: otherBody,
    });
    expect(onOtherBody.status).toBe(403);
    const onOtherHost = await rawExchange(
      emulator.current,
      head({ ...request, headers: { ...request.headers, host: 'identity-chime.us-east-1.amazonaws.com' } }),
      String(request.body),
    );
    expect(onOtherHost.status).toBe(403);
    expectAwsRefusal(onOtherHost);
    expect(emulator.current.users(AppInstanceArn)).toEqual([]);
  });
});

describe('Emulator: clock skew at the extremes is refused AWS-style, and the SDK’s own skew correction recovers', () => {
  it.each([
    ['the epoch (1970)', new Date(0)],
    ['year 9999', new Date('9999-12-31T23:59:59Z')],
    ['a day ago', new Date(Date.now() - 24 * 3600_000)],
    ['a day ahead', new Date(Date.now() + 24 * 3600_000)],
  ])('signed at %s: 403 InvalidSignatureException', async (_name, signingDate) => {
    const { AppInstanceArn, request } = await signedCreate(emulator.current, 'u1', signingDate);
    const answer = await raw(emulator.current, request);
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({
      Code: 'InvalidSignatureException',
      Message: expect.stringMatching(/^Signature (expired|not yet current): /),
    });
    expect(emulator.current.users(AppInstanceArn)).toEqual([]);
  });

  it('an SDK client whose clock is 20 minutes slow: refused, then served on the retry the SDK makes with its corrected clock', async () => {
    const client = identityClient(emulator.current, 'us-east-1', {
      systemClockOffset: -20 * 60_000,
      maxAttempts: 2,
    });
    const output = await client.send(new CreateAppInstanceCommand({ Name: 'skewed' }));
    expect(output.$metadata).toMatchObject({ httpStatusCode: 201, attempts: 2 });
    expect(emulator.current.requests().map((entry) => entry.status)).toEqual([403, 201]);
    client.destroy();
  });
});

describe('Emulator: thousands of malformed requests in a row; memory stays bounded and it never crashes', () => {
  /** `gc()`, exposed at run time (vitest workers do not start with --expose-gc). */
  function collectGarbage(): () => void {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  }

  it('3,000 malformed requests (8 at a time): each a 4xx AWS-style answer; heap growth after GC under 32 MB; the request log stays at its bound', async () => {
    const seed = seedFor('emulator-hostile: flood');
    const random = prng(seed);
    const target = emulator.current;
    const host = `${target.host}:${target.port}`;
    const AppInstanceArn = target.createAppInstance();
    const signedBody = await signRaw(
      target,
      createUserRequest({
        AppInstanceArn,
        AppInstanceUserId: 'u1',
        Name: 'Ada',
        ClientRequestToken: 'token-1',
      }),
    );
    const kinds: Array<[string, () => Promise<RawAnswer | Awaited<ReturnType<typeof raw>>>]> = [
      [
        'malformed JSON',
        async () => raw(target, await signRaw(target, createUserRequest('{"AppInstanceArn": '))),
      ],
      ['a JSON array', async () => raw(target, await signRaw(target, createUserRequest('[1,2,3]')))],
      [
        'a wrong content type',
        async () =>
          raw(target, await signRaw(target, createUserRequest('{}', { 'content-type': 'text/xml' }))),
      ],
      ['no signature', () => raw(target, createUserRequest({ AppInstanceArn }))],
      [
        'a tampered signature',
        () =>
          raw(target, {
            ...signedBody,
            headers: {
              ...signedBody.headers,
              authorization: String(signedBody.headers?.authorization).replace(/.$/, '0'),
            },
          }),
      ],
      ['an unknown path', () => raw(target, { path: `/nothing/${Math.floor(random() * 1e9)}` })],
      ['a malformed percent-encoding', () => raw(target, { path: '/app-instances/%E0%A4%A' })],
      [
        'a declared body over the limit',
        () =>
          rawExchange(
            target,
            head({
              method: 'POST',
              path: '/app-instance-users',
              headers: { host, 'content-length': '10000000' },
            }),
          ),
      ],
      [
        'an oversized header',
        () =>
          rawExchange(
            target,
            head({ path: '/app-instances/x', headers: { host } }, [`x-big: ${'a'.repeat(20_000)}`]),
          ),
      ],
      ['bytes that are not HTTP', () => rawExchange(target, 'NOT HTTP \u0000\u00ff AT ALL')],
    ];
    const gc = collectGarbage();
    const byKind: Record<string, number> = {};
    const flood = async (count: number) => {
      let next = 0;
      const worker = async () => {
        while (next < count) {
          next++;
          const [kind, send] = kinds[Math.floor(random() * kinds.length)]!;
          const answer = await send();
          try {
            expectAwsRefusal(answer);
          } catch (error) {
            throw new Error(`${kind}: not an AWS-style refusal: ${JSON.stringify(answer).slice(0, 300)}`, {
              cause: error,
            });
          }
          byKind[kind] = (byKind[kind] ?? 0) + 1;
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    };

    await flood(300); // warm-up: JIT, sockets, caches
    for (const kind of Object.keys(byKind)) delete byKind[kind];
    gc();
    const before = process.memoryUsage().heapUsed;
    await flood(3_000);
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    console.log(
      `[emulator-hostile] ${JSON.stringify({ seed, requests: 3_000, byKind, heapGrowthBytes: growth, log: target.requests().length })}`,
    );

    expect(growth).toBeLessThan(32 * 1024 * 1024);
    expect(target.requests().length).toBeLessThanOrEqual(1_000);
    expect(target.users(AppInstanceArn)).toEqual([]);
    await expectStillServing(target);
  }, 60_000);
});
