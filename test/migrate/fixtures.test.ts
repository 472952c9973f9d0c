import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../src/migrate/rewrite.js';
import { migrateToNative } from '../../src/migrate/to-native.js';
import { migrateToShim } from '../../src/migrate/to-shim.js';
import { requireBuild } from '../support/build.js';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/migrate/fixtures');

/**
 * The rewrite steps' cases are data, as aws-sdk-js-codemod keeps them: one folder per direction,
 * `<case>.input.<ext>` and the `<case>.output.<ext>` the step must make of it (the same text when
 * the step must leave the file alone). This spec walks them all.
 */
const DIRECTIONS = {
  'to-shim': migrateToShim,
  'to-native': migrateToNative,
} as const satisfies Record<string, (text: string, path: string) => FileOutcome>;

interface Case {
  readonly direction: keyof typeof DIRECTIONS;
  readonly name: string;
  readonly inputPath: string;
  readonly outputPath: string;
  readonly input: string;
  readonly output: string;
}

async function loadCases(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const direction of Object.keys(DIRECTIONS) as (keyof typeof DIRECTIONS)[]) {
    for (const file of (await readdir(join(fixtures, direction))).sort()) {
      const match = /^(.+)\.input(\.[cm]?[jt]sx?)$/.exec(file);
      if (!match) continue;
      const inputPath = join(fixtures, direction, file);
      const outputPath = join(fixtures, direction, `${match[1]}.output${match[2]}`);
      cases.push({
        direction,
        name: `${match[1]}${match[2]}`,
        inputPath,
        outputPath,
        input: await readFile(inputPath, 'utf8'),
        output: await readFile(outputPath, 'utf8'),
      });
    }
  }
  return cases;
}

const cases = await loadCases();
const run = (entry: Case, text: string, path = entry.inputPath) =>
  DIRECTIONS[entry.direction](text, path).text ?? text;

describe('Migration assistant: the fixture pairs (<case>.input -> <case>.output), both directions', () => {
  it('has cases for both directions, JavaScript and TypeScript, ESM and CommonJS', () => {
    for (const direction of Object.keys(DIRECTIONS)) {
      const names = cases.filter((entry) => entry.direction === direction).map((entry) => entry.name);
      expect(
        names.some((name) => name.endsWith('.ts')),
        direction,
      ).toBe(true);
      expect(
        names.some((name) => name.endsWith('.js')),
        direction,
      ).toBe(true);
      expect(
        cases.some((entry) => entry.direction === direction && /require\(/.test(entry.input)),
        direction,
      ).toBe(true);
      expect(
        cases.some((entry) => entry.direction === direction && /^import /m.test(entry.input)),
        direction,
      ).toBe(true);
    }
  });

  it.each(cases.map((entry) => [`${entry.direction}/${entry.name}`, entry] as const))(
    '%s: the step makes the output of the input',
    (_, entry) => {
      expect(run(entry, entry.input)).toBe(entry.output);
    },
  );
});

describe('Migration assistant: "Both rewrite steps ... are idempotent"', () => {
  it.each(cases.map((entry) => [`${entry.direction}/${entry.name}`, entry] as const))(
    '%s: running the step on its output changes nothing',
    (_, entry) => {
      expect(DIRECTIONS[entry.direction](entry.output, entry.outputPath).text ?? entry.output).toBe(
        entry.output,
      );
    },
  );
});

describe('Migration assistant: "Both rewrite steps keep the file\'s formatting outside the lines they change"', () => {
  it.each(cases.map((entry) => [`${entry.direction}/${entry.name}`, entry] as const))(
    '%s with CRLF line breaks: the same output, with CRLF line breaks',
    (_, entry) => {
      const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
      expect(run(entry, crlf(entry.input))).toBe(crlf(entry.output));
    },
  );
});

describe('Migration assistant: "migrate --to shim ... rewrites the @aws-sdk/client-chime import or require to chime-identity-shim, nothing else"', () => {
  const shimCases = cases.filter((entry) => entry.direction === 'to-shim');

  it.each(shimCases.map((entry) => [entry.name, entry] as const))(
    '%s: every byte but the specifiers stays',
    (_, entry) => {
      if (entry.output === entry.input) return;
      // The output is the input with each quoted specifier replaced, inside its own quotes.
      expect(entry.output).toBe(
        entry.input.replace(/(['"])@aws-sdk\/client-chime\1/g, '$1chime-identity-shim$1'),
      );
      expect(entry.output).not.toMatch(/@aws-sdk\/client-chime['"]/);
    },
  );

  it('leaves SDK v2 code alone and says so, and leaves files that call no removed operation alone', () => {
    const v2 = shimCases.find((entry) => entry.name === 'v2-sdk.js')!;
    const outcome = migrateToShim(v2.input, v2.inputPath);
    expect(outcome.text).toBeUndefined();
    expect(outcome.v2).toBe(true);
    const kept = shimCases.find((entry) => entry.name === 'kept-only.ts')!;
    expect(migrateToShim(kept.input, kept.inputPath).text).toBeUndefined();
  });

  it('accepts what aws-sdk-js-codemod v2-to-v3 writes (the aggregated Chime client, required)', () => {
    const entry = shimCases.find((candidate) => candidate.name === 'post-codemod-v2.js')!;
    expect(entry.input).toContain("require('@aws-sdk/client-chime')");
    expect(entry.output).toContain("require('chime-identity-shim')");
  });
});

describe('Migration assistant: "migrate --to native" writes what the shim did at run time, or a TODO', () => {
  const native = (name: string) =>
    cases.find((entry) => entry.direction === 'to-native' && entry.name === name)!;

  it('one client per family, built from the legacy config without the migration options, region explicit', () => {
    const { output } = native('aggregated-families.ts');
    expect(output).toContain('const chimeIdentity = new ChimeSDKIdentity({');
    expect(output).toContain('const chimeMessaging = new ChimeSDKMessaging({');
    expect(output).toContain('const chimeMeetings = new ChimeSDKMeetings({');
    expect(output.match(/migration:/g)).toHaveLength(1); // only the legacy client's, which stays for ListMeetings
  });

  it('ChimeBearer from the chimeBearer option; MediaRegion and ExternalMeetingId; the Metadata read-back', () => {
    expect(native('aggregated-families.ts').output).toContain(
      'const chimeBearer = "arn:aws:chime:us-east-1:111122223333:app-instance/example/bot/helper"',
    );
    expect(native('aggregated-families.ts').output).toContain('ChimeBearer: chimeBearer');
    expect(native('meetings.ts').output).toContain("MediaRegion: 'us-east-1', ExternalMeetingId: requestId");
    expect(native('identity-client.ts').output).toContain(
      "Metadata: (await chime.send(new DescribeAppInstanceUserCommand({ AppInstanceUserArn: userArn }))).AppInstanceUser?.Metadata ?? ''",
    );
  });

  it('no counterpart, meeting tags: the call stays on the shim with a TODO that says what to use instead', () => {
    expect(native('aggregated-families.ts').output).toMatch(
      /\/\/ TODO\(chime-migrate\): ListMeetings has no counterpart.*\n\s+await chime\.listMeetings\(\{\}\)/,
    );
    expect(native('meetings.ts').output).toMatch(
      /TODO\(chime-migrate\): TagMeeting has no same-name counterpart/,
    );
  });

  it('error classes from the family packages: every family the file calls, and the legacy class while legacy calls remain', () => {
    expect(native('legacy-client.ts').output).toContain(
      '(error instanceof NotFoundException || error instanceof LegacyNotFoundException)',
    );
    expect(native('meetings.ts').output).toContain(
      '(error instanceof ThrottlingException || error instanceof ThrottledClientException)',
    );
  });

  it('every TODO says TODO(chime-migrate), so they can all be found', () => {
    for (const entry of cases.filter((candidate) => candidate.direction === 'to-native')) {
      const added = entry.output.split('\n').length - entry.input.split('\n').length;
      if (added === 0) continue;
      for (const line of entry.output.split('\n').filter((candidate) => candidate.includes('TODO('))) {
        expect(line, entry.name).toMatch(/^\s*\/\/ TODO\(chime-migrate\): \S/);
      }
    }
  });
});

/**
 * Every TypeScript output, compiled with tsc in a project where the packages are installed (the
 * five Chime SDK clients, the legacy client, this package's build): the code the steps write
 * type-checks as written. The `// @ts-nocheck` first line keeps the fixtures out of this
 * repository's own typecheck (their inputs import what 3.757.0 removed); it is dropped here.
 */
describe('Migration assistant: "The output of a TypeScript input type-checks"', () => {
  let project: string;
  const typed = cases.filter((entry) => /\.[cm]?ts$/.test(entry.name));

  beforeAll(async () => {
    requireBuild();
    project = await mkdtemp(join(tmpdir(), 'chime-migrate-typecheck-'));
    const links = [
      '@aws-sdk/client-chime',
      '@aws-sdk/client-chime-sdk-identity',
      '@aws-sdk/client-chime-sdk-messaging',
      '@aws-sdk/client-chime-sdk-meetings',
      '@aws-sdk/client-chime-sdk-voice',
      '@aws-sdk/client-chime-sdk-media-pipelines',
      '@types/node',
    ];
    for (const name of links) {
      await mkdir(dirname(join(project, 'node_modules', name)), { recursive: true });
      await symlink(join(root, 'node_modules', name), join(project, 'node_modules', name), 'dir');
    }
    await symlink(root, join(project, 'node_modules/chime-identity-shim'), 'dir');
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'typecheck', type: 'module' }));
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          verbatimModuleSyntax: true,
          isolatedModules: true,
          skipLibCheck: true,
          noEmit: true,
          types: ['node'],
        },
        include: ['*.ts', '*.mts'],
      }),
    );
    for (const entry of typed) {
      const text = entry.output.replace(/^\/\/ @ts-nocheck.*\n/, '');
      await writeFile(join(project, `${entry.direction}-${entry.name}`), text);
    }
    // A larger caller written for 3.699 parity (test/types/fixtures), moved to the native clients.
    const caller = await readFile(join(root, 'test/types/fixtures/legacy-caller.mts'), 'utf8');
    const callerPath = join(root, 'test/types/fixtures/legacy-caller.mts');
    const moved = migrateToNative(caller, callerPath).text!;
    expect(moved).toContain('@aws-sdk/client-chime-sdk-identity');
    expect(migrateToNative(moved, callerPath).text ?? moved).toBe(moved);
    await writeFile(join(project, 'native-legacy-caller.mts'), moved);
    await writeFile(
      join(project, 'broken-on-purpose.ts'),
      "import { ChimeSDKIdentityClient } from '@aws-sdk/client-chime-sdk-identity';\nnew ChimeSDKIdentityClient({ region: 1 });\n",
    );
  }, 60_000);

  afterAll(() => (project ? rm(project, { recursive: true, force: true }) : undefined));

  it('tsc finds no error in any of them (and does find the one in a file broken on purpose: the check can fail)', async () => {
    expect(typed.length).toBeGreaterThan(5);
    const result = await exec(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', project],
      {
        cwd: project,
      },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
    const failing = new Set(
      result.stdout
        .split('\n')
        .map((line) => /^(\S+?)\(\d+,\d+\): error/.exec(line)?.[1])
        .filter((file): file is string => file !== undefined),
    );
    expect([...failing], result.stdout).toEqual(['broken-on-purpose.ts']);
  }, 60_000);
});
