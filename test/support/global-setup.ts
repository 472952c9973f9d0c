import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The newest modification time of any file under `dir`, in ms. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds dist/ once, before any test, when it is missing or older than src/: the tests of the
 * built package (the packed tarball, the bin, the bundle sizes, the type fixtures) then test
 * what the sources say. `npm test` builds before vitest, so there this is a check only.
 */
export default function setup(): void {
  const built = join(root, 'dist/index.mjs');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'src'))) return;
  execFileSync(process.execPath, [join(root, 'node_modules/tsdown/dist/run.mjs'), '--log-level', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
