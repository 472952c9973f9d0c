import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Shape, StructureShape } from '../model/shapes.js';
import { parseShorthand, ShorthandSyntaxError, type ShorthandValue } from './shorthand.js';
import { parameterError } from './usage-error.js';

/**
 * Turning command-line values into request members the way `aws` does, driven by the
 * operation's row of the table (its request shape), so every operation's command is the same code:
 * - every value may be `file://path`: the file's text is the value (`~` is the home directory);
 * - a structure takes shorthand (`ExpirationDays=30,ExpirationCriterion=CREATED_TIMESTAMP`) or
 *   JSON (`{"ExpirationDays": 30, ...}`);
 * - a list takes one item per argument (`--tags Key=a,Value=1 Key=b,Value=2`), each shorthand or
 *   a JSON object, or one JSON list (`--tags '[{"Key": "a", "Value": "1"}]'`);
 * - shorthand values are strings, except the members the model types as numbers or booleans.
 * Values are not checked against the model's constraints here: the shim's validation does that,
 * and answers as the service would.
 */

type Json = unknown;

/**
 * The `aws` CLI's flag for a member, as botocore's `xform_name` makes it:
 * `AppInstanceUserId` -> `--app-instance-user-id`, `ResourceARN` -> `--resource-arn`,
 * `E164PhoneNumbers` -> `--e164-phone-numbers`.
 */
export function flagOf(memberName: string): string {
  let name = memberName;
  // `ARNs`, `ACLs`: the plural acronym is one word.
  const plural = /[A-Z]{2,}s$/.exec(name);
  if (plural) name = `${name.slice(0, -plural[0].length)}-${plural[0].toLowerCase()}`;
  const words = name.replace(/(.)([A-Z][a-z]+)/g, '$1-$2').replace(/([a-z0-9])([A-Z])/g, '$1-$2');
  return `--${words.toLowerCase()}`;
}

/** The value of `file://path`, or the value itself. */
export async function readParameterFile(value: string, flag: string): Promise<string> {
  if (!value.startsWith('file://')) return value;
  const path = value.slice('file://'.length).replace(/^~(?=$|\/)/, homedir());
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw parameterError(flag, `Unable to load paramfile ${value}: ${(error as Error).message}`);
  }
}

/** One member's value from its flag: a string, or the strings of a list member's arguments. */
export async function parseMemberValue(
  shape: Shape,
  raw: string | readonly string[],
  flag: string,
  name: string,
): Promise<Json> {
  const values = await Promise.all(
    (typeof raw === 'string' ? [raw] : raw).map((v) => readParameterFile(v, flag)),
  );
  switch (shape.type) {
    case 'list':
      return parseList(shape.member, values, flag);
    case 'structure':
    case 'map':
      return parseStructure(shape, only(values), flag);
    case 'integer':
    case 'long':
      return toInteger(only(values), flag, name);
    case 'float':
    case 'double':
      return toNumber(only(values), flag, name);
    default:
      return only(values);
  }
}

/** `--cli-input-json`: the request as JSON, member names in PascalCase. */
export async function parseCliInputJson(raw: string, flag: string): Promise<Record<string, Json>> {
  const parsed = parseJson(await readParameterFile(raw, flag), flag);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw parameterError(flag, 'Invalid JSON: the input must be a JSON object of request members');
  }
  return parsed as Record<string, Json>;
}

/** The request (or response) skeleton `--generate-cli-skeleton` prints: every member with a placeholder. */
export function skeletonOf(shape: StructureShape): Record<string, Json> {
  const skeleton: Record<string, Json> = {};
  for (const [name, member] of Object.entries(shape.members)) skeleton[name] = placeholderOf(member.shape);
  return skeleton;
}

/** `Key=string,Value=string`: the shorthand syntax of a structure, for help texts. */
export function shorthandSyntaxOf(shape: StructureShape): string {
  return Object.entries(shape.members)
    .map(
      ([name, member]) =>
        `${name}=${member.shape.type === 'string' && member.shape.enum ? member.shape.enum.join('|') : member.shape.type}`,
    )
    .join(',');
}

function placeholderOf(shape: Shape): Json {
  switch (shape.type) {
    case 'string':
      return shape.enum ? shape.enum[0] : '';
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return 0;
    case 'boolean':
      return true;
    case 'timestamp':
      return '1970-01-01T00:00:00';
    case 'blob':
      return '';
    case 'list':
      return [placeholderOf(shape.member)];
    case 'map':
      return { KeyName: placeholderOf(shape.value) };
    case 'structure':
      return skeletonOf(shape);
  }
}

function only(values: readonly string[]): string {
  // Commander gives a non-variadic option exactly one value.
  return values[0] ?? '';
}

function parseList(member: Shape, values: readonly string[], flag: string): Json[] {
  const first = values[0]?.trim() ?? '';
  if (first.startsWith('[')) {
    if (values.length > 1) throw parameterError(flag, `Invalid JSON:\n${values[0]}`);
    const list = parseJson(first, flag);
    if (!Array.isArray(list))
      throw parameterError(flag, `Invalid JSON: expected a list\nJSON received: ${first}`);
    return list;
  }
  if (member.type !== 'structure' && member.type !== 'map') {
    // A list of scalars: one per argument (`--tag-keys a b`), or comma-separated in one.
    const items = values.length === 1 ? values[0]!.split(',') : [...values];
    return items.map((item) => scalar(item.trim(), member, flag));
  }
  if (first.startsWith('{')) {
    // A list of JSON objects, one per argument, as `aws` takes them.
    return values.map((value) => {
      if (!value.trim().startsWith('{')) throw parameterError(flag, `Invalid JSON:\n${value}`);
      return parseJson(value, flag);
    });
  }
  return values.map((value) => parseStructure(member, value, flag));
}

function parseStructure(shape: Shape, value: string, flag: string): Json {
  if (value.trim().startsWith('{')) {
    const parsed = parseJson(value, flag);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw parameterError(flag, `Invalid JSON: expected an object\nJSON received: ${value}`);
    }
    return parsed;
  }
  let parsed: ShorthandValue;
  try {
    parsed = parseShorthand(value);
  } catch (error) {
    if (error instanceof ShorthandSyntaxError) throw parameterError(flag, error.message);
    throw error;
  }
  return typed(parsed, shape, flag);
}

/** Shorthand gives strings; the model's numbers and booleans become numbers and booleans, as `aws` converts them. */
function typed(value: ShorthandValue, shape: Shape, flag: string, name = flag): Json {
  if (typeof value === 'string') return scalar(value, shape, flag, name);
  if (Array.isArray(value)) {
    return shape.type === 'list' ? value.map((item) => typed(item, shape.member, flag, name)) : value;
  }
  if (shape.type === 'map') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, typed(item, shape.value, flag, key)]),
    );
  }
  if (shape.type !== 'structure') return value;
  // Own keys only, into a fresh object: a `__proto__` key stays a key (and the shim rejects it).
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    const member = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
    Object.defineProperty(out, key, {
      value: member ? typed(item, member.shape, flag, key) : item,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function scalar(value: string, shape: Shape, flag: string, name = flag): Json {
  switch (shape.type) {
    case 'integer':
    case 'long':
      return toInteger(value, flag, name);
    case 'float':
    case 'double':
      return toNumber(value, flag, name);
    case 'boolean':
      if (value === 'true' || value === 'false') return value === 'true';
      throw parameterError(flag, `invalid boolean value: '${value}'`);
    default:
      return value;
  }
}

function toInteger(value: string, flag: string, name: string): number {
  const trimmed = value.trim();
  if (!/^[-+]?\d+$/.test(trimmed)) {
    throw parameterError(flag, `invalid integer value for ${name}: '${value}'`);
  }
  return Number(trimmed);
}

function toNumber(value: string, flag: string, name: string): number {
  const number = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(number)) {
    throw parameterError(flag, `invalid number value for ${name}: '${value}'`);
  }
  return number;
}

function parseJson(text: string, flag: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw parameterError(flag, `Invalid JSON: ${(error as Error).message}\nJSON received: ${text}`);
  }
}
