import { messageName, type Shape, type StructureShape } from './shapes.js';

/**
 * Validation against a model shape: required members, lengths, patterns, ranges, enums, list and
 * map sizes, nested structures, recursively. The shim checks every legacy request with it before
 * any network I/O (neither SDK validates anything client-side: bad values reach the wire, unknown
 * members are silently dropped); the emulator checks every request it receives with the same code
 * and the dedicated namespace's shapes.
 *
 * Messages follow the service's style: `Value at 'appInstanceUserId' failed to satisfy constraint:
 * Member must ...`, paths in lowerCamel case, list items numbered from 1 (`tags.2.member.key`).
 */

/** One broken constraint. `value` is what was found, for callers that may quote it (never sensitive). */
export interface Violation {
  readonly path: string;
  readonly constraint: string;
  /** `type`: the value has the wrong JSON type (restJson1 servers answer SerializationException). */
  readonly kind?: 'type' | 'constraint';
  readonly value?: unknown;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly violations: readonly Violation[] };

export interface ValidationOptions {
  /**
   * Members the shape does not have: `reject` (the shim: a misspelt `Metdata` must not vanish) or
   * `ignore` (what AWS's JSON deserializers do, so the emulator does it too).
   */
  readonly unknownMembers: 'reject' | 'ignore';
}

const SHIM: ValidationOptions = { unknownMembers: 'reject' };

/**
 * Checks `input` against `shape` and returns a fresh plain copy holding only the shape's members
 * (own properties only: nothing is read from a prototype, and no prototype is written). `null`
 * counts as absent, as in both SDKs and AWS's JSON deserializers. `root` names the input itself in
 * messages (`createAppInstanceUserRequest`).
 */
export function validate<T>(
  input: unknown,
  shape: StructureShape,
  root: string,
  options: ValidationOptions = SHIM,
): ValidationResult<T> {
  const violations: Violation[] = [];
  try {
    if (!isStructure(input)) {
      return {
        ok: false,
        violations: [{ path: root, constraint: 'Member must be a structure', kind: 'type' }],
      };
    }
    const value = checkStructure(input, shape, '', violations, options);
    return violations.length === 0 ? { ok: true, value: value as T } : { ok: false, violations };
  } catch {
    // A proxy whose traps throw, a revoked proxy, an array with a throwing `length`: the caller's
    // object cannot be read as data. That is bad input, not a crash.
    return { ok: false, violations: [...violations, { path: root, constraint: 'Member could not be read' }] };
  }
}

/** `1 validation error detected: Value at 'a' failed to satisfy constraint: X; Value at 'b' ...` */
export function formatViolations(
  violations: readonly Violation[],
  valueAt: (violation: Violation) => string = (violation) => `Value at '${violation.path}'`,
): string {
  const count = violations.length;
  const details = violations
    .map((violation) => `${valueAt(violation)} failed to satisfy constraint: ${violation.constraint}`)
    .join('; ');
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${details}`;
}

function checkStructure(
  input: unknown,
  shape: StructureShape,
  path: string,
  violations: Violation[],
  options: ValidationOptions,
): Record<string, unknown> | undefined {
  if (!isStructure(input)) return typeError(violations, path, 'Member must be a structure');
  const { members } = shape;
  if (options.unknownMembers === 'reject') {
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(members, key)) {
        // Rejected, not dropped: a misspelt `Metdata` would otherwise vanish without a trace.
        violations.push({
          path: joinPath(path, printable(key)),
          constraint: 'Member is not part of the request',
        });
      }
    }
  }
  // Only the shape's member names are ever written, so `__proto__` cannot reach the output.
  const output: Record<string, unknown> = {};
  for (const name in members) {
    const member = members[name]!;
    const memberPath = joinPath(path, messageName(name));
    const raw = readOwn(input, name);
    if (raw === READ_FAILED) {
      violations.push({ path: memberPath, constraint: 'Member could not be read' });
      continue;
    }
    if (raw === undefined || raw === null) {
      if (member.required) violations.push({ path: memberPath, constraint: 'Member must not be null' });
      continue;
    }
    const checked = checkValue(raw, member.shape, memberPath, violations, options);
    if (checked !== undefined) output[name] = checked;
  }
  return output;
}

function checkValue(
  value: unknown,
  shape: Shape,
  path: string,
  violations: Violation[],
  options: ValidationOptions,
): unknown {
  const seen = shape.sensitive ? undefined : value;
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') return typeError(violations, path, 'Member must be a string');
      if (shape.enum) {
        if (!shape.enum.includes(value)) {
          return fail(
            violations,
            path,
            `Member must satisfy enum value set: [${shape.enum.join(', ')}]`,
            seen,
          );
        }
        return value;
      }
      // Every broken constraint of the member is reported, as the services do (a 65-character id
      // with a space breaks both the length and the pattern).
      const length = codePointLength(value);
      const before = violations.length;
      if (shape.min !== undefined && length < shape.min) {
        fail(violations, path, `Member must have length greater than or equal to ${shape.min}`, seen);
      }
      if (shape.max !== undefined && length > shape.max) {
        fail(violations, path, `Member must have length less than or equal to ${shape.max}`, seen);
      }
      if (shape.pattern && !shape.pattern.regex.test(value)) {
        fail(violations, path, `Member must satisfy regular expression pattern: ${shape.pattern.text}`, seen);
      }
      return violations.length === before ? value : undefined;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const whole = shape.type === 'integer' || shape.type === 'long';
      if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isInteger(value))) {
        return typeError(violations, path, whole ? 'Member must be an integer' : 'Member must be a number');
      }
      if (shape.min !== undefined && value < shape.min) {
        return fail(violations, path, `Member must have value greater than or equal to ${shape.min}`, seen);
      }
      if (shape.max !== undefined && value > shape.max) {
        return fail(violations, path, `Member must have value less than or equal to ${shape.max}`, seen);
      }
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') return typeError(violations, path, 'Member must be a boolean');
      return value;
    case 'timestamp':
      // A Date from SDK callers; epoch seconds or a date string on the wire.
      if (!(value instanceof Date || typeof value === 'number' || typeof value === 'string')) {
        return typeError(violations, path, 'Member must be a timestamp');
      }
      return value;
    case 'blob':
      if (!(value instanceof Uint8Array || typeof value === 'string')) {
        return typeError(violations, path, 'Member must be a blob');
      }
      return value;
    case 'list': {
      if (!Array.isArray(value)) return typeError(violations, path, 'Member must be a list');
      if (shape.min !== undefined && value.length < shape.min) {
        return fail(violations, path, `Member must have length greater than or equal to ${shape.min}`);
      }
      if (shape.max !== undefined && value.length > shape.max) {
        return fail(violations, path, `Member must have length less than or equal to ${shape.max}`);
      }
      // The service numbers list members from 1: `tags.1.member.key`. An index loop, not `map`:
      // `map` skips the holes of a sparse array, and a hole is not a member.
      const items: unknown[] = [];
      for (let index = 0; index < value.length; index++) {
        const itemPath = `${path}.${index + 1}.member`;
        const item = readOwn(value, String(index));
        if (item === READ_FAILED) violations.push({ path: itemPath, constraint: 'Member could not be read' });
        else items.push(checkValue(item, shape.member, itemPath, violations, options));
      }
      return items;
    }
    case 'map': {
      if (!isStructure(value)) return typeError(violations, path, 'Member must be a map');
      const keys = Object.keys(value);
      if (shape.min !== undefined && keys.length < shape.min) {
        return fail(violations, path, `Member must have length greater than or equal to ${shape.min}`);
      }
      if (shape.max !== undefined && keys.length > shape.max) {
        return fail(violations, path, `Member must have length less than or equal to ${shape.max}`);
      }
      // No prototype: a `__proto__` key is an entry like any other.
      const entries: Record<string, unknown> = Object.create(null);
      for (const [index, key] of keys.entries()) {
        checkValue(key, shape.key, `${path}.key`, violations, options);
        // A sensitive key (messaging `MessageAttributes`, voice `SipHeaders`) is never echoed:
        // the entry is named by its position instead.
        const entryPath = `${path}.${shape.key.sensitive ? `(entry ${index + 1})` : printable(key)}`;
        const entry = readOwn(value, key);
        if (entry === READ_FAILED) {
          violations.push({ path: entryPath, constraint: 'Member could not be read' });
        } else if (entry !== undefined && entry !== null) {
          entries[key] = checkValue(entry, shape.value, entryPath, violations, options);
        }
      }
      return { ...entries };
    }
    case 'structure':
      return checkStructure(value, shape, path, violations, options);
  }
}

/** A broken constraint; `value`, when given, is not sensitive and may be quoted. */
function fail(violations: Violation[], path: string, constraint: string, value?: unknown): undefined {
  violations.push({ path, constraint, kind: 'constraint', ...(value !== undefined && { value }) });
  return undefined;
}

/** A value of the wrong type. */
function typeError(violations: Violation[], path: string, constraint: string): undefined {
  violations.push({ path, constraint, kind: 'type' });
  return undefined;
}

function isStructure(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
export function codePointLength(value: string): number {
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
