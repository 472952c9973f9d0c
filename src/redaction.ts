import type { Shape } from './operations/create-app-instance-user.js';

/** What the SDKs print in place of a sensitive value (`SENSITIVE_STRING` in @smithy/smithy-client). */
export const SENSITIVE_STRING = '***SensitiveInformation***';

/**
 * The legacy model's log filter, driven by the shape's `sensitive` flags: the input as it may
 * appear in a log line. The new model no longer marks `ClientRequestToken` sensitive; the
 * legacy one did, and callers' logs were built on that, so the legacy redaction is kept.
 */
export function redact(input: unknown, shape: Shape): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const output: Record<string, unknown> = {};
  for (const member of shape) {
    if (!Object.hasOwn(input, member.name)) continue;
    const value = (input as Record<string, unknown>)[member.name];
    if (value === undefined) continue;
    const { check } = member;
    if (member.sensitive) output[member.name] = SENSITIVE_STRING;
    else if (check.kind === 'list' && Array.isArray(value))
      output[member.name] = value.map((item) => redact(item, check.member));
    else if (check.kind === 'structure') output[member.name] = redact(value, check.shape);
    else output[member.name] = value;
  }
  return output;
}
