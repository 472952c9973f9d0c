import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { handleControl } from './control.js';
import { EmulatorError, emulatorError } from './errors.js';
import { FaultQueue } from './faults.js';
import { OPERATION_TABLE, type OperationDescriptor } from './operations/index.js';
import { EMULATOR_ACCOUNT_ID, REGION_NAME, type ResolvedOptions, resolveOptions } from './options.js';
import { RequestLog } from './request-log.js';
import { parseQuery, type RouteMatch, Router } from './router.js';
import { SigV4Verifier, scopeRegionOf } from './sigv4.js';
import { Store } from './store.js';
import type { Emulator, EmulatorOptions, FaultSpec } from './types.js';
import { validate } from './validation.js';

const CONTROL_PREFIX = '/__emulator/';
/** Raw paths of unknown routes are logged, cut to this many characters. */
const LOGGED_PATH_MAX = 200;

/** A request with everything the pipeline has learned about it so far, for the log. */
interface Exchange {
  readonly requestId: string;
  readonly arrived: number;
  readonly started: number;
  readonly method: string;
  /** The route template once matched; until then the raw path, cut short. */
  path: string;
  operation: OperationDescriptor['name'] | undefined;
  readonly authorization: string | undefined;
  region: string | undefined;
  fault: FaultSpec['kind'] | undefined;
}

function send(
  res: ServerResponse,
  status: number,
  requestId: string,
  body: string | undefined,
  extra?: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { 'x-amzn-requestid': requestId, ...extra };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(body);
  }
  res.writeHead(status, headers);
  res.end(body);
}

function sendError(
  res: ServerResponse,
  requestId: string,
  error: EmulatorError,
  extra?: Record<string, string>,
): void {
  send(res, error.status, requestId, error.toBody(), { 'x-amzn-errortype': error.type, ...extra });
}

/** Anything thrown that is not an EmulatorError is a bug in the emulator: a 500, as AWS would answer. */
function asEmulatorError(error: unknown): EmulatorError {
  if (error instanceof EmulatorError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return emulatorError(
    'ServiceFailureException',
    `The emulator failed while handling the request: ${detail}`,
  );
}

/** The client went away before its request was complete: there is no one left to answer. */
class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

/**
 * Read the whole body, refusing more than `limit` bytes: a declared Content-Length over the
 * limit is refused before reading anything, a chunked body as soon as it crosses the limit.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = (size: number) =>
    emulatorError(
      'RequestEntityTooLargeException',
      `Request body of ${size} bytes exceeds the limit of ${limit} bytes.`,
    );
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(declared));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge(size));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.once('error', () => reject(new ClientGone()));
    req.once('close', () => {
      if (!req.complete) reject(new ClientGone());
    });
  });
}

function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * The operation's input, as restJson1 binds it: the JSON body's members (operations with a
 * body), then the query parameters and URI labels, which win over a body member of the same name.
 */
function assembleInput(
  route: RouteMatch,
  query: Record<string, string | string[]>,
  req: IncomingMessage,
  body: Buffer,
) {
  const { descriptor, labels } = route;
  let input: Record<string, unknown> = {};
  if (descriptor.hasBody && body.length > 0) {
    // restJson1: a body must say it is JSON; Smithy servers answer anything else with 415.
    if (!isJsonContentType(req.headers['content-type'])) {
      throw emulatorError(
        'UnsupportedMediaTypeException',
        `Content-Type must be application/json, got ${JSON.stringify(req.headers['content-type'] ?? null)}.`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw emulatorError('SerializationException', 'The request body is not valid JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw emulatorError('SerializationException', 'The request body must be a JSON object.');
    }
    input = parsed as Record<string, unknown>;
  }
  for (const [name, { member, type }] of Object.entries(descriptor.query ?? {})) {
    const raw = query[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) continue;
    if (type === 'integer') {
      if (!/^[+-]?\d{1,15}$/.test(value)) {
        throw emulatorError('SerializationException', `Expected an integer for query parameter '${name}'.`);
      }
      input[member] = Number(value);
    } else {
      input[member] = value;
    }
  }
  for (const [label, value] of Object.entries(labels)) input[label] = value;
  return input;
}

class EmulatorRuntime {
  readonly options: ResolvedOptions;
  readonly store: Store;
  readonly faults = new FaultQueue();
  readonly log: RequestLog;
  readonly #router = new Router(OPERATION_TABLE);
  readonly #verifier: SigV4Verifier;
  /** Injected delays in progress, so that close() does not wait for them. */
  readonly #delays = new Set<{ timer: NodeJS.Timeout; cancel: () => void }>();

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.store = new Store(EMULATOR_ACCOUNT_ID, options);
    this.log = new RequestLog(options.requestLogSize);
    this.#verifier = new SigV4Verifier(options.credentials, options.regions);
  }

  /** Entry point for every request; never rejects. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    this.#serve(req, res).catch((error: unknown) => {
      // Only reachable if writing the answer itself failed: nothing left to tell the client.
      res.destroy(error instanceof Error ? error : undefined);
    });
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? '' : url.slice(q + 1);

    if (this.options.controlPath && rawPath.startsWith(CONTROL_PREFIX)) {
      try {
        const body = await readBody(req, this.options.maxBodyBytes);
        const result = handleControl(
          this,
          method,
          rawPath.slice(CONTROL_PREFIX.length),
          parseQuery(rawQuery),
          body,
        );
        send(
          res,
          result.status,
          requestId,
          result.body === undefined ? undefined : JSON.stringify(result.body),
        );
      } catch (error) {
        if (!(error instanceof ClientGone)) this.#answerError(req, res, requestId, asEmulatorError(error));
      }
      return;
    }

    const exchange: Exchange = {
      requestId,
      arrived: Date.now(),
      started: performance.now(),
      method,
      path: rawPath.slice(0, LOGGED_PATH_MAX),
      operation: undefined,
      authorization: req.headers.authorization,
      region: undefined,
      fault: undefined,
    };
    let status: number;
    let errorType: string | undefined;
    try {
      const route = this.#router.match(method, rawPath);
      if (route) {
        exchange.path = route.descriptor.path;
        exchange.operation = route.descriptor.name;
      }
      const body = await readBody(req, this.options.maxBodyBytes);
      if (!route) {
        throw emulatorError('UnknownOperationException', `No operation matches ${method} ${exchange.path}.`);
      }
      const fault = this.faults.take(route.descriptor.name);
      if (fault) {
        exchange.fault = fault.kind;
        if (fault.kind === 'reset') {
          // RST, not FIN: the SDK sees ECONNRESET, as with a dropped load balancer connection.
          req.socket.resetAndDestroy();
          this.#record(exchange, 0, undefined);
          return;
        }
        if (fault.kind === 'error') {
          throw new EmulatorError(fault.errorType, fault.message ?? `Injected fault: ${fault.errorType}`, {
            ...(fault.status === undefined ? {} : { status: fault.status }),
            ...(fault.code === undefined ? {} : { code: fault.code }),
          });
        }
        await this.#sleep(fault.delayMs);
      }
      const query = parseQuery(rawQuery);
      exchange.region = this.options.verifySignatures
        ? await this.#verifier.verify({ method, rawPath, query, headers: req.headers, body }, Date.now())
        : (scopeRegionOf(exchange.authorization) ?? this.options.defaultRegion);
      const region = exchange.region;
      const input = assembleInput(route, query, req, body);
      validate(route.descriptor.input, input);
      const result = route.descriptor.handle({ region, input, store: this.store, now: Date.now() });
      status = result.status;
      send(res, status, requestId, result.body === undefined ? undefined : JSON.stringify(result.body));
    } catch (error) {
      if (error instanceof ClientGone) {
        this.#record(exchange, 0, undefined);
        return;
      }
      const answer = asEmulatorError(error);
      status = answer.status;
      errorType = answer.type;
      this.#answerError(req, res, requestId, answer);
    }
    this.#record(exchange, status, errorType);
  }

  #answerError(req: IncomingMessage, res: ServerResponse, requestId: string, error: EmulatorError): void {
    // After a refused body the rest of it is still on the wire: close instead of reading it.
    const close = error.type === 'RequestEntityTooLargeException' || !req.complete;
    sendError(res, requestId, error, close ? { connection: 'close' } : undefined);
  }

  #record(exchange: Exchange, status: number, errorType: string | undefined): void {
    this.log.add({
      requestId: exchange.requestId,
      arrived: exchange.arrived,
      method: exchange.method,
      path: exchange.path,
      operation: exchange.operation,
      status,
      errorType,
      // Verified requests have their region already; others get it read (not checked) from the header.
      region: exchange.region ?? scopeRegionOf(exchange.authorization),
      fault: exchange.fault,
      durationMs: performance.now() - exchange.started,
    });
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const delay = {
        timer: setTimeout(() => {
          this.#delays.delete(delay);
          resolve();
        }, ms),
        cancel: () => {
          clearTimeout(delay.timer);
          reject(emulatorError('ServiceUnavailableException', 'The emulator is shutting down.'));
        },
      };
      this.#delays.add(delay);
    });
  }

  /** A test shortcut: an app instance straight into the store. */
  createAppInstance(options: { region?: string; name?: string; metadata?: string } = {}): string {
    const region = options.region ?? this.options.defaultRegion;
    if (!REGION_NAME.test(region)) {
      throw new RangeError(
        `createAppInstance: region must be an AWS region name such as 'us-east-1', got ${JSON.stringify(region)}`,
      );
    }
    const token = randomUUID();
    return this.store.addAppInstance({
      region,
      name: options.name ?? 'emulator-app-instance',
      metadata: options.metadata,
      tags: undefined,
      token,
      fingerprint: token,
      now: Date.now(),
    }).arn;
  }

  reset(): void {
    this.store.clear();
    this.faults.clear();
    this.log.clear();
  }

  cancelDelays(): void {
    for (const delay of this.#delays) delay.cancel();
    this.#delays.clear();
  }
}

export type { EmulatorRuntime };

/**
 * What node's HTTP parser refuses never reaches a request handler; answer it AWS-style
 * (status, `x-amzn-errortype`, JSON body) and close, as the connection cannot be trusted.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, type, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'RequestHeaderFieldsTooLargeException', 'The request headers exceed the size limit.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'RequestTimeoutException', 'The request was not received in time.']
        : [400, 'BadRequestException', `Malformed HTTP request (${error.code ?? 'parse error'}).`];
  const body = new EmulatorError(type, message, { status }).toBody();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'content-type: application/json\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `x-amzn-errortype: ${type}\r\n` +
      `x-amzn-requestid: ${randomUUID()}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Start a local Chime SDK Identity service on loopback.
 *
 * @example
 * ```ts
 * import { ChimeSDKIdentityClient, CreateAppInstanceCommand } from '@aws-sdk/client-chime-sdk-identity';
 * import { EMULATOR_CREDENTIALS, startEmulator } from 'chime-identity-shim/emulator';
 *
 * const emulator = await startEmulator();
 * const client = new ChimeSDKIdentityClient({
 *   region: 'us-east-1',
 *   endpoint: emulator.endpoint,
 *   credentials: EMULATOR_CREDENTIALS,
 * });
 * const { AppInstanceArn } = await client.send(new CreateAppInstanceCommand({ Name: 'demo' }));
 * await emulator.close();
 * ```
 */
export async function startEmulator(options?: EmulatorOptions): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const runtime = new EmulatorRuntime(resolved);
  const server = createServer(
    {
      // Bounded waits, so slow or stalled clients cannot hold sockets forever.
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      // Node answers a request without Host with a bare 400 of its own; let it through so the
      // SigV4 check refuses it AWS-style (the signed `host` header is missing), logged like any other.
      requireHostHeader: false,
    },
    (req, res) => runtime.handle(req, res),
  );
  server.maxConnections = 1_024;
  server.on('clientError', answerClientError);
  const address = await listen(server, resolved.host, resolved.port);
  const hostForUrl = address.address.includes(':') ? `[${address.address}]` : address.address;
  const endpoint = `http://${hostForUrl}:${address.port}`;
  let closed: Promise<void> | undefined;

  const emulator: Emulator = {
    endpoint,
    host: address.address,
    port: address.port,
    credentials: resolved.credentials,
    faults: {
      inject: (fault) => runtime.faults.inject(fault),
      clear: () => runtime.faults.clear(),
      pending: () => runtime.faults.pending(),
    },
    requests: () => runtime.log.entries(),
    users: (appInstanceArn) => runtime.store.userViews(appInstanceArn),
    appInstances: () => runtime.store.appInstanceViews(),
    createAppInstance: (createOptions) => runtime.createAppInstance(createOptions),
    reset: () => runtime.reset(),
    close() {
      closed ??= new Promise<void>((resolve) => {
        runtime.cancelDelays();
        server.close(() => resolve());
        // server.close() alone waits for idle keep-alive sockets to time out; SDK clients keep them open.
        server.closeAllConnections();
      });
      return closed;
    },
  };
  return Object.freeze(emulator);
}
