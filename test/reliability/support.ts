/**
 * Helpers shared by the reliability suite (test/reliability, test/sdk-3.699/secrets.test.ts).
 * The emulator itself comes from test/support/emulator.ts (`useEmulator`, `RecordingHandler`).
 */
import { randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { type HttpRequest, HttpResponse } from '@smithy/protocol-http';

export { rejection } from '../support/rejection.js';

/**
 * The seed of a randomised test: `RELIABILITY_SEED` when set (to replay a run), a fresh one
 * otherwise. Printed either way, so any run can be replayed.
 */
export function seedFor(test: string): number {
  const given = process.env.RELIABILITY_SEED;
  const seed = given === undefined ? randomInt(2 ** 31 - 1) : Number(given);
  if (!Number.isSafeInteger(seed)) throw new TypeError(`RELIABILITY_SEED must be an integer, got ${given}`);
  console.log(`[${test}] seed=${seed} (replay with RELIABILITY_SEED=${seed})`);
  return seed;
}

/** mulberry32: a small, well-known seeded PRNG; uniform in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One request as the SDK handed it to its request handler, after endpoint resolution and signing. */
export interface CapturedRequest {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: number | undefined;
  readonly path: string;
  readonly hostHeader: string | undefined;
  /** The region of the SigV4 credential scope. */
  readonly signingRegion: string | undefined;
}

/**
 * The SDK's node:http handler with the network cut off: it records where each request would
 * have gone and answers a canned 201 `{ AppInstanceUserArn }`, as the service would. Used
 * without a custom `endpoint`, so the host is the one the real SDK resolves for the region.
 */
export class CannedHandler extends NodeHttpHandler {
  readonly sent: CapturedRequest[] = [];

  override async handle(request: HttpRequest) {
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? '');
    this.sent.push({
      protocol: request.protocol,
      hostname: request.hostname,
      port: request.port,
      path: request.path,
      hostHeader: request.headers.host,
      signingRegion: scope?.[1],
    });
    const body = JSON.stringify({ AppInstanceUserArn: 'arn:aws:chime:canned' });
    return {
      response: new HttpResponse({
        statusCode: 201,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'x-amzn-requestid': 'canned-request-id',
        },
        body: Readable.from([Buffer.from(body)]),
      }),
    };
  }
}

/** A logger with every method the SDK may call, at every level, recording each call. */
export interface CapturingLogger {
  readonly trace: (...args: unknown[]) => void;
  readonly debug: (...args: unknown[]) => void;
  readonly info: (...args: unknown[]) => void;
  readonly warn: (...args: unknown[]) => void;
  readonly error: (...args: unknown[]) => void;
  /** Every call so far, as `[level, ...args]`. */
  readonly calls: unknown[][];
}

export function capturingLogger(): CapturingLogger {
  const calls: unknown[][] = [];
  const at =
    (level: string) =>
    (...args: unknown[]) => {
      calls.push([level, ...args]);
    };
  return {
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    calls,
  };
}

/**
 * Everything a log sink could print of a value: what a cycle-safe JSON serializer or
 * `util.inspect` with a deep `depth` shows (own enumerable properties, recursively, 12 levels),
 * plus an error's `message`, `stack` and `cause`, which both print. Non-enumerable properties
 * (the SDKs hide an error's `$response` that way) are not followed: no sink prints them.
 */
export function printable(value: unknown): string {
  const seen = new WeakSet<object>();
  const out: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'string') {
      out.push(v);
      return;
    }
    if (typeof v !== 'object' || v === null) {
      if (typeof v === 'function' || typeof v === 'symbol') out.push(String(v.toString()));
      else out.push(String(v));
      return;
    }
    if (seen.has(v) || depth > 12) return;
    seen.add(v);
    if (v instanceof Error) {
      out.push(v.name, v.message, v.stack ?? '');
      if (v.cause !== undefined) walk(v.cause, depth + 1);
    }
    if (v instanceof Map) {
      for (const [k, item] of v) {
        walk(k, depth + 1);
        walk(item, depth + 1);
      }
      return;
    }
    if (v instanceof Set) {
      for (const item of v) walk(item, depth + 1);
      return;
    }
    for (const key of Object.keys(v)) {
      out.push(key);
      walk((v as Record<string, unknown>)[key], depth + 1);
    }
  };
  walk(value, 0);
  return out.join('\n');
}
