// Where the shim's extra time per call goes: the sequential per-call bench (bench/calls.mjs) run
// twice under `node --cpu-prof`, once with the direct ChimeSDKIdentityClient only and once with
// the drop-in ChimeClient only, the same number of calls each; then self time per call by
// function and by package, and the difference drop-in - direct. The emulator runs in its own
// process, so the profiles hold the client only. Profiles are kept in bench/results/profiles/
// (open them in Chrome DevTools or speedscope).
//
//   npm run build && node bench/profile.mjs [--calls 20000] [--variant dropIn] [--top 25]
//
// Each profile also holds start-up and warm-up; with 20,000 calls they are a few percent of it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/results/profiles');
const MAX_CALLS = 100_000;

/** Runs bench/calls.mjs for one variant under --cpu-prof; returns the profile's path. */
export function profileVariant(variant, calls) {
  const dir = join(OUT, variant);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rounds = 20;
  const args = [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    join(ROOT, 'bench/calls.mjs'),
    '--variants',
    variant,
    '--rounds',
    String(rounds),
    '--calls',
    String(Math.ceil(calls / rounds)),
    '--warmup',
    '500',
  ];
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    timeout: 600_000,
  });
  if (run.status !== 0) throw new Error(`profile ${variant} failed: ${run.stderr}`);
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  return { path: join(dir, file), calls: Math.ceil(calls / rounds) * rounds + 500 };
}

/** Where a frame's code lives: a package, this package's dist, a Node internal module, or V8. */
function ownerOf(url) {
  if (!url) return '(V8/native)';
  if (url.startsWith('node:')) return url.split('/')[0];
  const at = url.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const parts = url.slice(at + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes('/dist/')) return 'chime-identity-shim (dist)';
  if (url.includes('/bench/')) return '(bench harness)';
  return url;
}

/** Self time (us) per function and per owner, from a .cpuprofile. */
export function selfTimes(path) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const perNode = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    perNode.set(id, (perNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const functions = new Map();
  const owners = new Map();
  for (const [id, us] of perNode) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const owner = ownerOf(url);
    const file = url ? url.slice(url.lastIndexOf('/', url.lastIndexOf('/') - 1) + 1) : '';
    const key = `${functionName || '(anonymous)'}  ${file}${url ? `:${lineNumber + 1}` : ''}  [${owner}]`;
    functions.set(key, (functions.get(key) ?? 0) + us);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
  }
  // (idle) is this process waiting for the emulator: not CPU the client spent.
  const idleUs = [...functions]
    .filter(([key]) => key.startsWith('(idle)'))
    .reduce((sum, [, us]) => sum + us, 0);
  const totalUs = profile.endTime - profile.startTime;
  return { functions, owners, totalUs, busyUs: totalUs - idleUs };
}

function diff(shim, direct, shimCalls, directCalls) {
  const keys = new Set([...shim.keys(), ...direct.keys()]);
  return [...keys]
    .map((key) => {
      const a = (shim.get(key) ?? 0) / shimCalls;
      const b = (direct.get(key) ?? 0) / directCalls;
      return { key, shim: a, direct: b, delta: a - b };
    })
    .sort((x, y) => y.delta - x.delta);
}

function print(title, rows, top) {
  console.log(`\n${title}\n${'us/call'.padStart(9)} ${'shim'.padStart(8)} ${'direct'.padStart(8)}  function`);
  for (const row of rows.slice(0, top)) {
    console.log(
      `${(row.delta >= 0 ? '+' : '') + row.delta.toFixed(2)}`.padStart(9) +
        ` ${row.shim.toFixed(2).padStart(8)} ${row.direct.toFixed(2).padStart(8)}  ${row.key}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      calls: { type: 'string', default: '20000' },
      variant: { type: 'string', default: 'dropIn' },
      top: { type: 'string', default: '25' },
    },
  });
  const calls = Number(values.calls);
  if (!(calls >= 1_000 && calls <= MAX_CALLS))
    throw new RangeError(`--calls must be in [1000, ${MAX_CALLS}]`);
  const top = Number(values.top);
  const direct = profileVariant('direct', calls);
  const shim = profileVariant(values.variant, calls);
  const a = selfTimes(shim.path);
  const b = selfTimes(direct.path);
  console.log(
    `profiles: ${shim.path} (${shim.calls} calls), ${direct.path} (${direct.calls} calls)\n` +
      `busy (not idle) time per call: ${values.variant} ${(a.busyUs / shim.calls).toFixed(1)} us, direct ${(b.busyUs / direct.calls).toFixed(1)} us; ` +
      `wall: ${(a.totalUs / shim.calls).toFixed(1)} us, ${(b.totalUs / direct.calls).toFixed(1)} us\n` +
      'Native frames ((garbage collector), writev, (idle)) move with the load of the machine: compare the JS owners.',
  );
  print(
    `Self time per call by owner, ${values.variant} - direct`,
    diff(a.owners, b.owners, shim.calls, direct.calls),
    top,
  );
  print(
    `Self time per call by function, ${values.variant} - direct (largest increases)`,
    diff(a.functions, b.functions, shim.calls, direct.calls),
    top,
  );
  print(
    `Self time per call by function, ${values.variant} only (top)`,
    [...a.functions]
      .map(([key, us]) => ({
        key,
        shim: us / shim.calls,
        direct: (b.functions.get(key) ?? 0) / direct.calls,
      }))
      .map((row) => ({ ...row, delta: row.shim - row.direct }))
      .sort((x, y) => y.shim - x.shim),
    top,
  );
}
