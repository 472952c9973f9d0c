import type { StructureShape } from '../model/shapes.js';

/**
 * One operation of a dedicated namespace, as the generator writes it from the Smithy model
 * (src/emulator/generated/): its restJson1 HTTP binding and its request shape. The emulator
 * routes, assembles and validates requests from these rows; a namespace adds the handlers.
 */
export interface ServiceOperation {
  readonly name: string;
  readonly method: string;
  /** The URI template's path, labels in braces: `/channels/{ChannelArn}/memberships`. */
  readonly path: string;
  /** The URI template's literal query, when it has one: `operation=batch-create`. */
  readonly literalQuery?: string;
  /** The success status (`smithy.api#http` `code`). */
  readonly code: number;
  readonly input: StructureShape;
  /** Members bound to URI labels (the label is the member's name). */
  readonly labels?: readonly string[];
  /** Query parameter -> member. */
  readonly query?: Readonly<Record<string, string>>;
  /** Header (lower case) -> member. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Whether any member is bound to the JSON body. */
  readonly hasBody?: boolean;
  readonly paginated?: {
    readonly inputToken: string;
    readonly outputToken: string;
    readonly pageSize?: string;
  };
  /** The errors the model lists for it. */
  readonly errors: readonly string[];
}
