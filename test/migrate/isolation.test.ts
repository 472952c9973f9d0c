import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../support/build.js';
import { modulesLoadedBy, ROOT as root } from '../support/loaded-modules.js';

/** What the migration assistant brings: its parser, its diff library, and its own chunk of dist/. */
const ASSISTANT = /node_modules\/(@babel\/parser|@babel\/types|diff)\/|dist\/migrate-/;

const RUNTIME_ENTRIES = ['index', 'function', 'emulator'] as const;

beforeAll(() => {
  requireBuild();
});

/**
 * The runtime entries, bundled as an application would bundle them (esbuild, platform node, every
 * dependency bundled): none of the assistant's modules is in the bundle. The CLI's bundle has
 * them, which shows the check sees them when they are there.
 */
describe('Migration assistant: "the runtime entry points never ... bundle it or its parser"', () => {
  const inputsOf = async (entry: string): Promise<string[]> => {
    const result = await build({
      entryPoints: [join(root, 'dist', entry)],
      bundle: true,
      platform: 'node',
      format: entry.endsWith('.cjs') ? 'cjs' : 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    return Object.keys(result.metafile.inputs);
  };

  it.each(RUNTIME_ENTRIES.flatMap((entry) => [`${entry}.mjs`, `${entry}.cjs`]))(
    'dist/%s bundles none of them',
    async (entry) => {
      const inputs = await inputsOf(entry);
      expect(inputs.length).toBeGreaterThan(10);
      expect(inputs.filter((input) => ASSISTANT.test(input))).toEqual([]);
    },
    60_000,
  );

  it('dist/cli.mjs does bundle them (through the scan and migrate commands): the check can fail', async () => {
    const inputs = await inputsOf('cli.mjs');
    expect(inputs.some((input) => input.includes('node_modules/@babel/parser/'))).toBe(true);
    expect(inputs.some((input) => input.includes('dist/migrate-'))).toBe(true);
  }, 60_000);
});

/**
 * A fresh Node process with a resolve hook that records every module it loads: loading the runtime
 * entries (ESM and CommonJS) loads none of the assistant's modules; nor does starting the CLI;
 * running `scan` does.
 */
describe('Migration assistant: "the runtime entry points never import ... it or its parser"', () => {
  const loadedBy = async (mode: 'runtime' | 'cli', ...args: string[]): Promise<string[]> => {
    const { loaded } = await modulesLoadedBy(
      mode === 'runtime'
        ? `for (const entry of ['index', 'function', 'emulator']) {
             await import(root + '/dist/' + entry + '.mjs');
             require(root + '/dist/' + entry + '.cjs');
           }`
        : `process.argv.splice(2, process.argv.length, ...args);
           await import(root + '/dist/cli.mjs');`,
      args,
    );
    return loaded;
  };

  it('loading chime-identity-shim, /function and /emulator (import and require) loads none of them', async () => {
    const loaded = await loadedBy('runtime');
    expect(loaded.some((url) => url.includes('@aws-sdk/client-chime-sdk-identity'))).toBe(true);
    expect(loaded.filter((url) => ASSISTANT.test(url))).toEqual([]);
  }, 60_000);

  it('starting the CLI loads none of them; running scan loads the parser (so the probe sees it)', async () => {
    const version = await loadedBy('cli', '--version');
    expect(version.some((url) => url.includes('dist/cli.mjs'))).toBe(true);
    expect(version.filter((url) => ASSISTANT.test(url))).toEqual([]);
    const scan = await loadedBy('cli', 'scan', 'test/migrate/fixtures/scan/project/src/users.ts');
    expect(scan.some((url) => url.includes('node_modules/@babel/parser/'))).toBe(true);
  }, 60_000);
});
