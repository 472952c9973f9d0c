/**
 * The model module's shapes: what the AWS models say about a value (type, lengths, ranges,
 * patterns, enums, sensitivity, members), as plain data. The shapes themselves are generated
 * from models/ (src/operations/generated/, src/emulator/generated/); the code that reads them
 * (validation, projection, redaction) is in this folder, so each constraint exists once and the
 * shim, the CLI and the emulator read the same one.
 */

/** A pattern as the model writes it (for messages) and as a whole-value JavaScript regex. */
export interface Pattern {
  readonly text: string;
  readonly regex: RegExp;
}

interface Sensitivity {
  /** Marked sensitive in the model: never echoed in a message, an event or a log line. */
  readonly sensitive?: boolean;
}

export interface StringShape extends Sensitivity {
  readonly type: 'string';
  /** Length bounds in Unicode code points (Smithy's and Coral's unit), inclusive. */
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: Pattern;
  readonly enum?: readonly string[];
}

export interface NumberShape extends Sensitivity {
  readonly type: 'integer' | 'long' | 'float' | 'double';
  readonly min?: number;
  readonly max?: number;
}

export interface BooleanShape extends Sensitivity {
  readonly type: 'boolean';
}

export interface TimestampShape extends Sensitivity {
  readonly type: 'timestamp';
  /** The model's `timestampFormat`, when it sets one. */
  readonly format?: string;
}

export interface BlobShape extends Sensitivity {
  readonly type: 'blob';
}

export interface ListShape extends Sensitivity {
  readonly type: 'list';
  readonly member: Shape;
  readonly min?: number;
  readonly max?: number;
}

export interface MapShape extends Sensitivity {
  readonly type: 'map';
  readonly key: Shape;
  readonly value: Shape;
  readonly min?: number;
  readonly max?: number;
}

export interface Member {
  readonly shape: Shape;
  readonly required?: boolean;
  /**
   * Only the dedicated namespace has this member (`ExpirationSettings`, `SubChannelId`, ...):
   * accepted on the identity route, refused on the legacy route.
   */
  readonly newOnly?: boolean;
  /**
   * The dedicated namespace has no such member (attendee `Tags`): refused wherever it serves the
   * call, rather than silently dropped.
   */
  readonly legacyOnly?: boolean;
}

export interface StructureShape extends Sensitivity {
  readonly type: 'structure';
  /** In model order, which is the order of validation messages. */
  readonly members: Readonly<Record<string, Member>>;
}

export type Shape =
  | StringShape
  | NumberShape
  | BooleanShape
  | TimestampShape
  | BlobShape
  | ListShape
  | MapShape
  | StructureShape;

/** `AppInstanceUserId` -> `appInstanceUserId`: how the services name members in validation messages. */
export function messageName(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}
