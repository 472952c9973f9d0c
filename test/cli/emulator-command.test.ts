import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { untilSignal } from '../../src/cli/io.js';
import { EMULATOR_CREDENTIALS } from '../../src/emulator/index.js';
import { type CliRun, runCli } from './helpers.js';

beforeEach(() => {
  vi.stubEnv('CHIME_IDENTITY_SHIM_ROUTE', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** The `export NAME=value` lines the emulator prints, as the shell would read them. */
function exportsOf(stdout: string): Record<string, string> {
  return Object.fromEntries(
    [...stdout.matchAll(/^ {2}export (\w+)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]),
  );
}

describe('CLI: emulator [--host] [--port] runs the emulator in the foreground until Ctrl-C', () => {
  it('prints its endpoint, the test credentials as export lines and an app instance that the printed command can use; stops on the signal and exits 0', async () => {
    let whileRunning: CliRun | undefined;
    let exports: Record<string, string> = {};
    const run = await runCli(['emulator', '--port', '0'], {
      // Called once everything is printed and the server is listening: use it as a user would.
      untilStopped: async ({ stdout }) => {
        exports = exportsOf(stdout());
        const appInstanceArn = /^Example app instance: (\S+)$/m.exec(stdout())?.[1];
        whileRunning = await runCli(
          [
            'create-app-instance-user',
            '--endpoint-url',
            exports.AWS_ENDPOINT_URL_CHIME_SDK_IDENTITY ?? '',
            '--app-instance-arn',
            appInstanceArn ?? '',
            '--app-instance-user-id',
            'user-1',
            '--name',
            'Ada Lovelace',
          ],
          { env: { ...exports, AWS_MAX_ATTEMPTS: '1' } },
        );
        return 'SIGINT';
      },
    });

    expect(exports).toEqual({
      AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_CHIME_SDK_IDENTITY: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(run.stdout).toContain(
      `Chime SDK Identity emulator listening on ${exports.AWS_ENDPOINT_URL_CHIME_SDK_IDENTITY}\n`,
    );
    expect(whileRunning).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('/user/user-1"') });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(run.stdout).toMatch(/Received SIGINT: stopping the emulator\.\nEmulator stopped\.\n$/);

    // Closed: the port no longer answers.
    const afterwards = await runCli([
      'create-app-instance-user',
      '--endpoint-url',
      exports.AWS_ENDPOINT_URL_CHIME_SDK_IDENTITY ?? '',
      '--app-instance-arn',
      'arn:aws:chime:us-east-1:111122223333:app-instance/x',
      '--app-instance-user-id',
      'user-2',
      '--name',
      'n',
    ]);
    expect(afterwards.exitCode).toBe(255);
  });

  it('--no-app-instance starts with an empty store; --no-verify-signatures says that any credentials do', async () => {
    const run = await runCli(['emulator', '--no-app-instance', '--no-verify-signatures'], {
      untilStopped: async () => 'SIGTERM',
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toContain('Example app instance');
    expect(run.stdout).toContain('Signatures are not checked');
  });

  it('rejects a port that is not one (252), and reports a port in use (255)', async () => {
    const bad = await runCli(['emulator', '--port', '70000']);
    expect(bad.exitCode).toBe(252);
    expect(bad.stderr).toContain("argument --port: invalid port '70000'");

    let busy: CliRun | undefined;
    await runCli(['emulator'], {
      untilStopped: async ({ stdout }) => {
        const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout())?.[1] ?? '';
        busy = await runCli(['emulator', '--port', port]);
        return 'SIGINT';
      },
    });
    expect(busy?.exitCode).toBe(255);
    expect(busy?.stderr).toContain('Could not start the emulator on 127.0.0.1:');
  });

  it('stops on the first of SIGINT or SIGTERM, and stops listening for them', async () => {
    const signals = new EventEmitter();
    const stopped = untilSignal(signals);
    expect(signals.listenerCount('SIGINT')).toBe(1);
    expect(signals.listenerCount('SIGTERM')).toBe(1);
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await stopped).toBe('SIGTERM');
    expect(signals.listenerCount('SIGINT')).toBe(0);
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });
});
