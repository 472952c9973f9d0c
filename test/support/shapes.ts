/**
 * Values built from the operation table's shapes, for the tests that cover every served operation
 * (test/operations/): valid inputs (fast-check arbitraries and fixed examples), one invalid input
 * per constraint, a canary in every sensitive member, and an oracle that says what the shim must
 * do with any input.
 *
 * The oracle reads the shapes (the models' constraints, as data) but not src/model/validate.ts: it
 * is a second, independent reading of the same constraints, so a bug in the validator shows up as
 * a disagreement instead of being copied into the expectation.
 */
import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import type { Shape, StringShape, StructureShape } from '../../src/model/shapes.js';
import { OPERATIONS } from '../../src/operations/generated/index.js';
import type { Family, Operation } from '../../src/operations/operation.js';
import SERVED from '../../src/operations/served.json' with { type: 'json' };

// ---------------------------------------------------------------------------------------------
// The served operations
// ---------------------------------------------------------------------------------------------

const SERVED_FAMILIES: ReadonlySet<string> = new Set(SERVED.families);

/** Whether a family's namespace is served by this release (src/operations/served.json). */
export function isServedFamily(family: string): boolean {
  return SERVED_FAMILIES.has(family);
}

// ---------------------------------------------------------------------------------------------
// ARNs
// ---------------------------------------------------------------------------------------------

/** The default allow-list of regions (ShimOptions.regions). */
export const ALLOWED_REGIONS = ['us-east-1', 'eu-central-1'] as const;
export const ACCOUNT = '111122223333';

/** The ids an input's ARNs are built from: one app instance, one user, ... per input. */
export interface ArnContext {
  readonly region: string;
  readonly account: string;
  readonly appInstance: string;
  readonly user: string;
  readonly channel: string;
  readonly meeting: string;
}

/**
 * The resources a Chime ARN names (AWS Service Authorization Reference, service prefix `chime`),
 * with the family whose namespace owns them. `taggable`: legacy `TagResource` takes its ARN.
 */
const RESOURCE_KINDS = {
  appInstance: {
    family: 'identity',
    taggable: true,
    resource: (ids: ArnContext) => `app-instance/${ids.appInstance}`,
  },
  appInstanceUser: {
    family: 'identity',
    taggable: true,
    resource: (ids: ArnContext) => `app-instance/${ids.appInstance}/user/${ids.user}`,
  },
  channel: {
    family: 'messaging',
    taggable: true,
    resource: (ids: ArnContext) => `app-instance/${ids.appInstance}/channel/${ids.channel}`,
  },
  meeting: { family: 'meetings', taggable: true, resource: (ids: ArnContext) => `meeting/${ids.meeting}` },
  appInstanceBot: {
    family: 'identity',
    taggable: false,
    resource: (ids: ArnContext) => `app-instance/${ids.appInstance}/bot/${ids.user}`,
  },
  channelFlow: {
    family: 'messaging',
    taggable: false,
    resource: (ids: ArnContext) => `app-instance/${ids.appInstance}/channel-flow/${ids.channel}`,
  },
  voiceConnector: { family: 'voice', taggable: false, resource: (ids: ArnContext) => `vc/${ids.channel}` },
  mediaPipeline: {
    family: 'mediaPipelines',
    taggable: false,
    resource: (ids: ArnContext) => `media-pipeline/${ids.meeting}`,
  },
} as const satisfies Record<
  string,
  { family: Family; taggable: boolean; resource: (ids: ArnContext) => string }
>;
export type ResourceKind = keyof typeof RESOURCE_KINDS;

/** The resource kinds a tag operation is served for: the taggable resources of served families. */
export function taggableKinds(): ResourceKind[] {
  return (Object.keys(RESOURCE_KINDS) as ResourceKind[]).filter(
    (kind) => RESOURCE_KINDS[kind].taggable && isServedFamily(RESOURCE_KINDS[kind].family),
  );
}

/**
 * Every operation the shim serves now: those of a served family, and the generic tag operations
 * when a served family owns taggable resources (they are served for those resources' ARNs). When
 * another family is marked served, its operations join every table-driven test by themselves.
 */
export const SERVED_OPERATIONS: readonly Operation[] = Object.values(OPERATIONS).filter((operation) => {
  if (operation.status === 'none') return false;
  if (operation.family === 'tagging') return taggableKinds().length > 0;
  return isServedFamily(operation.family);
});

/**
 * The Chime resources each ARN member names, by member name (a list member `MemberArns` names
 * what `MemberArn` names). A region source missing here fails loudly: add its row.
 */
const ARN_MEMBERS: Readonly<Record<string, () => readonly ResourceKind[]>> = {
  AppInstanceArn: () => ['appInstance'],
  AppInstanceUserArn: () => ['appInstanceUser'],
  // An app instance admin, a channel member or moderator, a bearer: an AppInstanceUser.
  AppInstanceAdminArn: () => ['appInstanceUser'],
  ChimeBearer: () => ['appInstanceUser'],
  MemberArn: () => ['appInstanceUser'],
  ChannelModeratorArn: () => ['appInstanceUser'],
  ModeratorArn: () => ['appInstanceUser'],
  ChannelArn: () => ['channel'],
  ResourceARN: taggableKinds,
};

/** The resource kinds an ARN member names, or `undefined` when the member is not a Chime ARN. */
export function arnKinds(operation: Operation, member: string): readonly ResourceKind[] | undefined {
  const kinds = (ARN_MEMBERS[member] ?? ARN_MEMBERS[member.replace(/s$/, '')])?.();
  if (kinds === undefined && operation.regionSources?.includes(member)) {
    throw new Error(
      `test/support/shapes.ts: ${operation.name}.${member} is a region source with no resource kind; add it to ARN_MEMBERS`,
    );
  }
  return kinds;
}

export function arnOf(kind: ResourceKind, ids: ArnContext): string {
  return `arn:aws:chime:${ids.region}:${ids.account}:${RESOURCE_KINDS[kind].resource(ids)}`;
}

/** The family that owns the resource an ARN names, read from its resource part; `undefined` for none. */
export function ownerFamily(arn: string): Family | undefined {
  const fields = arn.split(':');
  if (fields.length < 6) return undefined;
  const resource = fields.slice(5).join(':');
  if (/^app-instance\/[^/]+\/(channel|channel-flow)\//.test(resource)) return 'messaging';
  if (resource.startsWith('app-instance/')) return 'identity';
  if (resource.startsWith('meeting/')) return 'meetings';
  if (/^(vc|vcg|sma|voice-profile|voice-profile-domain)\//.test(resource)) return 'voice';
  if (
    /^(media-pipeline|media-insights-pipeline-configuration|media-pipeline-kinesis-video-stream-pool)\//.test(
      resource,
    )
  )
    return 'mediaPipelines';
  return undefined;
}

/** The ARN's region field (`arn:partition:service:REGION:account:resource`). */
export function arnRegion(arn: string): string | undefined {
  return arn.split(':')[3];
}

/** The same ARN naming another region. */
export function withArnRegion(arn: string, region: string): string {
  const fields = arn.split(':');
  fields[3] = region;
  return fields.join(':');
}

const arnContext = (regions: readonly string[]): fc.Arbitrary<ArnContext> =>
  fc.record({
    region: fc.constantFrom(...regions),
    account: fc.constant(ACCOUNT),
    appInstance: fc.uuid({ version: 4 }),
    // Characters both ARN patterns accept (the legacy tag operations' `Arn` has no `@`).
    user: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}[A-Za-z0-9]$/),
    channel: fc.uuid({ version: 4 }),
    meeting: fc.uuid({ version: 4 }),
  });

/**
 * Chime ARNs of any resource, served family or not, and of no resource at all (an unknown
 * resource type, too few fields): what a caller may put in any ARN member by mistake.
 */
export function anyResourceArn(regions: readonly string[] = ALLOWED_REGIONS): fc.Arbitrary<string> {
  const kinds = Object.keys(RESOURCE_KINDS) as ResourceKind[];
  return fc.oneof(
    fc.tuple(fc.constantFrom(...kinds), arnContext(regions)).map(([kind, ids]) => arnOf(kind, ids)),
    arnContext(regions).map(
      (ids) => `arn:aws:chime:${ids.region}:${ids.account}:unknown-type/${ids.appInstance}`,
    ),
    arnContext(regions).map((ids) => `arn:aws:chime:${ids.region}:app-instance/${ids.appInstance}`),
  );
}

// ---------------------------------------------------------------------------------------------
// Valid values
// ---------------------------------------------------------------------------------------------

export interface InputOptions {
  /** `all`: every optional member present (lists as long as allowed, up to 3); `some`: each by chance. */
  readonly optional?: 'all' | 'some';
  /** The regions the input's ARNs may name. Default: the default allow-list. */
  readonly regions?: readonly string[];
  /** Optional members always present (the members a counterpart newly requires, the tokens, ...). */
  readonly present?: readonly string[];
}

/** Valid inputs of an operation, from its legacy request shape (new-only members included). */
export function inputArbitrary(
  operation: Operation,
  options: InputOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const optional = options.optional ?? 'some';
  const present = new Set(options.present);
  return arnContext(options.regions ?? ALLOWED_REGIONS).chain(
    (ids) =>
      structureArbitrary(
        operation.input,
        { operation, ids, optional, topLevel: true },
        present,
      ) as fc.Arbitrary<Record<string, unknown>>,
  );
}

/** One valid input with every optional member present, the same for the same seed. */
export function exampleInput(operation: Operation, seed = EXAMPLE_SEED): Record<string, unknown> {
  const [input] = fc.sample(inputArbitrary(operation, { optional: 'all', regions: ['us-east-1'] }), {
    seed,
    numRuns: 1,
  });
  return input!;
}
const EXAMPLE_SEED = 3_757_000;

export interface Generation {
  readonly operation: Operation;
  readonly ids: ArnContext;
  readonly optional: 'all' | 'some';
  readonly topLevel: boolean;
}

function structureArbitrary(
  shape: StructureShape,
  generation: Generation,
  present: ReadonlySet<string> = new Set(),
): fc.Arbitrary<unknown> {
  const members: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [name, member] of Object.entries(shape.members)) {
    members[name] = valueArbitrary(member.shape, name, generation);
    if (member.required || generation.optional === 'all' || present.has(name)) required.push(name);
  }
  return fc.record(members, { requiredKeys: required });
}

/**
 * Valid values of a shape. `name` is the member's name: a Chime ARN member gets an ARN of the
 * resource it names, in the input's region.
 */
export function valueArbitrary(shape: Shape, name: string, generation: Generation): fc.Arbitrary<unknown> {
  const nested = { ...generation, topLevel: false };
  switch (shape.type) {
    case 'string': {
      const kinds =
        generation.topLevel || /Arns?$/.test(name) ? arnKinds(generation.operation, name) : undefined;
      if (kinds !== undefined) {
        if (kinds.length === 0) throw new Error(`no served resource kind for ${name}`);
        return fc.constantFrom(...kinds).map((kind) => checked(arnOf(kind, generation.ids), shape, name));
      }
      return stringArbitrary(shape);
    }
    case 'integer':
    case 'long':
      return fc.integer({ min: shape.min ?? -(2 ** 31), max: shape.max ?? 2 ** 31 - 1 });
    case 'float':
    case 'double':
      return fc.double({
        min: shape.min ?? -1e9,
        max: shape.max ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2030-01-01T00:00:00Z'),
        noInvalidDate: true,
      });
    case 'blob':
      return fc.uint8Array({ minLength: 1, maxLength: 16 });
    case 'list': {
      const min = shape.min ?? 0;
      const max = Math.min(shape.max ?? 3, Math.max(min, 3));
      const minLength = generation.optional === 'all' ? Math.min(max, Math.max(min, 2)) : min;
      return fc.array(valueArbitrary(shape.member, name, nested), { minLength, maxLength: max });
    }
    case 'map': {
      const min = shape.min ?? 0;
      return fc.dictionary(
        stringArbitrary(shape.key as StringShape),
        valueArbitrary(shape.value, name, nested),
        { minKeys: min, maxKeys: Math.min(shape.max ?? 3, Math.max(min, 3)) },
      );
    }
    case 'structure':
      return structureArbitrary(shape, nested);
  }
}

/** Strings of a string shape: from the enum, from the pattern (within the lengths), or any text. */
function stringArbitrary(shape: StringShape): fc.Arbitrary<string> {
  if (shape.enum) return fc.constantFrom(...shape.enum);
  const min = shape.min ?? 0;
  const max = shape.max ?? 256;
  const fits = (value: string) => codePoints(value) >= min && codePoints(value) <= max;
  if (shape.pattern) return fc.stringMatching(shape.pattern.regex).filter(fits);
  const longest = Math.min(max, min + 24);
  return fc
    .oneof(
      fc.string({ minLength: min, maxLength: longest }),
      fc.string({ unit: 'binary', minLength: min, maxLength: longest }),
    )
    .filter(fits);
}

function checked(value: string, shape: StringShape, name: string): string {
  if (conformString(value, shape) === INVALID)
    throw new Error(`test bug: ${name} = ${value} breaks its own shape`);
  return value;
}

/** Smithy lengths count Unicode code points (an emoji is one). */
export function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** `AppInstanceUserId` -> `appInstanceUserId`: how the services name members in messages. */
export function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Invalid values: one per constraint
// ---------------------------------------------------------------------------------------------

/** One input breaking one constraint of one member, and how the service-style message names it. */
export interface InvalidCase {
  /** `tags.2.member.key: above max length`: the member's message path and what was broken. */
  readonly name: string;
  readonly path: string;
  /** The constraint as the message states it (`Member must have length less than or equal to 64`). */
  readonly constraint: string;
  readonly input: unknown;
  /** The invalid value put at the member (or `undefined` when the member was removed). */
  readonly value?: unknown;
}

/** Where a value sits in an input: member names and list indexes. */
type Step = string | number;
const REMOVE = Symbol('remove');

/**
 * One invalid input per constraint of the operation's request shape, recursively, each derived
 * from `valid` (give it every optional member, as `exampleInput` does, so nested constraints are
 * reached): required members missing or null, wrong types, lengths, patterns, enums, ranges,
 * list sizes, members the shape does not have, and a non-object input.
 */
export function invalidCases(operation: Operation, valid: Record<string, unknown>): InvalidCase[] {
  const root = lowerCamel(`${operation.name}Request`);
  const cases: InvalidCase[] = [
    // A request with no required member may be left out, `null` included: it is `{}` (optionalInput).
    ...(optionalInput(operation)
      ? []
      : [{ name: 'the input is null', path: root, constraint: STRUCTURE, input: null }]),
    { name: 'the input is a string', path: root, constraint: STRUCTURE, input: 'an input' },
    { name: 'the input is an array', path: root, constraint: STRUCTURE, input: [valid] },
  ];
  structureCases(operation.input, valid, [], '', valid, cases);
  return cases;
}

const STRUCTURE = 'Member must be a structure';

/**
 * Whether the operation's request has no required member: then every surface treats a missing
 * input (`undefined` or `null`) as `{}`, as the SDK's commands do (`new ListAppInstancesCommand()`).
 */
export function optionalInput(operation: Operation): boolean {
  return Object.values(operation.input.members).every((member) => !member.required);
}

function structureCases(
  shape: StructureShape,
  value: Record<string, unknown>,
  at: Step[],
  path: string,
  root: Record<string, unknown>,
  cases: InvalidCase[],
): void {
  const unknown = join(path, 'unknownMember');
  cases.push({
    name: `${unknown}: a member the shape does not have`,
    path: unknown,
    constraint: 'Member is not part of the request',
    input: setAt(root, [...at, 'unknownMember'], 'a value'),
  });
  for (const [name, member] of Object.entries(shape.members)) {
    const memberPath = join(path, lowerCamel(name));
    const memberAt = [...at, name];
    if (member.required) {
      for (const [how, replacement] of [
        ['missing', REMOVE],
        ['null', null],
      ] as const) {
        cases.push({
          name: `${memberPath}: required, ${how}`,
          path: memberPath,
          constraint: 'Member must not be null',
          input: setAt(root, memberAt, replacement),
        });
      }
    }
    if (value[name] === undefined) {
      throw new Error(`test bug: the valid input has no ${memberPath}; build it with every optional member`);
    }
    valueCases(member.shape, value[name], memberAt, memberPath, root, cases);
  }
}

/** A value of the wrong JSON type for each shape type, and the constraint it breaks. */
const WRONG_TYPE: Readonly<Record<Shape['type'], readonly [unknown, string]>> = {
  string: [42, 'Member must be a string'],
  integer: ['7', 'Member must be an integer'],
  long: ['7', 'Member must be an integer'],
  float: ['7.5', 'Member must be a number'],
  double: ['7.5', 'Member must be a number'],
  boolean: ['true', 'Member must be a boolean'],
  timestamp: [true, 'Member must be a timestamp'],
  blob: [42, 'Member must be a blob'],
  list: ['not a list', 'Member must be a list'],
  map: [['not', 'a', 'map'], 'Member must be a map'],
  structure: ['not a structure', STRUCTURE],
};

function valueCases(
  shape: Shape,
  value: unknown,
  at: Step[],
  path: string,
  root: Record<string, unknown>,
  cases: InvalidCase[],
): void {
  const add = (what: string, constraint: string, replacement: unknown) =>
    cases.push({
      name: `${path}: ${what}`,
      path,
      constraint,
      input: setAt(root, at, replacement),
      value: replacement,
    });
  const [wrong, typeConstraint] = WRONG_TYPE[shape.type];
  add('wrong type', typeConstraint, wrong);
  switch (shape.type) {
    case 'string': {
      const text = value as string;
      if (shape.enum) {
        add(
          'not in the enum',
          `Member must satisfy enum value set: [${shape.enum.join(', ')}]`,
          'NOT_IN_THE_ENUM',
        );
        return;
      }
      if (shape.min !== undefined && shape.min > 0) {
        add(
          'below min length',
          `Member must have length greater than or equal to ${shape.min}`,
          Array.from(text)
            .slice(0, shape.min - 1)
            .join(''),
        );
      }
      if (shape.max !== undefined) {
        add(
          'above max length',
          `Member must have length less than or equal to ${shape.max}`,
          tooLong(text, shape.max),
        );
      }
      if (shape.pattern) {
        add(
          'pattern mismatch',
          `Member must satisfy regular expression pattern: ${shape.pattern.text}`,
          patternBreaker(shape, path),
        );
      }
      return;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      if (shape.type === 'integer' || shape.type === 'long')
        add('not a whole number', 'Member must be an integer', 1.5);
      if (shape.min !== undefined) {
        add('below min', `Member must have value greater than or equal to ${shape.min}`, shape.min - 1);
      }
      if (shape.max !== undefined) {
        add('above max', `Member must have value less than or equal to ${shape.max}`, shape.max + 1);
      }
      return;
    case 'list': {
      const items = value as unknown[];
      if (shape.min !== undefined && shape.min > 0) {
        add(
          'too short',
          `Member must have length greater than or equal to ${shape.min}`,
          items.slice(0, shape.min - 1),
        );
      }
      if (shape.max !== undefined) {
        add(
          'too long',
          `Member must have length less than or equal to ${shape.max}`,
          Array.from({ length: shape.max + 1 }, () => structuredClone(items[0])),
        );
      }
      // The last item, so that numbering from 1 is seen past the first item (`tags.2.member`).
      const last = items.length - 1;
      if (last < 0) throw new Error(`test bug: ${path} has no item to break`);
      valueCases(shape.member, items[last], [...at, last], `${path}.${last + 1}.member`, root, cases);
      return;
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>);
      if (shape.max !== undefined) {
        add(
          'too many entries',
          `Member must have length less than or equal to ${shape.max}`,
          Object.fromEntries(Array.from({ length: shape.max + 1 }, (_, i) => [`key${i}`, entries[0]?.[1]])),
        );
      }
      const first = entries[0];
      if (first) valueCases(shape.value, first[1], [...at, first[0]], `${path}.${first[0]}`, root, cases);
      return;
    }
    case 'structure':
      structureCases(shape, value as Record<string, unknown>, at, path, root, cases);
      return;
    default:
      return;
  }
}

/** `value` made one code point longer than `max`, in the value's own characters where it has some. */
function tooLong(value: string, max: number): string {
  const fill = Array.from(value).at(-1) ?? 'a';
  return value + fill.repeat(Math.max(1, max + 1 - codePoints(value)));
}

/** A value within the shape's lengths that its pattern refuses. */
function patternBreaker(shape: StringShape, path: string): string {
  const min = Math.max(shape.min ?? 0, 1);
  const max = shape.max ?? Number.POSITIVE_INFINITY;
  const seeds = [' ', '\u0001', '\n', '/', '!', 'not an arn', '-x-'];
  for (const seed of seeds) {
    const candidate = seed.repeat(Math.ceil(min / codePoints(seed)));
    const length = codePoints(candidate);
    if (length >= min && length <= max && !shape.pattern!.regex.test(candidate)) return candidate;
  }
  throw new Error(`test bug: no value breaks the pattern of ${path}; add a seed to patternBreaker`);
}

function join(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

/** A deep copy of `root` with the value at `at` replaced (or removed). */
function setAt(root: Record<string, unknown>, at: readonly Step[], replacement: unknown): unknown {
  const copy = structuredClone(root);
  let parent: any = copy;
  for (const step of at.slice(0, -1)) parent = parent[step];
  const last = at.at(-1)!;
  if (replacement === REMOVE) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Canaries: a unique value in every sensitive member
// ---------------------------------------------------------------------------------------------

/**
 * `valid` with a unique canary in every member whose shape is sensitive (recursively: a sensitive
 * structure or list has one in each of its strings), each still valid for its shape. ARN members
 * carry theirs as the resource id, so the call is still routed. `shape` is the operation's request
 * by default; give its response to plant canaries in an answer (with another `prefix`).
 */
export function withCanaries(
  operation: Operation,
  valid: Record<string, unknown>,
  { shape = operation.input, prefix = 'cnry' }: { shape?: StructureShape; prefix?: string } = {},
): { input: Record<string, unknown>; canaries: string[] } {
  const planting: Planting = { operation, prefix, canaries: [] };
  const input = plantStructure(planting, shape, valid, false, true) as Record<string, unknown>;
  return { input, canaries: planting.canaries };
}

interface Planting {
  readonly operation: Operation;
  readonly prefix: string;
  readonly canaries: string[];
}

function plantStructure(
  planting: Planting,
  shape: StructureShape,
  value: Record<string, unknown>,
  sensitive: boolean,
  topLevel: boolean,
): unknown {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members)) {
    if (value[name] === undefined) continue;
    out[name] = plant(planting, member.shape, name, value[name], sensitive, topLevel);
  }
  return out;
}

function plant(
  planting: Planting,
  shape: Shape,
  name: string,
  value: unknown,
  inherited: boolean,
  topLevel: boolean,
): unknown {
  const { operation, canaries } = planting;
  const sensitive = inherited || shape.sensitive === true;
  switch (shape.type) {
    case 'string': {
      if (!sensitive || shape.enum) return value;
      const canary = `${planting.prefix}${canaries.length}${name.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 24);
      const isArn = (topLevel || /Arns?$/.test(name)) && arnKinds(operation, name) !== undefined;
      // An ARN keeps its region and resource type: the canary is the resource id.
      let planted = isArn ? (value as string).replace(/[^/:]+$/, canary) : canary;
      if (!isArn && shape.min !== undefined) planted = planted.padEnd(shape.min, 'x');
      if (conformString(planted, shape) === INVALID) {
        throw new Error(`test bug: the canary ${planted} breaks the shape of ${operation.name}.${name}`);
      }
      canaries.push(canary);
      return planted;
    }
    case 'list':
      return (value as unknown[]).map((item) => plant(planting, shape.member, name, item, sensitive, false));
    case 'map':
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, entry]) => [
          key,
          plant(planting, shape.value, name, entry, sensitive, false),
        ]),
      );
    case 'structure':
      return plantStructure(planting, shape, value as Record<string, unknown>, sensitive, false);
    default:
      return value;
  }
}

/**
 * One value of the operation's response with every optional member present, as a service would
 * answer it in JSON (timestamps in epoch seconds, as restJson1 writes them).
 */
export function exampleAnswer(operation: Operation, seed = EXAMPLE_SEED): Record<string, unknown> {
  const answer = arnContext(['us-east-1']).chain((ids) =>
    structureArbitrary(operation.output, { operation, ids, optional: 'all', topLevel: false }),
  );
  const [value] = fc.sample(answer, { seed, numRuns: 1 });
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key, item) {
      const raw = this[key];
      return raw instanceof Date ? raw.getTime() / 1000 : item;
    }),
  ) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

export const INVALID: unique symbol = Symbol('invalid');

/**
 * The value as it must reach the dedicated namespace (a plain copy with only the shape's members,
 * `null` and `undefined` members left out), or INVALID when it breaks any constraint.
 */
export function conform(value: unknown, shape: Shape): unknown {
  switch (shape.type) {
    case 'string':
      return conformString(value, shape);
    case 'integer':
    case 'long':
      return typeof value === 'number' &&
        Number.isInteger(value) &&
        (shape.min === undefined || value >= shape.min) &&
        (shape.max === undefined || value <= shape.max)
        ? value
        : INVALID;
    case 'float':
    case 'double':
      return typeof value === 'number' &&
        Number.isFinite(value) &&
        (shape.min === undefined || value >= shape.min) &&
        (shape.max === undefined || value <= shape.max)
        ? value
        : INVALID;
    case 'boolean':
      return typeof value === 'boolean' ? value : INVALID;
    case 'timestamp':
      return value instanceof Date || typeof value === 'number' || typeof value === 'string'
        ? value
        : INVALID;
    case 'blob':
      return value instanceof Uint8Array || typeof value === 'string' ? value : INVALID;
    case 'list': {
      if (!Array.isArray(value)) return INVALID;
      if (
        (shape.min !== undefined && value.length < shape.min) ||
        (shape.max !== undefined && value.length > shape.max)
      )
        return INVALID;
      const items: unknown[] = [];
      for (let index = 0; index < value.length; index++) {
        // A hole is not an item, and `null` is not one either.
        const item = conform(read(value, String(index)), shape.member);
        if (item === INVALID) return INVALID;
        items.push(item);
      }
      return items;
    }
    case 'map': {
      if (!isObject(value)) return INVALID;
      const keys = Object.keys(value);
      if (
        (shape.min !== undefined && keys.length < shape.min) ||
        (shape.max !== undefined && keys.length > shape.max)
      )
        return INVALID;
      const entries: Record<string, unknown> = {};
      for (const key of keys) {
        if (conform(key, shape.key) === INVALID) return INVALID;
        const entry = read(value, key);
        if (entry === UNREADABLE) return INVALID;
        if (entry === undefined || entry === null) continue;
        const checked = conform(entry, shape.value);
        if (checked === INVALID) return INVALID;
        Object.defineProperty(entries, key, {
          value: checked,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return entries;
    }
    case 'structure': {
      if (!isObject(value)) return INVALID;
      // A member the shape does not have (a misspelt `Metdata`, `__proto__`) is refused, not dropped.
      if (Object.keys(value).some((key) => !Object.hasOwn(shape.members, key))) return INVALID;
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        const raw = read(value, name);
        if (raw === UNREADABLE) return INVALID;
        if (raw === undefined || raw === null) {
          if (member.required) return INVALID;
          continue;
        }
        const checked = conform(raw, member.shape);
        if (checked === INVALID) return INVALID;
        out[name] = checked;
      }
      return out;
    }
  }
}

function conformString(value: unknown, shape: StringShape): string | typeof INVALID {
  if (typeof value !== 'string') return INVALID;
  if (shape.enum) return shape.enum.includes(value) ? value : INVALID;
  const length = codePoints(value);
  if (shape.min !== undefined && length < shape.min) return INVALID;
  if (shape.max !== undefined && length > shape.max) return INVALID;
  return shape.pattern && !shape.pattern.regex.test(value) ? INVALID : value;
}

const UNREADABLE = Symbol('unreadable');

/** An own property's value; a getter that throws makes it unreadable (never inherited). */
function read(object: object, key: string): unknown {
  try {
    return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
  } catch {
    return UNREADABLE;
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a call must do with an input. */
export type Expected =
  /** A legacy BadRequestException, and no request. */
  | { readonly kind: 'bad-request' }
  /** A ChimeIdentityShimConfigurationError (a family not served yet, a defaultRegion outside `regions`), and no request. */
  | { readonly kind: 'configuration-error' }
  /** Sent to `family` in `region`, carrying exactly `request`. */
  | {
      readonly kind: 'sent';
      readonly request: Record<string, unknown>;
      readonly region: string;
      readonly family: Family;
    };

export interface RegionSettings {
  readonly regions?: readonly string[];
  readonly defaultRegion?: string;
}

/**
 * What the shim must do with `input` on the identity route: the request shape's constraints, then
 * the family (a tag operation's ARN names it), then the region: every region source must name an
 * allowed region and the first one present decides; an input naming none is served in
 * `defaultRegion`, which must be allowed.
 */
export function expectedOutcome(
  operation: Operation,
  input: unknown,
  settings: RegionSettings = {},
): Expected {
  const request = conform(input, operation.input);
  if (request === INVALID) return { kind: 'bad-request' };
  const checked = request as Record<string, unknown>;
  let family: Family | undefined;
  if (operation.family === 'tagging') {
    family = ownerFamily(String(checked.ResourceARN));
    if (family === undefined) return { kind: 'bad-request' };
  } else {
    family = operation.family;
  }
  const allowed = new Set(settings.regions ?? ALLOWED_REGIONS);
  let region: string | undefined;
  for (const member of operation.regionSources ?? []) {
    const arn = checked[member];
    if (typeof arn !== 'string') continue;
    const named = arnRegion(arn);
    if (named === undefined || !allowed.has(named)) return { kind: 'bad-request' };
    region ??= named;
  }
  if (region === undefined) {
    region = settings.defaultRegion ?? 'us-east-1';
    if (!allowed.has(region)) return { kind: 'configuration-error' };
  }
  if (!isServedFamily(family)) return { kind: 'configuration-error' };
  return { kind: 'sent', request: checked, region, family };
}

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

/**
 * The seed of a randomised test: `RELIABILITY_SEED` when set (to replay a run), a fresh one
 * otherwise. Printed either way, so that any run can be replayed.
 */
export function seedFor(test: string): number {
  const given = process.env.RELIABILITY_SEED;
  const seed = given === undefined ? randomInt(2 ** 31 - 1) : Number(given);
  if (!Number.isSafeInteger(seed)) throw new TypeError(`RELIABILITY_SEED must be an integer, got ${given}`);
  console.info(`[${test}] seed=${seed} (replay with RELIABILITY_SEED=${seed})`);
  return seed;
}
