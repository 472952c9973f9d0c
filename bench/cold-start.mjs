// Figure 4: cold start, fresh `node` processes to the first successful call, against an emulator
// started by this process (in a process of its own; loopback, SigV4 verification on), for the
// identity client alone, the drop-in entry (`chime-identity-shim`) and the function entry
// (`chime-identity-shim/function`).
// Runs are interleaved (the order rotates each round); one discarded round first warms the OS
// file cache. Two clocks: `firstCallMs`, read in the child (ms since its process started), and
// `spawnToExitMs`, seen from here (spawn to exit, process teardown included); and `cpuMs`, the
// CPU the child had used by its first call (all threads), which moves less on a busy machine.
//
//   npm run build && node bench/cold-start.mjs [--runs 15]

import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulatorProcess } from './emulator-process.mjs';
import { interleaved, now, pairedRatio, roundAll, summarize } from './stats.mjs';

export const COLD_START_GOAL = 1.1;
const CHILD = fileURLToPath(new URL('./cold-start-child.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const COLD_START_VARIANTS = ['identity', 'dropIn', 'function'];
const MAX_RUNS = 100;
const CHILD_TIMEOUT_MS = 30_000;

/**
 * @param {{ runs?: number, variants?: string[] }} [options]
 * @returns per variant: summaries of firstCallMs, importMs, callMs and spawnToExitMs over the
 *   runs; per shim variant: its ratio to `identity` (median of per-round ratios, with spread).
 */
export async function runColdStartBench({ runs = 15, variants = COLD_START_VARIANTS } = {}) {
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS)) {
    throw new RangeError(`runs must be an integer in [1, ${MAX_RUNS}]`);
  }
  const emulator = await startEmulatorProcess();
  try {
    const appInstanceArn = await emulator.createAppInstance();
    let n = 0;
    const once = (variant) =>
      runChild(variant, {
        endpoint: emulator.endpoint,
        appInstanceArn,
        userId: `cold.${process.pid}.${n++}`,
      });
    for (const variant of variants) await once(variant); // warms the file cache; not counted
    const measurements = await interleaved(variants, runs, once);
    const pick = (variant, key) => measurements[variant].map((m) => m[key]);
    const result = { unit: 'ms', runs, variants: {}, ratios: {}, cpuRatios: {} };
    for (const variant of variants) {
      result.variants[variant] = Object.fromEntries(
        ['firstCallMs', 'importMs', 'callMs', 'spawnToExitMs', 'cpuMs'].map((key) => [
          key,
          roundAll(summarize(pick(variant, key))),
        ]),
      );
      if (variant !== 'identity' && measurements.identity) {
        result.ratios[variant] = roundAll(
          pairedRatio(pick(variant, 'firstCallMs'), pick('identity', 'firstCallMs')),
          4,
        );
        result.cpuRatios[variant] = roundAll(
          pairedRatio(pick(variant, 'cpuMs'), pick('identity', 'cpuMs')),
          4,
        );
      }
    }
    return result;
  } finally {
    await emulator.close();
  }
}

function runChild(variant, { endpoint, appInstanceArn, userId }) {
  return new Promise((resolve, reject) => {
    const started = now();
    const child = spawn(process.execPath, [CHILD, variant], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: CHILD_TIMEOUT_MS,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        CHIME_BENCH_ENDPOINT: endpoint,
        CHIME_BENCH_ARN: appInstanceArn,
        CHIME_BENCH_USER_ID: userId,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const spawnToExitMs = now() - started;
      if (code !== 0) {
        return reject(new Error(`cold start ${variant} exited with ${code ?? signal}: ${stderr.trim()}`));
      }
      resolve({ ...JSON.parse(stdout.trim().split('\n').at(-1)), spawnToExitMs });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
  console.log(JSON.stringify(await runColdStartBench({ runs: Number(values.runs) }), null, 2));
}
