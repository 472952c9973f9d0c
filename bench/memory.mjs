// Figure 3: memory growth over many calls through the drop-in ChimeClient.send (and, for
// reference, the direct ChimeSDKIdentityClient.send), each in a fresh child process started with
// `--expose-gc`, against the emulator in a third process (its store grows, not the client's).
// After a warm-up, gc() runs before each reading; growth = last reading - first reading.
// Readings at every tenth of the run show whether memory keeps climbing (a leak grows linearly)
// or settles (allocator and JIT).
//
//   npm run build && node bench/memory.mjs [--calls 100000] [--in-flight 8] [--variants dropIn,direct]

import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulatorProcess } from './emulator-process.mjs';
import { inFlight, MB, round } from './stats.mjs';
import { buildVariants } from './variants.mjs';

export const MEMORY_GOAL_MB = 5;
const CHILD_FLAG = '--bench-memory-child';
const MAX_CALLS = 1_000_000;
const CHECKPOINTS = 10;

/**
 * @param {{ calls?: number, warmup?: number, inFlight?: number, variants?: string[] }} [options]
 * @returns per variant: baseline and final `{ rssMB, heapUsedMB, externalMB }`, the growth, the
 *   readings at each checkpoint and the calls/s of the run.
 */
export async function runMemoryBench({
  calls = 100_000,
  warmup = 5_000,
  inFlight: concurrency = 8,
  variants = ['dropIn', 'direct'],
} = {}) {
  if (!(Number.isInteger(calls) && calls >= CHECKPOINTS && calls <= MAX_CALLS)) {
    throw new RangeError(`calls must be an integer in [${CHECKPOINTS}, ${MAX_CALLS}]`);
  }
  const emulator = await startEmulatorProcess({ maxUsers: Math.max(100_000, calls + warmup + 1_000) });
  try {
    const results = { calls, warmup, inFlight: concurrency, unit: 'MB' };
    for (const variant of variants) {
      await emulator.reset();
      const appInstanceArn = await emulator.createAppInstance();
      results[variant] = await inChild({
        variant,
        endpoint: emulator.endpoint,
        appInstanceArn,
        calls,
        warmup,
        concurrency,
      });
    }
    return results;
  } finally {
    await emulator.close();
  }
}

function inChild(job) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG], {
      execArgv: ['--expose-gc'],
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    child.once('message', (message) => {
      settled = true;
      if (message.error) reject(new Error(`memory bench (${job.variant}): ${message.error}`));
      else resolve(message.result);
      child.disconnect();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`memory bench child (${job.variant}) exited with code ${code}`));
    });
    child.send(job);
  });
}

async function reading() {
  // Twice, with a turn of the event loop between: WeakMap entries and finalizers need it.
  globalThis.gc();
  await new Promise((resolve) => setImmediate(resolve));
  globalThis.gc();
  const m = process.memoryUsage();
  return {
    rssMB: round(m.rss / MB, 2),
    heapUsedMB: round(m.heapUsed / MB, 2),
    externalMB: round(m.external / MB, 2),
  };
}

/** Least-squares slope of y over x. */
function slope(points) {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxx === 0 ? 0 : sxy / sxx;
}

async function measureInChild({ variant, endpoint, appInstanceArn, calls, warmup, concurrency }) {
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
  const built = await buildVariants([variant], { endpoint, appInstanceArn });
  const call = built.calls[variant];
  await inFlight(warmup, concurrency, call);
  const baseline = await reading();
  const checkpoints = [];
  let elapsedMs = 0;
  const perCheckpoint = Math.floor(calls / CHECKPOINTS);
  for (let k = 0; k < CHECKPOINTS; k++) {
    const count = k === CHECKPOINTS - 1 ? calls - perCheckpoint * k : perCheckpoint;
    elapsedMs += await inFlight(count, concurrency, call);
    checkpoints.push({ calls: perCheckpoint * k + count, ...(await reading()) });
  }
  const final = checkpoints.at(-1);
  built.close();
  const trend = (key) => round(slope(checkpoints.map((c) => [c.calls, c[key]])) * 100_000, 2);
  return {
    baseline,
    final,
    growth: {
      rssMB: round(final.rssMB - baseline.rssMB, 2),
      heapUsedMB: round(final.heapUsedMB - baseline.heapUsedMB, 2),
      externalMB: round(final.externalMB - baseline.externalMB, 2),
    },
    // Least-squares slope over the checkpoints, in MB per 100,000 calls: a leak shows as a steady
    // slope, while single RSS readings move by several MB with the allocator.
    trendPer100kCalls: { rssMB: trend('rssMB'), heapUsedMB: trend('heapUsedMB') },
    checkpoints,
    callsPerSecond: Math.round((calls * 1000) / elapsedMs),
    retries: built.retries(),
  };
}

if (process.argv[2] === CHILD_FLAG) {
  process.once('message', async (job) => {
    try {
      process.send({ result: await measureInChild(job) });
    } catch (error) {
      process.send({ error: error instanceof Error ? error.stack : String(error) });
    }
  });
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      calls: { type: 'string', default: '100000' },
      warmup: { type: 'string', default: '5000' },
      'in-flight': { type: 'string', default: '8' },
      variants: { type: 'string', default: 'dropIn,direct' },
    },
  });
  const result = await runMemoryBench({
    calls: Number(values.calls),
    warmup: Number(values.warmup),
    inFlight: Number(values['in-flight']),
    variants: values.variants.split(','),
  });
  console.log(JSON.stringify(result, null, 2));
}
