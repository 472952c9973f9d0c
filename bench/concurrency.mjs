// Figure 2: 64 calls in flight, the time for 5,000 calls, drop-in ChimeClient.send against
// ChimeSDKIdentityClient.send, in interleaved rounds (A B, B A, ...), against the emulator in its
// own process (loopback, SigV4 verification on). Both clients use the SDK's default
// NodeHttpHandler (the drop-in's identity client shares its legacy client's handler).
//
//   npm run build && node bench/concurrency.mjs [--rounds 6] [--calls 5000] [--in-flight 64]

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulatorProcess } from './emulator-process.mjs';
import { inFlight, interleaved, pairedRatio, roundAll, summarize } from './stats.mjs';
import { buildVariants } from './variants.mjs';

export const CONCURRENCY_GOAL = 1.03;
const MAX_CALLS = 200_000;

/**
 * @param {{ rounds?: number, calls?: number, inFlight?: number, warmup?: number, variants?: string[] }} [options]
 * @returns per variant: ms for `calls` calls and calls/s (summaries over rounds); the ratio of
 *   each shim variant's time to the direct one's (median of per-round ratios, with spread).
 */
export async function runConcurrencyBench({
  rounds = 6,
  calls = 5_000,
  inFlight: concurrency = 64,
  warmup = 1_000,
  variants = ['direct', 'dropIn'],
} = {}) {
  if (rounds * calls * variants.length > MAX_CALLS) throw new RangeError('too many calls');
  if (!(concurrency >= 1 && concurrency <= 256)) throw new RangeError('inFlight must be in [1, 256]');
  const emulator = await startEmulatorProcess();
  const appInstanceArn = await emulator.createAppInstance();
  const built = await buildVariants(variants, { endpoint: emulator.endpoint, appInstanceArn });
  try {
    for (const name of variants) await inFlight(warmup, concurrency, built.calls[name]);
    const samples = await interleaved(variants, rounds, (name) =>
      inFlight(calls, concurrency, built.calls[name]),
    );
    const ratios = {};
    for (const name of variants) {
      if (name !== 'direct') ratios[name] = roundAll(pairedRatio(samples[name], samples.direct), 4);
    }
    return {
      unit: `ms per ${calls} calls`,
      rounds,
      calls,
      inFlight: concurrency,
      warmup,
      retries: built.retries(),
      variants: Object.fromEntries(
        variants.map((name) => [
          name,
          {
            ...roundAll(summarize(samples[name])),
            callsPerSecond: Math.round((calls * 1000) / summarize(samples[name]).median),
          },
        ]),
      ),
      ratios,
    };
  } finally {
    built.close();
    await emulator.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '6' },
      calls: { type: 'string', default: '5000' },
      'in-flight': { type: 'string', default: '64' },
      variants: { type: 'string', default: 'direct,dropIn' },
    },
  });
  const result = await runConcurrencyBench({
    rounds: Number(values.rounds),
    calls: Number(values.calls),
    inFlight: Number(values['in-flight']),
    variants: values.variants.split(','),
  });
  console.log(JSON.stringify(result, null, 2));
}
