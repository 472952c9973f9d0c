import fc from 'fast-check';
import murmurHash3 from 'murmurhash3js';
import { describe, expect, it } from 'vitest';
import { ChimeIdentityShimConfigurationError } from '../../src/configuration-error.js';
import {
  compileRoute,
  type RolloutPlan,
  type RouteContext,
  type RouteDecision,
  type RouteSource,
  unleashBucket,
} from '../../src/routing/index.js';
import { murmur3OfCodeUnits } from '../../src/routing/murmur3.js';
import { lowBytesOfCodeUnits, murmur3x86, utf8 } from './murmur3-reference.js';

const ARN = 'arn:aws:chime:us-east-1:111122223333:app-instance/0a1b2c3d-aaaa-bbbb-cccc-000000000001';
const OTHER_ARN = 'arn:aws:chime:us-east-1:111122223333:app-instance/0a1b2c3d-aaaa-bbbb-cccc-000000000002';
const SETTINGS = { defaultRoute: 'identity', timeoutMs: 100 } as const;

/** Rerun a failing property with FC_SEED=<seed>. */
const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.info(`fast-check seed for test/routing/plan.test.ts: ${seed} (rerun with FC_SEED=${seed})`);

function context(AppInstanceUserId: string, overrides: Partial<RouteContext> = {}): RouteContext {
  return {
    operation: 'CreateAppInstanceUser',
    family: 'identity',
    AppInstanceUserId,
    AppInstanceArn: ARN,
    region: 'us-east-1',
    ...overrides,
  };
}

function plan(fields: Partial<RolloutPlan> & Record<string, unknown>): RouteSource {
  return compileRoute(
    { groupId: 'chime-identity-route', percentage: 50, ...fields } as RolloutPlan,
    SETTINGS,
  );
}

/** Plans answer synchronously: the decision is a value, not a promise. */
function decide(source: RouteSource, ctx: RouteContext): RouteDecision {
  const decision = source.decide(ctx);
  if (decision instanceof Promise) throw new Error('a plan must decide synchronously');
  return decision;
}

/** Unleash's own formula, as in unleash-client-node src/strategy/util.ts (normalizedStrategyValue). */
function unleashNodeNormalizedValue(id: string, groupId: string): number {
  return (murmurHash3.x86.hash32(`${groupId}:${id}`, 0) % 100) + 1;
}

function compileError(setting: unknown, settings: Parameters<typeof compileRoute>[1] = SETTINGS): Error {
  try {
    compileRoute(setting as RolloutPlan, settings);
  } catch (error) {
    expect(error).toBeInstanceOf(ChimeIdentityShimConfigurationError);
    return error as Error;
  }
  throw new Error('expected a configuration error');
}

describe('Rollout plan: bucketing is Unleash flexibleRollout', () => {
  it("gives Unleash's published vectors: ('123', 'gr1') -> 73 and ('999', 'groupX') -> 25", () => {
    expect(unleashBucket('gr1', '123')).toBe(73);
    expect(unleashBucket('groupX', '999')).toBe(25);
  });

  it('puts a user on identity exactly when the bucket is <= percentage', () => {
    expect(decide(plan({ groupId: 'gr1', percentage: 73 }), context('123'))).toEqual({
      route: 'identity',
      reason: 'plan:bucket=73',
    });
    expect(decide(plan({ groupId: 'gr1', percentage: 72 }), context('123'))).toEqual({
      route: 'legacy',
      reason: 'plan:bucket=73',
    });
    expect(decide(plan({ groupId: 'groupX', percentage: 25 }), context('999')).route).toBe('identity');
    expect(decide(plan({ groupId: 'groupX', percentage: 24 }), context('999')).route).toBe('legacy');
  });

  it("equals unleash-client-node's normalizedStrategyValue for any id and groupId, non-ASCII included", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'grapheme', minLength: 1 }),
        (id, groupId) => {
          expect(unleashBucket(groupId, id)).toBe(unleashNodeNormalizedValue(id, groupId));
        },
      ),
      { seed, numRuns: 2000 },
    );
  });

  it('is MurmurHash3 x86 32-bit, seed 0 (checked against the reference algorithm and its published hashes)', () => {
    // Published MurmurHash3_x86_32 values (smhasher), for the independent reference in this folder.
    expect(murmur3x86(utf8(''), 0)).toBe(0);
    expect(murmur3x86(utf8(''), 1)).toBe(0x514e28b7);
    expect(murmur3x86(utf8('test'), 0)).toBe(0xba6bd213);
    expect(murmur3x86(utf8('The quick brown fox jumps over the lazy dog'), 0)).toBe(0x2e4ff723);
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        expect(murmurHash3.x86.hash32(text, 0)).toBe(murmur3x86(utf8(text), 0));
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('the shim’s murmur3 equals murmurhash3js (the package Unleash’s Node SDK calls) on 20,000 strings of any code units', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(), (text, seed) => {
        expect(murmur3OfCodeUnits(text, seed)).toBe(murmurHash3.x86.hash32(text, seed));
      }),
      { seed, numRuns: 20_000 },
    );
  });

  it('hashes non-ASCII ids as murmurhash3js does: the low byte of each UTF-16 code unit, not UTF-8', () => {
    // What Unleash's Node SDK does for every string, because it calls the same function.
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(murmurHash3.x86.hash32(text, 0)).toBe(murmur3x86(lowBytesOfCodeUnits(text), 0));
      }),
      { seed, numRuns: 2000 },
    );
    // So for non-ASCII it differs from murmur3 over UTF-8 (what Unleash's Java and Go SDKs hash)...
    expect(murmurHash3.x86.hash32('gr1:ユーザー', 0)).not.toBe(murmur3x86(utf8('gr1:ユーザー'), 0));
    // ...and code units that share a low byte share a bucket: U+00E9 'é' and U+01E9 'ǩ' (both 0xE9).
    expect(unleashBucket('gr1', 'é')).toBe(unleashBucket('gr1', 'ǩ'));
    // Pinned, so a switch to a UTF-8 murmur3 (which would reshuffle such users mid-rollout) cannot pass unnoticed.
    expect(unleashBucket('gr1', 'ユーザー')).toBe(55);
    expect(unleashBucket('gr1', '用户-42')).toBe(54);
    expect(unleashBucket('gr1', 'Zoë')).toBe(13);
    expect(decide(plan({ groupId: 'gr1', percentage: 55 }), context('ユーザー'))).toEqual({
      route: 'identity',
      reason: 'plan:bucket=55',
    });
  });

  it('buckets an app instance on its ARN with stickiness AppInstanceArn, non-ASCII ARNs included', () => {
    const arn = 'arn:aws:chime:us-east-1:111122223333:app-instance/équipe-1';
    const byArn = plan({ groupId: 'gr1', percentage: 50, stickiness: 'AppInstanceArn' });
    expect(decide(byArn, context('anyone', { AppInstanceArn: arn })).reason).toBe(
      `plan:bucket=${unleashNodeNormalizedValue(arn, 'gr1')}`,
    );
  });
});

describe('Rollout plan: sticky bucketing on AppInstanceUserId or AppInstanceArn', () => {
  it('gives the same user the same route for the same plan, every time and from every compiled copy', () => {
    const setting: RolloutPlan = { groupId: 'chime-identity-route', percentage: 37 };
    const sources = [
      compileRoute(setting, SETTINGS),
      compileRoute(JSON.parse(JSON.stringify(setting)), SETTINGS),
    ];
    fc.assert(
      fc.property(fc.uuid(), (userId) => {
        const first = decide(sources[0]!, context(userId));
        for (const source of sources) {
          for (let i = 0; i < 3; i++) expect(decide(source, context(userId))).toEqual(first);
        }
        // The user's route does not depend on the app instance when sticky on the user id.
        expect(decide(sources[0]!, context(userId, { AppInstanceArn: OTHER_ARN }))).toEqual(first);
      }),
      { seed, numRuns: 500 },
    );
  });

  it('gives every user of an app instance the same route with stickiness AppInstanceArn', () => {
    const byArn = plan({ percentage: 50, stickiness: 'AppInstanceArn' });
    const expected = decide(byArn, context('user-0'));
    for (let i = 1; i < 200; i++) expect(decide(byArn, context(`user-${i}`))).toEqual(expected);
    expect(expected.reason).toBe(`plan:bucket=${unleashBucket('chime-identity-route', ARN)}`);
  });

  it('reshuffles users when the groupId changes (it salts the hash)', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `user-${i}`);
    const a = ids.map((id) => unleashBucket('group-a', id));
    const b = ids.map((id) => unleashBucket('group-b', id));
    expect(a).not.toEqual(b);
  });
});

describe('Rollout plan: raising the percentage only ever moves users from legacy to identity', () => {
  it('never moves a user from identity back to legacy (property over many ids)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.string({ minLength: 1, maxLength: 32 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (userId, groupId, p, q) => {
          const [lower, higher] = p <= q ? [p, q] : [q, p];
          const before = decide(plan({ groupId, percentage: lower }), context(userId));
          const after = decide(plan({ groupId, percentage: higher }), context(userId));
          if (before.route === 'identity') expect(after.route).toBe('identity');
          expect(after.reason).toBe(before.reason);
        },
      ),
      { seed, numRuns: 5000 },
    );
  });

  it('sends nobody to identity at 0% and everybody at 100%', () => {
    fc.assert(
      fc.property(fc.uuid(), (userId) => {
        expect(decide(plan({ percentage: 0 }), context(userId)).route).toBe('legacy');
        expect(decide(plan({ percentage: 100 }), context(userId)).route).toBe('identity');
      }),
      { seed, numRuns: 1000 },
    );
  });
});

describe('Rollout plan: the percentage on the identity route', () => {
  const ids = fc.sample(fc.uuid(), { seed, numRuns: 100_000 });

  it.each([1, 5, 10, 25, 50, 75, 90, 99])(
    'puts %i% of 100k random ids on identity, within 1 point',
    (percentage) => {
      const source = plan({ percentage });
      let identity = 0;
      for (const id of ids) if (decide(source, context(id)).route === 'identity') identity++;
      expect(Math.abs((identity / ids.length) * 100 - percentage)).toBeLessThanOrEqual(1);
    },
  );
});

describe('Rollout plan: allow and deny lists of app instance ARNs and user ids', () => {
  const lists = plan({
    percentage: 50,
    allow: { AppInstanceUserIds: ['qa-1', 'both'], AppInstanceArns: [OTHER_ARN] },
    deny: { AppInstanceUserIds: ['vip-1', 'both'] },
  });

  it('sends an allowed user or app instance to identity (plan:allow), whatever its bucket', () => {
    const zero = plan({
      percentage: 0,
      allow: { AppInstanceUserIds: ['qa-1'], AppInstanceArns: [OTHER_ARN] },
    });
    expect(decide(zero, context('qa-1'))).toEqual({ route: 'identity', reason: 'plan:allow' });
    expect(decide(zero, context('anyone', { AppInstanceArn: OTHER_ARN }))).toEqual({
      route: 'identity',
      reason: 'plan:allow',
    });
  });

  it('sends a denied user or app instance to legacy (plan:deny), whatever its bucket', () => {
    const all = plan({
      percentage: 100,
      deny: { AppInstanceUserIds: ['vip-1'], AppInstanceArns: [OTHER_ARN] },
    });
    expect(decide(all, context('vip-1'))).toEqual({ route: 'legacy', reason: 'plan:deny' });
    expect(decide(all, context('anyone', { AppInstanceArn: OTHER_ARN }))).toEqual({
      route: 'legacy',
      reason: 'plan:deny',
    });
  });

  it('lets deny win over allow, for the same id and across ids and ARNs', () => {
    expect(decide(lists, context('both'))).toEqual({ route: 'legacy', reason: 'plan:deny' });
    // Allowed app instance, denied user.
    expect(decide(lists, context('vip-1', { AppInstanceArn: OTHER_ARN }))).toEqual({
      route: 'legacy',
      reason: 'plan:deny',
    });
  });

  it('compares ids exactly (case-sensitive), and leaves everyone else to the bucket', () => {
    expect(decide(lists, context('QA-1')).reason).toMatch(/^plan:bucket=\d+$/);
    expect(decide(lists, context('someone')).reason).toMatch(/^plan:bucket=\d+$/);
  });

  it('applies the lists before the serviceVersion range', () => {
    const gated = plan({ serviceVersion: '>=3.0.0', allow: { AppInstanceUserIds: ['qa-1'] } });
    expect(decide(gated, context('qa-1', { serviceVersion: '1.0.0' }))).toEqual({
      route: 'identity',
      reason: 'plan:allow',
    });
  });
});

describe("Rollout plan: a semver range on the caller's serviceVersion; prereleases count (2.4.0-rc.1 satisfies '>=2.3.0')", () => {
  const gated = plan({ percentage: 100, serviceVersion: '>=2.3.0 <3' });

  it('buckets a caller inside the range', () => {
    expect(decide(gated, context('u1', { serviceVersion: '2.4.1' })).reason).toMatch(/^plan:bucket=\d+$/);
    // Prereleases count: a release candidate of a version in range is in range.
    expect(decide(gated, context('u1', { serviceVersion: '2.5.0-rc.1' })).route).toBe('identity');
  });

  it('sends a caller outside the range, or with no or an unparsable serviceVersion, to the default route (plan:serviceVersion)', () => {
    for (const serviceVersion of ['2.2.9', '3.0.0', 'banana', undefined]) {
      expect(decide(gated, context('u1', { serviceVersion }))).toEqual({
        route: 'identity',
        reason: 'plan:serviceVersion',
      });
    }
  });

  it("uses the plan's defaultRoute, else the settings' defaultRoute", () => {
    const own = plan({ percentage: 100, serviceVersion: '^2', defaultRoute: 'legacy' });
    expect(decide(own, context('u1', { serviceVersion: '1.9.0' }))).toEqual({
      route: 'legacy',
      reason: 'plan:serviceVersion',
    });
    const inherited = compileRoute(
      { groupId: 'g', percentage: 100, serviceVersion: '^2' },
      {
        defaultRoute: 'legacy',
        timeoutMs: 100,
      },
    );
    expect(decide(inherited, context('u1'))).toEqual({ route: 'legacy', reason: 'plan:serviceVersion' });
  });

  it('answers each call afresh when the version changes (the memo is keyed on the version)', () => {
    expect(decide(gated, context('u1', { serviceVersion: '2.9.0' })).route).toBe('identity');
    expect(decide(gated, context('u1', { serviceVersion: '1.0.0' })).reason).toBe('plan:serviceVersion');
    expect(decide(gated, context('u1', { serviceVersion: '2.9.0' })).route).toBe('identity');
  });

  it('buckets a release candidate inside the range, where the default route would be legacy', () => {
    const gatedToLegacy = compileRoute(
      { groupId: 'g', percentage: 100, serviceVersion: '>=2.3.0 <3', defaultRoute: 'legacy' },
      SETTINGS,
    );
    expect(decide(gatedToLegacy, context('u1', { serviceVersion: '2.4.0-rc.1' }))).toEqual({
      route: 'identity',
      reason: `plan:bucket=${unleashBucket('g', 'u1')}`,
    });
    // Below the range's floor a prerelease is still outside it.
    expect(decide(gatedToLegacy, context('u1', { serviceVersion: '2.3.0-rc.1' }))).toEqual({
      route: 'legacy',
      reason: 'plan:serviceVersion',
    });
  });
});

describe('Rollout plan: a decision never fails the call; what cannot be decided goes to the default route (fallback:error)', () => {
  it('a serviceVersion that is not a string (the range test throws) -> the default route, fallback:error', () => {
    const gated = compileRoute(
      { groupId: 'g', percentage: 100, serviceVersion: '>=1', defaultRoute: 'legacy' },
      SETTINGS,
    );
    expect(decide(gated, context('u1', { serviceVersion: 2 as never }))).toEqual({
      route: 'legacy',
      reason: 'fallback:error',
    });
  });
});

describe('Rollout plan: JSON-serialisable', () => {
  it('decides the same from a plan that went through JSON', () => {
    const setting: RolloutPlan = {
      groupId: 'g',
      percentage: 40,
      stickiness: 'AppInstanceUserId',
      allow: { AppInstanceUserIds: ['a'] },
      deny: { AppInstanceArns: [OTHER_ARN] },
      serviceVersion: '>=1',
      defaultRoute: 'legacy',
    };
    const direct = compileRoute(setting, SETTINGS);
    const parsed = compileRoute(JSON.parse(JSON.stringify(setting)), SETTINGS);
    for (let i = 0; i < 500; i++) {
      const ctx = context(`user-${i}`, { serviceVersion: '1.2.3' });
      expect(decide(parsed, ctx)).toEqual(decide(direct, ctx));
    }
  });
});

describe('Rollout plan: invalid plans are rejected at configuration time, naming the field and quoting what was given', () => {
  const cases: [string, unknown, string][] = [
    [
      'percentage above 100',
      { groupId: 'g', percentage: 120 },
      'route.percentage must be a number from 0 to 100, got 120',
    ],
    [
      'negative percentage',
      { groupId: 'g', percentage: -1 },
      'route.percentage must be a number from 0 to 100, got -1',
    ],
    [
      'percentage as a string',
      { groupId: 'g', percentage: '50' },
      "route.percentage must be a number from 0 to 100, got '50'",
    ],
    [
      'NaN percentage',
      { groupId: 'g', percentage: Number.NaN },
      'route.percentage must be a number from 0 to 100, got NaN',
    ],
    [
      'fractional percentage',
      { groupId: 'g', percentage: 12.5 },
      'route.percentage must be a whole number (buckets are 1 to 100), got 12.5',
    ],
    ['missing percentage', { groupId: 'g' }, 'route.percentage is required'],
    ['missing groupId', { percentage: 5 }, 'route.groupId is required'],
    ['empty groupId', { groupId: '', percentage: 5 }, "route.groupId must be a non-empty string, got ''"],
    ['numeric groupId', { groupId: 7, percentage: 5 }, 'route.groupId must be a non-empty string, got 7'],
    [
      'unknown stickiness',
      { groupId: 'g', percentage: 5, stickiness: 'userId' },
      "route.stickiness must be 'AppInstanceUserId' or 'AppInstanceArn', got 'userId'",
    ],
    [
      'unknown key',
      { groupId: 'g', percentage: 5, percent: 5 },
      'route.percent is not a rollout plan field (expected one of: percentage, groupId, stickiness, allow, deny, serviceVersion, defaultRoute, operations)',
    ],
    [
      'allow as an array',
      { groupId: 'g', percentage: 5, allow: ['u1'] },
      'route.allow must be an object with AppInstanceArns and/or AppInstanceUserIds, got an array',
    ],
    [
      'unknown key in deny',
      { groupId: 'g', percentage: 5, deny: { Users: [] } },
      'route.deny.Users is not an id list field',
    ],
    [
      'id list as a string',
      { groupId: 'g', percentage: 5, deny: { AppInstanceUserIds: 'u1' } },
      "route.deny.AppInstanceUserIds must be an array of strings, got 'u1'",
    ],
    [
      'non-string id',
      { groupId: 'g', percentage: 5, allow: { AppInstanceArns: [ARN, 42] } },
      'route.allow.AppInstanceArns[1] must be a non-empty string, got 42',
    ],
    [
      'empty id',
      { groupId: 'g', percentage: 5, allow: { AppInstanceUserIds: [''] } },
      "route.allow.AppInstanceUserIds[0] must be a non-empty string, got ''",
    ],
    [
      'bad semver range',
      { groupId: 'g', percentage: 5, serviceVersion: '>>2' },
      "route.serviceVersion must be a semver range such as '>=2.3.0', got '>>2'",
    ],
    [
      'empty semver range',
      { groupId: 'g', percentage: 5, serviceVersion: ' ' },
      "route.serviceVersion must be a semver range such as '>=2.3.0', got ' '",
    ],
    [
      'numeric semver range',
      { groupId: 'g', percentage: 5, serviceVersion: 2 },
      "route.serviceVersion must be a semver range such as '>=2.3.0', got 2",
    ],
    [
      'unknown defaultRoute',
      { groupId: 'g', percentage: 5, defaultRoute: 'shadow' },
      "route.defaultRoute must be 'identity' or 'legacy', got 'shadow'",
    ],
    [
      'a prototype key from JSON',
      JSON.parse('{"groupId":"g","percentage":5,"__proto__":{"percentage":1}}'),
      'route.__proto__ is not a rollout plan field',
    ],
    [
      'a number',
      42,
      "route must be 'identity', 'legacy', a rollout plan, an OpenFeature route or a function, got 42",
    ],
    [
      'null',
      null,
      "route must be 'identity', 'legacy', a rollout plan, an OpenFeature route or a function, got null",
    ],
    ['an array', [], 'got an array'],
    ['another string', 'shadow', "got 'shadow'"],
  ];

  it.each(cases)('rejects %s', (_name, setting, message) => {
    expect(compileError(setting).message).toContain(message);
    expect(compileError(setting).message.startsWith('route')).toBe(true);
  });

  it.each<[string, unknown, string]>([
    [
      'a boolean percentage',
      { groupId: 'g', percentage: true },
      'route.percentage must be a number from 0 to 100, got true',
    ],
    [
      'a bigint percentage',
      { groupId: 'g', percentage: 50n },
      'route.percentage must be a number from 0 to 100, got 50',
    ],
    [
      'an object as groupId',
      { groupId: { name: 'g' }, percentage: 5 },
      'route.groupId must be a non-empty string, got an object',
    ],
    [
      'a function as groupId',
      { groupId: () => 'g', percentage: 5 },
      'route.groupId must be a non-empty string, got function',
    ],
  ])('rejects %s', (_case, setting, message) => {
    expect(compileError(setting).message).toBe(message);
  });

  it('names the setting as the caller configured it', () => {
    const error = compileError(
      { groupId: 'g', percentage: 120 },
      { ...SETTINGS, name: 'configureChimeIdentityShim(options).route' },
    );
    expect(error.message).toBe(
      'configureChimeIdentityShim(options).route.percentage must be a number from 0 to 100, got 120',
    );
  });

  it('rejects an invalid defaultRoute or timeout given with the setting', () => {
    expect(compileError('identity', { defaultRoute: 'shadow' as never, timeoutMs: 100 }).message).toBe(
      "defaultRoute must be 'identity' or 'legacy', got 'shadow'",
    );
    expect(compileError('identity', { defaultRoute: 'identity', timeoutMs: 0 }).message).toBe(
      'routeTimeoutMs must be a positive number of milliseconds, got 0',
    );
  });
});

describe('Routes: the route timeout must be a positive number of milliseconds', () => {
  it.each<[string, unknown, string]>([
    ['a numeric string', '100', "got '100'"],
    ['a negative number', -5, 'got -5'],
  ])('rejects %s', (_case, timeoutMs, got) => {
    expect(
      compileError('identity', { defaultRoute: 'identity', timeoutMs: timeoutMs as number }).message,
    ).toBe(`routeTimeoutMs must be a positive number of milliseconds, ${got}`);
  });
});

describe("Routes: 'identity' or 'legacy'", () => {
  it("answers 'identity' and 'legacy' with reason static", () => {
    expect(decide(compileRoute('identity', SETTINGS), context('u1'))).toEqual({
      route: 'identity',
      reason: 'static',
    });
    expect(decide(compileRoute('legacy', SETTINGS), context('u1'))).toEqual({
      route: 'legacy',
      reason: 'static',
    });
  });
});
