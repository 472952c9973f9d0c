import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../support/build.js';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

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
  const PROBE = `
    import { register, createRequire } from 'node:module';
    import { MessageChannel } from 'node:worker_threads';
    const { port1, port2 } = new MessageChannel();
    const loaded = [];
    port1.on('message', (url) => loaded.push(url));
    port1.unref();
    const hooks = 'data:text/javascript,' + encodeURIComponent(
      'let port; export function initialize(data) { port = data.port; }' +
      'export async function resolve(specifier, context, next) { const result = await next(specifier, context); port.postMessage(result.url); return result; }'
    );
    register(hooks, { data: { port: port2 }, transferList: [port2] });
    const require = createRequire(import.meta.url);
    const [root, mode, ...args] = process.argv.slice(2);
    if (mode === 'runtime') {
      for (const entry of ['index', 'function', 'emulator']) {
        await import(root + '/dist/' + entry + '.mjs');
        require(root + '/dist/' + entry + '.cjs');
      }
    } else {
      process.argv.splice(2, process.argv.length, ...args);
      await import(root + '/dist/cli.mjs');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.stdout.write('\\n@@loaded@@' + JSON.stringify([...loaded, ...Object.keys(require.cache)]));
  `;
  let probe: string;

  beforeAll(async () => {
    const folder = await mkdtemp(join(tmpdir(), 'chime-migrate-probe-'));
    probe = join(folder, 'probe.mjs');
    await writeFile(probe, PROBE);
  });

  const loadedBy = async (...args: string[]): Promise<string[]> => {
    const { stdout } = await exec(process.execPath, [probe, root.replace(/\/$/, ''), ...args], {
      cwd: root,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    return JSON.parse(stdout.slice(stdout.lastIndexOf('@@loaded@@') + '@@loaded@@'.length)) as string[];
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
