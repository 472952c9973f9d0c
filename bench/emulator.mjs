// Throughput of the emulator (built package, dist/emulator.mjs) with SigV4 verification on and off.
//
// The load is the real identity client's wire format: the real ChimeSDKIdentityClient builds
// and signs `distinct` CreateAppInstanceUser requests (captured by a request handler that never
// sends them), then a child process replays their exact bytes over `concurrency` keep-alive
// HTTP/1.1 connections, one request in flight on each. Replaying from another process keeps the SDK's own CPU cost (about 430 us
// a call) out of the figure: on a 2-core machine the server gets one core and the load
// generator the other. Besides requests/s, the emulator's own CPU time per request is reported:
// it is what the server costs, and it holds on a shared machine where requests/s does not.
// Every answer is a 201 that went through signature verification, validation and the store.
//
// A priming pass sends each captured request once (creating the users) before anything is
// measured, so every round measures the same thing: idempotent replays, which take the whole
// path (signature, parsing, validation, store lookup) but the store insert.
//
// Usage: npx tsdown && node bench/emulator.mjs [seconds=5] [rounds=3]   (loopback only, bounded in time and count)

import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const MAX_SECONDS = 60;
const MAX_DISTINCT = 10_000;
const MAX_ROUNDS = 9;

/**
 * The body as text. The identity client's JSON body is a Uint8Array subclass that also answers
 * string methods (with a deprecation warning), so its bytes are read directly.
 */
function bodyText(body) {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

/** Build and sign `distinct` requests with the real client, without sending them. */
async function captureSignedRequests(emulatorModule, emulator, distinct) {
  const { ChimeSDKIdentityClient, CreateAppInstanceCommand, CreateAppInstanceUserCommand } = await import(
    '@aws-sdk/client-chime-sdk-identity'
  );
  const { HttpResponse } = await import('@smithy/protocol-http');
  const config = {
    region: 'us-east-1',
    endpoint: emulator.endpoint,
    credentials: emulatorModule.EMULATOR_CREDENTIALS,
    maxAttempts: 1,
  };
  const real = new ChimeSDKIdentityClient(config);
  const { AppInstanceArn } = await real.send(new CreateAppInstanceCommand({ Name: 'bench' }));
  real.destroy();

  const captured = [];
  const capturing = new ChimeSDKIdentityClient({
    ...config,
    requestHandler: {
      async handle(request) {
        const query = Object.entries(request.query ?? {})
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
          .join('&');
        captured.push({
          method: request.method,
          path: query ? `${request.path}?${query}` : request.path,
          headers: { ...request.headers },
          body: bodyText(request.body),
        });
        const body = Buffer.from(JSON.stringify({ AppInstanceUserArn: `${AppInstanceArn}/user/captured` }));
        return {
          response: new HttpResponse({
            statusCode: 201,
            headers: { 'content-type': 'application/json' },
            body,
          }),
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs() {
        return {};
      },
    },
  });
  for (let i = 0; i < distinct; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(i + 100, distinct); j++) {
      batch.push(
        capturing.send(
          new CreateAppInstanceUserCommand({
            AppInstanceArn,
            AppInstanceUserId: `bench-user-${j}`,
            Name: `Bench User ${j}`,
            Metadata: JSON.stringify({ plan: 'bench', n: j }),
            Tags: [{ Key: 'team', Value: 'bench' }],
          }),
        ),
      );
    }
    await Promise.all(batch);
  }
  capturing.destroy();
  return captured;
}

const LOAD_PROCESS_FLAG = '--load-generator';

/** Send every captured request once, 16 at a time, and check each created its user (201). */
async function prime({ host, port }, requests) {
  const http = await import('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const r = requests[next++];
      const status = await new Promise((resolve, reject) => {
        const req = http.request(
          { host, port, method: r.method, path: r.path, headers: r.headers, agent },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode));
          },
        );
        req.on('error', reject);
        req.end(r.body);
      });
      if (status !== 201) throw new Error(`priming request answered ${status}, expected 201`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  agent.destroy();
}

/**
 * Replay the captured requests for `seconds` (after a 1 s warm-up) from a child process, and
 * measure the CPU the emulator's process spent meanwhile: CPU per request is the figure that
 * holds on a shared machine, where requests/s also depends on what else runs.
 */
function replayFromChildProcess({ host, port, requests, seconds, concurrency }) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [LOAD_PROCESS_FLAG], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let cpuAtStart;
    child.on('message', (message) => {
      if (message.type === 'measuring') cpuAtStart = process.cpuUsage();
      if (message.type === 'done') {
        const cpu = process.cpuUsage(cpuAtStart);
        const serverCpuMs = (cpu.user + cpu.system) / 1000;
        resolve({
          ...message.result,
          serverCpuUsPerRequest: Math.round((serverCpuMs * 1000) / Math.max(1, message.result.requests)),
        });
        child.disconnect();
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0 && code !== null) reject(new Error(`load generator exited with code ${code}`));
    });
    child.send({ host, port, requests, seconds, concurrency, warmupSeconds: 1 });
  });
}

/**
 * The exact bytes of a captured request as HTTP/1.1 on a keep-alive connection: the headers the
 * SDK signed, in its order, then the body. Pre-built once, so replaying costs the load
 * generator a socket write and not an HTTP client's bookkeeping.
 */
function toWire(r) {
  const head = [`${r.method} ${r.path} HTTP/1.1`];
  for (const [name, value] of Object.entries(r.headers)) head.push(`${name}: ${value}`);
  head.push('connection: keep-alive');
  return Buffer.concat([
    Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'),
    Buffer.from(r.body ?? '', 'utf8'),
  ]);
}

/**
 * Reads one HTTP/1.1 response after another from a connection: status line, headers,
 * Content-Length bytes of body (the emulator always sends Content-Length, or no body for 204).
 */
class ResponseReader {
  #buffer = Buffer.alloc(0);

  /** Feed bytes; returns the status codes of the responses they completed. */
  push(chunk) {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const done = [];
    for (;;) {
      const headEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headEnd < 0) return done;
      const head = this.#buffer.toString('latin1', 0, headEnd);
      const status = Number(head.slice(9, 12));
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      const total = headEnd + 4 + length;
      if (this.#buffer.length < total) return done;
      this.#buffer = this.#buffer.subarray(total);
      done.push(status);
    }
  }
}

async function generateLoad({ host, port, requests, seconds, concurrency, warmupSeconds }) {
  const net = await import('node:net');
  const wire = requests.map(toWire);
  const statuses = {};
  const latencies = [];
  let next = 0;
  let measured = 0;
  let networkErrors = 0;
  const start = performance.now();
  const measureFrom = start + warmupSeconds * 1000;
  const stopAt = measureFrom + seconds * 1000;
  setTimeout(() => process.send({ type: 'measuring' }), warmupSeconds * 1000);

  // One request in flight per connection, `concurrency` connections: no pipelining.
  const connection = () =>
    new Promise((resolve) => {
      const socket = net.connect({ host, port, noDelay: true });
      const reader = new ResponseReader();
      let sent = 0;
      const send = () => {
        if (performance.now() >= stopAt) {
          socket.end();
          return;
        }
        sent = performance.now();
        socket.write(wire[next++ % wire.length]);
      };
      socket.on('connect', send);
      socket.on('data', (chunk) => {
        for (const status of reader.push(chunk)) {
          const done = performance.now();
          if (sent >= measureFrom && done <= stopAt) {
            measured++;
            latencies.push(done - sent);
            statuses[status] = (statuses[status] ?? 0) + 1;
          }
          send();
        }
      });
      socket.on('error', () => {
        networkErrors++;
      });
      socket.on('close', () => resolve());
    });

  await Promise.all(Array.from({ length: concurrency }, connection));
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    requestsPerSecond: Math.round(measured / seconds),
    requests: measured,
    statuses,
    networkErrors,
    p50Ms: Number(pct(50).toFixed(2)),
    p99Ms: Number(pct(99).toFixed(2)),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The round with the median requests/s stands for the mode; every round is kept too. */
function summarize(rounds) {
  const middle = median(rounds.map((r) => r.requestsPerSecond));
  const representative = rounds.find((r) => r.requestsPerSecond === middle) ?? rounds[0];
  return {
    ...representative,
    serverCpuUsPerRequest: median(rounds.map((r) => r.serverCpuUsPerRequest)),
    allRounds: rounds,
  };
}

/**
 * Measure the built emulator with verification on and off. Both emulators run side by side and
 * the rounds alternate between them (on/off, then off/on, ...), so that a machine that gets
 * busier or quieter during the run weighs on both modes alike; each mode reports its median round.
 * @param {{ seconds?: number, rounds?: number, concurrency?: number, distinct?: number }} [options]
 */
export async function runEmulatorBench({ seconds = 5, rounds = 3, concurrency = 64, distinct = 2_000 } = {}) {
  if (!(seconds > 0 && seconds <= MAX_SECONDS))
    throw new RangeError(`seconds must be in (0, ${MAX_SECONDS}]`);
  if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= MAX_ROUNDS)) {
    throw new RangeError(`rounds must be an integer in [1, ${MAX_ROUNDS}]`);
  }
  if (!(Number.isInteger(distinct) && distinct >= 1 && distinct <= MAX_DISTINCT)) {
    throw new RangeError(`distinct must be an integer in [1, ${MAX_DISTINCT}]`);
  }
  const emulatorModule = await import('../dist/emulator.mjs');
  const modes = [
    {
      name: 'verifyOn',
      emulator: await emulatorModule.startEmulator({ verifySignatures: true }),
      results: [],
    },
    {
      name: 'verifyOff',
      emulator: await emulatorModule.startEmulator({ verifySignatures: false }),
      results: [],
    },
  ];
  try {
    for (const mode of modes) {
      mode.requests = await captureSignedRequests(emulatorModule, mode.emulator, distinct);
      await prime(mode.emulator, mode.requests);
    }
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
        const { host, port } = mode.emulator;
        mode.results.push(
          await replayFromChildProcess({ host, port, requests: mode.requests, seconds, concurrency }),
        );
      }
    }
  } finally {
    await Promise.all(modes.map((mode) => mode.emulator.close()));
  }
  const settings = { seconds, rounds, concurrency, distinctRequests: distinct };
  return {
    verifyOn: { ...summarize(modes[0].results), ...settings },
    verifyOff: { ...summarize(modes[1].results), ...settings },
  };
}

function printTable({ verifyOn, verifyOff }) {
  const rows = [
    [
      'SigV4 verification',
      'requests/s',
      'server CPU us/request',
      'p50 ms',
      'p99 ms',
      'statuses',
      'network errors',
    ],
    ...[
      ['on', verifyOn],
      ['off', verifyOff],
    ].map(([mode, r]) => [
      mode,
      String(r.requestsPerSecond),
      String(r.serverCpuUsPerRequest),
      String(r.p50Ms),
      String(r.p99Ms),
      Object.entries(r.statuses)
        .map(([s, n]) => `${s}:${n}`)
        .join(' '),
      String(r.networkErrors),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  for (const [mode, r] of [
    ['on', verifyOn],
    ['off', verifyOff],
  ]) {
    console.log(
      `rounds, verification ${mode}: ${r.allRounds.map((x) => `${x.requestsPerSecond}/s (${x.serverCpuUsPerRequest} us)`).join(', ')}`,
    );
  }
  console.log(
    `\nMedian of ${verifyOn.rounds} alternating rounds of ${verifyOn.seconds} s per mode, each after 1 s warm-up; ${verifyOn.concurrency} in flight, ` +
      `${verifyOn.distinctRequests} distinct signed CreateAppInstanceUser requests; ` +
      `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`,
  );
}

if (process.argv[2] === LOAD_PROCESS_FLAG) {
  process.once('message', async (config) => {
    process.send({ type: 'done', result: await generateLoad(config) });
  });
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seconds = process.argv[2] ? Number(process.argv[2]) : 5;
  const rounds = process.argv[3] ? Number(process.argv[3]) : 3;
  printTable(await runEmulatorBench({ seconds, rounds }));
}
