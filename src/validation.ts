import type { Member, Shape } from './operations/create-app-instance-user.js';

/**
 * Legacy-model validation, before any network I/O. Neither SDK validates anything client-side
 * (bad values reach the wire, unknown members are silently dropped), so this is where a legacy
 * caller's bad input becomes a clear `BadRequestException` instead of a half-understood request.
 *
 * Messages follow the service's style: `1 validation error detected: Value at 'appInstanceUserId'
 * failed to satisfy constraint: Member must ...`. Values are never quoted: several members are
 * sensitive and the message ends up in logs.
 */

/** One broken constraint. */
export interface Violation {
  readonly path: string;
  readonly constraint: string;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly violations: readonly Violation[] };

/**
 * Checks `input` against `shape` and returns a fresh plain object holding only the shape's
 * members (own properties only: nothing is read from a prototype, and no prototype is written).
 */
export function validate<T>(input: unknown, shape: Shape, root: string): ValidationResult<T> {
  const violations: Violation[] = [];
  try {
    if (!isStructure(input)) {
      return { ok: false, violations: [{ path: root, constraint: 'Member must be a structure' }] };
    }
    const value = checkStructure(input, shape, '', violations);
    return violations.length === 0 ? { ok: true, value: value as T } : { ok: false, violations };
  } catch {
    // A proxy whose traps throw, a revoked proxy, an array with a throwing `length`: the caller's
    // object cannot be read as data. That is bad input, not a crash.
    return { ok: false, violations: [...violations, { path: root, constraint: 'Member could not be read' }] };
  }
}

/** `1 validation error detected: Value at 'a' failed to satisfy constraint: X; Value at 'b' ...` */
export function formatViolations(violations: readonly Violation[]): string {
  const count = violations.length;
  const details = violations
    .map((v) => `Value at '${v.path}' failed to satisfy constraint: ${v.constraint}`)
    .join('; ');
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${details}`;
}

function checkStructure(
  input: unknown,
  shape: Shape,
  path: string,
  violations: Violation[],
): Record<string, unknown> | undefined {
  if (!isStructure(input)) {
    violations.push({ path, constraint: 'Member must be a structure' });
    return undefined;
  }
  const known = memberNames(shape);
  for (const key of Object.keys(input)) {
    if (!known.has(key)) {
      // Rejected, not dropped: a misspelt `Metdata` would otherwise vanish without a trace.
      violations.push({
        path: joinPath(path, printable(key)),
        constraint: 'Member is not part of the request',
      });
    }
  }
  // Only the shape's member names are ever written, so `__proto__` cannot reach the output.
  const output: Record<string, unknown> = {};
  for (const member of shape) {
    const raw = readOwn(input, member.name);
    if (raw === READ_FAILED) {
      violations.push({ path: joinPath(path, member.path), constraint: 'Member could not be read' });
      continue;
    }
    if (raw === undefined || raw === null) {
      if (member.required)
        violations.push({ path: joinPath(path, member.path), constraint: 'Member must not be null' });
      continue;
    }
    const checked = checkMember(raw, member, joinPath(path, member.path), violations);
    if (checked !== undefined) output[member.name] = checked;
  }
  return output;
}

const namesByShape = new WeakMap<Shape, ReadonlySet<string>>();

/** The member names of a shape, computed once per shape rather than once per call. */
function memberNames(shape: Shape): ReadonlySet<string> {
  let names = namesByShape.get(shape);
  if (!names) {
    names = new Set(shape.map((member) => member.name));
    namesByShape.set(shape, names);
  }
  return names;
}

function isStructure(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkMember(value: unknown, member: Member, path: string, violations: Violation[]): unknown {
  const { check } = member;
  switch (check.kind) {
    case 'string': {
      if (typeof value !== 'string') return fail(violations, path, 'Member must be a string');
      const length = codePointLength(value);
      if (length < check.min)
        return fail(violations, path, `Member must have length greater than or equal to ${check.min}`);
      if (length > check.max)
        return fail(violations, path, `Member must have length less than or equal to ${check.max}`);
      if (check.pattern && !check.pattern.test(value)) {
        return fail(
          violations,
          path,
          `Member must satisfy regular expression pattern: ${check.pattern.source}`,
        );
      }
      return value;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value))
        return fail(violations, path, 'Member must be an integer');
      if (value < check.min)
        return fail(violations, path, `Member must have value greater than or equal to ${check.min}`);
      if (value > check.max)
        return fail(violations, path, `Member must have value less than or equal to ${check.max}`);
      return value;
    }
    case 'enum': {
      if (typeof value !== 'string' || !check.values.includes(value)) {
        return fail(violations, path, `Member must satisfy enum value set: [${check.values.join(', ')}]`);
      }
      return value;
    }
    case 'list': {
      if (!Array.isArray(value)) return fail(violations, path, 'Member must be a list');
      if (value.length < check.min)
        return fail(violations, path, `Member must have length greater than or equal to ${check.min}`);
      if (value.length > check.max)
        return fail(violations, path, `Member must have length less than or equal to ${check.max}`);
      // The service numbers list members from 1: `tags.1.member.key`. An index loop, not `map`:
      // `map` skips the holes of a sparse array, and a hole is not a tag.
      const items: unknown[] = [];
      for (let index = 0; index < value.length; index++) {
        const itemPath = `${path}.${index + 1}.member`;
        const item = readOwn(value, String(index));
        if (item === READ_FAILED) violations.push({ path: itemPath, constraint: 'Member could not be read' });
        else items.push(checkStructure(item, check.member, itemPath, violations));
      }
      return items;
    }
    case 'structure':
      return checkStructure(value, check.shape, path, violations);
  }
}

function fail(violations: Violation[], path: string, constraint: string): undefined {
  violations.push({ path, constraint });
  return undefined;
}

const READ_FAILED = Symbol('read failed');

/** Reads an own property; a throwing getter or proxy trap becomes a violation, not a crash. */
function readOwn(object: object, key: string): unknown {
  try {
    return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
  } catch {
    return READ_FAILED;
  }
}

/** Smithy lengths count Unicode code points, not UTF-16 units: an emoji is one character. */
function codePointLength(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

function joinPath(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

/** Unknown keys come from the caller's object: keep them short and on one line in messages. */
function printable(key: string): string {
  const clean = key.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 64 ? `${clean.slice(0, 64)}...` : clean;
}
