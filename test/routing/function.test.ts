import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  compileRoute,
  decideRoute,
  type Route,
  type RouteContext,
  type RouteFunction,
} from '../../src/routing/index.js';

const CONTEXT: RouteContext = {
  operation: 'CreateAppInstanceUser',
  family: 'identity',
  AppInstanceUserId: 'user-1',
  AppInstanceArn: 'arn:aws:chime:eu-central-1:111122223333:app-instance/abc',
  region: 'eu-central-1',
  serviceVersion: '2.4.0',
};
const NO_ENV = {};

function source(route: RouteFunction, defaultRoute: Route = 'legacy', timeoutMs = 100) {
  return compileRoute(route, { defaultRoute, timeoutMs });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Routes: a function (sync or async) returning a route', () => {
  it('answers a sync function synchronously, with reason function, given the call context', () => {
    const route = vi.fn<RouteFunction>(() => 'identity');
    const decision = decideRoute(source(route), CONTEXT, NO_ENV);
    expect(decision).toEqual({ route: 'identity', reason: 'function' });
    expect(route).toHaveBeenCalledExactlyOnceWith(CONTEXT);
  });

  it('awaits an async function', async () => {
    const decision = decideRoute(
      source(async ({ region }) => (region === 'eu-central-1' ? 'legacy' : 'identity'), 'identity'),
      CONTEXT,
      NO_ENV,
    );
    expect(decision).toBeInstanceOf(Promise);
    await expect(decision).resolves.toEqual({ route: 'legacy', reason: 'function' });
  });

  it('awaits any thenable it returns, a callable one included', async () => {
    const thenable = Object.assign(() => 'legacy', {
      // biome-ignore lint/suspicious/noThenProperty: the point is a thenable that is also a function
      then(resolve: (route: Route) => void) {
        resolve('identity');
      },
    });
    await expect(
      decideRoute(
        source(() => thenable as never, 'legacy', 1000),
        CONTEXT,
        NO_ENV,
      ),
    ).resolves.toEqual({
      route: 'identity',
      reason: 'function',
    });
  });
});

describe('Routes: a route source that fails never fails the call', () => {
  it('falls back when the function throws (fallback:error)', () => {
    const decision = decideRoute(
      source(() => {
        throw new Error('flag store down');
      }),
      CONTEXT,
      NO_ENV,
    );
    expect(decision).toEqual({ route: 'legacy', reason: 'fallback:error' });
  });

  it('falls back when the function rejects (fallback:error)', async () => {
    await expect(
      decideRoute(
        source(() => Promise.reject(new Error('nope')), 'identity'),
        CONTEXT,
        NO_ENV,
      ),
    ).resolves.toEqual({ route: 'identity', reason: 'fallback:error' });
  });

  it.each<[string, unknown]>([
    ['another string', 'shadow'],
    ['a differently cased route', 'Identity'],
    ['undefined', undefined],
    ['a boolean', true],
    ['an object', { route: 'identity' }],
  ])('falls back when the function returns %s (fallback:invalid-route)', async (_name, junk) => {
    const sync = decideRoute(
      source(() => junk as Route),
      CONTEXT,
      NO_ENV,
    );
    expect(sync).toEqual({ route: 'legacy', reason: 'fallback:invalid-route' });
    await expect(
      decideRoute(
        source(async () => junk as Route),
        CONTEXT,
        NO_ENV,
      ),
    ).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:invalid-route',
    });
  });

  it('falls back when the function returns null (fallback:invalid-route), synchronously', () => {
    expect(
      decideRoute(
        source(() => null as never),
        CONTEXT,
        NO_ENV,
      ),
    ).toEqual({
      route: 'legacy',
      reason: 'fallback:invalid-route',
    });
  });

  it('falls back when the function never answers within timeoutMs (fallback:timeout)', async () => {
    const never = () => new Promise<Route>(() => {});
    await expect(decideRoute(source(never, 'identity', 20), CONTEXT, NO_ENV)).resolves.toEqual({
      route: 'identity',
      reason: 'fallback:timeout',
    });
  });

  it('handles a thenable that throws from then()', async () => {
    const thenable = {
      // biome-ignore lint/suspicious/noThenProperty: the point is a hostile thenable
      then() {
        throw new Error('bad thenable');
      },
    };
    await expect(
      decideRoute(
        source(() => thenable as never),
        CONTEXT,
        NO_ENV,
      ),
    ).resolves.toEqual({
      route: 'legacy',
      reason: 'fallback:error',
    });
  });
});

describe('Routes: a timeout beyond what setTimeout can wait (2^31 ms, about 25 days) means no timeout', () => {
  it('takes the answer whenever it comes, instead of timing out at once', async () => {
    // Node fires a longer setTimeout after 1 ms (TimeoutOverflowWarning): the answer, 20 ms
    // later, would then lose to fallback:timeout.
    const slow = () => new Promise<Route>((resolve) => setTimeout(resolve, 20, 'identity'));
    await expect(decideRoute(source(slow, 'legacy', 2 ** 31), CONTEXT, NO_ENV)).resolves.toEqual({
      route: 'identity',
      reason: 'function',
    });
  });
});

describe('Routes: a pending route source does not hold the process open', () => {
  it('unrefs the timeout timer while waiting and clears it once the answer comes', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const clearTimeoutSpy = vi.spyOn(globalThis, 'clearTimeout');
    let answer: (route: Route) => void = () => {};
    const pending = decideRoute(
      source(() => new Promise<Route>((resolve) => (answer = resolve)), 'legacy', 60_000),
      CONTEXT,
      NO_ENV,
    );
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
    const timer = setTimeoutSpy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    answer('identity');
    await expect(pending).resolves.toEqual({ route: 'identity', reason: 'function' });
    expect(clearTimeoutSpy).toHaveBeenCalledWith(timer);
  });

  it('starts no timer for a sync answer', () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    decideRoute(
      source(() => 'identity'),
      CONTEXT,
      NO_ENV,
    );
    expect(setTimeoutSpy).not.toHaveBeenCalled();
  });
});
