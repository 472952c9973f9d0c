// Figure 1: time per call, one call at a time, each shim surface against the direct
// ChimeSDKIdentityClient.send, in interleaved rounds, against the emulator (own process, loopback,
// SigV4 verification on).
//
//   npm run build && node bench/calls.mjs [--variants direct,dropIn] [--rounds 30] [--calls 250]
//
// With one variant only, it is the workload to profile:
//   node --cpu-prof --cpu-prof-dir=bench/results/profiles bench/calls.mjs --variants dropIn

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulatorProcess } from './emulator-process.mjs';
import { interleaved, now, pairedRatio, roundAll, summarize } from './stats.mjs';
import { buildVariants, VARIANTS } from './variants.mjs';

export const CALLS_GOAL = 1.03;
const MAX_CALLS = 200_000;

/**
 * @param {{ rounds?: number, callsPerRound?: number, warmup?: number, variants?: string[] }} [options]
 * @returns per variant: microseconds per call (median, p25, p75, min, max over rounds); per shim
 *   variant: the ratio to `direct` (median of per-round ratios, with their spread).
 */
export async function runCallsBench({
  rounds = 30,
  callsPerRound = 250,
  warmup = 1_000,
  variants = VARIANTS,
} = {}) {
  if (rounds * callsPerRound * variants.length > MAX_CALLS) throw new RangeError('too many calls');
  const emulator = await startEmulatorProcess();
  const appInstanceArn = await emulator.createAppInstance();
  const built = await buildVariants(variants, { endpoint: emulator.endpoint, appInstanceArn });
  try {
    // Warm-up: JIT, sockets, the identity clients the shim builds on first use.
    for (const name of variants) for (let i = 0; i < warmup; i++) await built.calls[name]();
    // Wall time per call is the figure; this process's CPU time per call (the emulator runs in
    // another process) is kept beside it: on a shared machine it moves less than wall time.
    const cpu = Object.fromEntries(variants.map((name) => [name, []]));
    const wall = await interleaved(variants, rounds, async (name) => {
      const call = built.calls[name];
      const cpuBefore = process.cpuUsage();
      const started = now();
      for (let i = 0; i < callsPerRound; i++) await call();
      const elapsed = now() - started;
      const used = process.cpuUsage(cpuBefore);
      cpu[name].push((used.user + used.system) / callsPerRound);
      return (elapsed * 1000) / callsPerRound; // us per call
    });
    return {
      unit: 'us/call',
      rounds,
      callsPerRound,
      warmup,
      retries: built.retries(),
      wall: describe(variants, wall),
      cpu: describe(variants, cpu),
    };
  } finally {
    built.close();
    await emulator.close();
  }
}

/** Per variant: the summary of its samples; per shim variant: its ratio to `direct`. */
function describe(variants, samples) {
  const ratios = {};
  if (samples.direct) {
    for (const name of variants) {
      if (name !== 'direct') ratios[name] = roundAll(pairedRatio(samples[name], samples.direct), 4);
    }
  }
  return {
    variants: Object.fromEntries(variants.map((name) => [name, roundAll(summarize(samples[name]))])),
    ratios,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      variants: { type: 'string', default: VARIANTS.join(',') },
      rounds: { type: 'string', default: '30' },
      calls: { type: 'string', default: '250' },
      warmup: { type: 'string', default: '1000' },
    },
  });
  const result = await runCallsBench({
    variants: values.variants.split(','),
    rounds: Number(values.rounds),
    callsPerRound: Number(values.calls),
    warmup: Number(values.warmup),
  });
  console.log(JSON.stringify(result, null, 2));
}
