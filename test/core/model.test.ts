/**
 * The model module read directly, on small shapes of every type: the shim validates legacy
 * requests with it, the emulator validates the namespaces' requests with it, projection turns a
 * namespace's answer into the legacy response, redaction writes the log line. The table-driven
 * suites (test/operations/) prove it over every operation's real shapes; this file pins the
 * behaviour per shape type, including types and bounds few operations have (maps with sizes,
 * blobs, floats).
 */
import { describe, expect, it } from 'vitest';
import {
  type MapShape,
  project,
  redact,
  SENSITIVE_STRING,
  type Shape,
  type StructureShape,
  type Violation,
  validate,
} from '../../src/model/index.js';
import { flaggedMembers } from '../../src/model/members.js';

const string: Shape = { type: 'string' };
const secret: Shape = { type: 'string', sensitive: true };

/** A request of one member `Value` of the given shape. */
const holding = (shape: Shape, extra: Partial<StructureShape['members']> = {}): StructureShape => ({
  type: 'structure',
  members: { Value: { shape }, ...extra } as StructureShape['members'],
});

/** The violations of `{ Value: value }`, or `[]` when it is valid. */
function violationsOf(shape: Shape, value: unknown): readonly Violation[] {
  const result = validate({ Value: value }, holding(shape), 'request');
  return result.ok ? [] : result.violations;
}

/** What validation keeps of `{ Value: value }` when it is valid. */
function keptOf(shape: Shape, value: unknown): unknown {
  const result = validate<{ Value?: unknown }>({ Value: value }, holding(shape), 'request');
  if (!result.ok)
    throw new Error(`expected ${String(value)} to be valid: ${JSON.stringify(result.violations)}`);
  return result.value;
}

describe('Every removed operation: validation with the legacy constraints, per shape type', () => {
  it('an input that is not a structure is one type violation named after the request', () => {
    for (const input of [null, 'user', 7, ['Value']]) {
      expect(validate(input, holding(string), 'createAppInstanceUserRequest')).toEqual({
        ok: false,
        violations: [
          { path: 'createAppInstanceUserRequest', constraint: 'Member must be a structure', kind: 'type' },
        ],
      });
    }
  });

  it.each<[string, Shape, unknown]>([
    ['integer', { type: 'integer' }, 1.5],
    ['long', { type: 'long' }, 2.25],
    ['integer', { type: 'integer' }, '1'],
    ['long', { type: 'long' }, Number.NaN],
  ])('%s: %s is not a whole number', (_type, shape, value) => {
    expect(violationsOf(shape, value)).toEqual([
      { path: 'value', constraint: 'Member must be an integer', kind: 'type' },
    ]);
  });

  it.each<[string, unknown]>([
    ['float', Number.POSITIVE_INFINITY],
    ['double', Number.NaN],
    ['float', '1.5'],
    ['double', true],
  ])('%s: %s is not a number', (type, value) => {
    expect(violationsOf({ type } as Shape, value)).toEqual([
      { path: 'value', constraint: 'Member must be a number', kind: 'type' },
    ]);
  });

  it.each(['float', 'double'])('%s keeps a fraction', (type) => {
    expect(keptOf({ type } as Shape, 0.25)).toEqual({ Value: 0.25 });
  });

  it('number ranges are inclusive, and the broken bound is named with the value', () => {
    const shape: Shape = { type: 'integer', min: 1, max: 10 };
    expect(keptOf(shape, 1)).toEqual({ Value: 1 });
    expect(keptOf(shape, 10)).toEqual({ Value: 10 });
    expect(violationsOf(shape, 0)).toEqual([
      {
        path: 'value',
        constraint: 'Member must have value greater than or equal to 1',
        kind: 'constraint',
        value: 0,
      },
    ]);
    expect(violationsOf(shape, 11)).toEqual([
      {
        path: 'value',
        constraint: 'Member must have value less than or equal to 10',
        kind: 'constraint',
        value: 11,
      },
    ]);
  });

  it('string lengths are inclusive; a sensitive value is never carried in the violation', () => {
    const shape: Shape = { type: 'string', min: 2, max: 3 };
    expect(keptOf(shape, 'ab')).toEqual({ Value: 'ab' });
    expect(keptOf(shape, 'abc')).toEqual({ Value: 'abc' });
    expect(violationsOf(shape, 'a')).toEqual([
      {
        path: 'value',
        constraint: 'Member must have length greater than or equal to 2',
        kind: 'constraint',
        value: 'a',
      },
    ]);
    expect(violationsOf({ ...shape, sensitive: true }, 'abcd')).toEqual([
      { path: 'value', constraint: 'Member must have length less than or equal to 3', kind: 'constraint' },
    ]);
  });

  it('a timestamp is a Date, epoch seconds or a date string; anything else is a type violation', () => {
    const shape: Shape = { type: 'timestamp' };
    const date = new Date(0);
    expect(keptOf(shape, date)).toEqual({ Value: date });
    expect(keptOf(shape, 1_700_000_000)).toEqual({ Value: 1_700_000_000 });
    expect(keptOf(shape, '2026-12-01T00:00:00Z')).toEqual({ Value: '2026-12-01T00:00:00Z' });
    for (const value of [true, {}, [1]]) {
      expect(violationsOf(shape, value)).toEqual([
        { path: 'value', constraint: 'Member must be a timestamp', kind: 'type' },
      ]);
    }
  });

  it('a blob is bytes or a string; anything else is a type violation', () => {
    const shape: Shape = { type: 'blob' };
    const bytes = new Uint8Array([1, 2]);
    expect(keptOf(shape, bytes)).toEqual({ Value: bytes });
    expect(keptOf(shape, 'AQI=')).toEqual({ Value: 'AQI=' });
    for (const value of [12, [1, 2], {}]) {
      expect(violationsOf(shape, value)).toEqual([
        { path: 'value', constraint: 'Member must be a blob', kind: 'type' },
      ]);
    }
  });

  it('list sizes are inclusive', () => {
    const shape: Shape = { type: 'list', member: string, min: 1, max: 2 };
    expect(keptOf(shape, ['a'])).toEqual({ Value: ['a'] });
    expect(keptOf(shape, ['a', 'b'])).toEqual({ Value: ['a', 'b'] });
    expect(violationsOf(shape, [])).toEqual([
      { path: 'value', constraint: 'Member must have length greater than or equal to 1', kind: 'constraint' },
    ]);
    expect(violationsOf(shape, ['a', 'b', 'c'])).toEqual([
      { path: 'value', constraint: 'Member must have length less than or equal to 2', kind: 'constraint' },
    ]);
  });

  describe('maps', () => {
    const shape: MapShape = {
      type: 'map',
      key: { type: 'string', max: 3 },
      value: { type: 'integer', max: 9 },
      min: 1,
      max: 2,
    };

    it('sizes are inclusive, counted in entries', () => {
      expect(keptOf(shape, { a: 1 })).toEqual({ Value: { a: 1 } });
      expect(keptOf(shape, { a: 1, b: 2 })).toEqual({ Value: { a: 1, b: 2 } });
      expect(violationsOf(shape, {})).toEqual([
        {
          path: 'value',
          constraint: 'Member must have length greater than or equal to 1',
          kind: 'constraint',
        },
      ]);
      expect(violationsOf(shape, { a: 1, b: 2, c: 3 })).toEqual([
        { path: 'value', constraint: 'Member must have length less than or equal to 2', kind: 'constraint' },
      ]);
    });

    it('a key is checked against the key shape at `<map>.key`, a value at `<map>.<key>`', () => {
      expect(violationsOf(shape, { long: 1, b: 10 })).toEqual([
        {
          path: 'value.key',
          constraint: 'Member must have length less than or equal to 3',
          kind: 'constraint',
          value: 'long',
        },
        {
          path: 'value.b',
          constraint: 'Member must have value less than or equal to 9',
          kind: 'constraint',
          value: 10,
        },
      ]);
    });

    it('an entry that is null is absent, as in the SDKs', () => {
      const kept = keptOf(shape, { a: 1, b: null }) as { Value: Record<string, unknown> };
      expect(Object.keys(kept.Value)).toEqual(['a']);
    });

    it('an entry that cannot be read is a violation, not a crash', () => {
      const hostile = new Proxy(
        { a: 1 },
        {
          get() {
            throw new Error('trap');
          },
        },
      );
      expect(violationsOf(shape, hostile)).toEqual([
        { path: 'value.a', constraint: 'Member could not be read' },
      ]);
    });
  });

  it('unknown members: rejected for the shim, ignored (and not kept) for the emulator', () => {
    const shape = holding(string);
    expect(validate({ Value: 'a', Extra: 1 }, shape, 'request')).toEqual({
      ok: false,
      violations: [{ path: 'Extra', constraint: 'Member is not part of the request' }],
    });
    expect(validate({ Value: 'a', Extra: 1 }, shape, 'request', { unknownMembers: 'ignore' })).toEqual({
      ok: true,
      value: { Value: 'a' },
    });
  });
});

describe('Every removed operation: the legacy output members only (projection)', () => {
  const output: StructureShape = {
    type: 'structure',
    members: {
      Name: { shape: string },
      Items: { shape: { type: 'list', member: holding(string) } },
      Attributes: { shape: { type: 'map', key: string, value: holding(string) } },
      Nested: { shape: holding(string) },
    },
  };

  it('a member the answer gives as null or undefined is left out, not written as undefined', () => {
    const projected = project(
      { Name: null, Nested: undefined, Items: ['x'].map((Value) => ({ Value })) },
      output,
    );
    expect(projected).toStrictEqual({ Items: [{ Value: 'x' }] });
  });

  it('members only the new namespace returns are dropped at every depth, inside lists and map values too', () => {
    const answer = {
      Name: 'n',
      NewTop: 1,
      Items: [{ Value: 'a', NewInList: 2 }],
      Attributes: { k: { Value: 'v', NewInMap: 3 } },
      Nested: { Value: 'x', NewNested: 4 },
    };
    expect(project(answer, output)).toStrictEqual({
      Name: 'n',
      Items: [{ Value: 'a' }],
      Attributes: { k: { Value: 'v' } },
      Nested: { Value: 'x' },
    });
  });

  it('a value of the wrong kind for its shape is dropped; inherited properties are never read', () => {
    const answer = Object.assign(Object.create({ Name: 'inherited' }), {
      Items: 'not a list',
      Attributes: 'not a map',
      Nested: 'not a structure',
    });
    expect(project(answer, output)).toStrictEqual({});
    expect(project('not an answer', output)).toStrictEqual({});
  });
});

describe('Secrets never reach an event or a log line: the log filter, per shape type', () => {
  const shape: StructureShape = {
    type: 'structure',
    members: {
      Name: { shape: string },
      Count: { shape: { type: 'integer' } },
      Enabled: { shape: { type: 'boolean' } },
      At: { shape: { type: 'timestamp' } },
      Token: { shape: secret },
      Tags: { shape: { type: 'list', member: holding(secret) } },
      Labels: { shape: { type: 'map', key: string, value: secret } },
      Headers: { shape: { type: 'map', key: secret, value: string } },
      Nested: { shape: holding(secret) },
    },
  };

  it('values of the right type are kept, sensitive ones replaced, unknown members left out', () => {
    const at = new Date(0);
    const logged = redact(
      {
        Name: 'n',
        Count: 3,
        Enabled: false,
        At: at,
        Token: 'canary',
        Tags: [{ Value: 'canary' }],
        Labels: { k: 'canary' },
        Headers: { 'canary-key': 'v' },
        Nested: { Value: 'canary' },
        Unknown: 'canary',
      },
      shape,
    );
    expect(logged).toStrictEqual({
      Name: 'n',
      Count: 3,
      Enabled: false,
      At: at,
      Token: SENSITIVE_STRING,
      Tags: [{ Value: SENSITIVE_STRING }],
      Labels: { k: SENSITIVE_STRING },
      Headers: SENSITIVE_STRING,
      Nested: { Value: SENSITIVE_STRING },
    });
  });

  it('timestamps are kept as a Date, epoch seconds or a string', () => {
    expect(redact({ At: 1_700_000_000 }, shape)).toStrictEqual({ At: 1_700_000_000 });
    expect(redact({ At: '2026-12-01' }, shape)).toStrictEqual({ At: '2026-12-01' });
  });

  it('a value that does not have its shape’s type (invalid input) is redacted whole', () => {
    const wrong = {
      Name: { canary: 'canary' },
      Count: ['canary'],
      Enabled: 'canary',
      At: { canary: 'canary' },
      Tags: 'canary',
      Labels: ['canary'],
      Nested: ['canary'],
    };
    expect(redact(wrong, shape)).toStrictEqual({
      Name: SENSITIVE_STRING,
      Count: SENSITIVE_STRING,
      Enabled: SENSITIVE_STRING,
      At: SENSITIVE_STRING,
      Tags: SENSITIVE_STRING,
      Labels: SENSITIVE_STRING,
      Nested: SENSITIVE_STRING,
    });
    expect(redact({ Labels: null, Nested: null }, shape)).toStrictEqual({
      Labels: SENSITIVE_STRING,
      Nested: SENSITIVE_STRING,
    });
    for (const input of [null, 'canary', ['canary']]) expect(redact(input, shape)).toBe(SENSITIVE_STRING);
  });

  it('an undefined member is left out; an inherited one is never read', () => {
    const input = Object.assign(Object.create({ Token: 'canary', Name: 'inherited' }), {
      Count: undefined,
      Name: 'own',
    });
    expect(redact(input, shape)).toStrictEqual({ Name: 'own' });
  });

  it('an input that cannot be read is redacted whole instead of throwing', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('canary');
        },
        getOwnPropertyDescriptor() {
          throw new Error('canary');
        },
      },
    );
    expect(redact(hostile, shape)).toBe(SENSITIVE_STRING);
  });
});

describe('Members one side lacks are found at any depth (flaggedMembers)', () => {
  const shape: StructureShape = {
    type: 'structure',
    members: {
      Plain: { shape: string },
      Fresh: { shape: string, newOnly: true },
      Items: {
        shape: {
          type: 'list',
          member: { type: 'structure', members: { Fresh: { shape: string, newOnly: true } } },
        },
      },
      Attributes: {
        shape: {
          type: 'map',
          key: string,
          value: { type: 'structure', members: { Old: { shape: string, legacyOnly: true } } },
        },
      },
    },
  };

  it('in structures, list items and map values, with the service-style path', () => {
    const request = {
      Plain: 'p',
      Fresh: 'f',
      Items: [{}, { Fresh: 'f' }],
      Attributes: { k: { Old: 'o' }, j: {} },
    };
    expect(flaggedMembers(request, shape, 'newOnly')).toEqual(['fresh', 'items.2.member.fresh']);
    expect(flaggedMembers(request, shape, 'legacyOnly')).toEqual(['attributes.k.old']);
  });

  it('absent or null values have none', () => {
    expect(flaggedMembers(null, shape, 'newOnly')).toEqual([]);
    expect(flaggedMembers(undefined, shape, 'newOnly')).toEqual([]);
    expect(flaggedMembers({ Attributes: { k: null }, Items: [null] }, shape, 'legacyOnly')).toEqual([]);
  });
});
