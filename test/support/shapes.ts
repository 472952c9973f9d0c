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
import type { MapShape, Shape, StringShape, StructureShape } from '../../src/model/shapes.js';
import { OPERATIONS } from '../../src/operations/generated/index.js';
import type { Family, Operation } from '../../src/operations/operation.js';
import SERVED from '../../src/operations/served.json' with { type: 'json' };
import type { Responder } from './loopback.js';

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
  // Legacy TagResource names meeting resources; the shim serves capture pipelines' ARNs too (issue 11).
  mediaPipeline: {
    family: 'mediaPipelines',
    taggable: true,
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
  // The meeting a media capture pipeline records (section "Meetings and media pipelines" below).
  SourceArn: () => ['meeting'],
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
  /**
   * Optional members always present (the members a counterpart newly requires, the tokens, ...);
   * a dotted path (`StreamingConfiguration.Disabled`) names a nested member.
   */
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
    // A member the dedicated namespace lacks (attendee `Tags`) is refused wherever it serves the call.
    if (member.legacyOnly) continue;
    const inner = presentWithin(present, name);
    members[name] =
      inner.size > 0 && member.shape.type === 'structure'
        ? structureArbitrary(member.shape, { ...generation, topLevel: false }, inner)
        : valueArbitrary(member.shape, name, generation);
    if (member.required || generation.optional === 'all' || present.has(name) || inner.size > 0) {
      required.push(name);
    }
  }
  return fc.record(members, { requiredKeys: required });
}

/** The paths of `present` inside member `name` (`StreamingConfiguration.Disabled` -> `Disabled`). */
function presentWithin(present: ReadonlySet<string>, name: string): ReadonlySet<string> {
  const prefix = `${name}.`;
  return new Set(
    [...present].filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length)),
  );
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
  let arbitrary = STRING_ARBITRARIES.get(shape);
  if (!arbitrary) {
    arbitrary = newStringArbitrary(shape);
    STRING_ARBITRARIES.set(shape, arbitrary);
  }
  return arbitrary;
}

/**
 * One arbitrary per string shape, built once: inputs are built anew for every run
 * (`arnContext(...).chain`), and `fc.stringMatching` parses its pattern each time it is called,
 * which made an operation with a few patterned members (E.164 numbers, Lambda ARNs) take seconds
 * per 1,000 runs instead of a tenth of that.
 */
const STRING_ARBITRARIES = new WeakMap<StringShape, fc.Arbitrary<string>>();

function newStringArbitrary(shape: StringShape): fc.Arbitrary<string> {
  if (shape.enum) return fc.constantFrom(...shape.enum);
  const min = shape.min ?? 0;
  const max = shape.max ?? 256;
  const fits = (value: string) => codePoints(value) >= min && codePoints(value) <= max;
  if (shape.pattern) return stringsMatching(shape.pattern.regex).filter(fits);
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
    // Never in a valid input: its refusal is tested by name (test/core/meetings-operations.test.ts).
    if (member.legacyOnly) continue;
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
      if (shape.pattern && !matchesEverything(shape.pattern)) {
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
      if (first) {
        valueCases(
          shape.value,
          first[1],
          [...at, first[0]],
          mapEntryPath(shape, path, first[0], 0),
          root,
          cases,
        );
      }
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
      if (!isArn && conformString(planted, shape) === INVALID)
        planted =
          plantedInPattern(canary, shape) ?? plantedInVoicePattern(canary, canaries.length, shape) ?? planted;
      if (conformString(planted, shape) === INVALID) {
        throw new Error(`test bug: the canary ${planted} breaks the shape of ${operation.name}.${name}`);
      }
      // A canary the pattern cannot hold as text (an E.164 number) is the planted value itself.
      canaries.push(planted.includes(canary) ? canary : planted);
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
 * answer it in JSON (timestamps as restJson1 writes them: epoch seconds, or RFC 3339 strings where
 * the model says `iso8601`, see `onTheWire`).
 */
export function exampleAnswer(operation: Operation, seed = EXAMPLE_SEED): Record<string, unknown> {
  const answer = arnContext(['us-east-1']).chain((ids) =>
    structureArbitrary(operation.output, { operation, ids, optional: 'all', topLevel: false }),
  );
  const [value] = fc.sample(answer, { seed, numRuns: 1 });
  return onTheWire(value, operation.output) as Record<string, unknown>;
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
  /**
   * Sent to `family` in `region`, carrying exactly `request`: the validated input, with the bearer
   * the shim fills in (messaging) and in the counterpart's member names (the renamed operations).
   */
  | {
      readonly kind: 'sent';
      readonly request: Record<string, unknown>;
      readonly region: string;
      readonly family: Family;
    };

export interface RegionSettings {
  readonly regions?: readonly string[];
  readonly defaultRegion?: string;
  /** The `chimeBearer` option: the bearer of messaging calls that give none. */
  readonly chimeBearer?: string;
}

/**
 * What the shim must do with `input` on the identity route: the request shape's constraints, then
 * the bearer of a messaging channel operation (the input's or the `chimeBearer` option's, else a
 * bad request), then the family (a tag operation's ARN names it), then the region (the bearer is
 * a region source like any other): every region source must name an
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
  if (hasLegacyOnlyMember(request, operation.input)) return { kind: 'bad-request' };
  const checked = withBearer(operation, request as Record<string, unknown>, settings.chimeBearer);
  if (checked === undefined) return { kind: 'bad-request' };
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
  return {
    kind: 'sent',
    request: withVoiceDefaults(operation, counterpartNames(operation, checked)),
    region,
    family,
  };
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

// ---------------------------------------------------------------------------------------------
// Messaging (issue 10): the bearer, the renamed streaming configurations, and two kinds of
// member the identity shapes did not have (a pattern nothing breaks, a non-Chime ARN)
// ---------------------------------------------------------------------------------------------

/**
 * Patterns every string satisfies (the legacy `Content`'s `[\s\S]*`): no value within the lengths
 * breaks them, so they have no invalid case of their own.
 */
const MATCHES_EVERYTHING: ReadonlySet<string> = new Set(['[\\s\\S]*', '^[\\s\\S]*$']);

export function matchesEverything(pattern: { readonly text: string }): boolean {
  return MATCHES_EVERYTHING.has(pattern.text);
}

/**
 * A canary in a sensitive member whose pattern wants an ARN of another service (the legacy
 * streaming configurations' Kinesis `ResourceArn`, `^arn[\/:\-_\.a-zA-Z0-9]+$`): the canary is the
 * resource's name in an ARN. `undefined` when the shape wants something else.
 */
export function plantedInPattern(canary: string, shape: StringShape): string | undefined {
  const planted = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${canary}`;
  return conformString(planted, shape) === INVALID ? undefined : planted;
}

/**
 * The members the streaming-configuration operations renamed (legacy -> Chime SDK Messaging,
 * shared/facts/removed-operations.md, "Renamed (3)"), at any depth. Written here from the facts,
 * not taken from the translation, so a wrong rename there shows up as a difference.
 */
const MESSAGING_RENAMES: Readonly<Record<string, string>> = {
  AppInstanceStreamingConfigurations: 'StreamingConfigurations',
  AppInstanceDataType: 'DataType',
};

function renamed(value: unknown, names: Readonly<Record<string, string>>): unknown {
  if (Array.isArray(value)) return value.map((item) => renamed(item, names));
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [names[key] ?? key, renamed(item, names)]),
  );
}

const LEGACY_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(MESSAGING_RENAMES).map(([legacy, current]) => [current, legacy]),
);

/** A legacy request (or answer) with the counterpart's member names: what a renamed operation's counterpart takes. */
export function counterpartNames<T>(operation: Operation, value: T): T {
  return operation.status === 'renamed' ? (renamed(value, MESSAGING_RENAMES) as T) : value;
}

/** A counterpart's request (or answer) with the legacy member names again. */
export function legacyNames<T>(operation: Operation, value: T): T {
  return operation.status === 'renamed' ? (renamed(value, LEGACY_NAMES) as T) : value;
}

/**
 * `ChimeBearer`, which every counterpart of a messaging channel operation requires: the input's,
 * else the `chimeBearer` option's; `undefined` when neither gives one (a BadRequestException
 * before any I/O). Operations whose counterpart does not require it keep the request as it is.
 */
export function withBearer(
  operation: Operation,
  request: Record<string, unknown>,
  chimeBearer: string | undefined,
): Record<string, unknown> | undefined {
  if (!operation.newlyRequired?.includes('ChimeBearer') || request.ChimeBearer !== undefined) return request;
  return chimeBearer === undefined ? undefined : { ...request, ChimeBearer: chimeBearer };
}

/**
 * How a message names a map entry: by its key, printed (characters outside printable ASCII as
 * `?`, at most 64 of them), or by its 1-based position when the model marks the key sensitive
 * (`MessageAttributes`): a sensitive key is never echoed.
 */
export function mapEntryPath(shape: MapShape, path: string, key: string, index: number): string {
  if (shape.key.sensitive) return `${path}.(entry ${index + 1})`;
  const printed = key.replace(/[^\x20-\x7e]/g, '?');
  return `${path}.${printed.length > 64 ? `${printed.slice(0, 64)}...` : printed}`;
}

// ---------------------------------------------------------------------------------------------
// Meetings and media pipelines (issue 11): members the namespace lacks, ISO 8601 timestamps, and
// the calls the meetings translations make instead of one request to the counterpart
// ---------------------------------------------------------------------------------------------

/**
 * Whether a request gives a member the dedicated namespace lacks (`legacyOnly`: attendee `Tags`),
 * at any depth: the shim refuses it before any I/O wherever the namespace serves the call.
 */
export function hasLegacyOnlyMember(value: unknown, shape: Shape): boolean {
  if (value === undefined || value === null) return false;
  switch (shape.type) {
    case 'structure':
      return Object.entries(shape.members).some(([name, member]) => {
        const given = (value as Record<string, unknown>)[name];
        if (given === undefined || given === null) return false;
        return member.legacyOnly === true || hasLegacyOnlyMember(given, member.shape);
      });
    case 'list':
      return (value as unknown[]).some((item) => hasLegacyOnlyMember(item, shape.member));
    case 'map':
      return Object.values(value as Record<string, unknown>).some((item) =>
        hasLegacyOnlyMember(item, shape.value),
      );
    default:
      return false;
  }
}

/**
 * A value as a restJson1 service writes it: JSON, with each timestamp in the format its shape
 * names: RFC 3339 strings for `iso8601` (the capture pipelines' `Iso8601Timestamp`, which the
 * media pipelines client refuses as numbers), epoch seconds otherwise. Give it what a caller got
 * back (timestamps as `Date`s) to compare it with what the service answered.
 */
export function onTheWire(value: unknown, shape: Shape): unknown {
  if (value === undefined || value === null) return value;
  switch (shape.type) {
    case 'timestamp':
      if (!(value instanceof Date)) return value;
      return shape.format === 'iso8601' ? value.toISOString() : value.getTime() / 1000;
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
        const member = shape.members[name];
        out[name] = member ? onTheWire(item, member.shape) : JSON.parse(JSON.stringify(item) ?? 'null');
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => onTheWire(item, shape.member));
    case 'map':
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, item]) => [
          key,
          onTheWire(item, shape.value),
        ]),
      );
    case 'blob':
      return value;
    default:
      return value;
  }
}

/** One command the shim sends for a call, in order: its name in the family's client, and its input. */
export interface ExpectedCall {
  readonly command: string;
  readonly input: Record<string, unknown>;
}

/** The legacy default `MediaRegion` (legacy model: "Default: us-east-1"), written here from the model. */
const LEGACY_MEDIA_REGION = 'us-east-1';

/** The meeting tag operations and the meetings operation each is served by, on the meeting's ARN. */
const MEETING_TAG_SUBSTITUTES: Readonly<Record<string, string>> = {
  TagMeeting: 'TagResource',
  UntagMeeting: 'UntagResource',
  ListMeetingTags: 'ListTagsForResource',
};

/** The ARN a test's namespace answers for a meeting (`arn:aws:chime:<region>:<account>:meeting/<id>`). */
export function meetingArnOf(meetingId: string): string {
  return `arn:aws:chime:us-east-1:${ACCOUNT}:meeting/${meetingId}`;
}

/**
 * The commands the shim sends for a valid request of an operation whose translation does more
 * than send it to the counterpart as it is, in order; `undefined` for the others (one command, the
 * counterpart, with the request). Written from the facts and the contract, not taken from the
 * translations, so a wrong translation shows up as a difference:
 * - CreateMeeting / CreateMeetingWithAttendees: `MediaRegion` absent -> `us-east-1`,
 *   `ExternalMeetingId` absent -> the call's `ClientRequestToken`; CreateMeetingWithAttendees
 *   without `Attendees` is CreateMeeting;
 * - TagMeeting / UntagMeeting / ListMeetingTags: GetMeeting, then the tag operation on its ARN
 *   (`meetingArnOf`, what `readAnswer` and `answerReads` answer).
 *
 * @param generatedToken what stands for a `ClientRequestToken` the shim generates (a matcher)
 */
export function expectedCalls(
  operation: Operation,
  request: Record<string, unknown>,
  generatedToken: unknown = undefined,
): ExpectedCall[] | undefined {
  switch (operation.name) {
    case 'CreateMeeting':
    case 'CreateMeetingWithAttendees': {
      const token = request.ClientRequestToken ?? generatedToken;
      const input = {
        ...request,
        ClientRequestToken: token,
        MediaRegion: request.MediaRegion ?? LEGACY_MEDIA_REGION,
        ExternalMeetingId: request.ExternalMeetingId ?? token,
      };
      const command = request.Attendees === undefined ? 'CreateMeeting' : operation.name;
      return [{ command, input }];
    }
    case 'TagMeeting':
    case 'UntagMeeting':
    case 'ListMeetingTags': {
      const { MeetingId, ...members } = request;
      return [
        { command: 'GetMeeting', input: { MeetingId } },
        {
          command: MEETING_TAG_SUBSTITUTES[operation.name]!,
          input: { ...members, ResourceARN: meetingArnOf(String(MeetingId)) },
        },
      ];
    }
    default:
      return undefined;
  }
}

/**
 * What a stub namespace client answers besides its usual answer, for the reads the translations
 * make: a command naming a `MeetingId` (GetMeeting) gets the meeting with its ARN.
 */
export function readAnswer(input: Record<string, unknown>): Record<string, unknown> {
  return typeof input.MeetingId === 'string'
    ? { Meeting: { MeetingId: input.MeetingId, MeetingArn: meetingArnOf(input.MeetingId) } }
    : {};
}

/**
 * A loopback responder that answers the reads the operation's translation makes, and every other
 * request with `otherwise`: the operation's own answer (or error) is what the test is about.
 * - the meeting tag operations read `GET /meetings/{MeetingId}` first: the meeting and its ARN;
 * - ListMediaCapturePipelines reads `GET /sdk-media-capture-pipelines/{MediaPipelineId}` per
 *   listed item (the namespace's client keeps only the summary of each): the item as `otherwise`
 *   listed it, so a list answer with every legacy member comes back whole.
 */
export function answerReads(operation: Operation, otherwise: Responder): Responder {
  if (operation.name in MEETING_TAG_SUBSTITUTES) {
    return (request) => {
      const read = request.method === 'GET' ? /^\/meetings\/([^/]+)$/.exec(request.path) : null;
      if (!read) return otherwise(request);
      return { status: 200, body: readAnswer({ MeetingId: decodeURIComponent(read[1]!) }) };
    };
  }
  if (operation.name === 'ListMediaCapturePipelines') {
    return (request) => {
      const read =
        request.method === 'GET' ? /^\/sdk-media-capture-pipelines\/([^/]+)$/.exec(request.path) : null;
      if (!read) return otherwise(request);
      const listed = otherwise({ ...request, path: '/sdk-media-capture-pipelines', query: {} });
      const items = (listed.body as { MediaCapturePipelines?: Record<string, unknown>[] } | undefined)
        ?.MediaCapturePipelines;
      const item = items?.find(({ MediaPipelineId }) => MediaPipelineId === decodeURIComponent(read[1]!));
      return item ? { status: 200, body: { MediaCapturePipeline: item } } : otherwise(request);
    };
  }
  return otherwise;
}

/**
 * Strings a pattern matches. fast-check generates from a regular expression but not from its
 * lookaheads (the meetings `TenantId`, `^(?!.*?(.)\1{3})[-_!@#$a-zA-Z0-9]*$`: no character four
 * times in a row): those are generated without the lookaheads, then filtered by the whole pattern.
 */
function stringsMatching(regex: RegExp): fc.Arbitrary<string> {
  const source = withoutLookaheads(regex.source);
  if (source === regex.source) return fc.stringMatching(regex);
  return fc.stringMatching(new RegExp(source, regex.flags)).filter((value) => regex.test(value));
}

/** The pattern's source with every `(?=...)` and `(?!...)` group left out (escapes and classes respected). */
function withoutLookaheads(source: string): string {
  let out = '';
  for (let at = 0; at < source.length; at++) {
    if (source.startsWith('(?=', at) || source.startsWith('(?!', at)) {
      let depth = 0;
      let inClass = false;
      for (; at < source.length; at++) {
        const char = source[at];
        if (char === '\\') at++;
        else if (inClass) inClass = char !== ']';
        else if (char === '[') inClass = true;
        else if (char === '(') depth++;
        else if (char === ')' && --depth === 0) break;
      }
      continue;
    }
    out += source[at];
    if (source[at] === '\\' && at + 1 < source.length) out += source[++at];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Voice (issue 12): the streaming default, and canaries in E.164 numbers and Lambda ARNs
// ---------------------------------------------------------------------------------------------

/** The value at a dotted path (`StreamingConfiguration.Disabled`), or `undefined`. */
export function valueAt(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const step of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/**
 * `PutVoiceConnectorStreamingConfiguration` without `StreamingConfiguration.Disabled`, which
 * Chime SDK Voice requires: `false`, the legacy default (contract, "Translations"). Written here
 * from the contract, not taken from the translation. Other requests are kept as they are.
 */
export function withVoiceDefaults(
  operation: Operation,
  request: Record<string, unknown>,
): Record<string, unknown> {
  if (operation.name !== 'PutVoiceConnectorStreamingConfiguration') return request;
  const configuration = request.StreamingConfiguration as Record<string, unknown> | undefined;
  if (configuration === undefined || configuration.Disabled !== undefined) return request;
  return { ...request, StreamingConfiguration: { ...configuration, Disabled: false } };
}

/**
 * A canary in a sensitive voice member whose pattern cannot hold the canary's text: a Lambda
 * function ARN (`SipMediaApplicationEndpoint.LambdaArn`) carries it as the function's name; an
 * E.164 phone number is the canary, unique by its position (`+1999555` and four digits: area code
 * 999 is unassigned, so it is no one's number and nothing else in a test prints it).
 * `undefined` when the shape wants something else.
 */
export function plantedInVoicePattern(canary: string, index: number, shape: StringShape): string | undefined {
  const candidates = [
    `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${canary}`,
    `+1999555${String(index).padStart(4, '0')}`,
  ];
  return candidates.find((candidate) => conformString(candidate, shape) !== INVALID);
}
