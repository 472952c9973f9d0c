import type { Shape, StructureShape } from './shapes.js';

/**
 * The value as the shape sees it: only the shape's members, recursively. It turns a dedicated
 * namespace's answer into the legacy response, so members only the new namespace returns
 * (`SubChannelId`, `ExpirationSettings`, `MeetingArn`, ...) do not appear and callers' snapshots do
 * not change.
 */
export function project(value: unknown, shape: StructureShape): Record<string, unknown> {
  return (projectValue(value, shape) as Record<string, unknown> | undefined) ?? {};
}

function projectValue(value: unknown, shape: Shape): unknown {
  if (value === undefined || value === null) return undefined;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object') return undefined;
      const output: Record<string, unknown> = {};
      for (const name in shape.members) {
        if (!Object.hasOwn(value, name)) continue;
        const member = projectValue((value as Record<string, unknown>)[name], shape.members[name]!.shape);
        if (member !== undefined) output[name] = member;
      }
      return output;
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => projectValue(item, shape.member)) : undefined;
    case 'map': {
      if (typeof value !== 'object') return undefined;
      const output: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) output[key] = projectValue(entry, shape.value);
      return output;
    }
    default:
      return value;
  }
}
