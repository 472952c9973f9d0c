import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The checkout, without a trailing slash: the probe's `root`. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

const MARK = '@@loaded@@';
const END = '@@end@@';

export interface Probe {
  /** The URL of every module the process loaded, and every CommonJS file it required. */
  readonly loaded: string[];
  /** The process's exit code: not 0 when the body threw (what it loaded until then is kept). */
  readonly code: number;
  readonly stderr: string;
}

/**
 * Runs `body` (the code of an ES module, with `root`, `args` and a CommonJS `require` in scope)
 * in a fresh Node process whose resolve hook records every module it loads.
 */
export async function modulesLoadedBy(body: string, args: readonly string[] = []): Promise<Probe> {
  const probe = join(await mkdtemp(join(tmpdir(), 'chime-shim-probe-')), 'probe.mjs');
  await writeFile(
    probe,
    `
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
    const [root, ...args] = process.argv.slice(2);
    // Written as the process exits (a synchronous write to a pipe on Linux): after whatever the
    // body started and did not await (the CLI runs its command after its module has loaded).
    process.on('exit', () => {
      process.stdout.write('\\n${MARK}' + JSON.stringify([...loaded, ...Object.keys(require.cache)]) + '${END}');
    });
    try {
      ${body}
    } finally {
      // The resolve hook reports from its own thread: let its last messages arrive.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  `,
  );
  const { stdout, stderr, code } = await exec(process.execPath, [probe, ROOT, ...args], {
    cwd: ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  }).then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => error,
  );
  const start = stdout.lastIndexOf(MARK) + MARK.length;
  const loaded = JSON.parse(stdout.slice(start, stdout.indexOf(END, start))) as string[];
  return { loaded, code, stderr };
}
