// Generates what the AWS models say (models/) into committed source files: the operation table,
// the emulator's service bindings, the legacy types, the surfaces built from the table, and
// docs/operations.md. Re-runnable; test/generated.test.ts regenerates in memory and fails when a
// committed file differs.
//
//   npm run generate            write the files
//   npm run generate -- --check exit 1 and list the files that differ

import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { emitOperationDocs } from './generator/emit-docs.mjs';
import { emitMigrationData } from './generator/emit-migrate.mjs';
import {
  emitNamespace,
  emitOperationIndex,
  emitOperationNames,
  emitOperations,
} from './generator/emit-operations.mjs';
import { emitSurfaces } from './generator/emit-surfaces.mjs';
import { emitLegacyTypes } from './generator/emit-types.mjs';
import { NAMESPACES } from './generator/models.mjs';
import { buildTable } from './generator/operations.mjs';
import { loadTranslations } from './generator/translations.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every generated file: `{ path (relative to the root), content }`. */
export function generateFiles(root = ROOT) {
  const table = buildTable(root);
  const types = emitLegacyTypes(root, table);
  const translations = loadTranslations(root, table);
  return [
    ...emitOperations(table, translations),
    { path: 'src/operations/generated/index.ts', content: emitOperationIndex(table) },
    { path: 'src/operations/generated/names.ts', content: emitOperationNames(table) },
    { path: 'src/operations/generated/types.ts', content: types.content },
    ...NAMESPACES.map(({ family }) => ({
      path: `src/emulator/generated/${family}.ts`,
      content: emitNamespace(table, family),
    })),
    ...emitSurfaces(root, table, types),
    { path: 'docs/operations.md', content: emitOperationDocs(table, translations) },
    { path: 'src/migrate/generated/sdk.ts', content: emitMigrationData(root, table, types) },
  ];
}

/** The generated files whose committed content differs from what the models give now. */
export function staleFiles(root = ROOT) {
  return generateFiles(root)
    .filter(({ path, content }) => {
      try {
        return readFileSync(join(root, path), 'utf8') !== content;
      } catch {
        return true;
      }
    })
    .map(({ path }) => path);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length > 0) {
      console.error(
        `Generated files differ from the models; run \`npm run generate\`:\n  ${stale.join('\n  ')}`,
      );
      process.exitCode = 1;
    }
  } else {
    for (const { path, content } of generateFiles()) {
      await mkdir(dirname(join(ROOT, path)), { recursive: true });
      writeFileSync(join(ROOT, path), content);
    }
  }
}
