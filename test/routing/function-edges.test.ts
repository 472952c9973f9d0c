import { describe, expect, it } from 'vitest';
import { compileRoute, decideRoute, type Route, type RouteContext } from '../../src/routing/index.js';

const CONTEXT: RouteContext = {
  operation: 'CreateAppInstanceUser',
  family: 'identity',
  AppInstanceUserId: 'user-1',
  AppInstanceArn: 'arn:aws:chime:eu-central-1:111122223333:app-instance/abc',
  region: 'eu-central-1',
};
const NO_ENV = {};

describe('Routes: a function (sync or async) returning a route', () => {
  it('awaits any thenable it returns, a callable one included', async () => {
    const thenable = Object.assign(() => 'legacy', {
      // biome-ignore lint/suspicious/noThenProperty: the point is a thenable that is also a function
      then(resolve: (route: Route) => void) {
        resolve('identity');
      },
    });
    const source = compileRoute(() => thenable as never, { defaultRoute: 'legacy', timeoutMs: 1000 });
    await expect(decideRoute(source, CONTEXT, NO_ENV)).resolves.toEqual({
      route: 'identity',
      reason: 'function',
    });
  });
});

describe('Routes: a route source that fails never fails the call', () => {
  it('falls back when the function returns null (fallback:invalid-route), synchronously', () => {
    const source = compileRoute(() => null as never, { defaultRoute: 'legacy', timeoutMs: 100 });
    expect(decideRoute(source, CONTEXT, NO_ENV)).toEqual({
      route: 'legacy',
      reason: 'fallback:invalid-route',
    });
  });
});

describe('Routes: a timeout beyond what setTimeout can wait (2^31 ms, about 25 days) means no timeout', () => {
  it('takes the answer whenever it comes, instead of timing out at once', async () => {
    // Node fires a longer setTimeout after 1 ms (TimeoutOverflowWarning): the answer, 20 ms
    // later, would then lose to fallback:timeout.
    const slow = () => new Promise<Route>((resolve) => setTimeout(resolve, 20, 'identity'));
    const source = compileRoute(slow, { defaultRoute: 'legacy', timeoutMs: 2 ** 31 });
    await expect(decideRoute(source, CONTEXT, NO_ENV)).resolves.toEqual({
      route: 'identity',
      reason: 'function',
    });
  });
});
