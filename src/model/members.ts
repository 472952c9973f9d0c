import { type Member, messageName, type Shape } from './shapes.js';

/**
 * The paths (service style: `attendees.1.member.tags`) of the members a validated request gives
 * that carry a flag: `newOnly` (only the dedicated namespace has them) or `legacyOnly` (it lacks
 * them), at any depth.
 */
export function flaggedMembers(value: unknown, shape: Shape, flag: Flag, path = ''): string[] {
  if (value === undefined || value === null || !carries(shape, flag)) return [];
  switch (shape.type) {
    case 'structure': {
      const found: string[] = [];
      for (const name in shape.members) {
        const member: Member = shape.members[name]!;
        const given = (value as Record<string, unknown>)[name];
        if (given === undefined || !(member[flag] || carries(member.shape, flag))) continue;
        const memberPath = path ? `${path}.${messageName(name)}` : messageName(name);
        if (member[flag]) found.push(memberPath);
        else found.push(...flaggedMembers(given, member.shape, flag, memberPath));
      }
      return found;
    }
    case 'list':
      return (value as unknown[]).flatMap((item, index) =>
        flaggedMembers(item, shape.member, flag, `${path}.${index + 1}.member`),
      );
    case 'map':
      return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
        flaggedMembers(item, shape.value, flag, `${path}.${key}`),
      );
    default:
      return [];
  }
}

type Flag = 'newOnly' | 'legacyOnly';

/** Per flag, whether a shape has a member with it at any depth: most have none, and say so once. */
const carrying: Record<Flag, WeakMap<Shape, boolean>> = { newOnly: new WeakMap(), legacyOnly: new WeakMap() };

function carries(shape: Shape, flag: Flag): boolean {
  let answer = carrying[flag].get(shape);
  if (answer === undefined) {
    if (shape.type === 'structure') {
      answer = Object.values(shape.members).some((member) => member[flag] || carries(member.shape, flag));
    } else if (shape.type === 'list') answer = carries(shape.member, flag);
    else if (shape.type === 'map') answer = carries(shape.value, flag);
    else answer = false;
    carrying[flag].set(shape, answer);
  }
  return answer;
}
