// src/operations/generated/types.ts: the request and response types of the removed operations,
// under the names and with the members `@aws-sdk/client-chime@3.699.0` exported them (its
// dist-types, read with the TypeScript compiler API), so that code written against 3.699 compiles
// against this package with only the import specifier changed. Enums are 3.699's `const` objects
// and types. Two changes, both from the models:
// - each request gains, as optional members, what only its counterpart has (`ExpirationSettings`
//   on CreateAppInstanceUserRequest), typed from the dedicated namespace's model;
// - `@deprecated` tags go: 3.699 deprecated these operations because it no longer served them.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { HEADER } from './emit-operations.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const LEGACY_TYPES = 'node_modules/legacy-chime/dist-types';

function parse(root, path) {
  const file = join(root, path);
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Top-level declarations of a .d.ts file by name: `{ kind, node, text, source }`. */
function declarations(source) {
  const found = new Map();
  for (const statement of source.statements) {
    let name;
    let kind;
    if (ts.isInterfaceDeclaration(statement)) [name, kind] = [statement.name.text, 'interface'];
    else if (ts.isTypeAliasDeclaration(statement)) [name, kind] = [statement.name.text, 'alias'];
    else if (ts.isClassDeclaration(statement) && statement.name)
      [name, kind] = [statement.name.text, 'class'];
    else if (ts.isFunctionDeclaration(statement) && statement.name) {
      [name, kind] = [statement.name.text, 'function'];
    } else if (ts.isVariableStatement(statement)) {
      const declaration = statement.declarationList.declarations[0];
      [name, kind] = [declaration.name.text, 'const'];
    } else continue;
    const entry = found.get(name) ?? {};
    entry[kind] = statement;
    found.set(name, entry);
  }
  return found;
}

/** Names of types a node refers to. */
function referencedNames(node) {
  const names = new Set();
  const visit = (child) => {
    if (ts.isTypeReferenceNode(child) && ts.isIdentifier(child.typeName)) names.add(child.typeName.text);
    if (ts.isTypeQueryNode(child) && ts.isIdentifier(child.exprName)) names.add(child.exprName.text);
    if (ts.isExpressionWithTypeArguments(child) && ts.isIdentifier(child.expression)) {
      names.add(child.expression.text);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return names;
}

/** The text of a declaration with its JSDoc, without `@deprecated` tags. */
function textOf(node) {
  const source = node.getSourceFile();
  const text = source.text.slice(node.getFullStart(), node.getEnd()).replace(/^\s*\n/, '');
  return text
    .split('\n')
    .filter((line) => !/^\s*\*\s*@deprecated\b/.test(line))
    .join('\n')
    .trim();
}

/** The command's input and output types, as 3.699's command module declares them. */
function commandTypes(root, operation) {
  const source = parse(root, `${LEGACY_TYPES}/commands/${operation}Command.d.ts`);
  const heritage = (name) => {
    const statement = source.statements.find(
      (candidate) => ts.isInterfaceDeclaration(candidate) && candidate.name.text === name,
    );
    if (!statement) throw new Error(`3.699 has no ${name}`);
    return (statement.heritageClauses?.[0]?.types ?? [])
      .map((type) => type.expression.text)
      .filter((typeName) => typeName !== '__MetadataBearer');
  };
  return { input: heritage(`${operation}CommandInput`)[0], output: heritage(`${operation}CommandOutput`)[0] };
}

/** Names the pinned current `@aws-sdk/client-chime` still declares: its re-export provides them. */
function currentNames(root) {
  const dir = 'node_modules/@aws-sdk/client-chime/dist-types/models';
  const names = new Set();
  for (const file of ['models_0.d.ts', 'enums.d.ts', 'errors.d.ts']) {
    try {
      for (const name of declarations(parse(root, `${dir}/${file}`)).keys()) names.add(name);
    } catch {
      // Older layouts have fewer files.
    }
  }
  return names;
}

const PASCAL = {
  identity: 'Identity',
  messaging: 'Messaging',
  meetings: 'Meetings',
  voice: 'Voice',
  mediaPipelines: 'MediaPipelines',
};

export function emitLegacyTypes(root, table) {
  const legacyDeclarations = new Map([
    ...declarations(parse(root, `${LEGACY_TYPES}/models/models_0.d.ts`)),
    ...declarations(parse(root, `${LEGACY_TYPES}/models/models_1.d.ts`)),
  ]);
  const current = currentNames(root);

  // The roots: each operation's request and response types.
  const commands = new Map();
  for (const op of table.operations) commands.set(op.name, commandTypes(root, op.name));

  // New-only members, by the legacy structure that gains them.
  const additions = new Map();
  const newTypes = new Map(); // emitted name -> code
  const newTypeNames = new Map(); // `${family}#${shape}` -> emitted name
  const tsTypeOf = (family, model, shapeName) => {
    const shape = model.shapes.get(shapeName);
    switch (shape.type) {
      case 'string':
        return shape.enum ? shape.enum.map((value) => JSON.stringify(value)).join(' | ') : 'string';
      case 'integer':
      case 'long':
      case 'float':
      case 'double':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'timestamp':
        return 'Date';
      case 'blob':
        return 'Uint8Array';
      case 'list':
        return `(${tsTypeOf(family, model, shape.member)})[]`;
      case 'map':
        return `Record<string, ${tsTypeOf(family, model, shape.value)}>`;
      case 'structure': {
        const key = `${family}#${shapeName}`;
        if (newTypeNames.has(key)) return newTypeNames.get(key);
        const taken = legacyDeclarations.has(shapeName) || newTypes.has(shapeName);
        const name = taken ? `${PASCAL[family]}${shapeName}` : shapeName;
        newTypeNames.set(key, name);
        newTypes.set(name, ''); // reserved before the members, which may refer back
        const members = shape.members.map((member) => memberLine(family, model, member)).join('\n');
        newTypes.set(
          name,
          `/**\n * ${docOf(shape.documentation) || shapeName} (${family} only: accepted on the identity route)\n * @public\n */\nexport interface ${name} {\n${members}\n}`,
        );
        return name;
      }
      default:
        throw new Error(`no TypeScript type for ${shape.type}`);
    }
  };
  const memberLine = (family, model, member) => {
    const optional = member.required && !member.idempotencyToken ? '' : '?';
    const doc = docOf(member.documentation);
    return `${doc ? `    /**\n     * ${doc}\n     * @public\n     */\n` : ''}    ${member.name}${optional}: ${tsTypeOf(family, model, member.target)} | undefined;`;
  };
  for (const op of table.operations) {
    if (!op.mergeWith) continue;
    const { family, model } = op.mergeWith;
    const walk = (legacyName, newName, typeName) => {
      const l = table.legacy.shapes.get(legacyName);
      const n = model.shapes.get(newName);
      if (l.type === 'list' && n.type === 'list') return walk(l.member, n.member, l.member);
      if (l.type !== 'structure' || n.type !== 'structure') return;
      for (const member of n.members) {
        const old = l.members.find((candidate) => candidate.name === member.name);
        if (old) {
          walk(old.target, member.target, old.target);
          continue;
        }
        const list = additions.get(typeName) ?? new Map();
        // Members are optional whatever the new model says: legacy callers never send them.
        list.set(member.name, memberLine(family, model, { ...member, required: false }));
        additions.set(typeName, list);
      }
    };
    walk(op.legacy.input, op.mergeWith.shape, commands.get(op.name).input);
  }

  // The closure of 3.699 declarations the roots refer to.
  const wanted = new Set();
  const queue = [...commands.values()].flatMap(({ input, output }) => [input, output]).filter(Boolean);
  while (queue.length > 0) {
    const name = queue.pop();
    if (wanted.has(name) || !legacyDeclarations.has(name)) continue;
    wanted.add(name);
    for (const node of Object.values(legacyDeclarations.get(name))) {
      for (const reference of referencedNames(node)) queue.push(reference);
    }
  }

  const blocks = [];
  const values = [];
  const types = [];
  for (const name of [...wanted].sort()) {
    const entry = legacyDeclarations.get(name);
    if (entry.class) throw new Error(`${name}: a request or response refers to a class`);
    if (entry.const) {
      // An enum: 3.699's `declare const X: { readonly A: "A" }` becomes the same object at run time.
      const literal = entry.const.declarationList.declarations[0].type;
      const members = literal.members.map(
        (member) => `  ${member.name.getText()}: ${member.type.getText().replace(/"/g, "'")},`,
      );
      const doc = textOf(entry.const)
        .replace(/export declare const[\s\S]*$/, '')
        .trim();
      blocks.push(`${doc}\nexport const ${name} = {\n${members.join('\n')}\n} as const;`);
      values.push(name);
    }
    if (entry.interface) {
      let text = textOf(entry.interface);
      const extra = additions.get(name);
      if (extra) {
        const existing = new Set(entry.interface.members.map((member) => member.name?.getText()));
        const lines = [...extra].filter(([member]) => !existing.has(member)).map(([, line]) => line);
        if (lines.length > 0) text = text.replace(/\n}$/, `\n${lines.join('\n')}\n}`);
      }
      blocks.push(text);
      types.push(name);
    }
    if (entry.alias) {
      blocks.push(textOf(entry.alias));
      if (!types.includes(name)) types.push(name);
    }
  }
  for (const [name, code] of newTypes) {
    blocks.push(code);
    types.push(name);
  }

  const content = `${HEADER('the dist-types of @aws-sdk/client-chime@3.699.0 (devDependency legacy-chime) and models/current/*.smithy.json')}
// The request and response types of the removed operations, as @aws-sdk/client-chime@3.699.0
// declared them, with each request's counterpart-only members added (optional).

${blocks.join('\n\n')}
`;
  const shared = (name) => current.has(name);
  return {
    content,
    commands,
    /** Enum objects, exported at run time. */
    values: values.filter((name) => !shared(name)),
    /** Types, exported as types. */
    types: types.filter((name) => !shared(name)),
  };
}

function docOf(html) {
  return (html ?? '').replace(/\s+/g, ' ').replace(/\*\//g, '*&#47;').trim();
}
