import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS, startEmulator } from '../../src/emulator/index.js';
import { runCli } from '../cli/helpers.js';
import { requireBuild } from '../support/build.js';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A legacy service, written as services write it: an SDK v3 TypeScript module (commands on
 * `ChimeClient`, a catch block on `ConflictException`, an update that leaves `Metadata` out to
 * keep it) and an SDK v2 CommonJS module (`new AWS.Chime()`, `.promise()` and a callback), with
 * its own test, which talks to the emulator. The test proves the whole path a team takes:
 * aws-sdk-js-codemod v2-to-v3, `migrate --to shim`, `tsc`, the service's test; then
 * `migrate --to native`, `tsc`, and the same test again.
 */
const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'legacy-chime-service', private: true, type: 'module' }, null, 2),
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        skipLibCheck: true,
        outDir: 'build',
        rootDir: 'src',
        types: ['node'],
      },
      include: ['src/**/*.ts'],
    },
    null,
    2,
  ),
  'src/users.ts': `import {
  ChimeClient,
  ConflictException,
  CreateAppInstanceUserCommand,
  DescribeAppInstanceUserCommand,
  UpdateAppInstanceUserCommand,
} from '@aws-sdk/client-chime';

const chime = new ChimeClient({ region: 'us-east-1', endpoint: process.env.CHIME_ENDPOINT });

/** The new user's ARN, or undefined when the user exists. */
export async function createUser(appInstanceArn: string, userId: string, name: string, metadata: string) {
  try {
    const { AppInstanceUserArn } = await chime.send(
      new CreateAppInstanceUserCommand({
        AppInstanceArn: appInstanceArn,
        AppInstanceUserId: userId,
        Name: name,
        Metadata: metadata,
      }),
    );
    return AppInstanceUserArn;
  } catch (error) {
    if (error instanceof ConflictException) return undefined;
    throw error;
  }
}

/** Renames the user; its metadata stays as it is. */
export async function renameUser(userArn: string, name: string) {
  await chime.send(new UpdateAppInstanceUserCommand({ AppInstanceUserArn: userArn, Name: name }));
}

export async function describeUser(userArn: string) {
  const { AppInstanceUser } = await chime.send(new DescribeAppInstanceUserCommand({ AppInstanceUserArn: userArn }));
  return AppInstanceUser;
}
`,
  'src/v2/package.json': JSON.stringify({ type: 'commonjs' }),
  'src/v2/admins.js': `const AWS = require('aws-sdk');

const chime = new AWS.Chime({ region: 'us-east-1', endpoint: process.env.CHIME_ENDPOINT });

exports.createAppInstance = async (name) => {
  const { AppInstanceArn } = await chime.createAppInstance({ Name: name }).promise();
  return AppInstanceArn;
};

exports.promote = (appInstanceArn, userArn) =>
  new Promise((resolve, reject) => {
    chime.createAppInstanceAdmin({ AppInstanceArn: appInstanceArn, AppInstanceAdminArn: userArn }, (error, data) =>
      error ? reject(error) : resolve(data.AppInstanceAdmin.Arn),
    );
  });
`,
  'test/service.test.mjs': `import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createUser, describeUser, renameUser } from '../build/users.js';

const admins = createRequire(import.meta.url)('../src/v2/admins.js');

const appInstanceArn = await admins.createAppInstance('e2e');
const userArn = await createUser(appInstanceArn, 'ada', 'Ada', 'team=a');
assert.match(userArn, /app-instance\\/.+\\/user\\/ada$/);
assert.equal(await createUser(appInstanceArn, 'ada', 'Ada', 'team=a'), undefined, 'ConflictException is caught');
await renameUser(userArn, 'Ada Lovelace');
const user = await describeUser(userArn);
assert.equal(user.Name, 'Ada Lovelace');
assert.equal(user.Metadata, 'team=a', 'an update without Metadata keeps it');
assert.equal(await admins.promote(appInstanceArn, userArn), userArn);
console.log('service test: ok');
`,
};

const PACKAGES = [
  '@aws-sdk/client-chime',
  '@aws-sdk/client-chime-sdk-identity',
  '@aws-sdk/client-chime-sdk-messaging',
  '@aws-sdk/client-chime-sdk-meetings',
  '@aws-sdk/client-chime-sdk-voice',
  '@aws-sdk/client-chime-sdk-media-pipelines',
  '@types/node',
];

describe('Migration assistant, end to end: aws-sdk-js-codemod, migrate --to shim, the service test on the emulator, migrate --to native, tsc, the same test', () => {
  let project: string;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;

  beforeAll(async () => {
    requireBuild();
    project = await mkdtemp(join(tmpdir(), 'chime-migrate-e2e-'));
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(dirname(join(project, path)), { recursive: true });
      await writeFile(join(project, path), text);
    }
    for (const name of PACKAGES) {
      await mkdir(dirname(join(project, 'node_modules', name)), { recursive: true });
      await symlink(join(root, 'node_modules', name), join(project, 'node_modules', name), 'dir');
    }
    await symlink(root, join(project, 'node_modules/chime-identity-shim'), 'dir');
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator?.close();
    if (project) await rm(project, { recursive: true, force: true });
  });

  const source = (path: string) => readFile(join(project, path), 'utf8');

  const tsc = () =>
    exec(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], {
      cwd: project,
    }).catch((error: { stdout?: string }) => {
      throw new Error(`tsc failed:\n${error.stdout}`);
    });

  const serviceTest = async () => {
    emulator.reset();
    const { stdout } = await exec(process.execPath, ['test/service.test.mjs'], {
      cwd: project,
      env: {
        ...process.env,
        CHIME_ENDPOINT: emulator.endpoint,
        AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
        AWS_REGION: 'us-east-1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    return stdout;
  };

  it('runs the whole path, and the service test passes on the shim and on the native clients', async () => {
    // The legacy code does not compile on the current @aws-sdk/client-chime: the operations are gone.
    await expect(tsc()).rejects.toThrow(/CreateAppInstanceUserCommand/);

    // 1. SDK v2 -> SDK v3, with AWS's codemod.
    await exec(
      process.execPath,
      [
        join(root, 'node_modules/aws-sdk-js-codemod/bin/aws-sdk-js-codemod'),
        '-t',
        'v2-to-v3',
        'src/v2/admins.js',
      ],
      {
        cwd: project,
      },
    );
    expect(await source('src/v2/admins.js')).toMatch(/require\('@aws-sdk\/client-chime'\)/);

    // 2. Onto this package: the specifiers change, nothing else.
    const before = await source('src/users.ts');
    const shim = await runCli(['migrate', '--to', 'shim', join(project, 'src')]);
    expect(shim.exitCode).toBe(0);
    expect(shim.stdout).toMatch(/2 files rewritten/);
    expect(await source('src/users.ts')).toBe(
      before.replace("'@aws-sdk/client-chime'", "'chime-identity-shim'"),
    );
    expect(await source('src/v2/admins.js')).toMatch(/require\('chime-identity-shim'\)/);
    await tsc();
    expect(await serviceTest()).toContain('service test: ok');

    // 3. Onto the dedicated clients.
    const native = await runCli(['migrate', '--to', 'native', join(project, 'src')]);
    expect(native.exitCode).toBe(0);
    expect(native.stdout).toMatch(/2 files rewritten/);
    for (const path of ['src/users.ts', 'src/v2/admins.js']) {
      const text = await source(path);
      expect(text, path).not.toContain("chime-identity-shim'");
      expect(text, path).toContain('@aws-sdk/client-chime-sdk-identity');
    }
    expect(await source('src/users.ts')).toContain(
      'DescribeAppInstanceUserCommand({ AppInstanceUserArn: userArn })',
    );
    await tsc();
    expect(await serviceTest()).toContain('service test: ok');

    // And a second run of each step changes nothing.
    expect((await runCli(['migrate', '--to', 'native', join(project, 'src')])).stdout).toMatch(
      /^0 files rewritten/m,
    );
    expect((await runCli(['migrate', '--to', 'shim', join(project, 'src')])).stdout).toMatch(
      /^0 files rewritten/m,
    );
  }, 90_000);
});
