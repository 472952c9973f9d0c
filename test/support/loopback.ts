/**
 * Where the tests of test/operations/ send requests: a loopback node:http server that records each
 * request and answers what the test says (`useLoopback`), and a request handler that does the same
 * in process, without a socket (`InProcessHandler`), for thousands of calls or for requests that
 * must keep the host the SDK resolved (no custom `endpoint`).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { type HttpRequest, HttpResponse } from '@smithy/protocol-http';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** One request as it reached the wire. */
export interface RecordedRequest {
  readonly method: string;
  readonly hostname: string;
  /** The path without the query string, as sent (percent-encoded). */
  readonly path: string;
  /** Every query parameter, each with its values in order. */
  readonly query: Readonly<Record<string, readonly string[]>>;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body, parsed; `undefined` when there is none. */
  readonly body: unknown;
  /** The region of the SigV4 credential scope. */
  readonly signingRegion: string | undefined;
}

/** What the server answers a request with. */
export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}
export type Responder = (request: RecordedRequest) => Answer;

/** 200 with `{}`: valid enough for every output the SDKs parse (none has a required member). */
export const EMPTY_ANSWER: Responder = () => ({ status: 200, body: {} });

/** A service error as restJson1 services send it. */
export function serviceError(status: number, type: string, message: string): Answer {
  return { status, body: { Code: type, Message: message }, headers: { 'x-amzn-errortype': type } };
}

export interface Loopback {
  /** `http://127.0.0.1:<port>`, for a client's `endpoint`. */
  readonly endpoint: string;
  /** Every request since the last reset, in order. */
  readonly requests: RecordedRequest[];
  /** Answers the following requests with `responder` (until the next reset: `EMPTY_ANSWER`). */
  respond(responder: Responder): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const requests: RecordedRequest[] = [];
  let responder: Responder = EMPTY_ANSWER;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = fromIncoming(req, Buffer.concat(chunks));
      requests.push(recorded);
      let answer: Answer;
      try {
        answer = responder(recorded);
      } catch (error) {
        answer = serviceError(500, 'ServiceFailureException', `the test's responder threw: ${String(error)}`);
      }
      const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'x-amzn-requestid': `loopback-${requests.length}`,
        ...answer.headers,
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    respond(next) {
      responder = next;
    },
    reset() {
      requests.length = 0;
      responder = EMPTY_ANSWER;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** One loopback server for the file, emptied before each test, closed after the file. */
export function useLoopback(): { readonly current: Loopback } {
  const holder: { current: Loopback } = { current: undefined as unknown as Loopback };
  beforeAll(async () => {
    holder.current = await startLoopback();
  });
  beforeEach(() => holder.current.reset());
  afterAll(() => holder.current.close());
  return holder;
}

function fromIncoming(req: IncomingMessage, body: Buffer): RecordedRequest {
  const url = new URL(req.url ?? '/', 'http://loopback');
  const query: Record<string, string[]> = {};
  for (const name of new Set(url.searchParams.keys())) query[name] = url.searchParams.getAll(name);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const text = body.toString('utf8');
  return {
    method: req.method ?? '',
    hostname: (req.headers.host ?? '').replace(/:\d+$/, ''),
    path: (req.url ?? '/').split('?')[0]!,
    query,
    headers,
    body: text === '' ? undefined : JSON.parse(text),
    signingRegion: signingRegionOf(headers.authorization),
  };
}

function signingRegionOf(authorization: string | undefined): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization ?? '')?.[1];
}

/**
 * The SDK's node:http handler with the network cut off: it records each request it is given
 * (after endpoint resolution and signing, so the host is the one the SDK resolved) and answers
 * with the responder, in process.
 */
export class InProcessHandler extends NodeHttpHandler {
  readonly sent: RecordedRequest[] = [];
  responder: Responder = EMPTY_ANSWER;

  override async handle(request: HttpRequest) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
    const query: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value === null || value === undefined) continue;
      query[name] = Array.isArray(value) ? [...value] : [value];
    }
    const text =
      typeof request.body === 'string'
        ? request.body
        : request.body instanceof Uint8Array
          ? new TextDecoder().decode(request.body)
          : '';
    const recorded: RecordedRequest = {
      method: request.method,
      hostname: request.hostname,
      path: request.path,
      query,
      headers,
      body: text === '' ? undefined : JSON.parse(text),
      signingRegion: signingRegionOf(headers.authorization),
    };
    this.sent.push(recorded);
    const answer = this.responder(recorded);
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return {
      response: new HttpResponse({
        statusCode: answer.status,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'x-amzn-requestid': `in-process-${this.sent.length}`,
          ...answer.headers,
        },
        body: Readable.from([Buffer.from(body)]),
      }),
    };
  }
}

/** Headers that differ between any two requests (time, signature, per-call ids, user agent). */
const VOLATILE_HEADERS = new Set([
  'authorization',
  'x-amz-date',
  'date',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'user-agent',
  'x-amz-user-agent',
]);

/** What two clients sending the same request must agree on: everything but the volatile headers. */
export function comparable(request: RecordedRequest) {
  const headers = Object.fromEntries(
    Object.entries(request.headers)
      .filter(([name]) => !VOLATILE_HEADERS.has(name))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return {
    method: request.method,
    hostname: request.hostname,
    path: request.path,
    query: request.query,
    headers,
    body: request.body,
    signingRegion: request.signingRegion,
  };
}
