// The hand-written translations (src/operations/translations/<family>.ts): which operations have
// one, in which module, and what its doc comment says. The generator wires each into its row and
// copies the comment into docs/operations.md.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ts = createRequire(import.meta.url)('typescript');

/**
 * The file name of each family's modules: its translations (src/operations/translations/) and its
 * part of the table (src/operations/generated/).
 */
export const FAMILY_MODULES = {
  identity: 'identity',
  messaging: 'messaging',
  meetings: 'meetings',
  voice: 'voice',
  mediaPipelines: 'media-pipelines',
  tagging: 'tagging',
};

/**
 * `Map(operation name -> { module, binding, doc })`: every operation with a translation. An
 * export that names no operation of its family is an error (a typo would silently translate nothing).
 */
export function loadTranslations(root, table) {
  const found = new Map();
  for (const [family, module] of Object.entries(FAMILY_MODULES)) {
    const path = join(root, 'src/operations/translations', `${module}.ts`);
    if (!existsSync(path)) continue;
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported || !ts.isVariableStatement(statement)) continue;
      const declaration = statement.declarationList.declarations[0];
      const name = declaration.name.text;
      const operation = table.operations.find((op) => op.name === name);
      if (operation?.family !== family) {
        throw new Error(
          `src/operations/translations/${module}.ts exports ${name}, which is not a ${family} operation`,
        );
      }
      const comment = ts.getJSDocCommentsAndTags(declaration)[0]?.comment;
      found.set(name, {
        module,
        binding: `${family}Translations`,
        doc: typeof comment === 'string' ? comment.replace(/\s+/g, ' ').trim() : undefined,
      });
    }
  }
  return found;
}
