import { ChimeSDKIdentityClient } from '@aws-sdk/client-chime-sdk-identity';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ChimeClient,
  ChimeIdentityShimConfigurationError,
  configureChimeIdentityShim,
  createAppInstanceUser,
  type ShimEvent,
  type ShimOptions,
} from '../../src/index.js';
import { unleashBucket } from '../../src/routing/index.js';

const identityClient = new ChimeSDKIdentityClient({ region: 'us-east-1' });
const identity = mockClient(identityClient);
beforeEach(() => {
  identity.reset();
  identity.resolves({ AppInstanceUserArn: 'arn:created', $metadata: {} });
});
afterAll(() => identity.restore());
afterEach(() => configureChimeIdentityShim({}));

/** The message of the configuration error `configure` throws (a test fails if it throws none). */
function configurationMessage(configure: () => unknown): string {
  try {
    configure();
  } catch (error) {
    expect(error).toBeInstanceOf(ChimeIdentityShimConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

const client = (migration: unknown) =>
  new ChimeClient({ region: 'us-east-1', migration: migration as ShimOptions });

describe('Configuration: every option is checked where it is given; the message names it and what it got', () => {
  it.each<[string, unknown, string]>([
    ['a string instead of options', 'identity', ' must be an object, got string'],
    ['null instead of options', null, ' must be an object, got null'],
    ['an array instead of options', [{ route: 'identity' }], ' must be an object, got object'],
    ['an unknown option', { rout: 'identity' }, '.rout is not a chime-identity-shim option'],
    [
      'defaultRoute other than a route',
      { defaultRoute: 'both' },
      ".defaultRoute must be 'identity' or 'legacy', got both",
    ],
    [
      'routeTimeoutMs 0',
      { routeTimeoutMs: 0 },
      '.routeTimeoutMs must be a positive number of milliseconds, got 0',
    ],
    [
      'routeTimeoutMs NaN',
      { routeTimeoutMs: Number.NaN },
      '.routeTimeoutMs must be a positive number of milliseconds, got NaN',
    ],
    [
      'routeTimeoutMs Infinity',
      { routeTimeoutMs: Number.POSITIVE_INFINITY },
      '.routeTimeoutMs must be a positive number of milliseconds, got Infinity',
    ],
    [
      'routeTimeoutMs as a string',
      { routeTimeoutMs: '100' },
      '.routeTimeoutMs must be a positive number of milliseconds, got 100',
    ],
    ['regions empty', { regions: [] }, '.regions must be a non-empty array of AWS region names'],
    [
      'regions as one string',
      { regions: 'us-east-1' },
      '.regions must be a non-empty array of AWS region names',
    ],
    [
      'a region with a host after it',
      { regions: ['us-east-1.evil.com'] },
      ".regions must hold plain AWS region names, got 'us-east-1.evil.com'",
    ],
    [
      'a region with a host before it',
      { regions: ['evil.us-east-1'] },
      ".regions must hold plain AWS region names, got 'evil.us-east-1'",
    ],
    [
      'an uppercase region',
      { regions: ['US-EAST-1'] },
      ".regions must hold plain AWS region names, got 'US-EAST-1'",
    ],
    ['a region that is a number', { regions: [42] }, ".regions must hold plain AWS region names, got '42'"],
    [
      'a region that is a String object',
      { regions: [new String('us-east-1')] },
      ".regions must hold plain AWS region names, got 'us-east-1'",
    ],
    ['serviceVersion as a number', { serviceVersion: 2 }, '.serviceVersion must be a string, got number'],
    [
      'identityConfig null',
      { identityConfig: null },
      '.identityConfig must be a ChimeSDKIdentityClient config object',
    ],
    [
      'identityConfig as a string',
      { identityConfig: 'us-east-1' },
      '.identityConfig must be a ChimeSDKIdentityClient config object',
    ],
    [
      'identityClient null',
      { identityClient: null },
      '.identityClient must be a ChimeSDKIdentityClient or a function of the region',
    ],
    [
      'identityClient without send',
      { identityClient: {} },
      '.identityClient must be a ChimeSDKIdentityClient or a function of the region',
    ],
    ['onEvent not a function', { onEvent: 'log' }, '.onEvent must be a function, got string'],
    [
      'defaultRegion with a host in it',
      { defaultRegion: 'us-east-1.evil.com' },
      ".defaultRegion must be a plain AWS region name such as 'us-east-1', got 'us-east-1.evil.com'",
    ],
    [
      'defaultRegion as a number',
      { defaultRegion: 1 },
      ".defaultRegion must be a plain AWS region name such as 'us-east-1', got '1'",
    ],
    [
      'defaultRegion outside regions',
      { regions: ['eu-central-1', 'eu-west-1'], defaultRegion: 'us-east-1' },
      ".defaultRegion 'us-east-1' must be one of regions [eu-central-1, eu-west-1]",
    ],
    ...[
      ['chimeBearer as a user id, not an ARN', 'user-1'],
      ['chimeBearer as a number', 42],
    ].map(([what, chimeBearer]): [string, unknown, string] => [
      what as string,
      { chimeBearer },
      '.chimeBearer must be the ARN of an AppInstanceUser or AppInstanceBot (arn:aws:chime:<region>:<account>:app-instance/<id>/user/<id>)',
    ]),
    ['clients as an array', { clients: [identityClient] }, '.clients must be an object of clients by family'],
    ['clients null', { clients: null }, '.clients must be an object of clients by family'],
    [
      'clients as a function',
      { clients: () => identityClient },
      '.clients must be an object of clients by family',
    ],
    [
      'clients naming what is not a family',
      { clients: { chat: identityClient } },
      '.clients.chat is not a family (identity, messaging, meetings, voice, mediaPipelines)',
    ],
    [
      'a family client without send',
      { clients: { messaging: {} } },
      '.clients.messaging must be a client of the family or a function of the region',
    ],
    [
      'a family client null',
      { clients: { voice: null } },
      '.clients.voice must be a client of the family or a function of the region',
    ],
  ])('%s', (_case, options, problem) => {
    expect(configurationMessage(() => client(options))).toBe(`new ChimeClient({ migration })${problem}`);
    expect(configurationMessage(() => configureChimeIdentityShim(options as ShimOptions))).toBe(
      `configureChimeIdentityShim(options)${problem}`,
    );
  });
});

describe('Configuration: every option accepts its valid values', () => {
  const everyOption = (defaultRoute: 'identity' | 'legacy'): ShimOptions => ({
    route: 'identity',
    defaultRoute,
    routeTimeoutMs: 250,
    regions: ['us-east-1', 'eu-central-1'],
    serviceVersion: '2.4.0',
    identityConfig: { maxAttempts: 2 },
    identityClient: () => identityClient,
    onEvent: () => undefined,
    defaultRegion: 'eu-central-1',
    chimeBearer: 'arn:aws:chime:eu-central-1:111122223333:app-instance/abc/user/admin',
    clients: { identity: identityClient, messaging: () => identityClient, voice: undefined },
  });

  it.each(['identity', 'legacy'] as const)('every option at once, with defaultRoute %s', (defaultRoute) => {
    expect(() => client(everyOption(defaultRoute))).not.toThrow();
    expect(() => configureChimeIdentityShim(everyOption(defaultRoute))).not.toThrow();
  });

  it.each([
    ['a region of one word and a number', 'eu-central-1'],
    ['a region of several words (GovCloud)', 'us-gov-west-1'],
    ['a region numbered with two digits', 'ap-southeast-10'],
  ])('regions: %s (%s)', (_case, region) => {
    expect(() => client({ regions: [region] })).not.toThrow();
  });
});

describe('Configuration: defaultRoute and serviceVersion reach the route decision', () => {
  const input = {
    AppInstanceArn: 'arn:aws:chime:eu-central-1:111122223333:app-instance/abc',
    AppInstanceUserId: 'user-1',
    Name: 'Ada',
  };

  async function eventOf(options: ShimOptions): Promise<ShimEvent> {
    const events: ShimEvent[] = [];
    await createAppInstanceUser(input, {
      identityClient,
      ...options,
      onEvent: (event) => events.push(event),
    });
    expect(events).toHaveLength(1);
    return events[0]!;
  }

  it('defaultRoute is where a route function that throws sends the call (fallback:error)', async () => {
    const route = () => {
      throw new Error('flag store down');
    };
    expect(await eventOf({ route, defaultRoute: 'legacy' })).toMatchObject({
      route: 'legacy',
      reason: 'fallback:error',
      region: 'us-east-1',
    });
    expect(await eventOf({ route, defaultRoute: 'identity' })).toMatchObject({
      route: 'identity',
      reason: 'fallback:error',
      region: 'eu-central-1',
    });
  });

  it("a plan's serviceVersion range sees the per-call serviceVersion over the process-wide one, else the process-wide one", async () => {
    const route = { groupId: 'g', percentage: 100, serviceVersion: '>=2', defaultRoute: 'legacy' } as const;
    const bucket = { route: 'identity', reason: `plan:bucket=${unleashBucket('g', 'user-1')}` };
    configureChimeIdentityShim({ serviceVersion: '1.0.0' });
    expect(await eventOf({ route, serviceVersion: '2.0.0' })).toMatchObject(bucket);
    expect(await eventOf({ route })).toMatchObject({ route: 'legacy', reason: 'plan:serviceVersion' });
    configureChimeIdentityShim({ serviceVersion: '2.1.0' });
    expect(await eventOf({ route })).toMatchObject(bucket);
  });
});

describe('Configuration: an injected client given process-wide serves calls whose own options name none', () => {
  const input = {
    AppInstanceArn: 'arn:aws:chime:us-east-1:111122223333:app-instance/abc',
    AppInstanceUserId: 'user-1',
    Name: 'Ada',
  };

  it.each<[string, ShimOptions]>([
    ['identityClient', { identityClient }],
    ['clients.identity', { clients: { identity: identityClient } }],
  ])('process-wide %s, per-call options without one (or with it undefined)', async (_option, processWide) => {
    configureChimeIdentityShim(processWide);
    for (const perCall of [{}, { identityClient: undefined }, { clients: { identity: undefined } }]) {
      await expect(createAppInstanceUser(input, perCall)).resolves.toMatchObject({
        AppInstanceUserArn: 'arn:created',
      });
    }
    expect(identity.calls()).toHaveLength(3);
  });
});
