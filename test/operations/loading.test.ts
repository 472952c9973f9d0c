import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../support/build.js';
import { modulesLoadedBy } from '../support/loaded-modules.js';

/**
 * Issue 9's "the identity-only cold start does not grow": V8 parses every module a program
 * imports, so the function entry imports identity's part of the operation table only, and each
 * other family's on that family's first call (docs/architecture.md, "Tree-shaking and load
 * cost"). Fresh processes on the built package; every call here has a member no operation has,
 * so it fails validation, before any I/O.
 */
const FAMILY_CHUNK = /\/dist\/(messaging|meetings|voice|media-pipelines|tagging)-[\w-]+\.(mjs|cjs)$/;

/** The families whose part of the table a process loaded. */
const familiesOf = (loaded: string[]): string[] =>
  [
    ...new Set(loaded.map((url) => FAMILY_CHUNK.exec(url)?.[1]).filter((family) => family !== undefined)),
  ].sort();

/** Loads the function entry as ESM or CommonJS, then calls the named functions with a member none has. */
const familiesLoadedBy = async (format: 'esm' | 'cjs', ...functions: string[]): Promise<string[]> => {
  const { loaded, code, stderr } = await modulesLoadedBy(
    `const entry = args[0] === 'cjs' ? require(root + '/dist/function.cjs') : await import(root + '/dist/function.mjs');
     for (const name of args.slice(1)) {
       const rejected = await entry[name]({ NoSuchMember: true }).then(() => undefined, (error) => error);
       if (rejected?.name !== 'BadRequestException') throw new Error(name + ' did not refuse its input: ' + rejected);
     }`,
    [format, ...functions],
  );
  expect(code, stderr).toBe(0);
  expect(loaded.some((url) => url.includes('/dist/function.'))).toBe(true);
  return familiesOf(loaded);
};

beforeAll(() => {
  requireBuild();
});

describe('Performance 4: the function entry loads the part of the table a program calls', () => {
  it.each(['esm', 'cjs'] as const)(
    '%s: calling identity operations loads no other family',
    async (format) => {
      expect(await familiesLoadedBy(format, 'createAppInstanceUser', 'listAppInstances')).toEqual([]);
    },
    60_000,
  );

  it.each(['esm', 'cjs'] as const)(
    '%s: the first messaging call loads messaging, and only messaging',
    async (format) => {
      expect(await familiesLoadedBy(format, 'createAppInstanceUser', 'createChannel')).toEqual(['messaging']);
    },
    60_000,
  );

  it('each family loads on its own first call', async () => {
    const families = await familiesLoadedBy(
      'esm',
      'createMeeting',
      'getVoiceConnector',
      'createMediaCapturePipeline',
      'tagResource',
    );
    expect(families).toEqual(['media-pipelines', 'meetings', 'tagging', 'voice']);
  }, 60_000);
});
