/**
 * Property-based: arbitrary and hostile inputs either reach the wire valid (checked against the
 * model's constraints written out below, independently of src/validation.ts) or are rejected
 * with the caller's legacy BadRequestException before any request; never a crash, a TypeError
 * or prototype pollution. Chime SDK Identity is a class mock (aws-sdk-client-mock), so 10,000
 * runs take seconds; see test/core/validation.test.ts for the recipe.
 */
import {
  ChimeSDKIdentityClient,
  CreateAppInstanceUserCommand as IdentityCreateAppInstanceUserCommand,
} from '@aws-sdk/client-chime-sdk-identity';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BadRequestException,
  ChimeClient,
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserRequest,
  createAppInstanceUser,
  type ShimEvent,
} from '../../src/index.js';
import { capturingLogger, seedFor } from './support.js';

/**
 * 10,000 by default, as the issue asks. `RELIABILITY_NUM_RUNS` lowers it where the same inputs are
 * replayed hundreds of times: the mutation runs (vitest.mutation.config.ts) use 1,000.
 */
const NUM_RUNS = Number(process.env.RELIABILITY_NUM_RUNS ?? 10_000);
if (!(Number.isSafeInteger(NUM_RUNS) && NUM_RUNS > 0))
  throw new TypeError(
    `RELIABILITY_NUM_RUNS must be a positive integer, got ${process.env.RELIABILITY_NUM_RUNS}`,
  );
const EXOTIC_RUNS = Math.min(1_000, NUM_RUNS);

const identity = mockClient(ChimeSDKIdentityClient);
beforeAll(() => {
  identity
    .on(IdentityCreateAppInstanceUserCommand)
    .resolves({ AppInstanceUserArn: 'arn:created', $metadata: {} });
});
afterAll(() => identity.restore());

// ---------------------------------------------------------------------------------------------
// The model, written out from the service models (docs: facts/aws-chime.md), not from src/.
// ---------------------------------------------------------------------------------------------

type Rule =
  | { kind: 'string'; required: boolean; min: number; max: number; pattern?: RegExp }
  | { kind: 'integer'; required: boolean; min: number; max: number }
  | { kind: 'enum'; required: boolean; values: readonly string[] }
  | { kind: 'list'; required: boolean; min: number; max: number; item: Model }
  | { kind: 'structure'; required: boolean; model: Model };
type Model = Readonly<Record<string, Rule>>;

const ARN_PATTERN =
  /^arn:[a-z0-9\-.]{1,63}:[a-z0-9\-.]{0,63}:[a-z0-9\-.]{0,63}:[a-z0-9\-.]{0,63}:[^/].{0,1023}$/;
const USER_ID_PATTERN = /^[A-Za-z0-9]([A-Za-z0-9:\-_.@]{0,62}[A-Za-z0-9])?$/;
const TOKEN_PATTERN = /^[-_a-zA-Z0-9]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The default allow-list: where Chime SDK Identity is documented to run. */
const ALLOWED_REGIONS = new Set(['us-east-1', 'eu-central-1']);

const TAG: Model = {
  Key: { kind: 'string', required: true, min: 1, max: 128 },
  Value: { kind: 'string', required: true, min: 1, max: 256 },
};
const EXPIRATION: Model = {
  ExpirationDays: { kind: 'integer', required: true, min: 1, max: 5475 },
  ExpirationCriterion: { kind: 'enum', required: true, values: ['CREATED_TIMESTAMP'] },
};
const REQUEST: Model = {
  AppInstanceArn: { kind: 'string', required: true, min: 5, max: 1600, pattern: ARN_PATTERN },
  AppInstanceUserId: { kind: 'string', required: true, min: 1, max: 64, pattern: USER_ID_PATTERN },
  // Legacy `.*\S.*`, new `\S`: a non-whitespace character somewhere.
  Name: { kind: 'string', required: true, min: 1, max: 100, pattern: /\S/ },
  Metadata: { kind: 'string', required: false, min: 0, max: 1024 },
  ClientRequestToken: { kind: 'string', required: false, min: 2, max: 64, pattern: TOKEN_PATTERN },
  Tags: { kind: 'list', required: false, min: 1, max: 50, item: TAG },
  ExpirationSettings: { kind: 'structure', required: false, model: EXPIRATION },
};

const INVALID = Symbol('invalid');
const UNREADABLE = Symbol('unreadable');

/**
 * What each accessor the generators install means, so the oracle never calls one: a getter
 * that throws is unreadable; one that changes its answer counts with its first answer.
 */
const accessors = new WeakMap<object, Map<string, { throws: true } | { first: unknown }>>();

function ownValue(object: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  if (!descriptor) return undefined;
  if ('value' in descriptor) return descriptor.value;
  const meaning = accessors.get(object)?.get(key);
  if (!meaning) throw new Error(`test bug: an accessor the oracle does not know: ${key}`);
  return 'throws' in meaning ? UNREADABLE : meaning.first;
}

/** Smithy lengths count code points (an emoji is one). */
const codePoints = (value: string) => Array.from(value).length;

/** The value as it must reach the wire, or INVALID. */
function conform(value: unknown, rule: Rule): unknown {
  switch (rule.kind) {
    case 'string': {
      if (typeof value !== 'string') return INVALID;
      const length = codePoints(value);
      if (length < rule.min || length > rule.max) return INVALID;
      return rule.pattern && !rule.pattern.test(value) ? INVALID : value;
    }
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= rule.min && value <= rule.max
        ? value
        : INVALID;
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value) ? value : INVALID;
    case 'list': {
      if (!Array.isArray(value) || value.length < rule.min || value.length > rule.max) return INVALID;
      const items: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const item = conformStructure(ownValue(value, String(i)), rule.item);
        if (item === INVALID) return INVALID;
        items.push(item);
      }
      return items;
    }
    case 'structure':
      return conformStructure(value, rule.model);
  }
}

function conformStructure(value: unknown, model: Model): Record<string, unknown> | typeof INVALID {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return INVALID;
  if (Object.keys(value).some((key) => !Object.hasOwn(model, key))) return INVALID;
  const out: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(model)) {
    const raw = ownValue(value, name);
    if (raw === UNREADABLE) return INVALID;
    if (raw === undefined || raw === null) {
      if (rule.required) return INVALID;
      continue;
    }
    const checked = conform(raw, rule);
    if (checked === INVALID) return INVALID;
    out[name] = checked;
  }
  return out;
}

/** The request as it must reach the wire (token aside), or INVALID. */
function expectedWire(input: unknown): Record<string, unknown> | typeof INVALID {
  const request = conformStructure(input, REQUEST);
  if (request === INVALID) return INVALID;
  const region = String(request.AppInstanceArn).split(':')[3]!;
  return ALLOWED_REGIONS.has(region) ? request : INVALID;
}

// ---------------------------------------------------------------------------------------------
// Generators. They produce descriptions (plain data, printable by fast-check when a property
// fails); `build` turns one into the hostile value, accessors included.
// ---------------------------------------------------------------------------------------------

type Node =
  | { readonly t: 'plain'; readonly v: unknown }
  | {
      readonly t: 'object';
      readonly entries: readonly (readonly [string, Node])[];
      readonly nullProto: boolean;
    }
  | { readonly t: 'array'; readonly items: readonly Node[] }
  | { readonly t: 'throws' }
  | { readonly t: 'flip'; readonly first: Node; readonly later: unknown };

function build(node: Node): unknown {
  switch (node.t) {
    case 'plain':
      return node.v;
    case 'array':
      return node.items.map(build);
    case 'throws':
    case 'flip':
      throw new Error('test bug: an accessor node outside an object');
    case 'object': {
      const object: Record<string, unknown> = node.nullProto ? Object.create(null) : {};
      const meanings = new Map<string, { throws: true } | { first: unknown }>();
      for (const [key, child] of node.entries) {
        if (child.t === 'throws') {
          meanings.set(key, { throws: true });
          Object.defineProperty(object, key, {
            enumerable: true,
            configurable: true,
            get() {
              throw new Error('a getter that throws');
            },
          });
        } else if (child.t === 'flip') {
          const first = build(child.first);
          let reads = 0;
          meanings.set(key, { first });
          Object.defineProperty(object, key, {
            enumerable: true,
            configurable: true,
            get: () => (reads++ === 0 ? first : child.later),
          });
        } else {
          meanings.delete(key);
          // defineProperty, not assignment: a `__proto__` key becomes an own member, as JSON.parse makes it.
          Object.defineProperty(object, key, {
            value: build(child),
            enumerable: true,
            configurable: true,
            writable: true,
          });
        }
      }
      if (meanings.size > 0) accessors.set(object, meanings);
      return object;
    }
  }
}

const plain = (v: unknown): Node => ({ t: 'plain', v });
const ABSENT = Symbol('absent');

/** Strings at and past a member's limits: min-1, min, max and max+1 code points. */
function atLimits(min: number, max: number): fc.Arbitrary<string> {
  const length = fc.constantFrom(min - 1, min, max, max + 1).filter((n) => n >= 0);
  return fc.oneof(
    fc
      .tuple(length, fc.constantFrom('a', 'Z', '9', '-', ' ', '\t', 'é', '🙂', '\u0000', '\n'))
      .map(([n, c]) => c.repeat(n)),
    length.chain((n) => fc.string({ unit: 'binary', minLength: n, maxLength: n })),
  );
}

/** Unicode of every kind: graphemes, lone surrogates, ASCII control characters. */
const anyText = (maxLength: number) =>
  fc
    .constantFrom('binary', 'binary-ascii', 'grapheme', 'grapheme-composite', 'grapheme-ascii')
    .chain((unit) => fc.string({ unit, maxLength }));

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -0, 1, Number.NaN, Number.POSITIVE_INFINITY, '', [], {}),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  anyText(20),
  fc.string().map((s) => new String(s)),
  fc.constant(() => 'a function'),
  fc.constant(Symbol('a symbol')),
  fc.anything({ maxDepth: 2, maxKeys: 3, withBoxedValues: true, withNullPrototype: true, withMap: true }),
);

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
] as const;

/** Keys that are not members: prototype keys, near-misses of member names, anything. */
const foreignKey = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS, 'Metdata', 'name', 'APPINSTANCEARN', 'Tags ', 'polluted'),
  fc.string({ maxLength: 12 }),
);

/** A member value: mostly valid, often at its limits, sometimes junk, now and then an accessor. */
function member(
  valid: fc.Arbitrary<unknown>,
  limits: fc.Arbitrary<unknown>,
  { validNode, validWeight = 45 }: { validNode?: fc.Arbitrary<Node>; validWeight?: number } = {},
) {
  const validAsNode = validNode ?? valid.map(plain);
  return fc.oneof(
    { weight: validWeight, arbitrary: validAsNode },
    { weight: 3, arbitrary: limits.map(plain) },
    { weight: 2, arbitrary: junk.map(plain) },
    { weight: 1, arbitrary: fc.constant<Node>({ t: 'throws' }) },
    {
      weight: 1,
      arbitrary: fc.tuple(validAsNode, junk).map(([first, later]): Node => ({ t: 'flip', first, later })),
    },
  );
}

/** An object node: each member present with `presence` odds, plus the odd foreign key. */
function objectNode(
  members: Readonly<Record<string, { arbitrary: fc.Arbitrary<Node>; presence: number }>>,
): fc.Arbitrary<Node> {
  const present = Object.fromEntries(
    Object.entries(members).map(([name, { arbitrary, presence }]) => [
      name,
      fc.oneof(
        { weight: presence, arbitrary },
        { weight: 10 - presence, arbitrary: fc.constant<typeof ABSENT>(ABSENT) },
      ),
    ]),
  );
  const extras = fc.oneof(
    { weight: 9, arbitrary: fc.constant([] as (readonly [string, Node])[]) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.tuple(foreignKey, fc.oneof(junk.map(plain), fc.constant<Node>({ t: 'throws' }))),
        { minLength: 1, maxLength: 2 },
      ),
    },
  );
  return fc
    .tuple(
      fc.record(present),
      extras,
      fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .map(
      ([values, extra, nullProto]): Node => ({
        t: 'object',
        entries: [
          ...Object.entries(values).flatMap(([name, node]) =>
            node === ABSENT ? [] : [[name, node as Node] as const],
          ),
          ...extra,
        ],
        nullProto,
      }),
    );
}

const REGIONS_SEEN = [
  'us-east-1',
  'eu-central-1',
  'ap-southeast-1',
  'us-gov-west-1',
  'cn-north-1',
  '',
  'US-EAST-1',
  'us-east-1.evil.com',
  'us-\u0435ast-1',
  '..',
  'localhost',
] as const;

const appInstanceArn = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(fc.constantFrom('us-east-1', 'eu-central-1'), fc.uuid())
      .map(([region, id]) => `arn:aws:chime:${region}:111122223333:app-instance/${id}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        partition: fc.oneof(
          fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
          fc.stringMatching(/^[a-z0-9.-]{0,8}$/),
        ),
        service: fc.oneof(fc.constant('chime'), fc.stringMatching(/^[a-zA-Z0-9.-]{0,8}$/)),
        region: fc.oneof(fc.constantFrom(...REGIONS_SEEN), fc.stringMatching(/^[a-z0-9.-]{0,12}$/)),
        account: fc.stringMatching(/^[0-9]{0,12}$/),
        resource: fc.oneof(
          fc.uuid().map((id) => `app-instance/${id}`),
          anyText(12),
          fc.constantFrom(1023, 1024, 1025).map((n) => 'r'.repeat(n)),
          fc.constantFrom('/app-instance/x', 'x\ny', 'x\u2028y', 'x@evil.com', 'x:443'),
        ),
      })
      .map(
        ({ partition, service, region, account, resource }) =>
          `arn:${partition}:${service}:${region}:${account}:${resource}`,
      ),
  },
);

const tag: fc.Arbitrary<Node> = objectNode({
  // Nested members are mostly valid, or a list of a few tags would almost never be.
  Key: {
    arbitrary: member(
      anyText(10).filter((s) => s.length > 0),
      atLimits(1, 128),
      { validWeight: 150 },
    ),
    presence: 10,
  },
  Value: {
    arbitrary: member(
      anyText(10).filter((s) => s.length > 0),
      atLimits(1, 256),
      { validWeight: 150 },
    ),
    presence: 10,
  },
});

const tags: fc.Arbitrary<Node> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(tag, { minLength: 1, maxLength: 4 }).map((items): Node => ({ t: 'array', items })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(0, 50, 51)
      .chain((n) => fc.array(tag, { minLength: n, maxLength: n }))
      .map((items): Node => ({ t: 'array', items })),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(tag, junk.map(plain)), { minLength: 1, maxLength: 3 })
      .map((items): Node => ({ t: 'array', items })),
  },
);

const expirationSettings: fc.Arbitrary<Node> = objectNode({
  ExpirationDays: {
    arbitrary: member(
      fc.integer({ min: 1, max: 5475 }),
      fc.constantFrom(0, 1, 5475, 5476, 1.5, -1, '30', 30n, Number.MAX_SAFE_INTEGER + 2),
      { validWeight: 60 },
    ),
    presence: 10,
  },
  ExpirationCriterion: {
    arbitrary: member(
      fc.constant('CREATED_TIMESTAMP'),
      fc.constantFrom('LAST_ACTIVE', 'created_timestamp', ''),
      { validWeight: 60 },
    ),
    presence: 10,
  },
});

/** A request: the seven members (required ones nearly always present), foreign keys now and then. */
const request: fc.Arbitrary<Node> = objectNode({
  AppInstanceArn: { arbitrary: member(appInstanceArn, atLimits(5, 1600)), presence: 9 },
  AppInstanceUserId: { arbitrary: member(fc.stringMatching(USER_ID_PATTERN), atLimits(1, 64)), presence: 9 },
  Name: {
    arbitrary: member(
      anyText(30).filter((s) => /\S/.test(s)),
      atLimits(1, 100),
    ),
    presence: 9,
  },
  Metadata: { arbitrary: member(anyText(40), atLimits(0, 1024)), presence: 5 },
  ClientRequestToken: {
    arbitrary: member(fc.stringMatching(/^[-_a-zA-Z0-9]{2,64}$/), atLimits(2, 64)),
    presence: 5,
  },
  Tags: { arbitrary: member(fc.constant(null), junk, { validNode: tags }), presence: 4 },
  ExpirationSettings: {
    arbitrary: member(fc.constant(null), junk, { validNode: expirationSettings }),
    presence: 3,
  },
});

/** Anything at all, or (mostly) something shaped like a request. */
const input: fc.Arbitrary<Node> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc
      .anything({
        maxDepth: 3,
        withBoxedValues: true,
        withNullPrototype: true,
        withMap: true,
        withSet: true,
        withDate: true,
        withTypedArray: true,
        withBigInt: true,
      })
      .map(plain),
  },
  { weight: 1, arbitrary: junk.map(plain) },
  { weight: 14, arbitrary: request },
);

// ---------------------------------------------------------------------------------------------
// The check, per surface.
// ---------------------------------------------------------------------------------------------

type Surface = (value: unknown) => Promise<unknown>;

function functionSurface(events: ShimEvent[]): Surface {
  const options = {
    identityConfig: { region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' } },
    onEvent: (event: ShimEvent) => events.push(event),
  };
  return (value) => createAppInstanceUser(value as CreateAppInstanceUserRequest, options);
}

function dropInSurface(events: ShimEvent[]): { surface: Surface; client: ChimeClient } {
  const client = new ChimeClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' },
    // A logger: the SDK's logger middleware then prints every input through the command's filter.
    logger: capturingLogger(),
    migration: { onEvent: (event) => events.push(event) },
  });
  return {
    client,
    surface: (value) => client.send(new CreateAppInstanceUserCommand(value as CreateAppInstanceUserRequest)),
  };
}

/** Every own key of the built-in prototypes, with its value: pollution shows up as a difference. */
function prototypeSnapshot() {
  const prototypes = [
    Object.prototype,
    Array.prototype,
    Function.prototype,
    String.prototype,
    Number.prototype,
  ];
  return prototypes.map((prototype) =>
    Reflect.ownKeys(prototype).map(
      (key) => [key, Object.getOwnPropertyDescriptor(prototype, key)?.value] as const,
    ),
  );
}

/**
 * One input through one surface: valid -> exactly one identity call carrying exactly the
 * valid request; invalid -> a legacy BadRequestException and no call. Either way one event,
 * the input left as it was, and nothing else thrown.
 */
async function checkOne(surface: Surface, events: ShimEvent[], node: Node, lenientAccessors: boolean) {
  const value = build(node);
  const expected = expectedWire(value);
  const keysBefore = typeof value === 'object' && value !== null ? Reflect.ownKeys(value) : undefined;
  const eventsBefore = events.length;
  identity.resetHistory();

  let outcome: { ok: true } | { ok: false; error: unknown };
  try {
    await surface(value);
    outcome = { ok: true };
  } catch (error) {
    outcome = { ok: false, error };
  }

  const calls = identity.calls();
  const rejectedAsBadRequest =
    !outcome.ok &&
    outcome.error instanceof BadRequestException &&
    (outcome.error as BadRequestException).$fault === 'client' &&
    calls.length === 0;
  if (expected === INVALID || (lenientAccessors && rejectedAsBadRequest)) {
    if (!rejectedAsBadRequest) {
      throw new Error(
        `expected a legacy BadRequestException and no request, got ${
          outcome.ok
            ? `a success with ${calls.length} request(s)`
            : `${describeError(outcome.error)} after ${calls.length} request(s)`
        }`,
      );
    }
  } else {
    if (!outcome.ok) throw new Error(`expected the request to be sent, got ${describeError(outcome.error)}`);
    expect(calls).toHaveLength(1);
    const wire = (calls[0]!.args[0] as IdentityCreateAppInstanceUserCommand).input as unknown as Record<
      string,
      unknown
    >;
    const { ClientRequestToken, ...rest } = wire;
    // What reached the wire is valid on its own terms, and is exactly what was validated.
    expect(expectedWire(wire)).not.toBe(INVALID);
    expect(rest).toStrictEqual(
      Object.fromEntries(Object.entries(expected).filter(([k]) => k !== 'ClientRequestToken')),
    );
    expect(ClientRequestToken).toEqual(expected.ClientRequestToken ?? expect.stringMatching(UUID));
  }
  expect(events.length - eventsBefore).toBe(1);
  if (keysBefore) expect(Reflect.ownKeys(value as object)).toEqual(keysBefore);
}

function describeError(error: unknown): string {
  return error instanceof Error
    ? `${error.constructor.name} ${error.name}: ${error.message}`
    : `a thrown ${typeof error}`;
}

function hasAccessor(node: Node): boolean {
  switch (node.t) {
    case 'flip':
    case 'throws':
      return true;
    case 'object':
      return node.entries.some(([, child]) => hasAccessor(child));
    case 'array':
      return node.items.some(hasAccessor);
    case 'plain':
      return false;
  }
}

const surfaces: Array<[string, (events: ShimEvent[]) => { surface: Surface; close: () => void }]> = [
  [
    'createAppInstanceUser(input, options)',
    (events) => ({ surface: functionSurface(events), close: () => undefined }),
  ],
  [
    'ChimeClient#send(new CreateAppInstanceUserCommand(input)), with a logger',
    (events) => {
      const { surface, client } = dropInSurface(events);
      return { surface, close: () => client.destroy() };
    },
  ],
];

describe('Behaviour of one call: every input reaches the wire valid or is a legacy BadRequestException with no request; never a crash, a TypeError or prototype pollution', () => {
  it.each(surfaces)(
    `%s: ${NUM_RUNS} generated inputs (arbitrary values, strings at and past every limit, unicode, nested junk, prototype keys, getters that throw, arrays, numbers, null)`,
    async (name, make) => {
      const seed = seedFor(`properties: ${name}`);
      const events: ShimEvent[] = [];
      const { surface, close } = make(events);
      const before = prototypeSnapshot();
      let valid = 0;
      try {
        await fc.assert(
          fc.asyncProperty(input, async (node) => {
            if (expectedWire(build(node)) !== INVALID) valid++;
            await checkOne(surface, events, node, hasAccessor(node));
          }),
          { seed, numRuns: NUM_RUNS },
        );
      } finally {
        close();
      }
      console.log(`[properties] ${name}: ${NUM_RUNS} inputs, ${valid} valid, seed ${seed}`);
      // The generators are worth something only if both outcomes are common.
      expect(valid).toBeGreaterThan(NUM_RUNS * 0.1);
      expect(valid).toBeLessThan(NUM_RUNS * 0.9);
      expect(prototypeSnapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    120_000,
  );
});

// ---------------------------------------------------------------------------------------------
// Exotic containers: sparse arrays, proxies whose traps throw, revoked proxies, array elements
// behind throwing getters. The same rule: valid on the wire, or BadRequestException.
// ---------------------------------------------------------------------------------------------

const MEMBERS = Object.keys(REQUEST);
const TRAPS = ['ownKeys', 'getOwnPropertyDescriptor', 'get', 'has', 'getPrototypeOf'] as const;

type Exotic =
  | { kind: 'sparse tags'; at: number }
  | { kind: 'tag element behind a throwing getter'; at: number }
  | { kind: 'revoked proxy'; where: string }
  | { kind: 'proxy whose trap throws'; where: string; trap: (typeof TRAPS)[number] };

const exotic: fc.Arbitrary<Exotic> = fc.oneof(
  fc.nat({ max: 2 }).map((at): Exotic => ({ kind: 'sparse tags', at })),
  fc.nat({ max: 2 }).map((at): Exotic => ({ kind: 'tag element behind a throwing getter', at })),
  fc.constantFrom('input', ...MEMBERS).map((where): Exotic => ({ kind: 'revoked proxy', where })),
  fc
    .tuple(fc.constantFrom('input', 'Tags', 'a tag', 'ExpirationSettings'), fc.constantFrom(...TRAPS))
    .map(([where, trap]): Exotic => ({ kind: 'proxy whose trap throws', where, trap })),
);

const VALID_ARN = 'arn:aws:chime:us-east-1:111122223333:app-instance/0f1e2d3c-aaaa-bbbb-cccc-000000000000';

function validRequest(): Record<string, unknown> {
  return {
    AppInstanceArn: VALID_ARN,
    AppInstanceUserId: 'user-1',
    Name: 'Ada',
    Tags: [
      { Key: 'k1', Value: 'v1' },
      { Key: 'k2', Value: 'v2' },
    ],
    ExpirationSettings: { ExpirationDays: 30, ExpirationCriterion: 'CREATED_TIMESTAMP' },
  };
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function trapping<T extends object>(target: T, trap: (typeof TRAPS)[number]): T {
  return new Proxy(target, {
    [trap]() {
      throw new Error(`the ${trap} trap throws`);
    },
  });
}

function buildExotic(spec: Exotic): unknown {
  const request = validRequest();
  const tagList = request.Tags as object[];
  switch (spec.kind) {
    case 'sparse tags':
      // A hole where a tag should be: `[ , {..}]`, as `new Array(n)` or `delete tags[i]` leave.
      delete tagList[Math.min(spec.at, tagList.length - 1)];
      return request;
    case 'tag element behind a throwing getter':
      Object.defineProperty(tagList, Math.min(spec.at, tagList.length - 1), {
        enumerable: true,
        get() {
          throw new Error('a getter that throws');
        },
      });
      return request;
    case 'revoked proxy':
      if (spec.where === 'input') return revoked();
      request[spec.where] = revoked();
      return request;
    case 'proxy whose trap throws':
      if (spec.where === 'input') return trapping(request, spec.trap);
      if (spec.where === 'a tag') tagList[0] = trapping(tagList[0]!, spec.trap);
      else request[spec.where] = trapping(request[spec.where] as object, spec.trap);
      return request;
  }
}

describe('Behaviour of one call: exotic containers (sparse arrays, proxies whose traps throw, revoked proxies, array elements behind throwing getters) are valid on the wire or a BadRequestException; never anything else', () => {
  it.each(surfaces)(`%s: ${EXOTIC_RUNS} generated inputs`, async (name, make) => {
    const seed = seedFor(`properties (exotic): ${name}`);
    const events: ShimEvent[] = [];
    const { surface, close } = make(events);
    try {
      await fc.assert(
        fc.asyncProperty(exotic, async (spec) => {
          identity.resetHistory();
          let outcome: { ok: true } | { ok: false; error: unknown };
          try {
            await surface(buildExotic(spec));
            outcome = { ok: true };
          } catch (error) {
            outcome = { ok: false, error };
          }
          const calls = identity.calls();
          if (outcome.ok) {
            const wire = (calls[0]!.args[0] as IdentityCreateAppInstanceUserCommand).input;
            expect(calls).toHaveLength(1);
            expect(expectedWire({ ...wire })).not.toBe(INVALID);
          } else if (!(outcome.error instanceof BadRequestException && calls.length === 0)) {
            throw new Error(
              `expected a legacy BadRequestException and no request, got ${describeError(outcome.error)}`,
            );
          }
        }),
        { seed, numRuns: EXOTIC_RUNS },
      );
    } finally {
      close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The counterexamples the properties found, one per cause, kept as plain examples.
// ---------------------------------------------------------------------------------------------

describe('Regressions: counterexamples found by the properties', () => {
  const functionCall = functionSurface([]);
  const cases: Array<[string, () => unknown, Surface | 'drop-in']> = [
    [
      'a sparse Tags array (a hole is not a tag)',
      () => buildExotic({ kind: 'sparse tags', at: 0 }),
      functionCall,
    ],
    [
      'a revoked Proxy as the input',
      () => buildExotic({ kind: 'revoked proxy', where: 'input' }),
      functionCall,
    ],
    ['a revoked Proxy as Tags', () => buildExotic({ kind: 'revoked proxy', where: 'Tags' }), functionCall],
    [
      'a Proxy input whose ownKeys trap throws',
      () => buildExotic({ kind: 'proxy whose trap throws', where: 'input', trap: 'ownKeys' }),
      functionCall,
    ],
    [
      'a Tags element behind a getter that throws',
      () => buildExotic({ kind: 'tag element behind a throwing getter', at: 0 }),
      functionCall,
    ],
    [
      'drop-in: a Name getter that throws (the SDK logger middleware re-reads the input through the command’s filter)',
      () =>
        build({
          t: 'object',
          nullProto: false,
          entries: [
            ['AppInstanceArn', plain(VALID_ARN)],
            ['AppInstanceUserId', plain('u1')],
            ['Name', { t: 'throws' }],
          ],
        }),
      'drop-in',
    ],
  ];
  it.each(cases)('%s -> BadRequestException, nothing sent', async (_name, make, surface) => {
    const dropIn = surface === 'drop-in' ? dropInSurface([]) : undefined;
    identity.resetHistory();
    const error = await (dropIn?.surface ?? (surface as Surface))(make()).then(
      () => undefined,
      (e: unknown) => e,
    );
    dropIn?.client.destroy();
    expect(identity.calls()).toHaveLength(0);
    expect(describeError(error)).toMatch(/^BadRequestException BadRequestException: /);
  });
});
