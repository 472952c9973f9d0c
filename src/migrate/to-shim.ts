import type * as t from '@babel/types';
import { findCalls } from './analysis/calls.js';
import { Meanings } from './analysis/meaning.js';
import { analyse } from './analysis/scope.js';
import { isRemovedTypeName, operationOfCommand, operationOfPaginator } from './knowledge.js';
import { moduleReferences } from './modules/references.js';
import { needsOf } from './needs.js';
import type { FileOutcome } from './rewrite.js';
import { Edits } from './source/edits.js';
import { parseSource } from './source/parse.js';

/** The package this step moves code onto. */
export const SHIM = 'chime-identity-shim';
export const LEGACY = '@aws-sdk/client-chime';
/** What SDK v2 code must go through first; its output is SDK v3 code this step accepts. */
export const CODEMOD_COMMAND = 'npx aws-sdk-js-codemod -t v2-to-v3';

/**
 * `migrate --to shim` for one file: in SDK v3 code that calls a removed operation (or imports a
 * name only the removed operations had), the `@aws-sdk/client-chime` specifier of every import,
 * export, `require()` and `import()` becomes `chime-identity-shim`, inside its own quotes; nothing
 * else changes. Such a file imports no `@aws-sdk/client-chime` afterwards, so a second run finds
 * nothing to do. SDK v2 code is left alone and reported: aws-sdk-js-codemod's `v2-to-v3` turns it
 * into SDK v3 code first.
 */
export function migrateToShim(text: string, path: string): FileOutcome {
  if (!/chime/i.test(text)) return { notes: [] };
  const analysis = analyse(parseSource(text, path));
  const meanings = new Meanings(analysis);
  const sites = findCalls(analysis, meanings, text);
  const v2 = sites.some((site) => site.sdk === 'v2' && site.facts.removed);
  const legacyCalls = sites.filter(
    (site) => site.sdk === 'v3' && site.source === LEGACY && site.facts.removed,
  );
  const references = moduleReferences(analysis, meanings, (specifier) => specifier === LEGACY);
  const importsRemovedName = references.some((reference) => namesOf(reference.node).some(isRemovedName));
  if (legacyCalls.length === 0 && !importsRemovedName) return { notes: [], v2 };

  const edits = new Edits();
  for (const { specifier } of references) {
    edits.replace((specifier.start ?? 0) + 1, (specifier.end ?? 0) - 1, SHIM);
  }
  const needs = legacyCalls.flatMap((site) =>
    needsOf(site, analysis).map((need) => ({
      line: site.at.loc!.start.line,
      column: site.at.loc!.start.column + 1,
      operation: site.facts.name,
      need,
    })),
  );
  return {
    text: edits.apply(text),
    v2,
    notes: [
      `${references.length === 1 ? 'one specifier' : `${references.length} specifiers`} ${LEGACY} -> ${SHIM}`,
    ],
    needs,
  };
}

/** The names an import or export declaration takes from its module. */
function namesOf(node: t.Node): string[] {
  if (node.type === 'ImportDeclaration') {
    return node.specifiers.flatMap((specifier) =>
      specifier.type === 'ImportSpecifier'
        ? [specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value]
        : [],
    );
  }
  if (node.type === 'ExportNamedDeclaration') {
    return node.specifiers.flatMap((specifier) =>
      specifier.type === 'ExportSpecifier' && specifier.local.type === 'Identifier'
        ? [specifier.local.name]
        : [],
    );
  }
  return [];
}

/** A name only the removed operations had: their commands, command types, paginators and shapes. */
function isRemovedName(name: string): boolean {
  const command = name.replace(/(Input|Output)$/, '');
  return (
    operationOfCommand(command)?.removed === true ||
    operationOfPaginator(name)?.removed === true ||
    isRemovedTypeName(name)
  );
}
