import { type Member, messageName, type Shape } from './shapes.js';

/**
 * The paths (service style: `attendees.1.member.tags`) of the members a validated request gives
 * that carry a flag: `newOnly` (only the dedicated namespace has them) or `legacyOnly` (it lacks
 * them), at any depth.
 */
export function flaggedMembers(
  value: unknown,
  shape: Shape,
  flag: 'newOnly' | 'legacyOnly',
  path = '',
): string[] {
  if (value === undefined || value === null) return [];
  switch (shape.type) {
    case 'structure': {
      const found: string[] = [];
      for (const name in shape.members) {
        const member: Member = shape.members[name]!;
        const given = (value as Record<string, unknown>)[name];
        if (given === undefined) continue;
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
