import type { Member, Shape } from './operations/create-app-instance-user.js';

/** What the SDKs print in place of a sensitive value (`SENSITIVE_STRING` in @smithy/smithy-client). */
export const SENSITIVE_STRING = '***SensitiveInformation***';

/**
 * The legacy model's log filter, driven by the shape's `sensitive` flags: the input as it may
 * appear in a log line. The new model no longer marks `ClientRequestToken` sensitive; the
 * legacy one did, and callers' logs were built on that, so the legacy redaction is kept.
 */
export function redact(input: unknown, shape: Shape): unknown {
  // It runs in the SDK's logger middleware, on the caller's raw input, also when that input was
  // just rejected: it must never throw, or its error would replace the caller's BadRequestException.
  try {
    return redactStructure(input, shape);
  } catch {
    return SENSITIVE_STRING;
  }
}

function redactStructure(input: unknown, shape: Shape): unknown {
  // Not a structure: invalid input, which may hold anything.
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return SENSITIVE_STRING;
  const output: Record<string, unknown> = {};
  for (const member of shape) {
    if (!Object.hasOwn(input, member.name)) continue;
    const value = (input as Record<string, unknown>)[member.name];
    if (value === undefined) continue;
    output[member.name] = member.sensitive ? SENSITIVE_STRING : redactValue(value, member.check);
  }
  return output;
}

/**
 * A non-sensitive member is logged as it is only when it has the model's type: a `Tags` that is
 * an object, or an `AppInstanceArn` that is an array, may hold anything (the input was invalid),
 * so it is redacted whole.
 */
function redactValue(value: unknown, check: Member['check']): unknown {
  switch (check.kind) {
    case 'list':
      return Array.isArray(value)
        ? Array.from(value, (item) => redactStructure(item, check.member))
        : SENSITIVE_STRING;
    case 'structure':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? redactStructure(value, check.shape)
        : SENSITIVE_STRING;
    default:
      return typeof value === 'string' || typeof value === 'number' ? value : SENSITIVE_STRING;
  }
}
