// The cost of one route decision, as a call pays it: `decideRoute` (the kill-switch read
// included) on a compiled source. Runs on the built package (Node 20 cannot run .ts):
//   npm run build && node bench/route-decision.mjs
// Goal: under 2 us (2000 ns) per decision for a rollout plan.
import { pathToFileURL } from 'node:url';
import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import { compileRoute, decideRoute } from '../dist/routing.mjs';

const ARN = 'arn:aws:chime:us-east-1:111122223333:app-instance/0a1b2c3d-aaaa-bbbb-cccc-000000000001';
const FLAG = 'chime-identity-route';
/** Distinct users, so the plan hashes a different string on each call, as in production. */
const USERS = 4096;
const SETTINGS = { defaultRoute: 'identity', timeoutMs: 100 };
const PLAN = {
  groupId: FLAG,
  percentage: 25,
  allow: { AppInstanceUserIds: ['qa-1', 'qa-2', 'qa-3'] },
  deny: { AppInstanceUserIds: ['vip-1', 'vip-2'], AppInstanceArns: [`${ARN}-held-back`] },
  serviceVersion: '>=2.3.0',
};

function contexts(userId) {
  return Array.from({ length: USERS }, (_, i) => ({
    AppInstanceUserId: userId(i),
    AppInstanceArn: ARN,
    region: 'us-east-1',
    serviceVersion: '2.4.0',
  }));
}

/** Median ns per decision over `rounds` rounds of `iterations` sync decisions. */
function measureSync(source, calls, { rounds = 15, iterations = 200_000 } = {}) {
  const samples = [];
  let sink = 0;
  for (let round = -3; round < rounds; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) {
      const decision = decideRoute(source, calls[i % calls.length]);
      sink += decision.route.length;
    }
    const ns = Number(process.hrtime.bigint() - start) / iterations;
    if (round >= 0) samples.push(ns); // rounds below 0 warm the JIT up
  }
  if (sink === 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return median(samples);
}

/** Median ns per decision for an async source, one decision awaited at a time (as one call does). */
async function measureAsync(source, calls, { rounds = 9, iterations = 20_000 } = {}) {
  const samples = [];
  for (let round = -2; round < rounds; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await decideRoute(source, calls[i % calls.length]);
    const ns = Number(process.hrtime.bigint() - start) / iterations;
    if (round >= 0) samples.push(ns);
  }
  return median(samples);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Returns the median ns per decision for each source. The OpenFeature provider is set here,
 * in the bench, as an application would: the library never sets one.
 */
export async function runRouteBench() {
  if (process.env.CHIME_IDENTITY_SHIM_ROUTE) {
    throw new Error(
      'unset CHIME_IDENTITY_SHIM_ROUTE: with it set, every decision takes the kill-switch path',
    );
  }
  const users = contexts((i) => `user-${i}`);
  const denied = contexts((i) => (i % 2 ? 'vip-1' : 'vip-2'));

  const plan = compileRoute(PLAN, SETTINGS);
  if (!decideRoute(plan, users[0]).reason.startsWith('plan:bucket='))
    throw new Error('bench: not the bucket path');
  if (decideRoute(plan, denied[0]).reason !== 'plan:deny') throw new Error('bench: not the deny path');

  await OpenFeature.setProviderAndWait(
    new InMemoryProvider({
      [FLAG]: {
        variants: { identity: 'identity', legacy: 'legacy' },
        defaultVariant: 'legacy',
        disabled: false,
        contextEvaluator: (context) => (context.targetingKey.endsWith('7') ? 'identity' : 'legacy'),
      },
    }),
  );
  const openFeature = compileRoute({ openFeature: { flagKey: FLAG } }, SETTINGS);
  const first = await decideRoute(openFeature, users[0]);
  if (first.reason !== 'openfeature:TARGETING_MATCH')
    throw new Error(`bench: OpenFeature answered ${first.reason}`);

  try {
    return {
      static: measureSync(compileRoute('identity', SETTINGS), users),
      'plan (bucket path)': measureSync(plan, users),
      'plan (deny path)': measureSync(plan, denied),
      'OpenFeature (InMemoryProvider)': await measureAsync(openFeature, users),
    };
  } finally {
    await OpenFeature.clearProviders();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await runRouteBench();
  console.log(`route decision cost, median ns per decideRoute (Node ${process.version}, ${process.arch})`);
  console.table(
    Object.fromEntries(
      Object.entries(results).map(([source, ns]) => [
        source,
        { 'ns/decision': Math.round(ns), 'us/decision': (ns / 1000).toFixed(3) },
      ]),
    ),
  );
}
