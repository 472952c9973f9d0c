// Timing and statistics shared by every benchmark module: quantiles, summaries, paired ratios,
// interleaved rounds, machine info. Plain ESM JavaScript: Node 20 cannot run .ts.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Milliseconds, high resolution, monotonic. */
export const now = () => performance.now();

/** The q-quantile (0..1) of `values`, linear interpolation between closest ranks (as numpy's default). */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values) => quantile(values, 0.5);

/** `{ n, median, p25, p75, min, max }` of a sample. */
export function summarize(values) {
  return {
    n: values.length,
    median: median(values),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/**
 * Shim/direct from samples taken in interleaved rounds. `ratio` is the median of the per-round
 * ratios (round i of the shim over round i of the direct side), so slow drift of the machine
 * (other processes, thermal) cancels out round by round; `p25`/`p75` are the spread of those
 * per-round ratios; `ratioOfMedians` is given too, and agrees with `ratio` when the machine is quiet.
 */
export function pairedRatio(shimSamples, directSamples) {
  const n = Math.min(shimSamples.length, directSamples.length);
  const perRound = [];
  for (let i = 0; i < n; i++) perRound.push(shimSamples[i] / directSamples[i]);
  const spread = summarize(perRound);
  return {
    ratio: spread.median,
    p25: spread.p25,
    p75: spread.p75,
    min: spread.min,
    max: spread.max,
    ratioOfMedians: median(shimSamples) / median(directSamples),
  };
}

/**
 * Runs `rounds` rounds; in each, `measure(variant, round)` once per variant, the order rotated
 * from round to round (A B C, B C A, C A B, ...) so that no variant always runs right after
 * the same other one (a GC or a socket left over from the previous one lands on all alike).
 * Returns `{ [variant]: [sample per round] }`.
 */
export async function interleaved(variants, rounds, measure) {
  const samples = Object.fromEntries(variants.map((variant) => [variant, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(round + k) % variants.length];
      samples[variant].push(await measure(variant, round));
    }
  }
  return samples;
}

/** Runs `count` calls of `call(i)` with at most `inFlight` awaiting at once; returns elapsed ms. */
export async function inFlight(count, concurrency, call) {
  let next = 0;
  const lane = async () => {
    while (next < count) await call(next++);
  };
  const started = now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return now() - started;
}

/**
 * A unique, valid `AppInstanceUserId` for every call: `^[A-Za-z0-9]([A-Za-z0-9:\-_.@]{0,62}[A-Za-z0-9])?$`,
 * at most 64 characters. `tag` tells the variants apart, the pid the processes.
 */
export function userIdFactory(tag) {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,15}$/.test(tag)) throw new RangeError(`bad user id tag ${tag}`);
  let n = 0;
  const first = `${tag}.${process.pid}.0`;
  if (!USER_ID_PATTERN.test(first)) throw new RangeError(`user id ${first} does not match the model pattern`);
  return () => `${tag}.${process.pid}.${n++}`;
}
/** The model's `AppInstanceUserId` pattern (both the legacy and the identity model); length 1-64. */
export const USER_ID_PATTERN = /^[A-Za-z0-9]([A-Za-z0-9:\-_.@]{0,62}[A-Za-z0-9])?$/;

export const MB = 1024 * 1024;

/** What a result depends on: cores, CPU, Node, load at the start, the commit. */
export function machineInfo(root) {
  const cpu = cpus();
  let commit;
  let dirty;
  try {
    commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
  } catch {
    commit = undefined;
  }
  return {
    date: new Date().toISOString(),
    cores: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform}-${process.arch}`,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
    commit,
    dirty,
  };
}

/**
 * A fingerprint of the built files (dist/*.mjs, *.cjs): which build a result belongs to, and
 * whether dist/ was rebuilt while the benchmarks ran (then the results mix two builds).
 */
export function distFingerprint(root) {
  const dir = join(root, 'dist');
  try {
    const hash = createHash('sha256');
    for (const name of readdirSync(dir)
      .filter((n) => /\.(mjs|cjs)$/.test(n))
      .sort()) {
      hash.update(name).update(readFileSync(join(dir, name)));
    }
    return hash.digest('hex').slice(0, 12);
  } catch {
    return undefined;
  }
}

/** Rounds to `digits` significant decimals for JSON and tables. */
export function round(value, digits = 3) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `round` on every value of a flat object. */
export function roundAll(object, digits = 1) {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, round(v, digits)]));
}
