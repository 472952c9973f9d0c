import { emulatorError } from './errors.js';

/**
 * The model's constraints, checked the way AWS's service framework (Coral) checks them, with its
 * message style:
 *
 *   1 validation error detected: Value at 'appInstanceUserId' failed to satisfy constraint:
 *   Member must satisfy regular expression pattern: [A-Za-z0-9]([A-Za-z0-9\:\-\_\.\@]{0,62}[A-Za-z0-9])?
 *
 * - the path is the member name with a lower-case first letter; list items are `tags.1.member.key` (1-based);
 * - the value is quoted (`Value 'abc' at ...`) unless the model marks the member sensitive, then it
 *   is left out (`Value at ...`); a missing required member is `Value null at ...`;
 * - several violations are counted and joined with `; `.
 * A value of the wrong JSON type is not a validation error but a `SerializationException`,
 * as in Smithy restJson1 servers.
 */

interface StringRule {
  readonly type: 'string';
  readonly min?: number;
  readonly max?: number;
  /** The pattern as the model prints it, and the anchored regular expression that checks it. */
  readonly pattern?: { readonly text: string; readonly regex: RegExp };
  readonly enum?: readonly string[];
  readonly sensitive?: boolean;
}

interface IntegerRule {
  readonly type: 'integer';
  readonly min: number;
  readonly max: number;
}

interface ListRule {
  readonly type: 'list';
  readonly min: number;
  readonly max: number;
  readonly member: StructureRule;
}

export interface StructureRule {
  readonly type: 'structure';
  readonly members: Readonly<Record<string, MemberRule>>;
}

export type Rule = StringRule | IntegerRule | ListRule | StructureRule;
export type MemberRule = Rule & { readonly required?: boolean };

/** `Value 'x' at 'path'`, or without the value for sensitive members. */
function valueAt(path: string, value: unknown, sensitive: boolean): string {
  if (value === undefined) return `Value null at '${path}'`;
  if (sensitive || typeof value === 'object') return `Value at '${path}'`;
  return `Value '${String(value)}' at '${path}'`;
}

function memberPath(parent: string, name: string): string {
  const own = name.charAt(0).toLowerCase() + name.slice(1);
  return parent === '' ? own : `${parent}.${own}`;
}

function typeError(path: string, expected: string): never {
  throw emulatorError('SerializationException', `Expected ${expected} for '${path}'`);
}

function checkString(rule: StringRule, value: unknown, path: string, out: string[]): void {
  if (typeof value !== 'string') typeError(path, 'a string');
  const at = valueAt(path, value, rule.sensitive === true);
  if (rule.min !== undefined && value.length < rule.min) {
    out.push(
      `${at} failed to satisfy constraint: Member must have length greater than or equal to ${rule.min}`,
    );
  }
  if (rule.max !== undefined && value.length > rule.max) {
    out.push(`${at} failed to satisfy constraint: Member must have length less than or equal to ${rule.max}`);
  }
  if (rule.pattern && !rule.pattern.regex.test(value)) {
    out.push(
      `${at} failed to satisfy constraint: Member must satisfy regular expression pattern: ${rule.pattern.text}`,
    );
  }
  if (rule.enum && !rule.enum.includes(value)) {
    out.push(
      `${at} failed to satisfy constraint: Member must satisfy enum value set: [${rule.enum.join(', ')}]`,
    );
  }
}

function checkInteger(rule: IntegerRule, value: unknown, path: string, out: string[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) typeError(path, 'an integer');
  const at = valueAt(path, value, false);
  if (value < rule.min) {
    out.push(
      `${at} failed to satisfy constraint: Member must have value greater than or equal to ${rule.min}`,
    );
  }
  if (value > rule.max) {
    out.push(`${at} failed to satisfy constraint: Member must have value less than or equal to ${rule.max}`);
  }
}

function checkList(rule: ListRule, value: unknown, path: string, out: string[]): void {
  if (!Array.isArray(value)) typeError(path, 'a list');
  const at = valueAt(path, value, true);
  if (value.length < rule.min) {
    out.push(
      `${at} failed to satisfy constraint: Member must have length greater than or equal to ${rule.min}`,
    );
  }
  if (value.length > rule.max) {
    out.push(`${at} failed to satisfy constraint: Member must have length less than or equal to ${rule.max}`);
  }
  value.forEach((item, index) => {
    checkStructure(rule.member, item ?? undefined, `${path}.${index + 1}.member`, out);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkStructure(rule: StructureRule, value: unknown, path: string, out: string[]): void {
  if (!isPlainObject(value)) typeError(path === '' ? 'request' : path, 'a structure');
  for (const [name, member] of Object.entries(rule.members)) {
    // JSON null counts as absent, as AWS's JSON deserializers treat it.
    const memberValue = Object.hasOwn(value, name) ? (value[name] ?? undefined) : undefined;
    const at = memberPath(path, name);
    if (memberValue === undefined) {
      if (member.required)
        out.push(`${valueAt(at, undefined, false)} failed to satisfy constraint: Member must not be null`);
      continue;
    }
    checkRule(member, memberValue, at, out);
  }
}

function checkRule(rule: Rule, value: unknown, path: string, out: string[]): void {
  if (rule.type === 'string') checkString(rule, value, path, out);
  else if (rule.type === 'integer') checkInteger(rule, value, path, out);
  else if (rule.type === 'list') checkList(rule, value, path, out);
  else checkStructure(rule, value, path, out);
}

/**
 * Check `input` against `shape`. Throws `SerializationException` for a wrong JSON type and
 * `BadRequestException` with every violation otherwise. Members not in the shape are ignored,
 * as AWS's JSON deserializers ignore unknown members.
 */
export function validate(shape: StructureRule, input: unknown): void {
  const violations: string[] = [];
  checkStructure(shape, input, '', violations);
  if (violations.length > 0) {
    const count = violations.length === 1 ? '1 validation error' : `${violations.length} validation errors`;
    throw emulatorError('BadRequestException', `${count} detected: ${violations.join('; ')}`);
  }
}
