// The built emulator (dist/emulator.mjs) in a process of its own, for the benchmarks that
// measure a client: on a 2-core machine the server then gets its own core and its own event
// loop, so its CPU (SigV4 verification included) is not charged to the client being measured,
// and a CPU profile of the bench process shows the client only. It listens on 127.0.0.1 only,
// with signature verification on (the same mode for both sides of every comparison).
// The parent talks to it through the emulator's own control path (`/__emulator/*`).

import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD_FLAG = '--bench-emulator-process';

/** Options every benchmark uses: verification on, room for the memory bench's users. */
export const BENCH_EMULATOR_OPTIONS = Object.freeze({
  host: '127.0.0.1',
  verifySignatures: true,
  maxUsers: 2_000_000,
  requestLogSize: 100,
});

/**
 * Starts the emulator in a child process.
 * @returns {Promise<{ endpoint: string, pid: number, createAppInstance(region?: string): Promise<string>, reset(): Promise<void>, close(): Promise<void> }>}
 */
export function startEmulatorProcess(options = {}) {
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return new Promise((resolve, reject) => {
    const failed = (error) =>
      reject(error instanceof Error ? error : new Error(`emulator process exited (${error})`));
    child.once('error', failed);
    child.once('exit', failed);
    child.once('message', (message) => {
      if (message.type === 'error') return reject(new Error(`emulator process: ${message.message}`));
      child.off('error', failed);
      child.off('exit', failed);
      const { endpoint } = message;
      const control = async (method, path, body) => {
        const response = await fetch(`${endpoint}/__emulator/${path}`, {
          method,
          headers: body ? { 'content-type': 'application/json' } : {},
          body: body ? JSON.stringify(body) : undefined,
        });
        if (!response.ok) throw new Error(`emulator control ${method} ${path}: ${response.status}`);
        return response.status === 204 ? undefined : response.json();
      };
      resolve({
        endpoint,
        pid: child.pid,
        async createAppInstance(region = 'us-east-1') {
          return (await control('POST', 'app-instances', { region, name: 'bench' })).AppInstanceArn;
        },
        async reset() {
          await control('POST', 'reset');
        },
        close() {
          if (child.exitCode !== null) return Promise.resolve();
          return new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          });
        },
      });
    });
    child.send({ options: { ...BENCH_EMULATOR_OPTIONS, ...options } });
  });
}

if (process.argv[2] === CHILD_FLAG) {
  process.once('message', async ({ options }) => {
    try {
      const { startEmulator } = await import('../dist/emulator.mjs');
      const emulator = await startEmulator(options);
      const stop = async () => {
        await emulator.close();
        process.exit(0);
      };
      process.once('SIGTERM', stop);
      // The parent died without closing us: do not outlive it.
      process.once('disconnect', stop);
      process.send({ type: 'ready', endpoint: emulator.endpoint });
    } catch (error) {
      process.send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    }
  });
}
