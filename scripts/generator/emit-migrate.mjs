// src/migrate/generated/sdk.ts: what the migration assistant (scan, migrate) needs to know beyond
// the operation table: the legacy operations 3.757.0 kept (so the scanner can list their calls,
// marked as not removed), the names the removed operations' types had, and what each dedicated
// namespace's package exports under the same names (paginators, error classes, types), so that
// `migrate --to native` only ever imports a name the package has.

import { HEADER } from './emit-operations.mjs';
import { exportsOf } from './emit-surfaces.mjs';
import { MEMBER_RENAMES } from './operations.mjs';

const SOURCES =
  'models/legacy/chime-2018-05-01.botocore.json, models/current/*.smithy.json, legacy-chime and src/shim.ts';

/**
 * @param root the checkout
 * @param table the operation table (./operations.mjs)
 * @param legacyTypes what ./emit-types.mjs found: the enum objects (`values`) and types the shim
 *   exports for the removed operations and the current `@aws-sdk/client-chime` lacks
 */
export function emitMigrationData(root, table, legacyTypes) {
  const removed = new Set(table.operations.map((op) => op.name));
  const kept = [...table.legacy.operations.keys()].filter((name) => !removed.has(name)).sort();
  const removedTypes = [...new Set([...legacyTypes.values, ...legacyTypes.types])].sort();
  const families = [...table.namespaces.values()].map(({ family, model }) => {
    const paginators = [...model.operations.values()]
      .filter((operation) => operation.paginated !== undefined)
      .map((operation) => `paginate${operation.name}`)
      .sort();
    const shapes = [...model.shapes.values()];
    const errors = shapes
      .filter((shape) => shape.exception)
      .map((shape) => shape.name)
      .sort();
    // A type the legacy client exported under a name the family's model also defines: the
    // family's package exports it under that name (structures and unions as interfaces, enums as
    // a const object and a type).
    const typeNames = new Set(
      shapes
        .filter((shape) => !shape.exception && (shape.type === 'structure' || shape.enum !== undefined))
        .map((shape) => shape.name),
    );
    const types = removedTypes.filter((name) => typeNames.has(name));
    return `  ${family}: {\n    paginators: '${paginators.join(' ')}',\n    errors: '${errors.join(' ')}',\n    types: '${types.join(' ')}',\n  },\n`;
  });
  // The package's own API, which no other package has: src/shim.ts, and the plugin src/index.ts
  // re-exports next to it (./emit-surfaces.mjs).
  const shim = exportsOf(root, 'src/shim.ts');
  const own = [...shim.values, ...shim.types, 'chimeIdentityMigration'].sort();
  return `${HEADER(SOURCES)}
import type { Family } from '../../operations/operation.js';

/**
 * The legacy \`chime\` operations that @aws-sdk/client-chime 3.757.0 kept (the ${kept.length} of the
 * legacy model's ${table.legacy.operations.size} that are not in the operation table), space-separated: the scanner lists
 * their calls too, marked as not removed.
 */
export const KEPT_OPERATIONS = '${kept.join(' ')}';

/**
 * The names @aws-sdk/client-chime@3.699.0 exported for the removed operations' requests and
 * responses (types and enum objects) that later versions lack: this package exports them, so a
 * file that imports one of them from @aws-sdk/client-chime moves to this package too.
 */
export const REMOVED_TYPES = '${removedTypes.join(' ')}';

/**
 * What this package exports besides the legacy client's names and the removed operations' (its
 * options, rollout, events, errors and plugin): \`migrate --to native\` keeps such an import and
 * marks it, since no other package has it.
 */
export const SHIM_OWN_EXPORTS = '${own.join(' ')}';

export interface FamilyExports {
  /** \`paginateX\` functions, space-separated. */
  readonly paginators: string;
  /** Error classes (the model's error shapes), space-separated. */
  readonly errors: string;
  /** Names of REMOVED_TYPES the family's package exports too, space-separated. */
  readonly types: string;
}

/** What each dedicated namespace's package exports under names legacy code already uses. */
export const FAMILY_EXPORTS: Readonly<Record<Family, FamilyExports>> = {
${families.join('')}};

/**
 * Members the renamed operations (the messaging streaming configurations) call differently,
 * legacy name -> new name, in requests and responses alike.
 */
export const MEMBER_RENAMES: Readonly<Record<string, string>> = {
${Object.entries(MEMBER_RENAMES)
  .map(([legacy, renamed]) => `  ${legacy}: '${renamed}',\n`)
  .join('')}};
`;
}
