import { describe, expect, it } from 'vitest';
import type { Shape } from '../../src/model/shapes.js';
import { OPERATIONS } from '../../src/operations/generated/index.js';
import { familyOfOperation } from '../../src/operations/names.js';
import SERVED from '../../src/operations/served.json' with { type: 'json' };

const operations = Object.values(OPERATIONS);
const served = operations.filter(
  (operation) => operation.family === 'tagging' || SERVED.families.includes(operation.family),
);

describe('Every removed operation: the table holds all 129, each with its family and counterpart', () => {
  it('has the 129 operations @aws-sdk/client-chime removed in 3.757.0, by family', () => {
    const byFamily: Record<string, number> = {};
    for (const operation of operations) byFamily[operation.family] = (byFamily[operation.family] ?? 0) + 1;
    // The counts of shared/facts/removed-operations.md, derived there from the same models.
    expect(byFamily).toEqual({
      identity: 16,
      messaging: 33,
      meetings: 18,
      voice: 55,
      mediaPipelines: 4,
      tagging: 3,
    });
  });

  it('names the counterpart of every operation but the four that have none', () => {
    const without = operations
      .filter((operation) => operation.counterpart === undefined)
      .map(({ name }) => name);
    expect(without.sort()).toEqual(['ListAttendeeTags', 'ListMeetings', 'TagAttendee', 'UntagAttendee']);
    for (const name of without) expect(OPERATIONS[name as keyof typeof OPERATIONS].instead).toBeTruthy();
  });

  it('knows every operation by name, cheaply, for rollout plans and the CLI', () => {
    for (const operation of operations) expect(familyOfOperation(operation.name)).toBe(operation.family);
    expect(familyOfOperation('ListAccounts')).toBeUndefined();
    expect(familyOfOperation('CreateChanel')).toBeUndefined();
  });
});

describe('Translations where the namespaces differ: nothing the counterpart newly requires is left to fail', () => {
  const newlyRequired = served.flatMap((operation) =>
    (operation.newlyRequired ?? []).map((member) => [operation.name, member, operation] as const),
  );

  it('the served operations include some that need a translation (the check below is not vacuous)', () => {
    expect(newlyRequired.length).toBeGreaterThan(0);
  });

  it.each(newlyRequired.map(([name, member, operation]) => [name, member, operation]))(
    '%s: the counterpart requires %s, and the operation has a translation that supplies it',
    (_name, _member, operation) => {
      expect(operation.translation?.send ?? operation.translation?.prepare).toBeTypeOf('function');
    },
  );

  it('every operation routed by the resource ARN has a translation that finds the family', () => {
    for (const operation of operations.filter(({ status }) => status === 'routed-by-arn')) {
      expect(operation.translation?.family, operation.name).toBeTypeOf('function');
    }
  });
});

describe('Members one side lacks: "refused before any I/O", and only looked for where they exist', () => {
  type Flag = 'newOnly' | 'legacyOnly';
  const carries = (shape: Shape, flag: Flag): boolean => {
    if (shape.type === 'list') return carries(shape.member, flag);
    if (shape.type === 'map') return carries(shape.value, flag);
    if (shape.type !== 'structure') return false;
    return Object.values(shape.members).some((member) => member[flag] || carries(member.shape, flag));
  };

  it('some operations carry each flag (the check below is not vacuous)', () => {
    expect(
      operations.filter((operation) => operation.memberFlags?.includes('newOnly')).length,
    ).toBeGreaterThan(0);
    expect(
      operations.filter((operation) => operation.memberFlags?.includes('legacyOnly')).length,
    ).toBeGreaterThan(0);
  });

  it.each(operations.map((operation) => [operation.name, operation] as const))(
    '%s: memberFlags names exactly the flags its request shape carries, at any depth',
    (_name, operation) => {
      const carried = (['newOnly', 'legacyOnly'] as const).filter((flag) => carries(operation.input, flag));
      expect(operation.memberFlags ?? []).toEqual(carried);
    },
  );
});
