import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = `${root}node_modules/typescript/bin/tsc`;
const built = existsSync(`${root}dist/index.d.mts`) && existsSync(`${root}dist/index.d.cts`);

describe('Surfaces 1: legacy code that changes only its import specifier compiles (module nodenext)', () => {
  // The fixtures import 'chime-identity-shim' by name (package self-reference), so they are
  // checked against the built declaration files users get: index.d.mts for ESM, index.d.cts for CJS.
  it.skipIf(!built)(
    'the documented legacy caller compiles as ESM (.mts) and as CommonJS (.cts)',
    async () => {
      const run = promisify(execFile)(process.execPath, [tsc, '-p', 'test/types/fixtures/tsconfig.json'], {
        cwd: root,
      });
      await expect(run).resolves.toBeDefined();
    },
    60_000,
  );
});
