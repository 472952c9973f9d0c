/**
 * `chime-identity-shim/emulator`: a local Chime SDK Identity service for tests and demos.
 * See docs/emulator.md for the operations, errors, fault injection and assumptions.
 */
export { type EmulatorErrorType, ERROR_KINDS } from './errors.js';
export { MAX_PENDING_FAULTS } from './faults.js';
export { DEFAULT_MAX_BODY_BYTES, EMULATOR_ACCOUNT_ID, EMULATOR_CREDENTIALS } from './options.js';
export { startEmulator } from './server.js';
export { CLOCK_SKEW_MS } from './sigv4.js';
export type {
  DelayFault,
  Emulator,
  EmulatorAppInstance,
  EmulatorCredentials,
  EmulatorOperation,
  EmulatorOptions,
  EmulatorUser,
  ErrorFault,
  FaultSpec,
  PendingFault,
  RequestLogEntry,
  ResetFault,
} from './types.js';
