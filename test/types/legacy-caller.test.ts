import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { requireBuild } from '../support/build.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = `${root}node_modules/typescript/bin/tsc`;

describe('Surfaces 1 and Surfaces, per operation: 3.699 code that changes only its import specifier compiles (module nodenext)', () => {
  // The fixtures import 'chime-identity-shim' by name (package self-reference), so they are
  // checked against the built declaration files users get: index.d.mts for ESM, index.d.cts for CJS.
  // They hold 3.699's documented usage of CreateAppInstanceUser, of the other identity operations
  // and the tag operations (commands, the aggregated Chime in its three forms, the paginator, a
  // namespace import, catch blocks); legacy-parity.test-d.ts checks the types of all 129.
  it('the documented legacy caller compiles as ESM (.mts) and as CommonJS (.cts)', async () => {
    requireBuild('dist/index.d.mts');
    requireBuild('dist/index.d.cts');
    const run = promisify(execFile)(process.execPath, [tsc, '-p', 'test/types/fixtures/tsconfig.json'], {
      cwd: root,
    });
    await expect(run).resolves.toBeDefined();
  }, 60_000);
});
