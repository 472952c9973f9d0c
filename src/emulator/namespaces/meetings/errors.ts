import { type EmulatorError, emulatorError } from '../../errors.js';

/** Chime SDK Meetings' own errors (src/emulator/errors.ts has their status and body `Code`). */
export type MeetingsErrorType =
  | 'LimitExceededException'
  | 'ResourceNotFoundException'
  | 'TooManyTagsException'
  | 'UnprocessableEntityException';

export function meetingsError(type: MeetingsErrorType, message: string): EmulatorError {
  return emulatorError(type, message);
}
