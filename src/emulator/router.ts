import { emulatorError } from './errors.js';
import type { ServiceOperation } from './service-operation.js';

/**
 * Routing by the models' HTTP bindings, for every namespace on one endpoint. Labels
 * (`{AppInstanceUserArn}`) are single path segments: the SDKs percent-encode an ARN label whole
 * (`/` becomes `%2F`), so an ARN never spans segments, and the label is decoded once here. A
 * binding with a literal query (`?operation=batch-create`) is tried before the same path without one.
 *
 * Several namespaces may bind the same request (every namespace has `POST /tags?operation=tag-resource`):
 * a route then holds each of them, and the runtime picks one by the resource's ARN.
 */

/** One operation of one namespace. */
export interface Target<Namespace> {
  readonly namespace: Namespace;
  readonly operation: ServiceOperation;
}

interface CompiledRoute<Namespace> {
  readonly method: string;
  readonly template: string;
  /** One entry per path segment: a literal, or `{ label }` for a label. */
  readonly segments: readonly (string | { readonly label: string })[];
  readonly literalQuery: readonly (readonly [string, string])[];
  readonly targets: Target<Namespace>[];
}

export interface RouteMatch<Namespace> {
  /** The route template, for the request log: no ARN or id reaches it. */
  readonly template: string;
  /** Every operation bound to this request, one per namespace that binds it. */
  readonly targets: readonly Target<Namespace>[];
  readonly labels: Readonly<Record<string, string>>;
}

export class Router<Namespace> {
  readonly #routes: CompiledRoute<Namespace>[] = [];

  constructor(targets: readonly Target<Namespace>[]) {
    for (const target of targets) {
      const { method, path, literalQuery } = target.operation;
      const template = literalQuery ? `${path}?${literalQuery}` : path;
      const existing = this.#routes.find((route) => route.method === method && route.template === template);
      if (existing) {
        existing.targets.push(target);
        continue;
      }
      this.#routes.push({
        method,
        template,
        segments: path
          .split('/')
          .slice(1)
          .map((segment) => (segment.startsWith('{') ? { label: segment.slice(1, -1) } : segment)),
        literalQuery: literalQuery
          ? literalQuery.split('&').map((pair) => pair.split('=') as [string, string])
          : [],
        targets: [target],
      });
    }
    // Bindings with a literal query first: they are the more specific ones.
    this.#routes.sort((a, b) => b.literalQuery.length - a.literalQuery.length);
  }

  /** The operations for a method, raw (still encoded) path and decoded query, or `undefined`. */
  match(
    method: string,
    rawPath: string,
    query: Readonly<Record<string, string | string[]>>,
  ): RouteMatch<Namespace> | undefined {
    const segments = rawPath.split('/').slice(1);
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      if (!route.literalQuery.every(([name, value]) => query[name] === value)) continue;
      const labels: Record<string, string> = {};
      let matched = true;
      for (let i = 0; i < segments.length && matched; i++) {
        const expected = route.segments[i]!;
        const actual = segments[i]!;
        if (typeof expected === 'string') matched = expected === actual;
        else if (actual === '') matched = false;
        else labels[expected.label] = decodeComponent(actual, expected.label);
      }
      if (matched) return { template: route.template, targets: route.targets, labels };
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
