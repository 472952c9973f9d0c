import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatch } from 'diff';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/migrate/fixtures');

let work: string;

/** The fixture inputs of one direction, copied under their case names into a fresh folder. */
async function copyInputs(direction: 'to-shim' | 'to-native'): Promise<Map<string, string>> {
  const expected = new Map<string, string>();
  for (const file of await readdir(join(fixtures, direction))) {
    const match = /^(.+)\.input(\.[cm]?[jt]sx?)$/.exec(file);
    if (!match) continue;
    const name = `${match[1]}${match[2]}`;
    await cp(join(fixtures, direction, file), join(work, name));
    expected.set(name, await readFile(join(fixtures, direction, `${match[1]}.output${match[2]}`), 'utf8'));
  }
  return expected;
}

async function snapshot(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of (await readdir(work)).sort()) files.set(file, await readFile(join(work, file), 'utf8'));
  return files;
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'chime-migrate-cli-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

describe('Migration assistant: "with --dry-run print a unified diff and write nothing"', () => {
  it.each(['to-shim', 'to-native'] as const)(
    '%s: the diff on stdout, the summary on stderr, no file touched',
    async (direction) => {
      const expected = await copyInputs(direction);
      const before = await snapshot();
      const { exitCode, stdout, stderr } = await runCli([
        'migrate',
        '--to',
        direction.slice(3),
        work,
        '--dry-run',
      ]);
      expect(exitCode).toBe(0);
      expect(await snapshot()).toEqual(before);
      expect(stderr).toMatch(/files? to rewrite \(dry run: nothing written\)/);
      // The diff is a real unified diff: applied to the inputs it gives the expected outputs.
      const patches = stdout.split(/^(?=--- a\/)/m).filter((patch) => patch.startsWith('--- a/'));
      expect(patches.length).toBeGreaterThan(0);
      for (const patch of patches) {
        const file = /^--- a\/(.+)$/m.exec(patch)![1]!;
        const name = file.split('/').at(-1)!;
        expect(applyPatch(before.get(name)!, patch), name).toBe(expected.get(name));
      }
      for (const [name, output] of expected) {
        if (output !== before.get(name)) expect(stdout, name).toContain(`+++ b/`);
      }
    },
  );
});

describe('Migration assistant: the rewrite steps write the files, print a summary, and change nothing the second time', () => {
  it('migrate --to shim, then --to native, then both again', async () => {
    const expectedShim = await copyInputs('to-shim');
    const first = await runCli(['migrate', '--to', 'shim', work]);
    expect(first.exitCode).toBe(0);
    expect(await snapshot()).toEqual(expectedShim);
    expect(first.stdout).toMatch(
      /^rewrote .*esm-command\.ts: 2 specifiers @aws-sdk\/client-chime -> chime-identity-shim$/m,
    );
    expect(first.stdout).toMatch(
      /^left as is .*v2-sdk\.js: SDK v2; run `npx aws-sdk-js-codemod -t v2-to-v3 .*v2-sdk\.js` first/m,
    );
    expect(first.stdout).toMatch(
      /^6 files rewritten, 2 files unchanged, 1 SDK v2, 0 unparsable \(8 files read\)\.$/m,
    );
    const again = await runCli(['migrate', '--to', 'shim', work]);
    expect(again.stdout).toMatch(/^0 files rewritten, 8 files unchanged/m);

    const native = await runCli(['migrate', '--to', 'native', work]);
    expect(native.exitCode).toBe(0);
    expect(native.stdout).toMatch(/^rewrote .*: \d+ calls? moved to @aws-sdk\/client-chime-sdk-identity/m);
    const afterNative = await snapshot();
    const nativeAgain = await runCli(['migrate', '--to', 'native', work]);
    expect(nativeAgain.stdout).toMatch(/^0 files rewritten/m);
    expect(await snapshot()).toEqual(afterNative);
  });

  it('migrate --to shim lists what still needs a person in the files it rewrote', async () => {
    await cp(join(fixtures, 'scan/project/src/chat.mjs'), join(work, 'chat.mjs'));
    const { stdout } = await runCli(['migrate', '--to', 'shim', work]);
    expect(stdout).toMatch(/! .*chat\.mjs:6:16 CreateChannel: ChimeBearer not given/);
  });

  it('"A file that does not parse is reported" and the other files are still rewritten', async () => {
    await copyInputs('to-shim');
    await writeFile(join(work, 'broken.ts'), "import { Chime } from '@aws-sdk/client-chime';\nconst = ;\n");
    const { exitCode, stdout } = await runCli(['migrate', '--to', 'shim', work]);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^could not parse .*broken\.ts:2:7: .* \(left as is\)$/m);
    expect(stdout).toMatch(/6 files rewritten, 2 files unchanged, 1 SDK v2, 1 unparsable \(9 files read\)/);
    expect(await readFile(join(work, 'broken.ts'), 'utf8')).toContain('@aws-sdk/client-chime');
  });
});

describe('Migration assistant: usage errors exit 252, like the rest of the CLI', () => {
  it.each([
    [['migrate', 'src'], 'the following arguments are required: --to'],
    [['migrate', '--to', 'v4', '.'], 'argument --to: Invalid choice, valid choices are:\n\nshim | native'],
    [['migrate', '--to', 'shim', 'no-such-folder'], 'no-such-folder: no such file or directory'],
    [['migrate', '--to', 'shim', '--dryrun'], 'Unknown options: --dryrun'],
  ])('%j', async (argv, message) => {
    const { exitCode, stderr, stdout } = await runCli(argv);
    expect(exitCode).toBe(252);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  it('both commands are listed under Tools in the help', async () => {
    const { stdout } = await runCli(['--help']);
    const tools = stdout.slice(stdout.indexOf('Tools:'));
    expect(tools).toMatch(/\n\s+scan \[options\] \[paths\.\.\.\]/);
    expect(tools).toMatch(/\n\s+migrate \[options\] \[paths\.\.\.\]/);
  });
});
