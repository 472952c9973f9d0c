import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Member, Shape } from '../operations/create-app-instance-user.js';
import { parseShorthand, ShorthandSyntaxError, type ShorthandValue } from './shorthand.js';
import { parameterError } from './usage-error.js';

/**
 * Turning command-line values into request members the way `aws` does, driven by the
 * operation's descriptor (its shape), so the next operation's command is a new table, not new code:
 * - every value may be `file://path`: the file's text is the value (`~` is the home directory);
 * - a structure takes shorthand (`ExpirationDays=30,ExpirationCriterion=CREATED_TIMESTAMP`) or
 *   JSON (`{"ExpirationDays": 30, ...}`);
 * - a list takes one item per argument (`--tags Key=a,Value=1 Key=b,Value=2`), each shorthand or
 *   a JSON object, or one JSON list (`--tags '[{"Key": "a", "Value": "1"}]'`);
 * - shorthand values are strings, except the members the model types as integers.
 * Values are not checked against the model's constraints here: the shim's validation does that,
 * and answers as the service would.
 */

type Check = Member['check'];
type Json = unknown;

/** The `aws` CLI's flag for a member: `AppInstanceUserId` -> `--app-instance-user-id`. */
export function flagOf(memberName: string): string {
  return `--${memberName.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase()}`;
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
  member: Member,
  raw: string | readonly string[],
  flag: string,
): Promise<Json> {
  const values = await Promise.all(
    (typeof raw === 'string' ? [raw] : raw).map((v) => readParameterFile(v, flag)),
  );
  const { check } = member;
  switch (check.kind) {
    case 'list':
      return parseList(check.member, values, flag);
    case 'structure':
      return parseStructure(check.shape, only(values), flag);
    case 'integer':
      return toInteger(only(values), flag, member.name);
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
export function skeletonOf(shape: Shape): Record<string, Json> {
  const skeleton: Record<string, Json> = {};
  for (const member of shape) skeleton[member.name] = placeholderOf(member.check);
  return skeleton;
}

/** `Key=string,Value=string`: the shorthand syntax of a structure, for help texts. */
export function shorthandSyntaxOf(shape: Shape): string {
  return shape
    .map((member) => {
      const { check } = member;
      const type = check.kind === 'enum' ? check.values.join('|') : check.kind;
      return `${member.name}=${type}`;
    })
    .join(',');
}

function placeholderOf(check: Check): Json {
  switch (check.kind) {
    case 'string':
      return '';
    case 'integer':
      return 0;
    case 'enum':
      return check.values[0];
    case 'list':
      return [skeletonOf(check.member)];
    case 'structure':
      return skeletonOf(check.shape);
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

/** Shorthand gives strings; the model's integers become numbers, as `aws` converts them. */
function typed(value: ShorthandValue, shape: Shape, flag: string): Json {
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  for (const member of shape) {
    if (!Object.hasOwn(value, member.name)) continue;
    const item = value[member.name]!;
    const { check } = member;
    if (check.kind === 'integer' && typeof item === 'string') {
      value[member.name] = toInteger(item, flag, member.name) as unknown as ShorthandValue;
    } else if (check.kind === 'structure') {
      value[member.name] = typed(item, check.shape, flag) as ShorthandValue;
    } else if (check.kind === 'list' && Array.isArray(item)) {
      value[member.name] = item.map((entry) => typed(entry, check.member, flag)) as ShorthandValue;
    }
  }
  return value;
}

function toInteger(value: string, flag: string, name: string): number {
  const trimmed = value.trim();
  if (!/^[-+]?\d+$/.test(trimmed)) {
    throw parameterError(flag, `invalid integer value for ${name}: '${value}'`);
  }
  return Number(trimmed);
}

function parseJson(text: string, flag: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw parameterError(flag, `Invalid JSON: ${(error as Error).message}\nJSON received: ${text}`);
  }
}
