import type { Family } from '../../operations/operation.js';
import { familyExports, familyPackage } from '../knowledge.js';

/**
 * The legacy error classes that Chime SDK Meetings calls differently: the inverse of the runtime's
 * `SAME_MEANING` in src/errors.ts (meetings `ThrottlingException` reaches legacy catch blocks as
 * `ThrottledClientException`, ...), so that a catch block moved to a family package tests the
 * class that family really throws. test/migrate/native.test.ts checks it against the runtime.
 */
export const NEW_NAMES_BY_MEANING: Readonly<Record<string, readonly string[]>> = {
  ThrottledClientException: ['ThrottlingException'],
  UnauthorizedClientException: ['UnauthorizedException'],
  NotFoundException: ['ResourceNotFoundException'],
  ResourceLimitExceededException: ['LimitExceededException', 'TooManyTagsException'],
};

/**
 * The classes a family throws for a legacy error class: the same name when the family has it
 * (meetings also has `ResourceNotFoundException` next to `NotFoundException`), else the names of
 * the same meaning; the family's service exception for `ChimeServiceException`; none when the
 * family has no such error.
 */
export function familyErrors(family: Family, legacyName: string): string[] {
  if (legacyName === 'ChimeServiceException') return [familyPackage(family).serviceExceptionName];
  const names: string[] = [];
  if (familyExports(family, 'errors', legacyName)) names.push(legacyName);
  for (const name of NEW_NAMES_BY_MEANING[legacyName] ?? []) {
    if (familyExports(family, 'errors', name)) names.push(name);
  }
  return names;
}

/** A legacy error class name (`BadRequestException`, ..., `ChimeServiceException`). */
export function isErrorName(name: string): boolean {
  return name === 'ChimeServiceException' || /^[A-Z]\w*Exception$/.test(name);
}
