import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { EMULATOR_ENV, runCli } from './helpers.js';

let emulator: Emulator;
let arn: string;
let dir: string;
let nextId = 0;

beforeAll(async () => {
  emulator = await startEmulator();
  arn = emulator.createAppInstance({ region: 'us-east-1', name: 'cli tests' });
  dir = await mkdtemp(join(tmpdir(), 'chime-identity-shim-cli-'));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  // The kill switch of the shell running the tests must not decide these routes.
  vi.stubEnv('CHIME_IDENTITY_SHIM_ROUTE', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A user id no other test uses: the emulator keeps every user for the whole file. */
function userId(): string {
  nextId += 1;
  return `cli-user-${nextId}`;
}

/** `create-app-instance-user` against the emulator, with the required flags and `extra` after them. */
function create(id: string, ...extra: string[]) {
  return runCli([
    'create-app-instance-user',
    '--endpoint-url',
    emulator.endpoint,
    '--app-instance-arn',
    arn,
    '--app-instance-user-id',
    id,
    '--name',
    'Ada Lovelace',
    ...extra,
  ]);
}

function storedUser(id: string) {
  return emulator.users(arn).find((user) => user.AppInstanceUserId === id);
}

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('CLI: create-app-instance-user prints the same JSON output as aws chime', () => {
  it('prints {"AppInstanceUserArn": ...} with a 4-space indent, and nothing on stderr', async () => {
    const id = userId();
    const run = await create(id);
    expect(run).toEqual({
      exitCode: 0,
      stdout: `{\n    "AppInstanceUserArn": "${arn}/user/${id}"\n}\n`,
      stderr: '',
    });
    expect(storedUser(id)?.Name).toBe('Ada Lovelace');
  });

  it('prints the bare ARN with --output text', async () => {
    const id = userId();
    expect(await create(id, '--output', 'text')).toMatchObject({
      exitCode: 0,
      stdout: `${arn}/user/${id}\n`,
    });
  });

  it('passes --metadata and --client-request-token through (the same token replays the same user)', async () => {
    const id = userId();
    const first = await create(id, '--metadata', '{"team":"blue"}', '--client-request-token', 'token-0001');
    const replay = await create(id, '--metadata', '{"team":"blue"}', '--client-request-token', 'token-0001');
    expect(first.exitCode).toBe(0);
    expect(replay).toEqual(first);
    expect(storedUser(id)?.Metadata).toBe('{"team":"blue"}');
  });

  it('prints a request skeleton for --generate-cli-skeleton, without calling the service', async () => {
    const before = emulator.requests().length;
    const run = await runCli(['create-app-instance-user', '--generate-cli-skeleton']);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      AppInstanceArn: '',
      AppInstanceUserId: '',
      Name: '',
      Metadata: '',
      ClientRequestToken: '',
      Tags: [{ Key: '', Value: '' }],
      ExpirationSettings: { ExpirationDays: 0, ExpirationCriterion: 'CREATED_TIMESTAMP' },
    });
    expect((await runCli(['create-app-instance-user', '--generate-cli-skeleton', 'output'])).stdout).toBe(
      '{\n    "AppInstanceUserArn": ""\n}\n',
    );
    expect(emulator.requests().length).toBe(before);
  });
});

describe('CLI: --tags and --expiration-settings take the shorthand syntax or JSON, as aws does', () => {
  it('takes one shorthand item per argument after one --tags', async () => {
    const id = userId();
    expect((await create(id, '--tags', 'Key=team,Value=blue', 'Key=tier,Value=gold')).exitCode).toBe(0);
    expect(storedUser(id)?.Tags).toEqual([
      { Key: 'team', Value: 'blue' },
      { Key: 'tier', Value: 'gold' },
    ]);
  });

  it('takes quoted shorthand values holding commas and equals signs', async () => {
    const id = userId();
    expect((await create(id, '--tags', 'Key=note,Value="a,b=c"')).exitCode).toBe(0);
    expect(storedUser(id)?.Tags).toEqual([{ Key: 'note', Value: 'a,b=c' }]);
  });

  it('takes a JSON list, or one JSON object per argument', async () => {
    const list = userId();
    expect(
      (await create(list, '--tags', '[{"Key":"team","Value":"blue"},{"Key":"tier","Value":"gold"}]'))
        .exitCode,
    ).toBe(0);
    expect(storedUser(list)?.Tags).toHaveLength(2);
    const objects = userId();
    expect(
      (await create(objects, '--tags', '{"Key":"team","Value":"blue"}', '{"Key":"x","Value":"y"}')).exitCode,
    ).toBe(0);
    expect(storedUser(objects)?.Tags).toEqual([
      { Key: 'team', Value: 'blue' },
      { Key: 'x', Value: 'y' },
    ]);
  });

  it('turns ExpirationDays into a number in shorthand, and takes JSON too', async () => {
    const shorthand = userId();
    expect(
      (
        await create(
          shorthand,
          '--expiration-settings',
          'ExpirationDays=30,ExpirationCriterion=CREATED_TIMESTAMP',
        )
      ).exitCode,
    ).toBe(0);
    expect(storedUser(shorthand)?.ExpirationSettings).toEqual({
      ExpirationDays: 30,
      ExpirationCriterion: 'CREATED_TIMESTAMP',
    });
    const json = userId();
    expect(
      (
        await create(
          json,
          '--expiration-settings',
          '{"ExpirationDays": 7, "ExpirationCriterion": "CREATED_TIMESTAMP"}',
        )
      ).exitCode,
    ).toBe(0);
    expect(storedUser(json)?.ExpirationSettings?.ExpirationDays).toBe(7);
  });

  it('reads any value from file://path', async () => {
    const id = userId();
    const tags = await file('tags.json', '[{"Key":"from","Value":"file"}]');
    const metadata = await file('metadata.txt', 'metadata from a file');
    expect((await create(id, '--tags', `file://${tags}`, '--metadata', `file://${metadata}`)).exitCode).toBe(
      0,
    );
    expect(storedUser(id)).toMatchObject({
      Tags: [{ Key: 'from', Value: 'file' }],
      Metadata: 'metadata from a file',
    });
  });
});

describe('CLI: --cli-input-json takes the request inline or as file://path; explicit flags win', () => {
  it('creates the user from inline JSON alone', async () => {
    const id = userId();
    const input = JSON.stringify({
      AppInstanceArn: arn,
      AppInstanceUserId: id,
      Name: 'From JSON',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    const run = await runCli([
      'create-app-instance-user',
      '--endpoint-url',
      emulator.endpoint,
      '--cli-input-json',
      input,
    ]);
    expect(run).toMatchObject({
      exitCode: 0,
      stdout: `{\n    "AppInstanceUserArn": "${arn}/user/${id}"\n}\n`,
    });
    expect(storedUser(id)).toMatchObject({ Name: 'From JSON', Tags: [{ Key: 'k', Value: 'v' }] });
  });

  it('reads file://path, and a flag overrides the member of the same name', async () => {
    const id = userId();
    const path = await file(
      `${id}.json`,
      JSON.stringify({ AppInstanceArn: arn, AppInstanceUserId: id, Name: 'From file' }),
    );
    const run = await runCli([
      'create-app-instance-user',
      '--endpoint-url',
      emulator.endpoint,
      '--cli-input-json',
      `file://${path}`,
      '--name',
      'From the flag',
    ]);
    expect(run.exitCode).toBe(0);
    expect(storedUser(id)?.Name).toBe('From the flag');
  });

  it('still requires the members that neither the JSON nor a flag gives', async () => {
    const run = await runCli([
      'create-app-instance-user',
      '--cli-input-json',
      JSON.stringify({ AppInstanceArn: arn }),
    ]);
    expect(run.exitCode).toBe(252);
    expect(run.stderr).toContain('the following arguments are required: --app-instance-user-id, --name');
  });
});

describe('CLI: --region is accepted and not used: the region comes from the AppInstanceArn', () => {
  it('warns on stderr when --region differs from the ARN region, and creates the user in the ARN region', async () => {
    const id = userId();
    const run = await create(id, '--region', 'eu-central-1');
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe(
      'chime-identity-shim: warning: --region eu-central-1 is not used: the region comes from --app-instance-arn (us-east-1)\n',
    );
    expect(storedUser(id)?.Region).toBe('us-east-1');
  });

  it('says nothing when --region matches the ARN', async () => {
    expect(await create(userId(), '--region', 'us-east-1')).toMatchObject({ exitCode: 0, stderr: '' });
  });
});

describe('CLI: --route identity|legacy selects the shim route', () => {
  it('--route legacy refuses ExpirationSettings, as the legacy namespace has none (254, nothing sent)', async () => {
    const before = emulator.requests().length;
    const run = await create(
      userId(),
      '--route',
      'legacy',
      '--expiration-settings',
      'ExpirationDays=1,ExpirationCriterion=CREATED_TIMESTAMP',
    );
    expect(run.exitCode).toBe(254);
    expect(run.stderr).toContain(
      'An error occurred (BadRequestException) when calling the CreateAppInstanceUser operation:',
    );
    expect(run.stderr).toContain('expirationSettings');
    expect(emulator.requests().length).toBe(before);
  });

  it('--route legacy sends the call to us-east-1, signed for us-east-1', async () => {
    const id = userId();
    expect((await create(id, '--route', 'legacy')).exitCode).toBe(0);
    expect(emulator.requests().at(-1)).toMatchObject({
      operation: 'CreateAppInstanceUser',
      region: 'us-east-1',
      status: 201,
    });
  });

  it('CHIME_IDENTITY_SHIM_ROUTE, the kill switch, overrides --route', async () => {
    vi.stubEnv('CHIME_IDENTITY_SHIM_ROUTE', 'identity');
    const run = await create(
      userId(),
      '--route',
      'legacy',
      '--expiration-settings',
      'ExpirationDays=1,ExpirationCriterion=CREATED_TIMESTAMP',
    );
    expect(run.exitCode).toBe(0);
  });
});

describe('CLI: exit codes as aws chime (254 service, 252 usage, 255 other)', () => {
  describe('254: the service answered an error', () => {
    it('prints the ConflictException of a duplicate as aws does', async () => {
      const id = userId();
      await create(id);
      const run = await create(id);
      expect(run.exitCode).toBe(254);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^\nAn error occurred \(ConflictException\) when calling the CreateAppInstanceUser operation: .+\n$/,
      );
    });

    it("prints the shim's BadRequestException for invalid input, before anything is sent", async () => {
      const before = emulator.requests().length;
      const run = await create('not a valid id!');
      expect(run.exitCode).toBe(254);
      expect(run.stderr).toBe(
        "\nAn error occurred (BadRequestException) when calling the CreateAppInstanceUser operation: 1 validation error detected: Value at 'appInstanceUserId' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9]([A-Za-z0-9\\:\\-\\_\\.\\@]{0,62}[A-Za-z0-9])?\n",
      );
      expect(emulator.requests().length).toBe(before);
    });

    it('says "(reached max retries: N)" when the error came after the retries ran out, as aws does', async () => {
      emulator.faults.inject({
        kind: 'error',
        errorType: 'ServiceUnavailableException',
        message: 'down',
        count: 2,
      });
      const run = await runCli(
        [
          'create-app-instance-user',
          '--endpoint-url',
          emulator.endpoint,
          '--app-instance-arn',
          arn,
          '--app-instance-user-id',
          userId(),
          '--name',
          'n',
        ],
        { env: { ...EMULATOR_ENV, AWS_MAX_ATTEMPTS: '2' } },
      );
      expect(run).toMatchObject({
        exitCode: 254,
        stderr:
          '\nAn error occurred (ServiceUnavailableException) when calling the CreateAppInstanceUser operation (reached max retries: 1): down\n',
      });
    });

    it('prints an injected service fault (ServiceUnavailableException) the same way', async () => {
      emulator.faults.inject({
        kind: 'error',
        errorType: 'ServiceUnavailableException',
        message: 'try later',
      });
      const run = await create(userId());
      expect(run).toMatchObject({
        exitCode: 254,
        stderr:
          '\nAn error occurred (ServiceUnavailableException) when calling the CreateAppInstanceUser operation: try later\n',
      });
    });
  });

  describe('252: the command line is wrong, and nothing is sent', () => {
    let before: number;
    beforeEach(() => {
      before = emulator.requests().length;
    });
    afterEach(() => {
      expect(emulator.requests().length).toBe(before);
    });

    it('names every missing required flag after the usage block', async () => {
      const run = await runCli(['create-app-instance-user', '--app-instance-arn', arn]);
      expect(run.exitCode).toBe(252);
      expect(run.stderr).toBe(
        '\nusage: chime-identity-shim [options] <command> [parameters]\nTo see help text, you can run:\n\n' +
          '  chime-identity-shim --help\n  chime-identity-shim <command> --help\n\n' +
          'chime-identity-shim: error: the following arguments are required: --app-instance-user-id, --name\n',
      );
    });

    it('reports an unknown flag, and a stray operand, as "Unknown options"', async () => {
      const flag = await create(userId(), '--nmae', 'x');
      expect(flag.exitCode).toBe(252);
      expect(flag.stderr).toContain('\nUnknown options: --nmae');
      const operand = await create(userId(), 'extra');
      expect(operand).toMatchObject({ exitCode: 252 });
      expect(operand.stderr).toContain('\nUnknown options: extra\n');
    });

    it('reports a flag without its value', async () => {
      const run = await runCli(['create-app-instance-user', '--app-instance-arn', arn, '--name']);
      expect(run.exitCode).toBe(252);
      expect(run.stderr).toContain('chime-identity-shim: error: argument --name: expected one argument\n');
    });

    it('reports bad shorthand with the position, as aws does', async () => {
      const run = await create(userId(), '--tags', 'Key');
      expect(run).toMatchObject({
        exitCode: 252,
        stderr: "\nError parsing parameter '--tags': Expected: '=', received: 'EOF' for input:\nKey\n   ^\n",
      });
    });

    it('reports a shorthand integer that is not one', async () => {
      const run = await create(
        userId(),
        '--expiration-settings',
        'ExpirationDays=soon,ExpirationCriterion=CREATED_TIMESTAMP',
      );
      expect(run.exitCode).toBe(252);
      expect(run.stderr).toContain(
        "Error parsing parameter '--expiration-settings': invalid integer value for ExpirationDays",
      );
    });

    it('reports bad JSON in --cli-input-json and in --tags', async () => {
      const input = await runCli(['create-app-instance-user', '--cli-input-json', '{"AppInstanceArn": ']);
      expect(input.exitCode).toBe(252);
      expect(input.stderr).toMatch(
        /^\nError parsing parameter '--cli-input-json': Invalid JSON: .+\nJSON received: \{"AppInstanceArn": \n$/,
      );
      const tags = await create(userId(), '--tags', '[{"Key": "a"');
      expect(tags.exitCode).toBe(252);
      expect(tags.stderr).toContain("Error parsing parameter '--tags': Invalid JSON:");
    });

    it('reports a file:// that cannot be read', async () => {
      const run = await runCli([
        'create-app-instance-user',
        '--cli-input-json',
        `file://${join(dir, 'missing.json')}`,
      ]);
      expect(run.exitCode).toBe(252);
      expect(run.stderr).toContain(
        `Error parsing parameter '--cli-input-json': Unable to load paramfile file://${join(dir, 'missing.json')}`,
      );
    });

    it('reports an invalid --route, --output or --endpoint-url', async () => {
      const route = await create(userId(), '--route', 'sideways');
      expect(route.exitCode).toBe(252);
      expect(route.stderr).toContain(
        'chime-identity-shim: error: argument --route: Invalid choice, valid choices are:\n\nidentity | legacy\n',
      );
      expect((await create(userId(), '--output', 'yaml')).exitCode).toBe(252);
      const endpoint = await create(userId(), '--endpoint-url', 'localhost:4566');
      expect(endpoint.exitCode).toBe(252);
      expect(endpoint.stderr).toContain('Bad value for --endpoint-url "localhost:4566"');
    });

    it('reports an unknown command, and no command at all', async () => {
      const unknown = await runCli(['create-app-instance-users']);
      expect(unknown.exitCode).toBe(252);
      expect(unknown.stderr).toContain("argument command: Invalid choice 'create-app-instance-users'");
      const none = await runCli([]);
      expect(none.exitCode).toBe(252);
      expect(none.stderr).toContain('Usage: chime-identity-shim');
    });
  });

  describe('253: the configuration is invalid', () => {
    it('reports an invalid CHIME_IDENTITY_SHIM_ROUTE without sending anything', async () => {
      vi.stubEnv('CHIME_IDENTITY_SHIM_ROUTE', 'sideways');
      const before = emulator.requests().length;
      const run = await create(userId());
      expect(run.exitCode).toBe(253);
      expect(run.stderr).toContain(
        "CHIME_IDENTITY_SHIM_ROUTE must be 'identity' or 'legacy', got 'sideways'",
      );
      expect(emulator.requests().length).toBe(before);
    });

    it('reports missing credentials', async () => {
      // Nothing anywhere in the default chain: no keys, no files, no container or instance role.
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) {
        vi.stubEnv(name, '');
      }
      for (const name of [
        'AWS_WEB_IDENTITY_TOKEN_FILE',
        'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
        'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      ]) {
        vi.stubEnv(name, '');
      }
      vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'no-credentials'));
      vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'no-config'));
      vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
      const run = await runCli(
        [
          'create-app-instance-user',
          '--endpoint-url',
          emulator.endpoint,
          '--app-instance-arn',
          arn,
          '--app-instance-user-id',
          userId(),
          '--name',
          'n',
        ],
        { env: { AWS_MAX_ATTEMPTS: '1' } },
      );
      expect(run.exitCode).toBe(253);
      expect(run.stderr).toContain('Unable to locate credentials');
    });
  });

  describe('255: anything else', () => {
    it('reports a refused connection with the endpoint URL', async () => {
      const closed = await startEmulator();
      await closed.close();
      const run = await runCli([
        'create-app-instance-user',
        '--endpoint-url',
        closed.endpoint,
        '--app-instance-arn',
        arn,
        '--app-instance-user-id',
        userId(),
        '--name',
        'n',
      ]);
      expect(run.exitCode).toBe(255);
      expect(run.stderr).toContain(
        `Could not connect to the endpoint URL: "${closed.endpoint}/app-instance-users"`,
      );
    });

    it('reports a connection reset by the server', async () => {
      emulator.faults.inject({ kind: 'reset' });
      const run = await create(userId());
      expect(run.exitCode).toBe(255);
      expect(run.stderr).toContain(
        `Could not connect to the endpoint URL: "${emulator.endpoint}/app-instance-users"`,
      );
    });
  });
});

describe('CLI: --help for every command', () => {
  it.each([
    [
      'create-app-instance-user',
      [
        '--app-instance-arn',
        '--tags',
        '--cli-input-json',
        '--endpoint-url',
        '--region',
        '--route',
        'Key=string,Value=string',
      ],
    ],
    ['emulator', ['--host', '--port', '--no-verify-signatures']],
    ['demo', ['Starts the embedded emulator']],
    ['route', ['--plan']],
  ])('%s --help prints its usage and flags on stdout and exits 0', async (name, expected) => {
    const run = await runCli([name, '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`Usage: chime-identity-shim ${name}`);
    for (const text of expected) expect(run.stdout).toContain(text);
    expect(run.stderr).toBe('');
  });

  it('`help <command>` and the top-level --help work too, and --version prints the version', async () => {
    expect((await runCli(['help', 'create-app-instance-user'])).stdout).toContain('--app-instance-user-id');
    const top = await runCli(['--help']);
    expect(top.exitCode).toBe(0);
    for (const name of ['create-app-instance-user', 'emulator', 'demo', 'route'])
      expect(top.stdout).toContain(name);
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('CLI: credentials come from the environment the CLI is given', () => {
  it('signs with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY from io.env (wrong keys are refused by SigV4)', async () => {
    const run = await runCli(
      [
        'create-app-instance-user',
        '--endpoint-url',
        emulator.endpoint,
        '--app-instance-arn',
        arn,
        '--app-instance-user-id',
        userId(),
        '--name',
        'n',
      ],
      { env: { ...EMULATOR_ENV, AWS_SECRET_ACCESS_KEY: 'not-the-emulator-secret' } },
    );
    expect(run.exitCode).toBe(254);
    expect(run.stderr).toMatch(
      /An error occurred \((InvalidSignatureException|UnrecognizedClientException)\)/,
    );
  });
});
