import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/migrate/scanner.js';
import { OPERATIONS, type OperationName } from '../../src/operations/generated/index.js';
import SERVED from '../../src/operations/served.json' with { type: 'json' };
import { runCli } from '../cli/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const project = join(root, 'test/migrate/fixtures/scan/project');
const shown = relative(process.cwd(), project).split('\\').join('/');

interface ExpectedCall {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly operation: string;
  readonly needs: readonly string[];
  readonly [key: string]: unknown;
}

const expected = JSON.parse(
  await readFile(join(root, 'test/migrate/fixtures/scan/expected.json'), 'utf8'),
) as {
  files: number;
  unparsable: { file: string; line: number; column: number; message: string }[];
  calls: ExpectedCall[];
};

interface JsonCall {
  readonly file: string;
  readonly served: boolean;
  readonly needs: readonly { kind: string; member?: string; message: string }[];
  readonly [key: string]: unknown;
}

async function scanJson(args: readonly string[] = []) {
  const run = await runCli(['scan', project, '--json', ...args]);
  return {
    ...run,
    report: JSON.parse(run.stdout) as {
      files: number;
      calls: JsonCall[];
      unparsable: JsonCall[];
      summary: Record<string, unknown>;
    },
  };
}

/** The JSON of a call in the expected inventory's form: paths from the project, needs as `kind:member`. */
function inventoryOf(call: JsonCall): ExpectedCall {
  const { served: _, needs, ...rest } = call;
  return {
    ...rest,
    file: call.file.replace(`${shown}/`, ''),
    needs: needs.map((need) => (need.member ? `${need.kind}:${need.member}` : need.kind)),
  } as unknown as ExpectedCall;
}

describe('Migration assistant: "scan ... reports every call of a legacy Chime operation" (the fixture tree and its inventory)', () => {
  it('lists exactly the calls of the expected inventory, with file:line:column, operation, SDK style, removed, counterpart and family, and what needs a person', async () => {
    const { exitCode, report } = await scanJson(['--fail-on', 'none']);
    expect(exitCode).toBe(0);
    expect(report.files).toBe(expected.files);
    expect(report.calls.map(inventoryOf)).toEqual(expected.calls);
  });

  it('"whether this package serves it" is the operation table and the served families, read as the runtime reads them', async () => {
    const { report } = await scanJson(['--fail-on', 'none']);
    for (const call of report.calls) {
      const operation = OPERATIONS[call.operation as OperationName];
      const served =
        operation !== undefined &&
        operation.status !== 'none' &&
        (operation.family === 'tagging' || (SERVED.families as string[]).includes(operation.family));
      expect(call.served, String(call.operation)).toBe(served);
    }
  });

  it('covers SDK v3 commands, Chime methods, paginators, this package (functions, namespace import), and SDK v2 (.promise(), callback, request)', () => {
    const styles = new Set(
      expected.calls.map((call) => `${call.sdk} ${call.style}${call.form ? ` ${call.form}` : ''}`),
    );
    expect([...styles].sort()).toEqual([
      'v2 v2 callback',
      'v2 v2 promise',
      'v2 v2 request',
      'v3 aggregated',
      'v3 command',
      'v3 function',
      'v3 paginator',
    ]);
    expect(expected.calls.some((call) => call.file.endsWith('.tsx'))).toBe(true);
    expect(expected.calls.some((call) => call.file.endsWith('.cjs'))).toBe(true);
    expect(expected.calls.some((call) => call.removed === false)).toBe(true);
  });

  it('what needs a person: no counterpart, request.on(build) header injection, ChimeBearer, newly required members', () => {
    const needs = new Set(expected.calls.flatMap((call) => call.needs.map((need) => need.split(':')[0])));
    expect([...needs].sort()).toEqual([
      'chime-bearer',
      'header-injection',
      'newly-required',
      'no-counterpart',
    ]);
  });

  it('no false positives: an unrelated object with the same method names, comments, strings, a local class called Chime, shadowing parameters', async () => {
    const { report } = await scanJson(['--fail-on', 'none']);
    expect(report.calls.filter((call) => String(call.file).endsWith('traps.ts'))).toEqual([]);
    const traps = await readFile(join(project, 'src/traps.ts'), 'utf8');
    // The traps are there: the same names, in each of those places.
    expect(traps).toContain('store.createChannel(');
    expect(traps).toContain('"chime.createAppInstanceUser({})');
    expect(traps).toContain('class Chime {');
    expect(traps).toContain('ChimeClient.send(new CreateChannelCommand({}))');
  });

  it('node_modules, dist and dot-folders are not scanned', async () => {
    const { report } = await scanJson(['--fail-on', 'none']);
    expect(report.calls.some((call) => String(call.file).includes('node_modules'))).toBe(false);
  });

  it('"A file that does not parse is reported and the scan goes on"', async () => {
    const { report, stderr, exitCode } = await scanJson(['--fail-on', 'none']);
    expect(exitCode).toBe(0);
    expect(
      report.unparsable.map((file) => ({ ...file, file: String(file.file).replace(`${shown}/`, '') })),
    ).toEqual(expected.unparsable);
    expect(stderr).toContain('src/broken.js:3:55: could not parse');
    expect(report.calls.length).toBe(expected.calls.length);
  });
});

describe('Migration assistant: "a table by default, JSON with --json"', () => {
  it('the table has one row per call, the needs under it, and a summary', async () => {
    const { stdout, exitCode } = await runCli(['scan', project, '--fail-on', 'none']);
    expect(exitCode).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^location\s+operation\s+call\s+removed\s+counterpart\s+served$/);
    expect(stdout).toContain(`${shown}/src/users.ts:7:21`);
    expect(stdout).toMatch(
      /src\/legacy-v2\.js:12:25\s+SendChannelMessage\s+v2 request\s+removed\s+messaging SendChannelMessage/,
    );
    expect(stdout).toContain("    ! request.on('build') sets x-amz-chime-bearer");
    expect(stdout).toMatch(/ListMeetings\s+v3 command\s+removed\s+meetings: none\s+no \(refused\)/);
    expect(stdout).toContain(
      `${expected.calls.length} calls of legacy Chime operations in 7 files (9 files scanned)`,
    );
    expect(stdout).toContain('2 files use SDK v2: run `npx aws-sdk-js-codemod -t v2-to-v3 PATH`');
  });

  it('the JSON has the calls, the unparsable files and a summary', async () => {
    const { report } = await scanJson(['--fail-on', 'none']);
    expect(report.summary).toMatchObject({
      calls: expected.calls.length,
      removed: expected.calls.filter((call) => call.removed).length,
      kept: expected.calls.filter((call) => !call.removed).length,
      failOn: 'none',
      failing: 0,
    });
  });
});

describe('Migration assistant: "exit 1 when a call matches --fail-on (default unserved), so CI can gate on it"', () => {
  it('default unserved: ListMeetings (no counterpart) is not served, so the scan fails', async () => {
    const { exitCode, stderr } = await runCli(['scan', project]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/scan: \d+ calls? not served by this package \(--fail-on unserved\)/);
  });

  it('unserved passes when every removed operation called is served (identity only)', async () => {
    const { exitCode } = await runCli(['scan', join(project, 'src/users.ts')]);
    expect(exitCode).toBe(0);
  });

  it('removed fails on any call of a removed operation; none never fails', async () => {
    expect((await runCli(['scan', join(project, 'src/users.ts'), '--fail-on', 'removed'])).exitCode).toBe(1);
    expect((await runCli(['scan', join(project, 'src/account.cjs'), '--fail-on', 'removed'])).exitCode).toBe(
      0,
    );
    expect((await runCli(['scan', project, '--fail-on', 'none'])).exitCode).toBe(0);
  });
});

describe('Migration assistant: "a bad path or flag is a usage error (exit 252, like the rest of the CLI)"', () => {
  it.each([
    [['scan', join(project, 'missing-folder')], 'missing-folder: no such file or directory'],
    [['scan', join(root, 'package.json')], 'not a JavaScript or TypeScript file'],
    [['scan', project, '--fail-on', 'sometimes'], 'argument --fail-on: Invalid choice'],
    [['scan', project, '--jsn'], 'Unknown options: --jsn'],
  ])('%j', async (argv, message) => {
    const { exitCode, stderr, stdout } = await runCli(argv);
    expect(exitCode).toBe(252);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });
});

describe('Migration assistant: the scanner tracks bindings, not names', () => {
  const calls = (text: string, path = 'x.ts') =>
    scanText(text, path).map((call) => `${call.operation}@${call.line}`);

  it('a client made from an import, a require, a class field, a constructor parameter, a typed parameter', () => {
    expect(
      calls(`import { ChimeClient, Chime, CreateChannelCommand } from '@aws-sdk/client-chime';
class S {
  c = new Chime({});
  constructor(private readonly injected: Chime) {}
  a() { return this.c.createChannel({}); }
  b() { return this.injected.deleteChannel({}); }
}
export const f = (client: ChimeClient) => client.send(new CreateChannelCommand({}));
const { Chime: V2 } = require('aws-sdk');
new V2().listChannels({}, () => {});
`),
    ).toEqual(['CreateChannel@5', 'DeleteChannel@6', 'CreateChannel@8', 'ListChannels@10']);
  });

  it('functions and paginators of a module object (`import * as shim`), and a client passed to a paginator', () => {
    expect(
      calls(`import * as shim from 'chime-identity-shim';
await shim.createAppInstance({ Name: 'x' });
for await (const page of shim.paginateListAppInstances({ client: new shim.ChimeClient({}) }, {})) console.log(page);
`),
    ).toEqual(['CreateAppInstance@2', 'ListAppInstances@3']);
  });

  it('a binding shadowed in an inner scope is not the SDK any more', () => {
    expect(
      calls(`import { Chime } from '@aws-sdk/client-chime';
const chime = new Chime({});
function local(chime: { createChannel(): void }) { chime.createChannel(); }
chime.createChannel({});
`),
    ).toEqual(['CreateChannel@4']);
  });

  it('the same method names on an object that is not a Chime client are not calls', () => {
    expect(calls(`const chime = { createChannel() {} }; chime.createChannel();`, 'x.js')).toEqual([]);
    expect(calls(`import Chime from './chime'; new Chime().createChannel({});`, 'x.js')).toEqual([]);
  });
});
