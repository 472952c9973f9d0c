import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_GOAL, type BundledProgram, bundleProgram } from '../bench/bundle.mjs';

/**
 * Issue 5, figure 5 (docs/performance.md): a program using `createAppInstanceUser` from the
 * package, bundled and minified by esbuild (platform node, ESM). The programs and the esbuild
 * options are bench/bundle.mjs's, so `npm run bench` and this test measure the same thing. Sizes
 * are deterministic for a given lockfile: no timing is involved.
 *
 * The budget: what the shim adds is at most 10% over the same program using
 * ChimeSDKIdentityClient directly while its catch blocks still test the legacy classes. Those
 * classes must come from the one `@aws-sdk/client-chime` for `instanceof` to work, and esbuild
 * (platform node) bundles that package's CommonJS main whole, about 49 KB: against the identity
 * client alone the ratio is about 1.22, and docs/performance.md reports that figure as a miss.
 */

const built = existsSync(fileURLToPath(new URL('../dist/index.mjs', import.meta.url)));
const NOT_BUILT = 'dist/ is missing: `npm test` builds before vitest; run `npm run build` first';

/**
 * Absolute ceiling for the function program, in bytes: the size measured (553,138 B, with
 * @aws-sdk/client-chime-sdk-identity 3.1080.0 and @aws-sdk/client-chime 3.1138.0) plus about 1%.
 * It catches both programs growing together (an SDK upgrade). Lower it to the new size plus
 * about 1% whenever the shim gets smaller.
 */
const FUNCTION_PROGRAM_BUDGET_BYTES = 559_000;

let direct: BundledProgram;
let directLegacyCatch: BundledProgram;
let shim: BundledProgram;

describe('Performance 5: bundle size of a program using createAppInstanceUser (esbuild, minified)', () => {
  beforeAll(async () => {
    if (!built) return;
    direct = await bundleProgram('direct');
    directLegacyCatch = await bundleProgram('directLegacyCatch');
    shim = await bundleProgram('function');
  }, 60_000);

  afterAll(async () => {
    if (built) await (await import('esbuild')).stop();
  });

  it('bundles the SDK into both programs (the comparison is between two real bundles)', (ctx) => {
    ctx.skip(!built, NOT_BUILT);
    // A bundle that left the SDK out (marked external) would make any ratio meaningless.
    expect(direct.packages['@aws-sdk/client-chime-sdk-identity']).toBeGreaterThan(10_000);
    expect(shim.packages['@aws-sdk/client-chime-sdk-identity']).toBeGreaterThan(10_000);
    expect(shim.packages['chime-identity-shim']).toBeGreaterThan(0);
  });

  it(`is at most ${BUNDLE_GOAL}x the direct program that still catches legacy errors`, (ctx) => {
    ctx.skip(!built, NOT_BUILT);
    const ratio = shim.bytes / directLegacyCatch.bytes;
    expect(
      ratio,
      `function program ${shim.bytes} B / direct program with legacy catch ${directLegacyCatch.bytes} B = ` +
        `${ratio.toFixed(3)}; extra bytes over the identity-only program, by package: ${JSON.stringify(extraBytes())}`,
    ).toBeLessThanOrEqual(BUNDLE_GOAL);
  });

  it('the legacy package is all that separates the two baselines', (ctx) => {
    ctx.skip(!built, NOT_BUILT);
    // If this fails, the legacy classes stopped costing what the budget above assumes.
    expect(directLegacyCatch.packages['@aws-sdk/client-chime']).toBeGreaterThan(0);
    expect(directLegacyCatch.bytes - direct.bytes).toBeLessThan(60_000);
  });

  it(`stays under ${FUNCTION_PROGRAM_BUDGET_BYTES.toLocaleString('en-US')} bytes`, (ctx) => {
    ctx.skip(!built, NOT_BUILT);
    expect(shim.bytes).toBeLessThanOrEqual(FUNCTION_PROGRAM_BUDGET_BYTES);
  });
});

/** Where the shim program's extra bytes come from, largest first: what the failure message shows. */
function extraBytes(): Record<string, number> {
  return Object.fromEntries(
    Object.entries(shim.packages)
      .map(([name, bytes]) => [name, bytes - (direct.packages[name] ?? 0)] as const)
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8),
  );
}
