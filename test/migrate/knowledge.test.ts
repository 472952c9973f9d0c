import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as current from '@aws-sdk/client-chime';
import { describe, expect, it } from 'vitest';
import { toLegacyError } from '../../src/errors.js';
import { familyErrors, NEW_NAMES_BY_MEANING } from '../../src/migrate/apis/errors.js';
import { FAMILY_EXPORTS, KEPT_OPERATIONS, SHIM_OWN_EXPORTS } from '../../src/migrate/generated/sdk.js';
import { allOperations, familyPackage, operationOfMethod } from '../../src/migrate/knowledge.js';
import { OPERATIONS } from '../../src/operations/generated/index.js';
import { FAMILIES, type Family } from '../../src/operations/operation.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const packages: Record<Family, Record<string, unknown>> = {
  identity: await import('@aws-sdk/client-chime-sdk-identity'),
  messaging: await import('@aws-sdk/client-chime-sdk-messaging'),
  meetings: await import('@aws-sdk/client-chime-sdk-meetings'),
  voice: await import('@aws-sdk/client-chime-sdk-voice'),
  mediaPipelines: await import('@aws-sdk/client-chime-sdk-media-pipelines'),
};

describe('Migration assistant: "Knowledge comes from the operation table, never a second list of names"', () => {
  it("every removed operation is the table's row; every other legacy operation is one 3.757.0 kept", () => {
    const facts = allOperations();
    expect(facts.filter((entry) => entry.removed).map((entry) => entry.name)).toEqual(
      Object.keys(OPERATIONS),
    );
    expect(
      facts
        .filter((entry) => entry.removed)
        .every((entry) => entry.operation === OPERATIONS[entry.name as keyof typeof OPERATIONS]),
    ).toBe(true);
    const kept = KEPT_OPERATIONS.split(' ');
    expect(kept.length + Object.keys(OPERATIONS).length).toBe(191);
    // The current client still has every kept operation's command, and none of the removed ones.
    for (const name of kept)
      expect(typeof (current as Record<string, unknown>)[`${name}Command`], name).toBe('function');
    for (const name of Object.keys(OPERATIONS))
      expect((current as Record<string, unknown>)[`${name}Command`], name).toBeUndefined();
  });

  it("method names are the aggregated client's (createAppInstanceUser, listAccounts)", () => {
    expect(operationOfMethod('createAppInstanceUser')?.name).toBe('CreateAppInstanceUser');
    expect(operationOfMethod('listAccounts')).toMatchObject({ name: 'ListAccounts', removed: false });
    expect(typeof (current.Chime.prototype as unknown as Record<string, unknown>).listAccounts).toBe(
      'function',
    );
  });
});

describe('Migration assistant: "imports from the family packages": every name the native step writes exists there', () => {
  it.each(FAMILIES)(
    '%s: its client, aggregated client, service exception, paginators and error classes',
    (family) => {
      const exported = packages[family];
      const names = familyPackage(family);
      for (const name of [names.clientName, names.aggregatedName, names.serviceExceptionName]) {
        expect(typeof exported[name], name).toBe('function');
      }
      for (const kind of ['paginators', 'errors'] as const) {
        for (const name of FAMILY_EXPORTS[family][kind].split(' '))
          expect(typeof exported[name], `${kind} ${name}`).toBe('function');
      }
    },
  );

  it.each(FAMILIES)('%s: the legacy type names it shares are declared by its package', (family) => {
    const types = FAMILY_EXPORTS[family].types.split(' ');
    expect(types.length).toBeGreaterThan(0);
    const folder = join(root, 'node_modules', familyPackage(family).packageName, 'dist-types');
    const declarations = ['models/models_0.d.ts', 'models/enums.d.ts', 'models/models_1.d.ts']
      .map((file) => {
        try {
          return readFileSync(join(folder, file), 'utf8');
        } catch {
          return '';
        }
      })
      .join('\n');
    for (const name of types) {
      expect(declarations, name).toMatch(new RegExp(`export (interface|type|declare const) ${name}\\b`));
    }
  });

  it('every removed operation with a counterpart: its command is exported by its family package', () => {
    for (const operation of Object.values(OPERATIONS)) {
      if (!operation.counterpart || operation.family === 'tagging') continue;
      expect(typeof packages[operation.family][`${operation.counterpart}Command`], operation.name).toBe(
        'function',
      );
    }
  });
});

describe('Migration assistant: error classes from the family packages mean what the runtime says they mean', () => {
  it('each family error the native step tests for a legacy class is translated back to that class by the runtime', async () => {
    for (const [legacyName, newNames] of Object.entries(NEW_NAMES_BY_MEANING)) {
      for (const newName of newNames) {
        const error = Object.assign(new Error('x'), { name: newName, $fault: 'client', $metadata: {} });
        const translated = (await toLegacyError(error)) as Error;
        expect(translated.name, newName).toBe(legacyName);
      }
    }
  });

  it('meetings throws ThrottlingException for ThrottledClientException; identity its own ThrottledClientException', () => {
    expect(familyErrors('meetings', 'ThrottledClientException')).toEqual(['ThrottlingException']);
    expect(familyErrors('meetings', 'ResourceLimitExceededException')).toEqual([
      'LimitExceededException',
      'TooManyTagsException',
    ]);
    expect(familyErrors('identity', 'ThrottledClientException')).toEqual(['ThrottledClientException']);
    expect(familyErrors('identity', 'AccessDeniedException')).toEqual([]);
    expect(familyErrors('voice', 'ChimeServiceException')).toEqual(['ChimeSDKVoiceServiceException']);
  });
});

describe("Migration assistant: the package's own names (kept, and marked, by the native step)", () => {
  it('are exported by this package and not by @aws-sdk/client-chime', async () => {
    const shim = (await import('../../src/index.js')) as Record<string, unknown>;
    for (const name of SHIM_OWN_EXPORTS.split(' ')) {
      if (/^[A-Z]/.test(name) && typeof shim[name] === 'undefined') continue; // a type
      expect(shim[name], name).toBeDefined();
      expect((current as Record<string, unknown>)[name], name).toBeUndefined();
    }
    expect(SHIM_OWN_EXPORTS.split(' ')).toEqual(
      expect.arrayContaining(['chimeIdentityMigration', 'configureChimeIdentityShim', 'ShimOptions']),
    );
  });
});
