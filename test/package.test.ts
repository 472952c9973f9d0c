import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from './support/build.js';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The tarball users install, unpacked into a fresh folder next to the peers. The registry is
 * not reachable from tests, so the peers and dependencies are linked from this checkout's
 * node_modules, as `npm install` would place them.
 */
describe('Package: npm pack, installed in a fresh folder with its peers, loads with import and require', () => {
  let app: string;
  let files: string[];

  beforeAll(async () => {
    requireBuild();
    app = await mkdtemp(join(tmpdir(), 'chime-identity-shim-smoke-'));
    const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', app], { cwd: root });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = packed!.files.map((file) => file.path);
    const target = join(app, 'node_modules/chime-identity-shim');
    await mkdir(target, { recursive: true });
    await exec('tar', ['xzf', join(app, packed!.filename), '-C', target, '--strip-components=1']);
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      dependencies: object;
    };
    const installed = [
      '@aws-sdk/client-chime',
      '@aws-sdk/client-chime-sdk-identity',
      ...Object.keys(manifest.dependencies),
    ];
    for (const name of installed) {
      await mkdir(dirname(join(app, 'node_modules', name)), { recursive: true });
      await symlink(join(root, 'node_modules', name), join(app, 'node_modules', name));
    }
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true }));
  }, 120_000);

  afterAll(() => rm(app, { recursive: true, force: true }));

  it('ships dist, docs and metadata, and no sources or tests', () => {
    expect(files).toContain('dist/index.mjs');
    expect(files).toContain('dist/index.cjs');
    expect(files).toContain('package.json');
    expect(files.some((file) => file.startsWith('src/') || file.startsWith('test/'))).toBe(false);
  });

  const probe = `
    const shim = SHIM;
    const legacy = LEGACY;
    const out = {
      dropIn: shim.ChimeClient !== legacy.ChimeClient && typeof shim.CreateAppInstanceUserCommand,
      reexports: shim.ConflictException === legacy.ConflictException && typeof shim.ListAccountsCommand,
      functions: typeof shim.createAppInstanceUser + ',' + (shim.create_app_instance_user === shim.createAppInstanceUser),
      plugin: typeof shim.chimeIdentityMigration,
    };
    console.log(JSON.stringify(out));`;
  const expected = {
    dropIn: 'function',
    reexports: 'function',
    functions: 'function,true',
    plugin: 'function',
  };

  it('require() (CommonJS)', async () => {
    const source = probe
      .replace('SHIM', "require('chime-identity-shim')")
      .replace('LEGACY', "require('@aws-sdk/client-chime')");
    const { stdout } = await exec(process.execPath, ['-e', source], { cwd: app });
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it('import (ESM)', async () => {
    const source = `import * as s from 'chime-identity-shim'; import * as l from '@aws-sdk/client-chime';${probe
      .replace('SHIM', 's')
      .replace('LEGACY', 'l')}`;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', source], { cwd: app });
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it('the subpath entries load in both formats', async () => {
    const entries = await readdir(join(app, 'node_modules/chime-identity-shim/dist'));
    expect(entries).toEqual(expect.arrayContaining(['function.mjs', 'function.cjs']));
    const { stdout } = await exec(
      process.execPath,
      ['-e', "console.log(typeof require('chime-identity-shim/function').createAppInstanceUser)"],
      { cwd: app },
    );
    expect(stdout.trim()).toBe('function');
  });
});
