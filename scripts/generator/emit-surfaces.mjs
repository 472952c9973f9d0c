// The surfaces built from the table: one command class, one function and one aggregated method
// per operation, the paginators 3.699 exported, the CLI's help texts, and the drop-in entry
// (src/index.ts), which names every export one by one.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HEADER } from './emit-operations.mjs';
import { firstSentence } from './models.mjs';
import { camelCase, kebabCase } from './operations.mjs';
import { quote } from './shapes.mjs';
import { FAMILY_MODULES } from './translations.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const SOURCE = 'models/legacy/chime-2018-05-01.botocore.json and the operation table';

export function emitSurfaces(root, table, types) {
  return [
    { path: 'src/surfaces/generated/commands.ts', content: emitCommands(table, types) },
    { path: 'src/surfaces/generated/functions.ts', content: emitFunctions(table, types) },
    { path: 'src/surfaces/generated/paginators.ts', content: emitPaginators(table) },
    { path: 'src/surfaces/generated/aggregated.ts', content: emitAggregated(table, types) },
    { path: 'src/cli/generated/help.ts', content: emitHelp(table) },
    { path: 'src/index.ts', content: emitIndex(root, table, types) },
  ];
}

/**
 * The family whose part of the table the function entry loads with it: identity, the reference,
 * whose client loads with the entry too. Every other family's part loads on its first call, with
 * its client (src/namespaces.ts), so a program that calls identity only never parses the rest.
 */
const LOADED_WITH_THE_ENTRY = 'identity';

const familiesOf = (table) => [...new Set(table.operations.map((op) => op.family))].sort();
const tableModule = (family) => `../../operations/generated/${FAMILY_MODULES[family]}.js`;

function served(op) {
  return op.counterpart
    ? `${op.family === 'tagging' ? 'the namespace that owns the resource' : op.family}'s ${op.counterpart}`
    : 'nothing (no counterpart)';
}

/**
 * Whether 3.699's command takes no argument (`new ListAppInstancesCommand()`): its request has no
 * required member but idempotency tokens, which the SDK fills.
 */
function optionalInput(table, op) {
  return table.legacy.shapes
    .get(op.legacy.input)
    .members.every((member) => !member.required || member.idempotencyToken);
}

function commandIo(op, types) {
  const { input, output } = types.commands.get(op.name);
  return { input, output };
}

function emitCommands(table, types) {
  const typeNames = new Set();
  const blocks = table.operations.map((op) => {
    const { input, output } = commandIo(op, types);
    typeNames.add(input);
    if (output) typeNames.add(output);
    return `/** The input of {@link ${op.name}Command}. */
export interface ${op.name}CommandInput extends ${input} {}

/** The output of {@link ${op.name}Command}. */
export interface ${op.name}CommandOutput extends ${output ? `${output}, ` : ''}MetadataBearer {}

/**
 * Legacy \`${op.name}\`, served by ${served(op)}. ${firstSentence(op.legacy.documentation)}
 */
export class ${op.name}Command extends ShimCommand<${op.name}CommandInput, ${op.name}CommandOutput> {
${
  optionalInput(table, op)
    ? `  constructor(...[input]: [] | [${op.name}CommandInput]) {
    super(${op.family}.${op.name}, input ?? {});
  }`
    : `  constructor(input: ${op.name}CommandInput) {
    super(${op.family}.${op.name}, input);
  }`
}
}
`;
  });
  return `${HEADER(SOURCE)}
import type { MetadataBearer } from '@smithy/types';
import type { OperationName } from '../../operations/generated/index.js';
${familiesOf(table)
  .map((family) => `import * as ${family} from '${tableModule(family)}';\n`)
  .join('')}
import type { ${[...typeNames].sort().join(', ')} } from '../../operations/generated/types.js';
import { ShimCommand } from '../command.js';

${blocks.join('\n')}
/** Every command class, by operation. */
export const COMMANDS: Readonly<Record<OperationName, new (input: any) => ShimCommand<any, any>>> = {
${table.operations.map((op) => `  ${op.name}: ${op.name}Command,\n`).join('')}};
`;
}

function emitFunctions(table, types) {
  const imports = table.operations.flatMap((op) => [`${op.name}CommandInput`, `${op.name}CommandOutput`]);
  const blocks = table.operations.map(
    (op) => `/** Legacy \`${op.name}\` as a function, served by ${served(op)}. */
export const ${camelCase(op.name)}: (input${optionalInput(table, op) ? '?' : ''}: ${op.name}CommandInput, options?: OperationOptions) => Promise<${op.name}CommandOutput> =
  /* @__PURE__ */ ${
    op.family === LOADED_WITH_THE_ENTRY
      ? `operationFunction(${op.family}.${op.name})`
      : `${op.family}(${quote(op.name)})`
  };
`,
  );
  void types;
  const deferred = familiesOf(table).filter((family) => family !== LOADED_WITH_THE_ENTRY);
  return `${HEADER(SOURCE)}
import * as ${LOADED_WITH_THE_ENTRY} from '${tableModule(LOADED_WITH_THE_ENTRY)}';
import { deferredFamily, type OperationOptions, operationFunction } from '../function.js';
import type {
${imports.map((name) => `  ${name},\n`).join('')}} from './commands.js';

// Each family's part of the table but ${LOADED_WITH_THE_ENTRY}'s loads on the family's first call, with its client.
${deferred.map((family) => `const ${family} = /* @__PURE__ */ deferredFamily(() => import('${tableModule(family)}'));\n`).join('')}
${blocks.join('\n')}`;
}

function emitPaginators(table) {
  const paginated = table.operations.filter((op) => op.paginator);
  const imports = paginated.flatMap((op) => [
    `${op.name}Command`,
    `type ${op.name}CommandInput`,
    `type ${op.name}CommandOutput`,
  ]);
  const blocks = paginated.map(
    (op) => `/** Pages of legacy \`${op.name}\`, as 3.699's \`${op.paginator.name}\`. */
export const ${op.paginator.name}: (
  config: ChimePaginationConfiguration,
  input: ${op.name}CommandInput,
  ...rest: any[]
) => Paginator<${op.name}CommandOutput> = /* @__PURE__ */ paginator(
  ${op.name}Command,
  ${quote(op.paginator.inputToken)},
  ${quote(op.paginator.outputToken)},
  ${quote(op.paginator.pageSize)},
);
`,
  );
  return `${HEADER('the paginators of @aws-sdk/client-chime@3.699.0 (devDependency legacy-chime)')}
import type { Paginator } from '@smithy/types';
import { type ChimePaginationConfiguration, paginator } from '../paginator.js';
import {
${imports.map((name) => `  ${name},\n`).join('')}} from './commands.js';

${blocks.join('\n')}`;
}

function emitAggregated(table) {
  const methods = table.operations.map((op) => {
    const method = camelCase(op.name);
    const input = `${op.name}CommandInput`;
    const output = `${op.name}CommandOutput`;
    // 3.699 adds the no-argument form when the request has no required member at all.
    const none = table.legacy.shapes.get(op.legacy.input).members.every((member) => !member.required);
    return `  /** Legacy \`${op.name}\`, served by ${served(op)}. */
${none ? `  ${method}(): Promise<${output}>;\n` : ''}  ${method}(args: ${input}, options?: HttpHandlerOptions): Promise<${output}>;
  ${method}(args: ${input}, cb: (err: any, data?: ${output}) => void): void;
  ${method}(args: ${input}, options: HttpHandlerOptions, cb: (err: any, data?: ${output}) => void): void;
`;
  });
  const imports = table.operations.flatMap((op) => [`${op.name}CommandInput`, `${op.name}CommandOutput`]);
  return `${HEADER(SOURCE)}
import type { HttpHandlerOptions } from '@smithy/types';
import type {
${imports.map((name) => `  ${name},\n`).join('')}} from './commands.js';

/** The aggregated client's method of every removed operation, in the SDK's three forms. */
export interface ChimeOperations {
${methods.join('\n')}}
`;
}

/** Help texts of the CLI: each operation's and each request member's first sentence in the legacy model. */
function emitHelp(table) {
  const entries = table.operations.map((op) => {
    const input = table.legacy.shapes.get(op.legacy.input);
    const members = input.members
      .map((member) => `      ${member.name}: ${quote(firstSentence(member.documentation))},\n`)
      .join('');
    return `  ${op.name}: {\n    summary: ${quote(firstSentence(op.legacy.documentation))},\n    uri: ${quote(op.legacy.uri)},\n    members: {\n${members}    },\n  },\n`;
  });
  return `${HEADER('models/legacy/chime-2018-05-01.botocore.json')}
import type { OperationName } from '../../operations/generated/index.js';

/** What \`--help\` says of each operation and each of its flags: the legacy model's first sentences. */
export const HELP: Readonly<
  Record<
    OperationName,
    {
      readonly summary: string;
      /** The legacy request URI, for the URL in "Could not connect to the endpoint URL". */
      readonly uri: string;
      readonly members: Readonly<Record<string, string>>;
    }
  >
> = {
${entries.join('')}};
`;
}

/** Exports of a hand-written module: `{ values, types }`, read from its export statements. */
export function exportsOf(root, path) {
  const file = join(root, path);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const values = [];
  const types = [];
  const isExported = (node) => node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) {
        (statement.isTypeOnly || element.isTypeOnly ? types : values).push(element.name.text);
      }
    } else if (ts.isExportDeclaration(statement)) {
      throw new Error(`${path}: name its exports (no \`export *\`): src/index.ts lists them one by one`);
    } else if (isExported(statement)) {
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))
        types.push(statement.name.text);
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) values.push(declaration.name.text);
      } else if (statement.name) values.push(statement.name.text);
    }
  }
  return { values, types };
}

function exportList(names, indent = '  ') {
  return names.map((name) => `${indent}${name},\n`).join('');
}

function emitIndex(root, table, types) {
  const shim = exportsOf(root, 'src/shim.ts');
  const sortNames = (list) =>
    [...list].sort((a, b) => a.replace(/^type /, '').localeCompare(b.replace(/^type /, '')));
  const commands = sortNames(
    table.operations.flatMap((op) => {
      const names = [`${op.name}Command`, `type ${op.name}CommandInput`, `type ${op.name}CommandOutput`];
      return names;
    }),
  );
  const paginators = table.operations
    .filter((op) => op.paginator)
    .map((op) => op.paginator.name)
    .sort();
  const functions = table.operations.map((op) => camelCase(op.name)).sort();
  const legacyTypes = sortNames([
    ...types.values,
    ...types.types.filter((name) => !types.values.includes(name)).map((name) => `type ${name}`),
  ]);
  const shimNames = sortNames([...shim.values, ...shim.types.map((name) => `type ${name}`)]);
  return `${HEADER('the operation table and src/shim.ts')}
/**
 * The drop-in entry: everything the installed \`@aws-sdk/client-chime\` exports, with \`ChimeClient\`
 * and \`Chime\` replaced and every removed operation added back (its command, aggregated method,
 * function, paginator and types), served by the dedicated Chime SDK namespaces.
 *
 * Every name is listed: a name exported both by the star re-export and by another star would be
 * ambiguous, and ES modules silently drop ambiguous names. A name listed here wins over the star.
 */
export * from '@aws-sdk/client-chime';
export {
${exportList(shimNames)}} from './shim.js';
export { Chime, ChimeClient, type ChimeClientConfig } from './surfaces/client.js';
export { chimeIdentityMigration } from './surfaces/plugin.js';
export {
${exportList(commands)}} from './surfaces/generated/commands.js';
export {
${exportList(paginators)}} from './surfaces/generated/paginators.js';
export {
${exportList(functions)}} from './surfaces/generated/functions.js';
export { create_app_instance_user } from './function.js';
export {
${exportList(legacyTypes)}} from './operations/generated/types.js';
`;
}

export { kebabCase };
