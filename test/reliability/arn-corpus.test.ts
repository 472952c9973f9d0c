/**
 * ARN corpus: an AppInstanceArn picks the region, and the region picks the host. None of these
 * crafted ARNs may produce a request to a host outside the allowed endpoints, which are exactly
 * `identity-chime.<allowed region>.amazonaws.com`. No custom endpoint: the real SDK resolves the
 * host, and a request handler records it and answers a canned 201 (no network).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BadRequestException,
  ChimeClient,
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserRequest,
  createAppInstanceUser,
  type ShimOptions,
} from '../../src/index.js';
import { CannedHandler, seedFor } from './support.js';

const CREDENTIALS = { accessKeyId: 'AKIAARNCORPUSEXAMPLE', secretAccessKey: 'arn-corpus-secret' };
const ACCOUNT = '111122223333';
const ID = '0f1e2d3c-aaaa-bbbb-cccc-000000000000';
const arnIn = (region: string) => `arn:aws:chime:${region}:${ACCOUNT}:app-instance/${ID}`;

const DEFAULT_REGIONS = ['us-east-1', 'eu-central-1'];
const CUSTOM_REGIONS = ['us-west-2', 'ap-southeast-1', 'us-east-1'];

/** What must happen to an ARN: rejected before any I/O, or sent to the host of this region. */
type Expected = 'rejected' | { region: string };

/**
 * Crafted ARNs, each with what must happen under the default allow-list. Cases that must be
 * accepted are listed too, so the corpus cannot pass by rejecting everything.
 */
const corpus: Array<[string, string, Expected]> = [
  ['a plain us-east-1 ARN', arnIn('us-east-1'), { region: 'us-east-1' }],
  ['a plain eu-central-1 ARN', arnIn('eu-central-1'), { region: 'eu-central-1' }],
  ['a region outside the allow-list', arnIn('ap-southeast-1'), 'rejected'],
  ['a host name as the region', arnIn('us-east-1.evil.com'), 'rejected'],
  ['a host name with a leading region', arnIn('evil.com.us-east-1'), 'rejected'],
  ['a trailing dot', arnIn('us-east-1.'), 'rejected'],
  ['a leading dot', arnIn('.us-east-1'), 'rejected'],
  ['dot-dot as the region', arnIn('..'), 'rejected'],
  ['a single dot as the region', arnIn('.'), 'rejected'],
  ['an empty region', arnIn(''), 'rejected'],
  ['an overlong region segment (63 characters)', arnIn('a'.repeat(63)), 'rejected'],
  ['a region segment over 63 characters', arnIn(`us-east-1${'a'.repeat(60)}`), 'rejected'],
  ['an uppercase region', arnIn('US-EAST-1'), 'rejected'],
  ['a mixed-case region', arnIn('us-East-1'), 'rejected'],
  ['a Cyrillic е in us-еast-1', arnIn('us-\u0435ast-1'), 'rejected'],
  ['a Cyrillic а in eu-centrаl-1', arnIn('eu-centr\u0430l-1'), 'rejected'],
  ['a Greek ο in eu-centrοl-1', arnIn('eu-centr\u03bfl-1'), 'rejected'],
  ['a fullwidth hyphen', arnIn('us\uff0deast-1'), 'rejected'],
  ['a zero-width space', arnIn('us-east\u200b-1'), 'rejected'],
  [
    'a port after the region',
    `arn:aws:chime:us-east-1:443:${ACCOUNT}:app-instance/${ID}`,
    { region: 'us-east-1' },
  ],
  ['a port inside the region', arnIn('us-east-1%3A443'), 'rejected'],
  ['a percent-encoded slash in the region', arnIn('us-east-1%2Fevil.com'), 'rejected'],
  ['a slash in the region', arnIn('us-east-1/evil.com'), 'rejected'],
  ['a backslash in the region', arnIn('us-east-1\\evil.com'), 'rejected'],
  ['userinfo in the region', arnIn('evil.com@us-east-1'), 'rejected'],
  [
    'userinfo in the resource',
    `arn:aws:chime:us-east-1:${ACCOUNT}:app-instance/x@evil.com`,
    { region: 'us-east-1' },
  ],
  [
    'a host in the resource',
    `arn:aws:chime:us-east-1:${ACCOUNT}:app-instance/../../evil.com:443/x`,
    { region: 'us-east-1' },
  ],
  ['an IPv6 literal as the region', arnIn('[::1]'), 'rejected'],
  ['an IPv4 address as the region', arnIn('127.0.0.1'), 'rejected'],
  ['localhost as the region', arnIn('localhost'), 'rejected'],
  ['a newline in the region', arnIn('us-east-1\nHost: evil.com'), 'rejected'],
  ['a carriage return in the region', arnIn('us-east-1\r'), 'rejected'],
  [
    'a newline in the resource',
    `arn:aws:chime:us-east-1:${ACCOUNT}:app-instance/x\nHost: evil.com`,
    'rejected',
  ],
  ['a trailing newline', `${arnIn('us-east-1')}\n`, 'rejected'],
  [
    'a line separator in the resource',
    `arn:aws:chime:us-east-1:${ACCOUNT}:app-instance/x\u2028y`,
    'rejected',
  ],
  ['a NUL in the region', arnIn('us-east-1\u0000'), 'rejected'],
  ['spaces around the region', arnIn(' us-east-1 '), 'rejected'],
  [
    'the aws-cn partition, its region',
    `arn:aws-cn:chime:cn-north-1:${ACCOUNT}:app-instance/${ID}`,
    'rejected',
  ],
  [
    'the aws-cn partition with an allowed region',
    `arn:aws-cn:chime:us-east-1:${ACCOUNT}:app-instance/${ID}`,
    { region: 'us-east-1' },
  ],
  [
    'the aws-us-gov partition, its region',
    `arn:aws-us-gov:chime:us-gov-west-1:${ACCOUNT}:app-instance/${ID}`,
    'rejected',
  ],
  ['an ISO partition region', `arn:aws-iso:chime:us-iso-east-1:${ACCOUNT}:app-instance/${ID}`, 'rejected'],
  ['another service', `arn:aws:s3:us-east-1:${ACCOUNT}:app-instance/${ID}`, { region: 'us-east-1' }],
  ['a region with two digits', arnIn('us-east-10'), 'rejected'],
  ['a region with a suffix', arnIn('us-east-1-fips'), 'rejected'],
  ['a fips region name', arnIn('fips-us-east-1'), 'rejected'],
  ['a dualstack-looking region', arnIn('us-east-1.dualstack'), 'rejected'],
  ['the region in the account field', `arn:aws:chime::us-east-1:app-instance/${ID}`, 'rejected'],
  ['too few fields', 'arn:aws:chime:us-east-1', 'rejected'],
  ['a URL', 'https://evil.com/arn:aws:chime:us-east-1:1:app-instance/x', 'rejected'],
  [
    'a 1024-character resource',
    `arn:aws:chime:us-east-1:${ACCOUNT}:${'r'.repeat(1024)}`,
    { region: 'us-east-1' },
  ],
  ['a 1025-character resource', `arn:aws:chime:us-east-1:${ACCOUNT}:${'r'.repeat(1025)}`, 'rejected'],
];

/** A surface, built with a request handler that records where each request would go. */
type Surface = (
  request: CreateAppInstanceUserRequest,
  handler: CannedHandler,
  migration: ShimOptions,
) => Promise<unknown>;

const surfaces: Array<[string, Surface]> = [
  [
    'ChimeClient (identity route)',
    async (request, requestHandler, migration) => {
      // The legacy client's own region is irrelevant: the ARN's region decides.
      const client = new ChimeClient({
        region: 'ap-northeast-1',
        credentials: CREDENTIALS,
        requestHandler,
        migration,
      });
      try {
        return await client.send(new CreateAppInstanceUserCommand(request));
      } finally {
        client.destroy();
      }
    },
  ],
  [
    'createAppInstanceUser (identity route, identityConfig naming another region)',
    (request, requestHandler, migration) =>
      createAppInstanceUser(request, {
        ...migration,
        // Nothing in the config may move the request elsewhere: the ARN's region wins.
        identityConfig: { region: 'sa-east-1', credentials: CREDENTIALS, requestHandler },
      }),
  ],
];

/** Hosts the shim may ever send to for an allow-list. */
const allowedHosts = (regions: readonly string[]) =>
  new Set(regions.map((region) => `identity-chime.${region}.amazonaws.com`));

async function attempt(surface: Surface, arn: string, migration: ShimOptions) {
  const handler = new CannedHandler();
  const outcome = await surface(
    { AppInstanceArn: arn, AppInstanceUserId: 'u1', Name: 'Ada' },
    handler,
    migration,
  ).then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return { outcome, sent: handler.sent };
}

/** The rule: rejected before any I/O, or exactly one request to the allowed host of `region`. */
function expectOnlyAllowed(
  result: Awaited<ReturnType<typeof attempt>>,
  regions: readonly string[],
  region: string | undefined,
) {
  if (!result.outcome.ok) {
    expect(result.outcome.error).toBeInstanceOf(BadRequestException);
    expect(result.sent).toEqual([]);
    return;
  }
  expect(result.sent).toHaveLength(1);
  const [request] = result.sent;
  expect(allowedHosts(regions).has(request!.hostname)).toBe(true);
  if (region !== undefined) expect(request!.hostname).toBe(`identity-chime.${region}.amazonaws.com`);
  expect(request).toMatchObject({ protocol: 'https:', path: '/app-instance-users', port: undefined });
  // Signed for the region of the host it goes to.
  expect(request!.signingRegion).toBe(request!.hostname.split('.')[1]);
}

describe('Region: an ARN can never steer the request to another host (regions: default allow-list)', () => {
  describe.each(surfaces)('%s', (_surfaceName, surface) => {
    it.each(corpus)('%s', async (_case, arn, expected) => {
      const result = await attempt(surface, arn, {});
      expectOnlyAllowed(result, DEFAULT_REGIONS, expected === 'rejected' ? undefined : expected.region);
      expect(result.outcome.ok).toBe(expected !== 'rejected');
    });
  });
});

describe('Region: an ARN can never steer the request to another host (regions: a custom allow-list)', () => {
  const migration: ShimOptions = { regions: CUSTOM_REGIONS };
  describe.each(surfaces)('%s', (_surfaceName, surface) => {
    const withCustom: Array<[string, string, Expected]> = [
      ...corpus,
      ['an ARN in a custom allowed region', arnIn('us-west-2'), { region: 'us-west-2' }],
    ];
    it.each(withCustom)('%s', async (_case, arn) => {
      const result = await attempt(surface, arn, migration);
      const region = arn.split(':')[3];
      expectOnlyAllowed(result, CUSTOM_REGIONS, region);
      // Allowed by the default list, not by this one: eu-central-1 is now refused.
      if (region === 'eu-central-1') expect(result.outcome.ok).toBe(false);
      if (region !== undefined && CUSTOM_REGIONS.includes(region) && arn === arnIn(region))
        expect(result.outcome.ok).toBe(true);
    });
  });
});

describe('Region: the legacy route always goes to the us-east-1 host, whatever the ARN says', () => {
  it.each(corpus)('%s', async (_case, arn, expected) => {
    const [, surface] = surfaces[0]!;
    const result = await attempt(surface, arn, { route: 'legacy' });
    expectOnlyAllowed(result, ['us-east-1'], 'us-east-1');
    expect(result.outcome.ok).toBe(expected !== 'rejected');
  });
});

describe('Region: generated ARNs (look-alike characters, separators, host syntax in every field) never reach a host outside the allow-list', () => {
  const RUNS = 1_000;
  const fragment = fc.oneof(
    fc.constantFrom(
      'us-east-1',
      'eu-central-1',
      'us-west-2',
      '.',
      '..',
      ':',
      '/',
      '%2F',
      '%2E',
      '@',
      '[',
      ']',
      '\n',
      '\r',
      '\u0000',
      '\u0435',
      '\u0430',
      '\u200b',
      '\uff0e',
      'evil.com',
      'amazonaws.com',
      'localhost',
      ':443',
      '-',
      '1',
    ),
    fc.string({ unit: 'binary', maxLength: 4 }),
  );
  const crafted = fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join(''));
  /** A field: often its usual value (so that many ARNs are well formed), otherwise crafted. */
  const field = (...usual: string[]) =>
    fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: crafted });
  const arn = fc
    .tuple(
      field('aws', 'aws-cn', 'aws-us-gov'),
      field('chime'),
      field(...new Set([...DEFAULT_REGIONS, ...CUSTOM_REGIONS])),
      field(ACCOUNT),
      field(`app-instance/${ID}`),
    )
    .map(
      ([partition, service, region, account, resource]) =>
        `arn:${partition}:${service}:${region}:${account}:${resource}`,
    );

  it.each(surfaces)(`%s: ${RUNS} generated ARNs, default and custom allow-lists`, async (name, surface) => {
    const seed = seedFor(`arn-corpus: ${name}`);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(arn, fc.boolean(), async (value, custom) => {
        const regions = custom ? CUSTOM_REGIONS : DEFAULT_REGIONS;
        const result = await attempt(surface, value, custom ? { regions } : {});
        if (result.outcome.ok) accepted++;
        expectOnlyAllowed(result, regions, undefined);
      }),
      { seed, numRuns: RUNS },
    );
    console.log(`[arn-corpus] ${name}: ${RUNS} generated ARNs, ${accepted} accepted, seed ${seed}`);
    expect(accepted).toBeGreaterThan(0);
  });
});
