import {
  InMemoryProvider,
  OpenFeature,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChimeIdentityShimConfigurationError } from '../../src/configuration-error.js';
import {
  compileRoute,
  decideRoute,
  type OpenFeatureFlag,
  type Route,
  type RouteContext,
} from '../../src/routing/index.js';
import { compileOpenFeatureRoute } from '../../src/routing/openfeature.js';

const FLAG = 'chime-identity-route';
const CONTEXT: RouteContext = {
  operation: 'CreateAppInstanceUser',
  family: 'identity',
  AppInstanceUserId: 'user-1',
  AppInstanceArn: 'arn:aws:chime:eu-central-1:111122223333:app-instance/abc',
  region: 'eu-central-1',
};
const NO_ENV = {};

function flag(fields: Partial<OpenFeatureFlag> = {}, defaultRoute: Route = 'identity') {
  return compileRoute({ openFeature: { flagKey: FLAG, ...fields } }, { defaultRoute, timeoutMs: 1000 });
}

async function decide(source: ReturnType<typeof flag>) {
  return await decideRoute(source, CONTEXT, NO_ENV);
}

/** A provider whose every resolution is `resolve(defaultValue)`. */
function providerFrom(
  name: string,
  resolve: (defaultValue: unknown) => ResolutionDetails<unknown>,
): Provider {
  const resolution = async (_flagKey: string, defaultValue: unknown) => resolve(defaultValue) as never;
  return {
    metadata: { name },
    runsOn: 'server',
    resolveBooleanEvaluation: resolution,
    resolveStringEvaluation: resolution,
    resolveNumberEvaluation: resolution,
    resolveObjectEvaluation: resolution,
  };
}

beforeEach(async () => {
  await OpenFeature.clearProviders();
});

afterEach(async () => {
  await OpenFeature.clearProviders();
});

describe('OpenFeature: evaluates a flag through OpenFeature.getClient(domain)', () => {
  it("the default domain is 'chime-identity-shim': a provider bound to it wins over the default provider", async () => {
    await OpenFeature.setProviderAndWait(
      new InMemoryProvider({ [FLAG]: { variants: { on: 'legacy' }, defaultVariant: 'on', disabled: false } }),
    );
    await OpenFeature.setProviderAndWait(
      'chime-identity-shim',
      new InMemoryProvider({
        [FLAG]: { variants: { on: 'identity' }, defaultVariant: 'on', disabled: false },
      }),
    );
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'identity',
      reason: 'openfeature:STATIC',
    });
  });

  it("flagType 'string', spelt out, is a string flag", async () => {
    await OpenFeature.setProviderAndWait(
      new InMemoryProvider({ [FLAG]: { variants: { on: 'legacy' }, defaultVariant: 'on', disabled: false } }),
    );
    await expect(decide(flag({ flagType: 'string' }))).resolves.toEqual({
      route: 'legacy',
      reason: 'openfeature:STATIC',
    });
  });

  it('asks the provider with the configured default route as the default value', async () => {
    // A provider with no answer of its own for this context answers the default it was given.
    await OpenFeature.setProviderAndWait(
      providerFrom('echo', (defaultValue) => ({ value: defaultValue, reason: 'DEFAULT' })),
    );
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'legacy',
      reason: 'openfeature:DEFAULT',
    });
    await expect(decide(flag({ flagType: 'boolean' }, 'identity'))).resolves.toEqual({
      route: 'identity',
      reason: 'openfeature:DEFAULT',
    });
    await expect(decide(flag({ flagType: 'boolean' }, 'legacy'))).resolves.toEqual({
      route: 'legacy',
      reason: 'openfeature:DEFAULT',
    });
  });

  it('a boolean flag whose provider answers something other than a boolean -> the default (fallback:invalid-route)', async () => {
    // The SDK does not check the type of what a provider answers.
    await OpenFeature.setProviderAndWait(
      providerFrom('loose', () => ({ value: 'legacy', reason: 'STATIC' })),
    );
    await expect(decide(flag({ flagType: 'boolean' }, 'identity'))).resolves.toEqual({
      route: 'identity',
      reason: 'fallback:invalid-route',
    });
  });
});

describe('OpenFeature: the reason in the event is a short token made from the provider’s reason', () => {
  it.each<[string, string | undefined, string]>([
    ['no reason', undefined, 'openfeature:UNKNOWN'],
    ['an empty reason', '', 'openfeature:UNKNOWN'],
    ['a reason of 80 characters, cut to 64', 'R'.repeat(80), `openfeature:${'R'.repeat(64)}`],
  ])('%s', async (_case, reason, expected) => {
    await OpenFeature.setProviderAndWait(
      providerFrom('terse', () =>
        reason === undefined ? { value: 'identity' } : { value: 'identity', reason },
      ),
    );
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({ route: 'identity', reason: expected });
  });
});

describe('OpenFeature: on any evaluation error, the configured default, and the reason says why', () => {
  it('a provider answering reason ERROR without an error code (fallback:openfeature:GENERAL)', async () => {
    await OpenFeature.setProviderAndWait(
      providerFrom('erring', () => ({ value: 'identity', reason: 'ERROR' })),
    );
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:openfeature:GENERAL',
    });
  });

  it('the no-op provider of SDKs that answered reason No-op without an error code (fallback:openfeature:NO_PROVIDER)', async () => {
    await OpenFeature.setProviderAndWait(
      providerFrom('No-op Provider', (defaultValue) => ({ value: defaultValue, reason: 'No-op' })),
    );
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:openfeature:NO_PROVIDER',
    });
  });

  it('OpenFeature.getClient throwing (fallback:error)', async () => {
    const source = compileOpenFeatureRoute(
      { openFeature: { flagKey: FLAG } },
      'route',
      'legacy',
      100,
      async () => ({
        OpenFeature: {
          getClient() {
            throw new Error('no client today');
          },
        },
      }),
    );
    await expect(decideRoute(source, CONTEXT, NO_ENV)).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:error',
    });
  });
});

describe('OpenFeature: an optional peer, loaded lazily', () => {
  async function loadFailure(failure: unknown): Promise<ChimeIdentityShimConfigurationError> {
    const source = compileOpenFeatureRoute({ openFeature: { flagKey: FLAG } }, 'route', 'identity', 100, () =>
      Promise.reject(failure),
    );
    const error = await Promise.resolve()
      .then(() => decideRoute(source, CONTEXT, NO_ENV))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ChimeIdentityShimConfigurationError);
    return error as ChimeIdentityShimConfigurationError;
  }

  it('says it is not installed for a CommonJS MODULE_NOT_FOUND too, and keeps the failure as the cause', async () => {
    const notFound = Object.assign(new Error("Cannot find module '@openfeature/server-sdk'"), {
      code: 'MODULE_NOT_FOUND',
    });
    const error = await loadFailure(notFound);
    expect(error.message).toBe(
      'route.openFeature needs the optional peer dependency @openfeature/server-sdk, which is not installed: npm install @openfeature/server-sdk',
    );
    expect(error.cause).toBe(notFound);
  });

  it.each<[string, unknown, string]>([
    ['a string', 'registry offline', 'registry offline'],
    ['null', null, 'null'],
  ])('says what went wrong when the load fails with %s', async (_case, failure, shown) => {
    expect((await loadFailure(failure)).message).toBe(
      `route.openFeature needs @openfeature/server-sdk, which could not be loaded: ${shown}`,
    );
  });
});

describe('OpenFeature: invalid settings are rejected at configuration time, naming the field', () => {
  it('rejects an empty domain', () => {
    expect(() => flag({ domain: '' })).toThrow(
      expect.objectContaining({
        name: 'ChimeIdentityShimConfigurationError',
        message: "route.openFeature.domain must be a non-empty string, got ''",
      }),
    );
  });
});
