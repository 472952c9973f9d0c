import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundledProgram, bundleProgram } from '../bench/bundle.mjs';
import { requireBuild } from './support/build.js';

/**
 * Figure 5 (docs/performance.md): programs using `createAppInstanceUser`, bundled and minified by
 * esbuild (platform node, ESM). The programs and the esbuild options are bench/bundle.mjs's, so
 * `npm run bench` and this test measure the same thing. Sizes are deterministic for a given
 * lockfile: no timing is involved.
 *
 * Two budgets:
 * - the identity-only program (`chime-identity-shim/function`) grows at most 2% over 0.1.0's,
 *   when the package served one operation: the operation table must not cost a program that
 *   calls one identity operation more than its own row;
 * - the same program through the main entry carries the whole table: esbuild (platform node)
 *   keeps every export of a module that re-exports a CommonJS package with `export *`, and the
 *   drop-in entry must (`export * from '@aws-sdk/client-chime'`). Its ceiling catches growth.
 */

/** The identity-only program of 0.1.0 (@aws-sdk/client-chime-sdk-identity 3.1080.0, @aws-sdk/client-chime 3.1138.0). */
const FUNCTION_PROGRAM_0_1_BYTES = 547_733;
const GROWTH_BUDGET = 1.02;

/**
 * The function program through the main entry: the size measured (680,847 B) plus about 1%.
 * Lower it to the new size plus about 1% whenever the table gets smaller. It was 669,696 B
 * before each family's part of the table loaded on its first call: esbuild wraps a module that is
 * imported dynamically in a lazy initializer and keeps its whole namespace (about 10 KB more), the
 * price of an unbundled function entry that no longer parses the whole table at load.
 */
const MAIN_ENTRY_BUDGET_BYTES = 687_000;

let direct: BundledProgram;
let directLegacyCatch: BundledProgram;
let identityOnly: BundledProgram;
let mainEntry: BundledProgram;

describe('Performance 5: bundle size of a program using createAppInstanceUser (esbuild, minified)', () => {
  beforeAll(async () => {
    requireBuild();
    direct = await bundleProgram('direct');
    directLegacyCatch = await bundleProgram('directLegacyCatch');
    identityOnly = await bundleProgram('functionSubpath');
    mainEntry = await bundleProgram('function');
  }, 60_000);

  afterAll(async () => {
    await (await import('esbuild')).stop();
  });

  it('bundles the SDK into the programs (the comparison is between real bundles)', () => {
    // A bundle that left the SDK out (marked external) would make any ratio meaningless.
    expect(direct.packages['@aws-sdk/client-chime-sdk-identity']).toBeGreaterThan(10_000);
    expect(identityOnly.packages['@aws-sdk/client-chime-sdk-identity']).toBeGreaterThan(10_000);
    expect(identityOnly.packages['chime-identity-shim']).toBeGreaterThan(0);
  });

  it(`the identity-only program grows at most ${Math.round((GROWTH_BUDGET - 1) * 100)}% over 0.1.0's, whatever the table holds`, () => {
    const growth = identityOnly.bytes / FUNCTION_PROGRAM_0_1_BYTES;
    expect(
      growth,
      `function program ${identityOnly.bytes} B / 0.1.0's ${FUNCTION_PROGRAM_0_1_BYTES} B = ${growth.toFixed(4)}; ` +
        `extra bytes over the identity-only program, by package: ${JSON.stringify(extraBytes(identityOnly))}`,
    ).toBeLessThanOrEqual(GROWTH_BUDGET);
  });

  it('the legacy package is all that separates the two baselines', () => {
    // If this fails, the legacy classes stopped costing what the budgets above assume.
    expect(directLegacyCatch.packages['@aws-sdk/client-chime']).toBeGreaterThan(0);
    expect(directLegacyCatch.bytes - direct.bytes).toBeLessThan(60_000);
  });

  it(`through the main entry, with the whole table, stays under ${MAIN_ENTRY_BUDGET_BYTES.toLocaleString('en-US')} bytes`, () => {
    expect(mainEntry.bytes).toBeLessThanOrEqual(MAIN_ENTRY_BUDGET_BYTES);
  });
});

/** Where a program's extra bytes come from, largest first: what the failure message shows. */
function extraBytes(program: BundledProgram): Record<string, number> {
  return Object.fromEntries(
    Object.entries(program.packages)
      .map(([name, bytes]) => [name, bytes - (direct.packages[name] ?? 0)] as const)
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8),
  );
}
