import type { Shape, StructureShape } from './shapes.js';

/** What the SDKs print in place of a sensitive value (`SENSITIVE_STRING` in @smithy/smithy-client). */
export const SENSITIVE_STRING = '***SensitiveInformation***';

/**
 * The legacy model's log filter, driven by the shape's `sensitive` flags: a request or response
 * as it may appear in a log line. Members the shape does not have are left out, and a value that
 * does not have the shape's type (invalid input, which may hold anything) is redacted whole.
 *
 * It runs in the SDK's logger middleware, on the caller's raw input, also when that input was
 * just rejected: it never throws, or its error would replace the caller's BadRequestException.
 */
export function redact(value: unknown, shape: StructureShape): unknown {
  try {
    return redactValue(value, shape);
  } catch {
    return SENSITIVE_STRING;
  }
}

function redactValue(value: unknown, shape: Shape): unknown {
  if (shape.sensitive) return SENSITIVE_STRING;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return SENSITIVE_STRING;
      const output: Record<string, unknown> = {};
      for (const name in shape.members) {
        if (!Object.hasOwn(value, name)) continue;
        const member = (value as Record<string, unknown>)[name];
        if (member !== undefined) output[name] = redactValue(member, shape.members[name]!.shape);
      }
      return output;
    }
    case 'list':
      return Array.isArray(value)
        ? Array.from(value, (item) => redactValue(item, shape.member))
        : SENSITIVE_STRING;
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return SENSITIVE_STRING;
      // Keys are data too: a sensitive key shape hides every key.
      if (shape.key.sensitive) return SENSITIVE_STRING;
      const output: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) output[key] = redactValue(entry, shape.value);
      return output;
    }
    case 'timestamp':
      return value instanceof Date || typeof value === 'number' || typeof value === 'string'
        ? value
        : SENSITIVE_STRING;
    case 'boolean':
      return typeof value === 'boolean' ? value : SENSITIVE_STRING;
    default:
      return typeof value === 'string' || typeof value === 'number' ? value : SENSITIVE_STRING;
  }
}
