import { defineConfig } from 'vitest/config';

/**
 * Two projects run the same source against the two SDK generations users have:
 * - `current`: the newest `@aws-sdk/client-chime`, which no longer has CreateAppInstanceUser;
 * - `sdk-3.699`: `@aws-sdk/client-chime` resolved to the real 3.699.0 package (installed as the
 *   `legacy-chime` alias), as in a service pinned to it: the shim's own imports of the peer
 *   resolve there too, so `instanceof` is checked against the classes that service really has.
 */
/**
 * `@aws-sdk/client-chime` and its subpaths (its package.json, read by the version guard) resolved
 * to the real 3.699.0 package, installed as the `legacy-chime` alias.
 */
export const PINNED_CHIME = { find: /^@aws-sdk\/client-chime(?=\/|$)/, replacement: 'legacy-chime' };

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Builds dist/ when it is missing or stale, for the tests of the built package.
    globalSetup: ['test/support/global-setup.ts'],
    // The SDK warns once per client package that Node 20 support ends in January 2027; the
    // suite builds hundreds of clients, and the warning would bury the output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: { name: 'current', include: ['test/**/*.test.ts'], exclude: ['test/sdk-3.699/**'] },
      },
      {
        extends: true,
        resolve: { alias: [PINNED_CHIME] },
        test: { name: 'sdk-3.699', include: ['test/sdk-3.699/**/*.test.ts', 'test/core/**/*.test.ts'] },
      },
    ],
  },
});
