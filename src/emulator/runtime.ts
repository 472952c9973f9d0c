import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Family } from '../operations/operation.js';
import { assembleInput } from './binding.js';
import { type ControlTarget, handleControl } from './control.js';
import { EmulatorError, emulatorError } from './errors.js';
import { FaultQueue } from './faults.js';
import { asEmulatorError, ClientGone, readBody, send, sendError } from './http.js';
import { NAMESPACES, type Namespace } from './namespaces/index.js';
import { ownerOf } from './namespaces/tagging.js';
import { EMULATOR_ACCOUNT_ID, REGION_NAME, type ResolvedOptions } from './options.js';
import { RequestLog } from './request-log.js';
import { parseQuery, type RouteMatch, Router, type Target } from './router.js';
import { SigV4Verifier, scopeRegionOf } from './sigv4.js';
import { EmulatorState } from './state.js';
import type { EmulatorOperation, FaultSpec } from './types.js';
import { validateRequest } from './validation.js';

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
  operation: EmulatorOperation | undefined;
  readonly authorization: string | undefined;
  region: string | undefined;
  fault: FaultSpec['kind'] | undefined;
}

/**
 * The emulator's request pipeline, one request at a time: control path or SDK operation; route
 * by the models' bindings; faults; SigV4; assemble and validate the input with the model module;
 * the namespace's handler; the answer; the log.
 */
export class EmulatorRuntime implements ControlTarget {
  readonly options: ResolvedOptions;
  readonly state: EmulatorState;
  readonly faults = new FaultQueue();
  readonly log: RequestLog;
  readonly #router: Router<Namespace>;
  readonly #verifier: SigV4Verifier;
  /** Injected delays in progress, so that close() does not wait for them. */
  readonly #delays = new Set<{ timer: NodeJS.Timeout; cancel: () => void }>();

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.state = new EmulatorState(EMULATOR_ACCOUNT_ID, options);
    this.log = new RequestLog(options.requestLogSize);
    this.#verifier = new SigV4Verifier(options.credentials, options.regions);
    this.#router = new Router(
      NAMESPACES.flatMap((namespace) =>
        namespace.operations
          .filter((operation) => namespace.handlers[operation.name])
          .map((operation) => ({ namespace, operation })),
      ),
    );
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
      const query = parseQuery(rawQuery);
      const route = this.#router.match(method, rawPath, query);
      if (route) {
        exchange.path = route.template;
        // Every target of a route has the same name (only the tag operations share a binding).
        exchange.operation = route.targets[0]!.operation.name as EmulatorOperation;
      }
      const body = await readBody(req, this.options.maxBodyBytes);
      if (!route) {
        throw emulatorError('UnknownOperationException', `No operation matches ${method} ${exchange.path}.`);
      }
      const fault = this.faults.take(exchange.operation!);
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
      exchange.region = this.options.verifySignatures
        ? await this.#verifier.verify({ method, rawPath, query, headers: req.headers, body }, Date.now())
        : (scopeRegionOf(exchange.authorization) ?? this.options.defaultRegion);
      const region = exchange.region;
      const { namespace, operation, input } = this.#target(route, query, req, body);
      const valid = validateRequest(operation.input, input);
      const result = namespace.handlers[operation.name]!({
        region,
        input: valid,
        state: this.state,
        now: Date.now(),
        operation,
      });
      status = result.status ?? operation.code;
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

  /**
   * The operation a request is for, with its input. One binding serves several namespaces only
   * for the generic tag operations: the namespace that owns the `ResourceARN` takes the request.
   */
  #target(
    route: RouteMatch<Namespace>,
    query: Record<string, string | string[]>,
    req: IncomingMessage,
    body: Buffer,
  ): Target<Namespace> & { input: Record<string, unknown> } {
    const [first] = route.targets;
    const input = assembleInput(first!.operation, route.labels, query, req, body);
    if (route.targets.length === 1) return { ...first!, input };
    const arn = input.ResourceARN;
    const owner: Family | undefined = typeof arn === 'string' ? ownerOf(arn) : undefined;
    const target = route.targets.find((candidate) => candidate.namespace.family === owner);
    if (!target) {
      // Validated first, so a missing or malformed ARN gets the model's message.
      validateRequest(first!.operation.input, input);
      throw emulatorError(
        'BadRequestException',
        `ResourceARN ${String(arn)} is not a resource of a Chime SDK namespace this emulator serves.`,
      );
    }
    return { ...target, input };
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
    return this.state.identity.addAppInstance({
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
    this.state.clear();
    this.faults.clear();
    this.log.clear();
  }

  cancelDelays(): void {
    for (const delay of this.#delays) delay.cancel();
    this.#delays.clear();
  }
}
