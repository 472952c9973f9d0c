import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type EvaluationContext,
  InMemoryProvider,
  OpenFeature,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
  serviceVersion: '2.4.0',
};
const NO_ENV = {};

function flag(fields: Partial<OpenFeatureFlag> = {}, defaultRoute: Route = 'identity', timeoutMs = 1000) {
  return compileRoute({ openFeature: { flagKey: FLAG, ...fields } }, { defaultRoute, timeoutMs });
}

async function decide(source: ReturnType<typeof flag>, context: RouteContext = CONTEXT) {
  return await decideRoute(source, context, NO_ENV);
}

/**
 * A provider whose every resolution is `resolve(defaultValue)` (a value or a promise of one; a
 * `resolve` that throws throws from the provider's method); the rest of Provider is boilerplate.
 */
function providerFrom(
  name: string,
  resolve: (defaultValue: unknown) => ResolutionDetails<unknown> | Promise<ResolutionDetails<unknown>>,
  extra: Partial<Provider> = {},
): Provider {
  const resolution = (_flagKey: string, defaultValue: unknown) =>
    Promise.resolve(resolve(defaultValue)) as Promise<ResolutionDetails<never>>;
  return {
    metadata: { name },
    runsOn: 'server',
    resolveBooleanEvaluation: resolution,
    resolveStringEvaluation: resolution,
    resolveNumberEvaluation: resolution,
    resolveObjectEvaluation: resolution,
    ...extra,
  };
}

beforeEach(async () => {
  await OpenFeature.clearProviders();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await OpenFeature.clearProviders();
});

describe('OpenFeature: with no provider bound it yields the configured default', () => {
  it('answers the default with fallback:openfeature:NO_PROVIDER', async () => {
    await expect(decide(flag())).resolves.toEqual({
      route: 'identity',
      reason: 'fallback:openfeature:NO_PROVIDER',
    });
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:openfeature:NO_PROVIDER',
    });
  });

  it("prefers the setting's own defaultRoute, for a boolean flag too", async () => {
    await expect(decide(flag({ defaultRoute: 'legacy', flagType: 'boolean' }, 'identity'))).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:openfeature:NO_PROVIDER',
    });
  });

  it('does not use a provider bound to another domain', async () => {
    await OpenFeature.setProviderAndWait('someone-else', new InMemoryProvider({}));
    await expect(decide(flag({ domain: 'chime' }))).resolves.toEqual({
      route: 'identity',
      reason: 'fallback:openfeature:NO_PROVIDER',
    });
  });

  it('never sets a provider itself', async () => {
    const setProvider = vi.spyOn(OpenFeature, 'setProvider');
    const setProviderAndWait = vi.spyOn(OpenFeature, 'setProviderAndWait');
    await decide(flag());
    await decide(flag({ domain: 'chime', flagType: 'boolean' }));
    expect(setProvider).not.toHaveBeenCalled();
    expect(setProviderAndWait).not.toHaveBeenCalled();
  });
});

describe('OpenFeature: evaluates a flag through OpenFeature.getClient(domain)', () => {
  it('routes on a string flag, with openfeature:<reason>', async () => {
    await OpenFeature.setProviderAndWait(
      new InMemoryProvider({
        [FLAG]: { variants: { on: 'identity', off: 'legacy' }, defaultVariant: 'off', disabled: false },
      }),
    );
    await expect(decide(flag())).resolves.toEqual({ route: 'legacy', reason: 'openfeature:STATIC' });
  });

  it('routes on a boolean flag: true is identity, false is legacy', async () => {
    const provider = new InMemoryProvider({
      [FLAG]: { variants: { on: true, off: false }, defaultVariant: 'on', disabled: false },
    });
    await OpenFeature.setProviderAndWait(provider);
    await expect(decide(flag({ flagType: 'boolean' }, 'legacy'))).resolves.toEqual({
      route: 'identity',
      reason: 'openfeature:STATIC',
    });
    provider.putConfiguration({
      [FLAG]: { variants: { on: true, off: false }, defaultVariant: 'off', disabled: false },
    });
    await expect(decide(flag({ flagType: 'boolean' }, 'identity'))).resolves.toEqual({
      route: 'legacy',
      reason: 'openfeature:STATIC',
    });
  });

  it('passes targetingKey = AppInstanceUserId and the ARN, region and service version, and targets on them', async () => {
    const seen: EvaluationContext[] = [];
    await OpenFeature.setProviderAndWait(
      'chime',
      new InMemoryProvider({
        [FLAG]: {
          variants: { identity: 'identity', legacy: 'legacy' },
          defaultVariant: 'legacy',
          disabled: false,
          contextEvaluator: (context: EvaluationContext) => {
            seen.push({ ...context });
            return context.targetingKey === 'canary-user' || context.region === 'us-east-1'
              ? 'identity'
              : 'legacy';
          },
        },
      }),
    );
    const source = flag({ domain: 'chime' }, 'legacy');
    await expect(decide(source)).resolves.toEqual({ route: 'legacy', reason: 'openfeature:TARGETING_MATCH' });
    expect(seen[0]).toEqual({
      targetingKey: 'user-1',
      appInstanceArn: CONTEXT.AppInstanceArn,
      region: 'eu-central-1',
      serviceVersion: '2.4.0',
      operation: 'CreateAppInstanceUser',
      family: 'identity',
    });
    await expect(decide(source, { ...CONTEXT, AppInstanceUserId: 'canary-user' })).resolves.toEqual({
      route: 'identity',
      reason: 'openfeature:TARGETING_MATCH',
    });
    await expect(
      decide(source, {
        ...CONTEXT,
        AppInstanceArn: 'arn:aws:chime:us-east-1:111122223333:app-instance/abc',
        region: 'us-east-1',
        serviceVersion: undefined,
      }),
    ).resolves.toEqual({ route: 'identity', reason: 'openfeature:TARGETING_MATCH' });
    expect(seen[2]).not.toHaveProperty('serviceVersion');
  });

  it('uses the default provider for its default domain', async () => {
    await OpenFeature.setProviderAndWait(
      new InMemoryProvider({
        [FLAG]: { variants: { on: 'identity' }, defaultVariant: 'on', disabled: false },
      }),
    );
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'identity',
      reason: 'openfeature:STATIC',
    });
  });

  it('answers the default for a disabled flag, saying so (openfeature:DISABLED)', async () => {
    await OpenFeature.setProviderAndWait(
      new InMemoryProvider({
        [FLAG]: { variants: { on: 'identity' }, defaultVariant: 'on', disabled: true },
      }),
    );
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'legacy',
      reason: 'openfeature:DISABLED',
    });
  });

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

describe('OpenFeature: on any evaluation error, the configured default, and the reason says why', () => {
  it('reports a missing flag (fallback:openfeature:FLAG_NOT_FOUND)', async () => {
    await OpenFeature.setProviderAndWait(new InMemoryProvider({}));
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:openfeature:FLAG_NOT_FOUND',
    });
  });

  it('reports a flag of the wrong type (fallback:openfeature:TYPE_MISMATCH)', async () => {
    await OpenFeature.setProviderAndWait(
      new InMemoryProvider({ [FLAG]: { variants: { on: true }, defaultVariant: 'on', disabled: false } }),
    );
    await expect(decide(flag())).resolves.toEqual({
      route: 'identity',
      reason: 'fallback:openfeature:TYPE_MISMATCH',
    });
  });

  it('reports a string flag whose value is not a route (fallback:invalid-route)', async () => {
    await OpenFeature.setProviderAndWait(
      new InMemoryProvider({ [FLAG]: { variants: { on: 'shadow' }, defaultVariant: 'on', disabled: false } }),
    );
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:invalid-route',
    });
  });

  it('reports a provider that throws (fallback:openfeature:GENERAL)', async () => {
    const throwing = providerFrom('throwing', () => {
      throw new Error('flag store down');
    });
    await OpenFeature.setProviderAndWait(throwing);
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:openfeature:GENERAL',
    });
    await expect(decide(flag({ flagType: 'boolean' }, 'identity'))).resolves.toEqual({
      route: 'identity',
      reason: 'fallback:openfeature:GENERAL',
    });
  });

  it('reports a provider still initialising (fallback:openfeature:PROVIDER_NOT_READY)', async () => {
    const slowStart = providerFrom('slow-start', () => ({ value: 'identity' }), {
      initialize: () => new Promise<void>(() => {}),
    });
    OpenFeature.setProvider(slowStart);
    await expect(decide(flag({}, 'legacy'))).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:openfeature:PROVIDER_NOT_READY',
    });
  });

  it('reduces a provider-made reason to a short token', async () => {
    const odd = providerFrom('odd', () => ({ value: 'identity', reason: 'rule 7: user@example.com' }));
    await OpenFeature.setProviderAndWait(odd);
    await expect(decide(flag())).resolves.toEqual({
      route: 'identity',
      reason: 'openfeature:rule_7__user_example.com',
    });
  });

  it('falls back when the provider does not answer within timeoutMs (fallback:timeout)', async () => {
    const hanging = providerFrom('hanging', () => new Promise(() => {}));
    await OpenFeature.setProviderAndWait(hanging);
    await expect(decide(flag({}, 'legacy', 20))).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:timeout',
    });
  });

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
    await expect(decide(source)).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:error',
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

describe('OpenFeature: an optional peer, loaded lazily', () => {
  const notFound = Object.assign(
    new Error("Cannot find package '@openfeature/server-sdk' imported from ..."),
    {
      code: 'ERR_MODULE_NOT_FOUND',
    },
  );

  /** The configuration error a route source whose SDK load fails with `failure` gives. */
  async function loadFailure(failure: unknown): Promise<ChimeIdentityShimConfigurationError> {
    const source = compileOpenFeatureRoute({ openFeature: { flagKey: FLAG } }, 'route', 'identity', 100, () =>
      Promise.reject(failure),
    );
    const error = await Promise.resolve()
      .then(() => decide(source))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ChimeIdentityShimConfigurationError);
    return error as ChimeIdentityShimConfigurationError;
  }

  it('is a clear configuration error when @openfeature/server-sdk is not installed', async () => {
    const source = compileOpenFeatureRoute({ openFeature: { flagKey: FLAG } }, 'route', 'identity', 100, () =>
      Promise.reject(notFound),
    );
    const first = decide(source);
    await expect(first).rejects.toBeInstanceOf(ChimeIdentityShimConfigurationError);
    await expect(first).rejects.toThrow(
      'route.openFeature needs the optional peer dependency @openfeature/server-sdk, which is not installed: npm install @openfeature/server-sdk',
    );
    // Every later call says the same, before any network I/O.
    await expect(decide(source)).rejects.toBeInstanceOf(ChimeIdentityShimConfigurationError);
  });

  it('says what went wrong when the SDK is there but unusable', async () => {
    const source = compileOpenFeatureRoute(
      { openFeature: { flagKey: FLAG } },
      'route',
      'identity',
      100,
      async () => ({}),
    );
    await expect(decide(source)).rejects.toThrow(
      'route.openFeature needs @openfeature/server-sdk, which could not be loaded: the module does not export OpenFeature.getClient',
    );
  });

  it('loads the SDK when an OpenFeature setting is compiled, not before', async () => {
    const load = vi.fn(() => import('@openfeature/server-sdk'));
    const source = compileOpenFeatureRoute(
      { openFeature: { flagKey: FLAG } },
      'route',
      'identity',
      100,
      load,
    );
    expect(load).toHaveBeenCalledTimes(1);
    await decide(source);
    await decide(source);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('is never imported at module top level in src/ (only `import type`, and one lazy import())', async () => {
    const files = (await readdir('src', { recursive: true })).filter((file) => file.endsWith('.ts'));
    const offenders: string[] = [];
    const lazyImports: string[] = [];
    for (const file of files) {
      const text = await readFile(join('src', file), 'utf8');
      // A static import or re-export that is not `import type` / `export type` (statements may span lines;
      // `import { type X }` counts: under verbatimModuleSyntax it still loads the module).
      for (const match of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?['"]@openfeature\//gm)) {
        offenders.push(`${file}: ${match[0].trim()}`);
      }
      if (text.includes("import('@openfeature/")) lazyImports.push(file);
    }
    expect(offenders).toEqual([]);
    expect(lazyImports).toEqual([join('routing', 'openfeature.ts')]);
  });

  it('says it is not installed for a CommonJS MODULE_NOT_FOUND too, and keeps the failure as the cause', async () => {
    const requireNotFound = Object.assign(new Error("Cannot find module '@openfeature/server-sdk'"), {
      code: 'MODULE_NOT_FOUND',
    });
    const error = await loadFailure(requireNotFound);
    expect(error.message).toBe(
      'route.openFeature needs the optional peer dependency @openfeature/server-sdk, which is not installed: npm install @openfeature/server-sdk',
    );
    expect(error.cause).toBe(requireNotFound);
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
  it.each<[string, unknown, string]>([
    [
      'no flagKey',
      { openFeature: {} },
      'route.openFeature.flagKey must be a non-empty string, got undefined',
    ],
    [
      'an empty flagKey',
      { openFeature: { flagKey: '' } },
      "route.openFeature.flagKey must be a non-empty string, got ''",
    ],
    [
      'a numeric domain',
      { openFeature: { flagKey: FLAG, domain: 3 } },
      'route.openFeature.domain must be a non-empty string, got 3',
    ],
    [
      'an unknown flagType',
      { openFeature: { flagKey: FLAG, flagType: 'number' } },
      "route.openFeature.flagType must be 'string' or 'boolean', got 'number'",
    ],
    [
      'an unknown defaultRoute',
      { openFeature: { flagKey: FLAG, defaultRoute: 'x' } },
      "route.openFeature.defaultRoute must be 'identity' or 'legacy', got 'x'",
    ],
    [
      'an unknown key',
      { openFeature: { flagKey: FLAG, key: 'x' } },
      'route.openFeature.key is not an OpenFeature route field',
    ],
    [
      'a key beside openFeature',
      { openFeature: { flagKey: FLAG }, percentage: 5 },
      'route.percentage is not an OpenFeature route field',
    ],
    [
      'a string',
      { openFeature: FLAG },
      "route.openFeature must be an object such as { flagKey: 'chime-identity-route' }, got 'chime-identity-route'",
    ],
  ])('rejects %s', (_name, setting, message) => {
    expect(() => compileRoute(setting as never, { defaultRoute: 'identity', timeoutMs: 100 })).toThrow(
      expect.objectContaining({
        name: 'ChimeIdentityShimConfigurationError',
        message: expect.stringContaining(message),
      }),
    );
  });

  it('rejects an empty domain', () => {
    expect(() => flag({ domain: '' })).toThrow(
      expect.objectContaining({
        name: 'ChimeIdentityShimConfigurationError',
        message: "route.openFeature.domain must be a non-empty string, got ''",
      }),
    );
  });
});
