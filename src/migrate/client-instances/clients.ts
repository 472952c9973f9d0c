import type * as t from '@babel/types';
import type { Family } from '../../operations/operation.js';
import { unwrap } from '../analysis/calls.js';
import { keyName } from '../analysis/input.js';
import type { ClientMeaning, ClientOrigin } from '../analysis/meaning.js';
import type { Analysis } from '../analysis/scope.js';
import { Edits } from '../source/edits.js';
import { indentAt, isRepeatable, lineBreakOf, textOf } from '../source/layout.js';

/**
 * One client of the legacy code (a variable, a class field, a parameter, or `new Chime(cfg)` used
 * in place) and what the migration makes of it:
 * - `swap`: all its calls go to one family, and it has no other use: its class becomes that
 *   family's client, in place (`new ChimeClient(cfg)` -> `new ChimeSDKIdentityClient(cfg)`);
 * - `split`: its calls go to several families, or it keeps legacy calls too: one new client per
 *   family is declared next to it, built from the same config, and the calls re-pointed to them;
 *   the old declaration goes when nothing else uses it;
 * - `stay`: nothing moves (its calls stay on this package or on the legacy client).
 */
export interface ClientPlan {
  readonly key: string;
  readonly client: ClientMeaning;
  readonly families: Set<Family>;
  /** The expressions that name this client at re-pointed calls. */
  readonly receivers: Set<t.Node>;
  mode: 'swap' | 'split' | 'stay';
  /** Split: the new client's name, per family. */
  readonly names: Map<Family, string>;
}

/** A key that is the same for every meaning of one client. */
export function originKey(origin: ClientOrigin): string | undefined {
  switch (origin.kind) {
    case 'binding':
      return `binding:${origin.binding.identifier.start}`;
    case 'field':
      return `field:${origin.owner.start}:${origin.name}`;
    case 'inline':
      return `inline:${origin.construction.start}`;
    default:
      return undefined;
  }
}

/** Where the client is constructed, if the file shows it. */
export function constructionOf(origin: ClientOrigin): t.NewExpression | undefined {
  return origin.kind === 'unknown' ? undefined : origin.construction;
}

/**
 * Every place that names the client, besides its declaration: the variable's references, or each
 * `this.name` in the field's class.
 */
export function usesOf(analysis: Analysis, origin: ClientOrigin): t.Node[] {
  if (origin.kind === 'binding') return origin.binding.references.map((reference) => reference.identifier);
  if (origin.kind === 'field') {
    const uses: t.Node[] = [];
    for (const [self, owner] of analysis.thisClass) {
      if (owner !== origin.owner) continue;
      const member = analysis.parents.get(self);
      if (
        member?.type === 'MemberExpression' &&
        member.object === self &&
        !member.computed &&
        member.property.type === 'Identifier' &&
        member.property.name === origin.name
      ) {
        uses.push(member);
      }
    }
    return uses;
  }
  return [];
}

/** `client.destroy()`: a use every client has, which does not tie the client to the legacy SDK. */
export function isNeutralUse(analysis: Analysis, use: t.Node): boolean {
  const member = analysis.parents.get(use);
  return (
    member?.type === 'MemberExpression' &&
    member.object === use &&
    !member.computed &&
    member.property.type === 'Identifier' &&
    member.property.name === 'destroy'
  );
}

/** The statement that declares the client, when a second declaration can be written next to it. */
export function splittableDeclaration(
  analysis: Analysis,
  origin: ClientOrigin,
): { statement: t.Node; kind: 'variable' | 'property' | 'assignment' } | undefined {
  const construction = constructionOf(origin);
  if (!construction) return undefined;
  const argument = construction.arguments[0];
  if (argument && argument.type !== 'ObjectExpression' && !isRepeatable(argument)) return undefined;
  if (origin.kind === 'binding') {
    const declarator = origin.binding.declarator;
    const statement = declarator ? analysis.parents.get(declarator) : undefined;
    if (
      statement?.type !== 'VariableDeclaration' ||
      statement.declarations.length !== 1 ||
      unwrap(declarator!.init) !== construction ||
      analysis.parents.get(statement)?.type === 'ExportNamedDeclaration'
    )
      return undefined;
    return { statement, kind: 'variable' };
  }
  if (origin.kind === 'field') {
    const holder = analysis.parents.get(construction);
    if (holder?.type === 'ClassProperty' && holder.value === construction)
      return { statement: holder, kind: 'property' };
    const statement = holder ? analysis.parents.get(holder) : undefined;
    if (holder?.type === 'AssignmentExpression' && statement?.type === 'ExpressionStatement') {
      return { statement, kind: 'assignment' };
    }
  }
  return undefined;
}

/** What a client's config said about the shim, and how to write it for a native client. */
export interface ConfigFacts {
  /** `migration.chimeBearer`, when it is a literal or an environment variable. */
  readonly chimeBearer?: string | undefined;
  /** `migration.defaultRegion`, when it is a string literal. */
  readonly defaultRegion?: string | undefined;
  readonly hasMigration: boolean;
  readonly hasRegion: boolean;
}

export function configFacts(text: string, construction: t.NewExpression | undefined): ConfigFacts {
  const argument = unwrap(construction?.arguments[0]);
  if (argument?.type !== 'ObjectExpression') return { hasMigration: false, hasRegion: false };
  const migration = argument.properties.find(
    (property): property is t.ObjectProperty =>
      property.type === 'ObjectProperty' && keyName(property) === 'migration',
  );
  const options = migration ? unwrap(migration.value) : undefined;
  const option = (name: string) =>
    options?.type === 'ObjectExpression'
      ? options.properties.find(
          (property): property is t.ObjectProperty =>
            property.type === 'ObjectProperty' && keyName(property) === name,
        )?.value
      : undefined;
  const bearer = option('chimeBearer');
  const region = option('defaultRegion');
  return {
    chimeBearer: bearer && isHoistable(bearer) ? textOf(text, bearer) : undefined,
    defaultRegion: region?.type === 'StringLiteral' ? region.value : undefined,
    hasMigration: migration !== undefined,
    hasRegion: argument.properties.some(
      (property) => property.type === 'ObjectProperty' && keyName(property) === 'region',
    ),
  };
}

/** A value that means the same at the top of the file: a literal, or `process.env.NAME`. */
export function isHoistable(node: t.Node): boolean {
  if (node.type === 'StringLiteral') return true;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  let current: t.Node = node;
  while (current.type === 'MemberExpression' && !current.computed) current = current.object;
  return current.type === 'Identifier' && current.name === 'process' && node.type === 'MemberExpression';
}

/**
 * The edits that turn a legacy client's config into a native one: `migration` (this package's
 * options) removed, `region` added when absent. `edits` works on the file's offsets.
 */
export function nativeConfigEdits(
  edits: Edits,
  text: string,
  construction: t.NewExpression,
  region: string,
  quote: string,
): void {
  const argument = construction.arguments[0];
  const regionMember = `region: ${quote}${region}${quote}`;
  if (!argument) {
    const end = construction.end!;
    if (text.charAt(end - 1) === ')') edits.insert(end - 1, `{ ${regionMember} }`);
    else edits.insert(end, `({ ${regionMember} })`);
    return;
  }
  const object = unwrap(argument);
  if (object?.type !== 'ObjectExpression') {
    edits.insert(argument.start!, '{ ...').insert(argument.end!, `, ${regionMember} }`);
    return;
  }
  const properties = object.properties;
  const removed = new Set(
    properties.filter((property) => property.type === 'ObjectProperty' && keyName(property) === 'migration'),
  );
  const kept = properties.filter((property) => !removed.has(property));
  const hasRegion = kept.some(
    (property) => property.type === 'ObjectProperty' && keyName(property) === 'region',
  );
  if (kept.length === 0) {
    edits.replace(object.start!, object.end!, hasRegion ? '{}' : `{ ${regionMember} }`);
    return;
  }
  for (const property of removed) {
    const index = properties.indexOf(property);
    const next = properties[index + 1];
    const previous = properties[index - 1];
    if (next) edits.replace(property.start!, next.start!, '');
    else edits.replace(previous!.end!, property.end!, '');
  }
  if (!hasRegion) {
    const last = kept.at(-1)!;
    const multiline = text.slice(object.start!, last.start!).includes('\n');
    edits.insert(
      last.end!,
      multiline ? `,${lineBreakOf(text)}${indentAt(text, last.start!)}${regionMember}` : `, ${regionMember}`,
    );
  }
}

/** The text of a native config built from a legacy client's construction (for a new declaration). */
export function nativeConfigText(
  text: string,
  construction: t.NewExpression,
  region: string,
  quote: string,
): string {
  const argument = construction.arguments[0];
  if (!argument) return `{ region: ${quote}${region}${quote} }`;
  const local = new Edits();
  nativeConfigEdits(local, text, construction, region, quote);
  return local.applyWithin(text, argument.start!, argument.end!);
}
