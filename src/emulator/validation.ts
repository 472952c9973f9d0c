import type { StructureShape } from '../model/shapes.js';
import { formatViolations, type Violation, validate } from '../model/validate.js';
import { emulatorError } from './errors.js';

/**
 * The model's constraints, checked with the model module (src/model/) the way AWS's services
 * answer them:
 *
 *   1 validation error detected: Value at 'appInstanceUserId' failed to satisfy constraint:
 *   Member must satisfy regular expression pattern: ^[A-Za-z0-9]([A-Za-z0-9\:\-\_\.\@]{0,62}[A-Za-z0-9])?$
 *
 * - the value is quoted (`Value 'abc' at ...`) unless the model marks the member sensitive, then it
 *   is left out (`Value at ...`); a missing required member is `Value null at ...`;
 * - members the shape does not have are ignored, as AWS's JSON deserializers ignore them;
 * - a value of the wrong JSON type is not a validation error but a `SerializationException`, as
 *   in Smithy restJson1 servers.
 */
export function validateRequest<T>(shape: StructureShape, input: unknown): T {
  const result = validate<T>(input, shape, 'request', { unknownMembers: 'ignore' });
  if (result.ok) return result.value;
  const typeError = result.violations.find((violation) => violation.kind === 'type');
  if (typeError) {
    throw emulatorError(
      'SerializationException',
      `Expected ${expected(typeError.constraint)} for '${typeError.path}'`,
    );
  }
  throw emulatorError('BadRequestException', formatViolations(result.violations, valueAt));
}

function valueAt(violation: Violation): string {
  if (violation.constraint === 'Member must not be null') return `Value null at '${violation.path}'`;
  const { value } = violation;
  if (value === undefined || typeof value === 'object') return `Value at '${violation.path}'`;
  return `Value '${String(value)}' at '${violation.path}'`;
}

/** `Member must be a string` -> `a string`. */
function expected(constraint: string): string {
  return constraint.replace(/^Member must be /, '');
}
