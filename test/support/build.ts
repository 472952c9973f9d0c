import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Tests of the built package (dist/) call this first. vitest's global setup (test/support/global-setup.ts)
 * builds dist/ when it is missing or older than src/, so a missing build here is a failure with
 * the reason, never a test that silently passes by skipping.
 */
export function requireBuild(file = 'dist/index.mjs'): string {
  const path = `${root}${file}`;
  if (!existsSync(path)) {
    throw new Error(`${file} is missing: the global setup should have built it (run \`npm run build\`)`);
  }
  return path;
}
