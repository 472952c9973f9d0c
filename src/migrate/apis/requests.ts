import type * as t from '@babel/types';
import type { Operation } from '../../operations/operation.js';
import { unwrap } from '../analysis/calls.js';
import { givesMember, memberNamed, type RequestLiteral } from '../analysis/input.js';
import { camelCase, MEMBER_RENAMES_OF, operationNamed } from '../knowledge.js';
import type { Edits } from '../source/edits.js';
import { indentAt, isRepeatable, lineBreakOf, textOf } from '../source/layout.js';

/**
 * How a member the counterpart newly requires is written into a request that leaves it out, so
 * the native call does what this package did at run time (docs/operations.md):
 * - `bearer`: `ChimeBearer`, from the `chimeBearer` option (one constant per file);
 * - `value`: a fixed default: what the legacy namespace used when the member was absent;
 * - `token`: `ExternalMeetingId`, the call's `ClientRequestToken` (a new UUID when it has none);
 * - `read-back`: the current value, read first with the resource's Describe/Get operation;
 * - `none`: nothing a tool can write (the call stays on this package, with a TODO).
 */
export type Recipe =
  | { readonly kind: 'bearer' }
  | { readonly kind: 'value'; readonly value: string; readonly why: string }
  | { readonly kind: 'token' }
  | { readonly kind: 'read-back'; readonly read: ReadBack }
  | { readonly kind: 'none' };

/** The read that gives the current value of a member an update must now send. */
export interface ReadBack {
  /** The legacy read operation: `DescribeAppInstanceUser`. */
  readonly operation: string;
  /** Its counterpart, sent on the same client. */
  readonly counterpart: string;
  /** The members of the read's request, all named by the update's request too. */
  readonly keys: readonly string[];
  /** Optional members of the read's request that the update's request may name (`SubChannelId`). */
  readonly optionalKeys: readonly string[];
  /** Where the value is in the read's response: `AppInstanceUser` (then `.Metadata`). */
  readonly resource: string;
  readonly member: string;
}

/**
 * Fixed defaults the legacy namespace applied (the contract's "Differences a shim must
 * translate"): a meeting without `MediaRegion` was hosted in us-east-1, and a voice connector's
 * streaming configuration without `Disabled` was enabled.
 */
const DEFAULTS: Readonly<Record<string, { readonly value: string; readonly why: string }>> = {
  MediaRegion: { value: "'us-east-1'", why: 'the legacy default region of a meeting' },
  'StreamingConfiguration.Disabled': { value: 'false', why: 'the legacy default: streaming enabled' },
};

export function recipeFor(operation: Operation, member: string): Recipe {
  if (member === 'ChimeBearer') return { kind: 'bearer' };
  if (member === 'ExternalMeetingId') return { kind: 'token' };
  const fixed = DEFAULTS[member];
  if (fixed) return { kind: 'value', ...fixed };
  const read = readBackFor(operation, member);
  return read ? { kind: 'read-back', read } : { kind: 'none' };
}

/**
 * `UpdateX` without `member` -> `DescribeX` (or `GetX`) of the same family, whose response holds a
 * structure with that member: found in the operation table, as the runtime's translations are.
 */
function readBackFor(operation: Operation, member: string): ReadBack | undefined {
  if (!operation.name.startsWith('Update') || member.includes('.')) return undefined;
  const resourceName = operation.name.slice('Update'.length);
  for (const verb of ['Describe', 'Get']) {
    const facts = operationNamed(`${verb}${resourceName}`);
    const read = facts?.operation;
    if (!read || read.family !== operation.family || !read.counterpart) continue;
    const resource = Object.entries(read.output.members).find(
      ([, spec]) => spec.shape.type === 'structure' && member in spec.shape.members,
    )?.[0];
    if (!resource) continue;
    const members = Object.entries(read.input.members).filter(([, spec]) => !spec.newOnly);
    const keys = [
      ...members.filter(([, spec]) => spec.required).map(([name]) => name),
      ...(read.newlyRequired ?? []).filter((name) => !name.includes('.')),
    ];
    const optionalKeys = members
      .filter(([name, spec]) => !spec.required && !keys.includes(name))
      .map(([name]) => name);
    return {
      operation: read.name,
      counterpart: read.counterpart,
      keys: [...new Set(keys)],
      optionalKeys,
      resource,
      member,
    };
  }
  return undefined;
}

/** The read-back expression, when every key the read needs is written in the request (or supplied). */
export function readBackExpression(
  read: ReadBack,
  literal: RequestLiteral,
  text: string,
  send: (input: string) => string,
  supplied: Readonly<Record<string, string>>,
): string | undefined {
  const values: string[] = [];
  for (const key of read.keys) {
    const given = memberNamed(literal.object, key);
    if (given && isRepeatable(unwrap(given.value))) values.push(`${key}: ${textOf(text, given.value)}`);
    else if (!given && supplied[key] !== undefined) values.push(`${key}: ${supplied[key]}`);
    else return undefined;
  }
  for (const key of read.optionalKeys) {
    const given = memberNamed(literal.object, key);
    if (!given) continue;
    if (!isRepeatable(unwrap(given.value))) return undefined;
    values.push(`${key}: ${textOf(text, given.value)}`);
  }
  return `(await ${send(`{ ${values.join(', ')} }`)}).${read.resource}?.${read.member} ?? ''`;
}

/** The method the aggregated client has for an operation's counterpart. */
export function methodOf(counterpart: string): string {
  return camelCase(counterpart);
}

/**
 * Adds `Name: value` to an object literal, after its last member, keeping its layout: on a new
 * line at the members' indentation when they are on their own lines, else inline.
 */
export function addMember(edits: Edits, text: string, object: t.ObjectExpression, member: string): void {
  const last = object.properties.at(-1);
  if (!last) {
    edits.replace(object.start!, object.end!, `{ ${member} }`);
    return;
  }
  const multiline = text.slice(object.start!, last.start!).includes('\n');
  edits.insert(
    last.end!,
    multiline ? `,${lineBreakOf(text)}${indentAt(text, last.start!)}${member}` : `, ${member}`,
  );
}

/**
 * The renamed operations' member names (`AppInstanceStreamingConfigurations` ->
 * `StreamingConfigurations`, `AppInstanceDataType` -> `DataType`), renamed in the literal, nested
 * objects and arrays included. Returns whether the whole request was visible.
 */
export function renameMembers(edits: Edits, node: t.Node | undefined): boolean {
  const value = unwrap(node);
  if (value?.type === 'ArrayExpression') {
    return value.elements.every((element) => element === null || renameMembers(edits, element));
  }
  if (value?.type !== 'ObjectExpression') return !value || value.type.endsWith('Literal');
  let complete = true;
  for (const property of value.properties) {
    if (property.type !== 'ObjectProperty' || property.computed) {
      complete = false;
      continue;
    }
    const key = property.key;
    const name = key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
    const renamed = name === undefined ? undefined : MEMBER_RENAMES_OF[name];
    if (renamed) {
      edits.replace(key.start!, key.end!, property.shorthand ? `${renamed}: ${name}` : renamed);
    }
    if (!renameMembers(edits, property.value)) complete = false;
  }
  return complete;
}

/** `AppInstanceStreamingConfigurations -> StreamingConfigurations, ...`, for the TODOs. */
export function renamesText(): string {
  return Object.entries(MEMBER_RENAMES_OF)
    .map(([legacy, renamed]) => `${legacy} -> ${renamed}`)
    .join(', ');
}

export { givesMember };
