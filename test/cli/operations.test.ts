import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagOf } from '../../src/cli/parameters.js';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { CLI_NAMES, OPERATIONS } from '../../src/operations/generated/index.js';
import { runCli } from './helpers.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

const operations = Object.values(OPERATIONS);

/** `chime-identity-shim <command> --endpoint-url <emulator> ...args` */
function call(command: string, ...args: string[]) {
  return runCli([command, '--endpoint-url', emulator.endpoint, ...args]);
}

describe('CLI: `chime-identity-shim op-kebab` for every removed operation', () => {
  it.each(operations.map((operation) => [CLI_NAMES[operation.name as keyof typeof CLI_NAMES], operation]))(
    '%s --help lists one flag per request member, and the aws global options',
    async (command, operation) => {
      const run = await runCli([command, '--help']);
      expect(run.exitCode).toBe(0);
      for (const member of Object.keys(operation.input.members)) expect(run.stdout).toContain(flagOf(member));
      for (const option of [
        '--cli-input-json',
        '--generate-cli-skeleton',
        '--endpoint-url',
        '--region',
        '--route',
      ]) {
        expect(run.stdout).toContain(option);
      }
    },
  );

  it('names flags as botocore does (acronyms are one word)', () => {
    expect(flagOf('AppInstanceUserId')).toBe('--app-instance-user-id');
    expect(flagOf('ResourceARN')).toBe('--resource-arn');
    expect(flagOf('E164PhoneNumbers')).toBe('--e164-phone-numbers');
    expect(flagOf('MemberArns')).toBe('--member-arns');
    expect(flagOf('SipMediaApplicationId')).toBe('--sip-media-application-id');
  });

  it('`help` lists every operation, under the heading of its family', async () => {
    const run = await runCli(['--help']);
    expect(run.exitCode).toBe(0);
    for (const heading of [
      'Chime SDK Identity operations:',
      'Chime SDK Messaging operations:',
      'Chime SDK Meetings operations:',
      'Chime SDK Voice operations:',
      'Chime SDK Media Pipelines operations:',
      'Tagging operations',
    ]) {
      expect(run.stdout).toContain(heading);
    }
    for (const command of Object.values(CLI_NAMES))
      expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    const identity = run.stdout.indexOf('Chime SDK Identity operations:');
    const messaging = run.stdout.indexOf('Chime SDK Messaging operations:');
    expect(run.stdout.slice(identity, messaging)).toContain('update-app-instance-user');
    expect(run.stdout.slice(identity, messaging)).not.toContain('create-channel ');
  });

  it('--generate-cli-skeleton prints every request member (input) or response member (output)', async () => {
    const input = JSON.parse((await runCli(['update-app-instance-user', '--generate-cli-skeleton'])).stdout);
    expect(Object.keys(input)).toEqual(['AppInstanceUserArn', 'Name', 'Metadata']);
    const output = JSON.parse(
      (await runCli(['list-app-instance-users', '--generate-cli-skeleton', 'output'])).stdout,
    );
    expect(output).toEqual({
      AppInstanceArn: '',
      AppInstanceUsers: [{ AppInstanceUserArn: '', Name: '', Metadata: '' }],
      NextToken: '',
    });
  });
});

describe('CLI: identity operations end to end on the emulator, with aws chime output', () => {
  it('create-app-instance, create-app-instance-user, list, describe, tags and delete agree', async () => {
    const created = await call('create-app-instance', '--name', 'cli', '--tags', 'Key=team,Value=blue');
    expect(created.exitCode).toBe(0);
    const { AppInstanceArn } = JSON.parse(created.stdout) as { AppInstanceArn: string };
    expect(AppInstanceArn).toMatch(/^arn:aws:chime:us-east-1:\d{12}:app-instance\//);

    const user = await call(
      'create-app-instance-user',
      '--app-instance-arn',
      AppInstanceArn,
      '--app-instance-user-id',
      'u1',
      '--name',
      'Ada',
    );
    expect(JSON.parse(user.stdout)).toEqual({ AppInstanceUserArn: `${AppInstanceArn}/user/u1` });

    const listed = JSON.parse(
      (await call('list-app-instance-users', '--app-instance-arn', AppInstanceArn)).stdout,
    );
    expect(listed).toEqual({
      AppInstanceArn,
      AppInstanceUsers: [{ AppInstanceUserArn: `${AppInstanceArn}/user/u1`, Name: 'Ada' }],
    });

    const described = await call(
      'describe-app-instance-user',
      '--app-instance-user-arn',
      `${AppInstanceArn}/user/u1`,
    );
    expect(described.exitCode).toBe(0);
    // Timestamps as aws prints them (Python's isoformat), and no member the legacy model lacks.
    expect(described.stdout).toMatch(/"CreatedTimestamp": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00"/);
    expect(described.stdout).not.toContain('ExpirationSettings');

    const tags = JSON.parse((await call('list-tags-for-resource', '--resource-arn', AppInstanceArn)).stdout);
    expect(tags).toEqual({ Tags: [{ Key: 'team', Value: 'blue' }] });

    const deleted = await call(
      'delete-app-instance-user',
      '--app-instance-user-arn',
      `${AppInstanceArn}/user/u1`,
    );
    expect(deleted).toMatchObject({ exitCode: 0, stdout: '' });
    expect(emulator.users(AppInstanceArn)).toEqual([]);
  });

  it('--region is the region of an operation whose input names no ARN (defaultRegion)', async () => {
    const run = await call('create-app-instance', '--name', 'in-frankfurt', '--region', 'eu-central-1');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).AppInstanceArn).toMatch(/^arn:aws:chime:eu-central-1:/);
    expect(emulator.requests().at(-1)).toMatchObject({
      operation: 'CreateAppInstance',
      region: 'eu-central-1',
    });
  });

  it('a service error prints as aws prints it and exits 254', async () => {
    const AppInstanceArn = emulator.createAppInstance();
    const run = await call(
      'describe-app-instance-user',
      '--app-instance-user-arn',
      `${AppInstanceArn}/user/nobody`,
    );
    expect(run.exitCode).toBe(254);
    expect(run.stderr).toContain(
      'An error occurred (NotFoundException) when calling the DescribeAppInstanceUser operation:',
    );
  });
});

describe('CLI: operations the package cannot serve fail before any I/O', () => {
  it('an operation with no counterpart: the legacy BadRequestException saying what to use instead (254)', async () => {
    const before = emulator.requests().length;
    const run = await call('list-meetings');
    expect(run.exitCode).toBe(254);
    expect(run.stderr).toContain('ListMeetings has no counterpart in the Amazon Chime SDK namespaces');
    expect(run.stderr).toContain('use GetMeeting');
    expect(emulator.requests()).toHaveLength(before);
  });
});
