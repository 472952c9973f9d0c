import { identity } from './identity/index.js';
import { mediaPipelines } from './media-pipelines/index.js';
import { meetings } from './meetings/index.js';
import { messaging } from './messaging/index.js';
import type { Namespace } from './namespace.js';
import { voice } from './voice/index.js';

export type { Handler, HandlerContext, HandlerResult, Namespace } from './namespace.js';

/** The namespaces the emulator serves, on one endpoint. */
export const NAMESPACES: readonly Namespace[] = [identity, messaging, meetings, voice, mediaPipelines];

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
