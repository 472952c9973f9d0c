import { identity } from './identity/index.js';
import type { Namespace } from './namespace.js';

export type { Handler, HandlerContext, HandlerResult, Namespace } from './namespace.js';

/** The namespaces the emulator serves, on one endpoint. */
export const NAMESPACES: readonly Namespace[] = [identity];

/** Every operation some namespace serves (it has a handler): what a fault's `operation` may name. */
export const SERVED_OPERATIONS: readonly string[] = [
  ...new Set(
    NAMESPACES.flatMap((namespace) =>
      namespace.operations
        .filter((operation) => namespace.handlers[operation.name])
        .map((operation) => operation.name),
    ),
  ),
].sort();
