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

describe('CLI: demo walks a legacy service’s calls through the shim: route, namespace, region, result and a translated error', () => {
  it('an app instance, a user, an admin, a channel, a membership, a message, a meeting and an attendee, each with what served it; then the legacy ConflictException of a duplicate; exits 0', async () => {
    const run = await runCli(['demo'], { env: {} });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(valuesOf(run.stdout, 'served by')).toEqual([
      'Chime SDK Identity, CreateAppInstance, in us-east-1',
      'Chime SDK Identity, CreateAppInstanceUser, in us-east-1',
      'Chime SDK Identity, CreateAppInstanceAdmin, in us-east-1',
      'Chime SDK Messaging, CreateChannel, in us-east-1',
      'Chime SDK Messaging, CreateChannelMembership, in us-east-1',
      'Chime SDK Messaging, SendChannelMessage, in us-east-1',
      'Chime SDK Meetings, CreateMeeting, in us-east-1',
      'Chime SDK Meetings, CreateAttendee, in us-east-1',
    ]);
    expect(new Set(valuesOf(run.stdout, 'route'))).toEqual(new Set(['identity (reason: static)']));
    const [appInstanceArn, userArn, channelArn] = valuesOf(run.stdout, 'ARN');
    expect(appInstanceArn).toMatch(/^arn:aws:chime:us-east-1:\d{12}:app-instance\/\S+$/);
    expect(userArn).toBe(`${appInstanceArn}/user/demo-user-1`);
    expect(channelArn).toMatch(new RegExp(`^${appInstanceArn}/channel/\\S+$`));
    expect(valuesOf(run.stdout, 'member')).toEqual([userArn]);
    expect(valuesOf(run.stdout, 'media region')).toEqual(['us-east-1']);
    // The attendee's join token is sensitive: never printed.
    expect(valuesOf(run.stdout, 'attendee id')[0]).toMatch(/^\S+ \(with a JoinToken, not printed\)$/);
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
    expect(new Set(valuesOf(run.stdout, 'route'))).toEqual(new Set(['legacy (reason: env)']));
    expect(valuesOf(run.stdout, 'served by').every((value) => value.endsWith(' in us-east-1'))).toBe(true);
  });

  it('uses no colour codes unless stdout is a terminal, and none with NO_COLOR', async () => {
    expect((await runCli(['demo'], { env: {}, isTTY: false })).stdout).not.toContain(ANSI);
    expect((await runCli(['demo'], { env: {}, isTTY: true })).stdout).toContain(ANSI);
    expect((await runCli(['demo'], { env: { NO_COLOR: '1' }, isTTY: true })).stdout).not.toContain(ANSI);
  });
});
