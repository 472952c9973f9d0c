import { emulatorError } from '../errors.js';

/**
 * Pages of a list in a stable order, with an opaque `NextToken` that holds the list it belongs to
 * and the position after the last item returned, so pages stay correct when items are created or
 * deleted between calls. A token from another list (or one that does not decode) is a
 * `BadRequestException`; an empty one means the first page.
 */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken: string | undefined;
}

/**
 * @param items every item of the list, in order, each with its position (`seq`, increasing)
 * @param scope what the list is (an app instance ARN, a channel ARN, a region): tokens carry it
 * @param operation for the error message
 */
export function page<T extends { readonly seq: number }>(
  items: Iterable<T>,
  options: {
    scope: string;
    nextToken?: string | undefined;
    maxResults?: number | undefined;
    defaultMax: number;
    operation: string;
  },
): Page<T> {
  const after = options.nextToken ? decode(options.nextToken, options.scope, options.operation) : 0;
  const max = options.maxResults ?? options.defaultMax;
  const found: T[] = [];
  let more = false;
  for (const item of items) {
    if (item.seq <= after) continue;
    if (found.length === max) {
      more = true;
      break;
    }
    found.push(item);
  }
  const last = found.at(-1);
  return { items: found, nextToken: more && last ? encode(options.scope, last.seq) : undefined };
}

function encode(scope: string, seq: number): string {
  return Buffer.from(JSON.stringify({ a: scope, s: seq })).toString('base64url');
}

function decode(token: string, scope: string, operation: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { a?: unknown }).a === scope &&
      Number.isSafeInteger((parsed as { s?: unknown }).s)
    ) {
      return (parsed as { s: number }).s;
    }
  } catch {
    // Falls through to the error below: a token that does not decode is as invalid as a foreign one.
  }
  throw emulatorError('BadRequestException', `The NextToken is not valid for this ${operation} request.`);
}

/** A monotonic sequence for list positions, shared by a store. */
export class Sequence {
  #next = 1;
  next(): number {
    return this.#next++;
  }
}

/** The model's timestamps go on the wire as epoch seconds (restJson1 default), with milliseconds as the fraction. */
export function epochSeconds(epochMs: number): number {
  return epochMs / 1000;
}

/**
 * A stable fingerprint of the members that define a create request, to tell an idempotent
 * replay (same token, same request) from a token reused for a different request.
 */
export function fingerprint(values: readonly unknown[]): string {
  return JSON.stringify(values);
}
