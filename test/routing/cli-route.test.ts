import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/cli/exit-codes.js';
import type { CliIo } from '../../src/cli/io.js';
import { routeCommand } from '../../src/cli/route.js';
import { usageErrorFromCommander } from '../../src/cli/usage.js';
import { unleashBucket } from '../../src/routing/index.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chime-identity-shim-route-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

interface Run {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The failure as the CLI's `main` prints it (empty on success). */
  readonly message: string;
}

/**
 * Runs `chime-identity-shim route ...` in-process, ending it as the CLI's `main` does: commander's
 * own parse errors become usage errors, and every failure gets the `aws` exit code of `describeFailure`.
 */
async function route(
  args: string[],
  { env = {}, stdout }: { env?: CliIo['env']; stdout?: (text: string) => void } = {},
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: stdout ?? ((text) => out.push(text)),
    stderr: (text) => err.push(text),
    env,
    untilStopped: () => new Promise(() => {}),
  };
  let exitCode = 0;
  let message = '';
  try {
    await routeCommand(io).parseAsync(args, { from: 'user' });
  } catch (caught) {
    let error = caught;
    if (error instanceof CommanderError && error.exitCode === 0)
      error = undefined; // --help
    else if (error instanceof CommanderError) error = usageErrorFromCommander(error, []);
    if (error !== undefined) {
      const failure = describeFailure(error);
      exitCode = failure.exitCode;
      message = failure.message;
    }
  }
  return { exitCode, stdout: out.join(''), stderr: err.join(''), message };
}

describe('CLI route: prints the route and the reason for one user', () => {
  it("uses the plan's bucketing (Unleash vector '123' in gr1 is bucket 73)", async () => {
    const plan = await file('plan-73.json', { groupId: 'gr1', percentage: 73 });
    expect(await route(['--plan', plan, '--app-instance-user-id', '123'])).toEqual({
      exitCode: 0,
      stdout: 'route: identity\nreason: plan:bucket=73\n',
      stderr: '',
      message: '',
    });
    const lower = await file('plan-72.json', { groupId: 'gr1', percentage: 72 });
    expect((await route(['--plan', lower, '--app-instance-user-id', '123'])).stdout).toBe(
      'route: legacy\nreason: plan:bucket=73\n',
    );
  });

  it('applies the ARN lists and the service version range, and prints JSON on request', async () => {
    const arn = 'arn:aws:chime:us-east-1:111122223333:app-instance/held-back';
    const plan = await file('plan-rules.json', {
      groupId: 'g',
      percentage: 100,
      deny: { AppInstanceArns: [arn] },
      serviceVersion: '>=2',
      defaultRoute: 'legacy',
    });
    const denied = await route(['--plan', plan, '--app-instance-user-id', 'u1', '--app-instance-arn', arn]);
    expect(denied.stdout).toBe('route: legacy\nreason: plan:deny\n');
    const old = await route([
      '--plan',
      plan,
      '--app-instance-user-id',
      'u1',
      '--service-version',
      '1.9.0',
      '--output',
      'json',
    ]);
    expect(JSON.parse(old.stdout)).toEqual({ route: 'legacy', reason: 'plan:serviceVersion' });
    const current = await route([
      '--plan',
      plan,
      '--app-instance-user-id',
      'u1',
      '--service-version',
      '2.0.0',
    ]);
    expect(current.stdout).toMatch(/^route: identity\nreason: plan:bucket=\d+\n$/);
  });

  it('warns on stderr when the environment has the kill switch set, and still previews the plan', async () => {
    const plan = await file('plan-note.json', { groupId: 'gr1', percentage: 100 });
    const result = await route(['--plan', `file://${plan}`, '--app-instance-user-id', '123'], {
      env: { CHIME_IDENTITY_SHIM_ROUTE: 'legacy' },
    });
    expect(result.stdout).toBe('route: identity\nreason: plan:bucket=73\n');
    expect(result.stderr).toBe(
      'chime-identity-shim: warning: CHIME_IDENTITY_SHIM_ROUTE=legacy is set here: a process with it sends every call to legacy (reason env). The preview ignores it.\n',
    );
    const invalid = await route(['--plan', plan, '--app-instance-user-id', '123'], {
      env: { CHIME_IDENTITY_SHIM_ROUTE: 'off' },
    });
    expect(invalid.stderr).toContain('CHIME_IDENTITY_SHIM_ROUTE holds an invalid value here');
  });
});

describe('CLI route: --ids-file summarises a population before the plan ships', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `user-${i}`);

  it('counts the users on each route and by reason', async () => {
    const plan = await file('plan-30.json', {
      groupId: 'chime-identity-route',
      percentage: 30,
      allow: { AppInstanceUserIds: ['user-1', 'user-2'] },
      deny: { AppInstanceUserIds: ['user-3'] },
    });
    const idsFile = await file('ids.txt', `# canary population\n${ids.join('\n')}\n\nuser-5\r\n`);
    const bucketed = ids.filter((id) => !['user-1', 'user-2', 'user-3'].includes(id));
    const identityByBucket = bucketed.filter((id) => unleashBucket('chime-identity-route', id) <= 30).length;
    const identity = identityByBucket + 2;

    const json = await route(['--plan', plan, '--ids-file', idsFile, '--output', 'json']);
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      users: 2000,
      duplicates: 1,
      routes: {
        identity: { count: identity, share: Math.round((identity / 2000) * 10_000) / 10_000 },
        legacy: { count: 2000 - identity, share: Math.round(((2000 - identity) / 2000) * 10_000) / 10_000 },
      },
      reasons: {
        'plan:allow': { identity: 2, legacy: 0, count: 2, share: 0.001 },
        'plan:deny': { identity: 0, legacy: 1, count: 1, share: 0.0005 },
        'plan:bucket': {
          identity: identityByBucket,
          legacy: bucketed.length - identityByBucket,
          count: bucketed.length,
          share: 0.9985,
        },
      },
    });

    const text = await route(['--plan', plan, '--ids-file', idsFile]);
    expect(text.stdout).toContain('users: 2000 (1 duplicate lines ignored)');
    expect(text.stdout).toMatch(
      new RegExp(`identity\\s+${identity}\\s+${((identity / 2000) * 100).toFixed(2)}%`),
    );
    expect(text.stdout).toMatch(/plan:deny\s+0\s+1\s+0\.05%/);
  });

  it('reads ARNs from the file when the plan is sticky on AppInstanceArn', async () => {
    const plan = await file('plan-arn.json', { groupId: 'g', percentage: 50, stickiness: 'AppInstanceArn' });
    const arns = Array.from(
      { length: 300 },
      (_, i) => `arn:aws:chime:us-east-1:111122223333:app-instance/app-${i}`,
    );
    const idsFile = await file('arns.txt', arns.join('\n'));
    const result = JSON.parse(
      (await route(['--plan', plan, '--ids-file', idsFile, '--output', 'json'])).stdout,
    );
    expect(result.routes.identity.count).toBe(arns.filter((arn) => unleashBucket('g', arn) <= 50).length);
  });
});

describe('CLI route: usage errors exit 252, other failures 255', () => {
  it('rejects an invalid plan, naming the field', async () => {
    const plan = await file('plan-120.json', { groupId: 'g', percentage: 120 });
    const result = await route(['--plan', plan, '--app-instance-user-id', 'u1']);
    expect(result.exitCode).toBe(252);
    expect(result.message).toBe(
      `Error parsing parameter '--plan': ${plan}: route.percentage must be a number from 0 to 100, got 120`,
    );
    expect(result.stdout).toBe('');
  });

  it.each<[string, () => Promise<string[]>, string]>([
    [
      'a plan that is not JSON',
      async () => ['--plan', await file('bad.json', '{ percentage: 5 '), '--app-instance-user-id', 'u'],
      "Error parsing parameter '--plan': Invalid JSON:",
    ],
    [
      'a missing plan file',
      async () => ['--plan', join(dir, 'nope.json'), '--app-instance-user-id', 'u'],
      "Error parsing parameter '--plan': Unable to load paramfile",
    ],
    [
      'no --plan',
      async () => ['--app-instance-user-id', 'u'],
      'the following arguments are required: --plan',
    ],
    [
      'no user id and no ids file',
      async () => ['--plan', await file('ok.json', { groupId: 'g', percentage: 5 })],
      'the following arguments are required: --app-instance-user-id (or --ids-file)',
    ],
    ['an unknown option', async () => ['--plan', 'p.json', '--percent', '5'], 'Unknown options: --percent'],
    ['a stray operand', async () => ['--plan', 'p.json', 'extra'], 'Unknown options: extra'],
    [
      'a bad --output',
      async () => ['--plan', 'p.json', '--output', 'yaml'],
      'argument --output: Invalid choice',
    ],
    [
      'a bad --default-route',
      async () => ['--plan', 'p.json', '--default-route', 'shadow'],
      'argument --default-route: Invalid choice',
    ],
    [
      'an OpenFeature route',
      async () => [
        '--plan',
        await file('of.json', { openFeature: { flagKey: 'f' } }),
        '--app-instance-user-id',
        'u',
      ],
      'is an OpenFeature route',
    ],
    [
      'ARN stickiness without an ARN',
      async () => [
        '--plan',
        await file('arn.json', { groupId: 'g', percentage: 5, stickiness: 'AppInstanceArn' }),
        '--app-instance-user-id',
        'u',
      ],
      "the following arguments are required: --app-instance-arn (the plan's stickiness is AppInstanceArn)",
    ],
    [
      'an ids file and a user id',
      async () => [
        '--plan',
        await file('ok2.json', { groupId: 'g', percentage: 5 }),
        '--ids-file',
        await file('one.txt', 'a\n'),
        '--app-instance-user-id',
        'u',
      ],
      'argument --app-instance-user-id: not allowed with --ids-file',
    ],
    [
      'an empty ids file',
      async () => [
        '--plan',
        await file('ok3.json', { groupId: 'g', percentage: 5 }),
        '--ids-file',
        await file('empty.txt', '# nothing\n\n'),
      ],
      'holds no ids',
    ],
  ])('exits 252 for %s', async (_name, args, message) => {
    const result = await route(await args());
    expect(result.exitCode).toBe(252);
    expect(result.message).toContain(message);
  });

  it('exits 0 for --help', async () => {
    const result = await route(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('--ids-file <file>');
  });

  it('exits 255 when something other than the command line fails (here, writing the output)', async () => {
    const plan = await file('plan-ok.json', { groupId: 'g', percentage: 5 });
    const result = await route(['--plan', plan, '--app-instance-user-id', 'u'], {
      stdout: () => {
        throw new Error('EPIPE: broken pipe');
      },
    });
    expect(result.exitCode).toBe(255);
    expect(result.message).toBe('EPIPE: broken pipe');
  });
});
