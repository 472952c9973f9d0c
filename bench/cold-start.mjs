// Figure 4: cold start, fresh `node` processes to the first successful call, against an emulator
// started by this process (in a process of its own; loopback, SigV4 verification on), for the
// identity client alone, the drop-in entry (`chime-identity-shim`) and the function entry
// (`chime-identity-shim/function`).
// Runs are interleaved (the order rotates each round); one discarded round first warms the OS
// file cache. Two clocks: `firstCallMs`, read in the child (ms since its process started), and
// `spawnToExitMs`, seen from here (spawn to exit, process teardown included); and `cpuMs`, the
// CPU the child had used by its first call (all threads), which moves less on a busy machine.
//
//   npm run build && node bench/cold-start.mjs [--runs 15] [--baseline DIR]
//
// `--baseline DIR`: also the function entry of another checkout (built, with its node_modules),
// in the same interleaved rounds: `growth` is this checkout's function entry over that one's (how
// issue 9 checked that the whole table left the identity-only cold start where one operation had
// it: `git worktree add /tmp/base <commit>`, link node_modules, `npm run build` there).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulatorProcess } from './emulator-process.mjs';
import { interleaved, now, pairedRatio, roundAll, summarize } from './stats.mjs';

export const COLD_START_GOAL = 1.1;
const CHILD_PATH = 'bench/cold-start-child.mjs';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const COLD_START_VARIANTS = ['identity', 'dropIn', 'function'];
const MAX_RUNS = 100;
const CHILD_TIMEOUT_MS = 30_000;

/**
 * @param {{ runs?: number, variants?: string[] }} [options]
 * @returns per variant: summaries of firstCallMs, importMs, callMs and spawnToExitMs over the
 *   runs; per shim variant: its ratio to `identity` (median of per-round ratios, with spread).
 */
export async function runColdStartBench({ runs = 15, variants = COLD_START_VARIANTS, baseline } = {}) {
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS)) {
    throw new RangeError(`runs must be an integer in [1, ${MAX_RUNS}]`);
  }
  if (baseline !== undefined) {
    if (!existsSync(join(baseline, 'bench/cold-start-child.mjs')) || !existsSync(join(baseline, 'dist'))) {
      throw new Error(
        `--baseline ${baseline}: not a built checkout (needs bench/cold-start-child.mjs and dist/)`,
      );
    }
    variants = [...variants, 'baseline'];
  }
  const emulator = await startEmulatorProcess();
  try {
    const appInstanceArn = await emulator.createAppInstance();
    let n = 0;
    const once = (variant) =>
      runChild(variant === 'baseline' ? { root: baseline, variant: 'function' } : { root: ROOT, variant }, {
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
    if (baseline !== undefined && measurements.function) {
      result.baseline = baseline;
      result.growth = {
        firstCall: roundAll(pairedRatio(pick('function', 'firstCallMs'), pick('baseline', 'firstCallMs')), 4),
        cpu: roundAll(pairedRatio(pick('function', 'cpuMs'), pick('baseline', 'cpuMs')), 4),
      };
    }
    return result;
  } finally {
    await emulator.close();
  }
}

/**
 * Figure 4b: the first call of a family other than identity's, in a fresh process after an
 * identity call through the function entry (`createChannel`: it loads the messaging client and
 * the messaging part of the table), against a second such call.
 * @returns summaries of `firstFamilyCallMs` and `warmFamilyCallMs` over the runs
 */
export async function runFirstFamilyCallBench({ runs = 15 } = {}) {
  const emulator = await startEmulatorProcess();
  try {
    const appInstanceArn = await emulator.createAppInstance();
    const measurements = [];
    for (let n = -1; n < runs; n++) {
      const measurement = await runChild(
        { root: ROOT, variant: 'messagingAfterIdentity' },
        { endpoint: emulator.endpoint, appInstanceArn, userId: `family.${process.pid}.${n + 1}` },
      );
      if (n >= 0) measurements.push(measurement); // the first run warms the file cache
    }
    const pick = (key) => roundAll(summarize(measurements.map((m) => m[key])));
    return {
      unit: 'ms',
      runs,
      firstFamilyCallMs: pick('firstFamilyCallMs'),
      warmFamilyCallMs: pick('warmFamilyCallMs'),
    };
  } finally {
    await emulator.close();
  }
}

/** One cold start of `variant` (the child's) in the checkout at `root`. */
function runChild({ root, variant }, { endpoint, appInstanceArn, userId }) {
  return new Promise((resolve, reject) => {
    const started = now();
    const child = spawn(process.execPath, [join(root, CHILD_PATH), variant], {
      cwd: root,
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
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '15' }, baseline: { type: 'string' } },
  });
  const result = await runColdStartBench({ runs: Number(values.runs), baseline: values.baseline });
  console.log(JSON.stringify(result, null, 2));
}
