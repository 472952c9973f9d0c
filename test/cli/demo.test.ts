import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './helpers.js';

beforeEach(() => {
  vi.stubEnv('CHIME_IDENTITY_SHIM_ROUTE', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** The escape that starts an ANSI style (ESC, then `[`). */
const ANSI = `${String.fromCharCode(27)}[`;

/** The value printed after a label, e.g. `   route         identity (reason: static)`. */
function valuesOf(stdout: string, label: string): string[] {
  return [...stdout.matchAll(new RegExp(`^ {3}${label.replace('$', '\\$')} +(.+)$`, 'gm'))].map(
    (match) => match[1]!,
  );
}

describe('CLI: demo walks a legacy-shaped call through the shim: route, region, result and a translated error', () => {
  it('shows the route and its reason, the region from the ARN, the ARN, and the legacy ConflictException of a duplicate; exits 0', async () => {
    const run = await runCli(['demo'], { env: {} });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    const [appInstanceArn] = valuesOf(run.stdout, 'app instance');
    expect(appInstanceArn).toMatch(/^arn:aws:chime:us-east-1:\d{12}:app-instance\/\S+$/);
    expect(valuesOf(run.stdout, 'route')).toEqual(['identity (reason: static)', 'identity (reason: static)']);
    expect(valuesOf(run.stdout, 'region')[0]).toMatch(
      /^us-east-1 \(from the AppInstanceArn; the client is configured for eu-central-1\)$/,
    );
    expect(valuesOf(run.stdout, 'ARN')).toEqual([`${appInstanceArn}/user/demo-user-1`]);
    expect(valuesOf(run.stdout, 'error')[0]).toMatch(/^ConflictException: /);
    expect(valuesOf(run.stdout, 'instanceof')[0]).toMatch(
      /^true \(ConflictException from '@aws-sdk\/client-chime'/,
    );
    expect(valuesOf(run.stdout, '$fault')).toEqual(['client']);
    expect(valuesOf(run.stdout, 'status')).toEqual(['409']);
    expect(run.stdout).toMatch(/Done: emulator stopped, clients destroyed\.\n$/);
  });

  it('shows the kill switch as the reason when CHIME_IDENTITY_SHIM_ROUTE is set', async () => {
    vi.stubEnv('CHIME_IDENTITY_SHIM_ROUTE', 'legacy');
    const run = await runCli(['demo'], { env: {} });
    expect(run.exitCode).toBe(0);
    expect(valuesOf(run.stdout, 'route')[0]).toBe('legacy (reason: env)');
    expect(valuesOf(run.stdout, 'region')[0]).toMatch(/^us-east-1 \(legacy route: always us-east-1/);
  });

  it('uses no colour codes unless stdout is a terminal, and none with NO_COLOR', async () => {
    expect((await runCli(['demo'], { env: {}, isTTY: false })).stdout).not.toContain(ANSI);
    expect((await runCli(['demo'], { env: {}, isTTY: true })).stdout).toContain(ANSI);
    expect((await runCli(['demo'], { env: { NO_COLOR: '1' }, isTTY: true })).stdout).not.toContain(ANSI);
  });
});
