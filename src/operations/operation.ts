import type { StructureShape } from '../model/shapes.js';
import type { Translation } from './translations/types.js';

/** The dedicated namespaces, by the name the `clients` option and events use. */
export type Family = 'identity' | 'messaging' | 'meetings' | 'voice' | 'mediaPipelines';

export const FAMILIES: readonly Family[] = ['identity', 'messaging', 'meetings', 'voice', 'mediaPipelines'];

/**
 * One removed legacy operation, as the generator writes it from the models
 * (src/operations/generated/<family>.ts). Everything a call needs besides the hand-written
 * translations (src/operations/translations/).
 */
export interface Operation {
  /** The legacy name, `CreateAppInstanceUser`: events, errors and the CLI use it. */
  readonly name: string;
  /** The namespace that serves it; `tagging` for the generic tag operations, routed by the ARN. */
  readonly family: Family | 'tagging';
  /**
   * How the counterpart relates, when it is not the same-name operation: `renamed` (messaging's
   * streaming configurations), `substitute` (meeting tags), `routed-by-arn` (generic tagging),
   * `none` (no counterpart: refused before any I/O).
   */
  readonly status?: 'renamed' | 'substitute' | 'routed-by-arn' | 'none';
  /** The counterpart operation's name in the dedicated namespace. */
  readonly counterpart?: string;
  /** With no counterpart: what to use instead, for the refusal's message. */
  readonly instead?: string;
  /** The legacy request, with the members only the counterpart has marked `newOnly`. */
  readonly input: StructureShape;
  /** The legacy response: what callers get back, and nothing more. */
  readonly output: StructureShape;
  /** Members with the idempotency-token trait: filled once per logical call when absent. */
  readonly tokens?: readonly string[];
  /** Top-level members that name a Chime resource by ARN, most specific first: the region sources. */
  readonly regionSources?: readonly string[];
  /** Members the counterpart requires that the legacy request did not (each has a translation). */
  readonly newlyRequired?: readonly string[];
  /**
   * The flags some member of the request carries at any depth: `newOnly` (only the counterpart
   * has it), `legacyOnly` (the counterpart lacks it). A call walks its request for a flag only
   * when its operation has it.
   */
  readonly memberFlags?: readonly ('newOnly' | 'legacyOnly')[];
  /** What the call needs beyond sending the request as it is (src/operations/translations/). */
  readonly translation?: Translation;
}
