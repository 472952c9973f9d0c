import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChimeIdentityShimConfigurationError } from '../../src/configuration-error.js';
import {
  compileRoute,
  decideRoute,
  ROUTE_ENVIRONMENT_VARIABLE,
  type RouteContext,
  type RouteSetting,
  type RouteSource,
  routeFromEnvironment,
} from '../../src/routing/index.js';

const CONTEXT: RouteContext = {
  operation: 'CreateAppInstanceUser',
  family: 'identity',
  AppInstanceUserId: 'user-1',
  AppInstanceArn: 'arn:aws:chime:us-east-1:111122223333:app-instance/abc',
  region: 'us-east-1',
  serviceVersion: '1.0.0',
};
const SETTINGS = { defaultRoute: 'identity', timeoutMs: 100 } as const;

/** One of each kind of source, each of which would otherwise answer identity. */
const SOURCES: [string, RouteSetting][] = [
  ['a static route', 'identity'],
  ['a rollout plan at 100%', { groupId: 'g', percentage: 100 }],
  ['a rollout plan allow list', { groupId: 'g', percentage: 0, allow: { AppInstanceUserIds: ['user-1'] } }],
  ['a sync function', () => 'identity'],
  ['an async function', async () => 'identity' as const],
  ['an OpenFeature flag', { openFeature: { flagKey: 'chime-identity-route' } }],
];

/** Records whether the source was asked at all. */
function spied(setting: RouteSetting): { source: RouteSource; asked: () => boolean } {
  const compiled = compileRoute(setting, SETTINGS);
  const decide = vi.fn(compiled.decide);
  return { source: { decide }, asked: () => decide.mock.calls.length > 0 };
}

afterEach(async () => {
  vi.unstubAllEnvs();
  await OpenFeature.clearProviders();
});

describe('CHIME_IDENTITY_SHIM_ROUTE=identity|legacy overrides every other routing setting', () => {
  it.each(SOURCES)('overrides %s without asking it (reason env)', async (_name, setting) => {
    await OpenFeature.setProviderAndWait(
      new InMemoryProvider({
        'chime-identity-route': { variants: { on: 'identity' }, defaultVariant: 'on', disabled: false },
      }),
    );
    const { source, asked } = spied(setting);
    expect(await decideRoute(source, CONTEXT, { [ROUTE_ENVIRONMENT_VARIABLE]: 'legacy' })).toEqual({
      route: 'legacy',
      reason: 'env',
    });
    expect(asked()).toBe(false);
    // And without the switch the same source answers for itself.
    expect((await decideRoute(source, CONTEXT, {})).route).toBe('identity');
  });

  it('forces identity over a source that says legacy', () => {
    const legacy = compileRoute({ groupId: 'g', percentage: 0 }, SETTINGS);
    expect(decideRoute(legacy, CONTEXT, { [ROUTE_ENVIRONMENT_VARIABLE]: 'identity' })).toEqual({
      route: 'identity',
      reason: 'env',
    });
  });

  it('reads process.env by default, on every call', () => {
    const source = compileRoute('identity', SETTINGS);
    expect(decideRoute(source, CONTEXT)).toEqual({ route: 'identity', reason: 'static' });
    vi.stubEnv(ROUTE_ENVIRONMENT_VARIABLE, 'legacy');
    expect(decideRoute(source, CONTEXT)).toEqual({ route: 'legacy', reason: 'env' });
  });

  it('treats an empty value as unset', () => {
    expect(routeFromEnvironment({ [ROUTE_ENVIRONMENT_VARIABLE]: '' })).toBeUndefined();
    expect(
      decideRoute(compileRoute('identity', SETTINGS), CONTEXT, { [ROUTE_ENVIRONMENT_VARIABLE]: '' }),
    ).toEqual({
      route: 'identity',
      reason: 'static',
    });
  });
});

describe('CHIME_IDENTITY_SHIM_ROUTE: any other value is a clear configuration error, not a silent default', () => {
  it.each(['LEGACY', 'off', 'true', ' legacy'])('rejects %j, naming the variable', (value) => {
    const source = compileRoute('identity', SETTINGS);
    expect(() => decideRoute(source, CONTEXT, { [ROUTE_ENVIRONMENT_VARIABLE]: value })).toThrow(
      ChimeIdentityShimConfigurationError,
    );
    expect(() => routeFromEnvironment({ [ROUTE_ENVIRONMENT_VARIABLE]: value })).toThrow(
      `CHIME_IDENTITY_SHIM_ROUTE must be 'identity' or 'legacy', got '${value}'`,
    );
  });
});
