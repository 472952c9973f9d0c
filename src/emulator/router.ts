import { emulatorError } from './errors.js';
import type { OperationDescriptor } from './operations/index.js';

/**
 * Routing by the model's HTTP bindings. Labels (`{AppInstanceUserArn}`) are single path
 * segments: both SDKs percent-encode an ARN label whole (`/` becomes `%2F`), so an ARN never
 * spans segments, and the label is decoded once here.
 */

interface CompiledRoute {
  readonly descriptor: OperationDescriptor;
  /** One entry per path segment: a literal, or `{ label }` for a label. */
  readonly segments: readonly (string | { readonly label: string })[];
}

export interface RouteMatch {
  readonly descriptor: OperationDescriptor;
  readonly labels: Readonly<Record<string, string>>;
}

export class Router {
  readonly #routes: readonly CompiledRoute[];

  constructor(descriptors: readonly OperationDescriptor[]) {
    this.#routes = descriptors.map((descriptor) => ({
      descriptor,
      segments: descriptor.path
        .split('/')
        .slice(1)
        .map((segment) => (segment.startsWith('{') ? { label: segment.slice(1, -1) } : segment)),
    }));
  }

  /** The operation for a method and raw (still encoded) path, or `undefined` when none matches. */
  match(method: string, rawPath: string): RouteMatch | undefined {
    const segments = rawPath.split('/').slice(1);
    for (const route of this.#routes) {
      if (route.descriptor.method !== method || route.segments.length !== segments.length) continue;
      const labels: Record<string, string> = {};
      let matched = true;
      for (let i = 0; i < segments.length && matched; i++) {
        const expected = route.segments[i]!;
        const actual = segments[i]!;
        if (typeof expected === 'string') matched = expected === actual;
        else if (actual === '') matched = false;
        else labels[expected.label] = decodeComponent(actual, expected.label);
      }
      if (matched) return { descriptor: route.descriptor, labels };
    }
    return undefined;
  }
}

/** `decodeURIComponent`, with a malformed escape answered as AWS's JSON services do: 400 SerializationException. */
export function decodeComponent(value: string, what: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw emulatorError('SerializationException', `Malformed percent-encoding in ${what}`);
  }
}

/** The query string decoded once; a repeated name gives an array, as the SigV4 signer expects. */
export function parseQuery(rawQuery: string): Record<string, string | string[]> {
  // No prototype: a `__proto__` parameter must stay a plain entry.
  const query: Record<string, string | string[]> = Object.create(null);
  if (rawQuery === '') return query;
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq), 'the query string');
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1), 'the query string');
    const previous = query[key];
    query[key] =
      previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return query;
}
