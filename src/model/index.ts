/** The model module: shapes and what reads them, shared by the shim, the CLI and the emulator. */
export { project } from './project.js';
export { redact, SENSITIVE_STRING } from './redact.js';
export type {
  BlobShape,
  BooleanShape,
  ListShape,
  MapShape,
  Member,
  NumberShape,
  Pattern,
  Shape,
  StringShape,
  StructureShape,
  TimestampShape,
} from './shapes.js';
export { messageName } from './shapes.js';
export {
  codePointLength,
  formatViolations,
  type ValidationOptions,
  type ValidationResult,
  type Violation,
  validate,
} from './validate.js';
