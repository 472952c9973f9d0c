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

const ARN = 'arn:aws:chime:us-east-1:111122223333:app-instance/0a1b2c3d-aaaa-bbbb-cccc-000000000001';
const SETTINGS = { defaultRoute: 'identity', timeoutMs: 100 } as const;

function context(overrides: Partial<RouteContext> = {}): RouteContext {
  return {
    operation: 'CreateAppInstanceUser',
    family: 'identity',
    AppInstanceUserId: 'u1',
    AppInstanceArn: ARN,
    region: 'us-east-1',
    ...overrides,
  };
}

/** Plans answer synchronously: the decision is a value, not a promise. */
function decide(source: RouteSource, ctx: RouteContext): RouteDecision {
  const decision = source.decide(ctx);
  if (decision instanceof Promise) throw new Error('a plan must decide synchronously');
  return decision;
}

function configurationMessage(setting: unknown, settings: Parameters<typeof compileRoute>[1] = SETTINGS) {
  try {
    compileRoute(setting as RolloutPlan, settings);
  } catch (error) {
    expect(error).toBeInstanceOf(ChimeIdentityShimConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe("Rollout plan: prereleases count in the serviceVersion range (2.4.0-rc.1 satisfies '>=2.3.0')", () => {
  it('buckets a release candidate inside the range, where the default route would be legacy', () => {
    const gated = compileRoute(
      { groupId: 'g', percentage: 100, serviceVersion: '>=2.3.0 <3', defaultRoute: 'legacy' },
      SETTINGS,
    );
    expect(decide(gated, context({ serviceVersion: '2.4.0-rc.1' }))).toEqual({
      route: 'identity',
      reason: `plan:bucket=${unleashBucket('g', 'u1')}`,
    });
    // Below the range's floor a prerelease is still outside it.
    expect(decide(gated, context({ serviceVersion: '2.3.0-rc.1' }))).toEqual({
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
    expect(decide(gated, context({ serviceVersion: 2 as never }))).toEqual({
      route: 'legacy',
      reason: 'fallback:error',
    });
  });
});

describe('Rollout plan: invalid plans are rejected at configuration time, quoting what was given', () => {
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
    expect(configurationMessage(setting)).toBe(message);
  });
});

describe('Routes: the route timeout must be a positive number of milliseconds', () => {
  it.each<[string, unknown, string]>([
    ['a numeric string', '100', "got '100'"],
    ['a negative number', -5, 'got -5'],
  ])('rejects %s', (_case, timeoutMs, got) => {
    expect(
      configurationMessage('identity', { defaultRoute: 'identity', timeoutMs: timeoutMs as number }),
    ).toBe(`routeTimeoutMs must be a positive number of milliseconds, ${got}`);
  });
});
