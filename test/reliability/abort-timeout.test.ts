/**
 * Abort and timeout: `abortSignal` and `requestTimeout`, given to `send`, to the aggregated
 * method or to the function, stop the in-flight identity request and surface exactly as the SDK
 * raises them (not translated). Nothing is left half-done: the same client, and the same
 * per-region identity client, serve the next call. The injected delays (not measured durations)
 * decide what times out.
 */
import { Agent } from 'node:http';
import * as identityPackage from '@aws-sdk/client-chime-sdk-identity';
import {
  ChimeSDKIdentityClient,
  CreateAppInstanceUserCommand as IdentityCreateAppInstanceUserCommand,
} from '@aws-sdk/client-chime-sdk-identity';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import { describe, expect, it, vi } from 'vitest';
import {
  Chime,
  ChimeClient,
  ChimeServiceException,
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserCommandOutput,
  type CreateAppInstanceUserRequest,
  createAppInstanceUser,
  type ShimEvent,
} from '../../src/index.js';
import { type NamespaceClients, namespaceClients } from '../../src/namespaces.js';
import { EMULATOR_CREDENTIALS, useEmulator } from '../support/emulator.js';
import { capturingLogger, rejection } from './support.js';

const emulator = useEmulator();

/** How long an injected delay holds a request: far past every abort and timeout below. */
const HELD_MS = 1_500;
/** The per-call request timeout; the handler's own is far longer, so only the per-call one can fire. */
const CALL_TIMEOUT_MS = 100;

/**
 * The SDK's node:http handler over an agent with a single socket: a request the shim left
 * hanging would hold it, and the next call would never get one.
 */
function singleSocketHandler() {
  return new NodeHttpHandler({
    httpAgent: new Agent({ keepAlive: true, maxSockets: 1 }),
    requestTimeout: 30_000,
    throwOnRequestTimeout: true,
  });
}

function legacyConfig(onEvent: (event: ShimEvent) => void, extra: object = {}) {
  return {
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: singleSocketHandler(),
    migration: { onEvent },
    ...extra,
  };
}

/** A caller of one surface: its call with send options, and the owner of its identity clients. */
interface Caller {
  call(
    input: CreateAppInstanceUserRequest,
    options: HttpHandlerOptions,
  ): Promise<CreateAppInstanceUserCommandOutput>;
  readonly poolOwner: object;
  readonly events: ShimEvent[];
  close(): void;
}

const surfaces: Array<[string, () => Caller]> = [
  [
    'ChimeClient#send(command, { abortSignal, requestTimeout })',
    () => {
      const events: ShimEvent[] = [];
      const client = new ChimeClient(legacyConfig((e) => events.push(e)));
      return {
        call: (input, options) => client.send(new CreateAppInstanceUserCommand(input), options),
        poolOwner: client.config,
        events,
        close: () => client.destroy(),
      };
    },
  ],
  [
    'Chime#createAppInstanceUser(input, options)',
    () => {
      const events: ShimEvent[] = [];
      const chime = new Chime(legacyConfig((e) => events.push(e)));
      return {
        call: (input, options) => chime.createAppInstanceUser(input, options),
        poolOwner: chime.config,
        events,
        close: () => chime.destroy(),
      };
    },
  ],
  [
    'Chime#createAppInstanceUser(input, options, callback)',
    () => {
      const events: ShimEvent[] = [];
      const chime = new Chime(legacyConfig((e) => events.push(e)));
      return {
        call: (input, options) =>
          new Promise((resolve, reject) =>
            chime.createAppInstanceUser(input, options, (err, data) => (err ? reject(err) : resolve(data!))),
          ),
        poolOwner: chime.config,
        events,
        close: () => chime.destroy(),
      };
    },
  ],
  [
    'createAppInstanceUser(input, { ...options, abortSignal, requestTimeout })',
    () => {
      const events: ShimEvent[] = [];
      const identityConfig = {
        region: 'us-east-1',
        endpoint: emulator.current.endpoint,
        credentials: EMULATOR_CREDENTIALS,
        maxAttempts: 1,
        requestHandler: singleSocketHandler(),
      };
      return {
        call: (input, options) =>
          createAppInstanceUser(input, { identityConfig, onEvent: (e) => events.push(e), ...options }),
        poolOwner: identityConfig,
        events,
        close: () => namespaceClients(identityConfig, () => ({})).destroy(),
      };
    },
  ],
];

/** The identity client the shim holds for `region`, without building one. */
function heldIdentityClient(owner: object, region: string): ChimeSDKIdentityClient {
  const build = vi.fn(() => ({}));
  const pool = namespaceClients(owner, build);
  expect(build, 'the pool must already exist').not.toHaveBeenCalled();
  return identityOf(pool, region);
}

/**
 * Starts a call that the emulator holds; resolves once the request is held there, with the
 * call's eventual error (wrapped, so that awaiting this does not wait for the call).
 */
async function heldCall(caller: Caller, input: CreateAppInstanceUserRequest, options: HttpHandlerOptions) {
  emulator.current.faults.inject({ kind: 'delay', delayMs: HELD_MS, operation: 'CreateAppInstanceUser' });
  const error = rejection(caller.call(input, options));
  // The fault is taken when the request arrives: from then on the request is in flight.
  await expect.poll(() => emulator.current.faults.pending()).toEqual([]);
  return { error };
}

/**
 * The requests of this test: a request held by an earlier test is still answered (to nobody)
 * once its delay is over, after the store was emptied; it is the only kind logged with a delay.
 */
function served() {
  return emulator.current.requests().filter((entry) => entry.fault !== 'delay');
}

/** After an abort or timeout: nothing half-done, the same identity client serves the next call. */
async function expectUsableAfterwards(
  caller: Caller,
  AppInstanceArn: string,
  before: ChimeSDKIdentityClient,
) {
  const next = await caller.call({ AppInstanceArn, AppInstanceUserId: 'after', Name: 'Ada' }, {});
  expect(next.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/after`);
  expect(heldIdentityClient(caller.poolOwner, 'us-east-1')).toBe(before);
}

describe('abortSignal: stops the in-flight identity request and surfaces as the SDK raises it; nothing is left half-done', () => {
  it.each(surfaces)('%s', async (_name, make) => {
    const caller = make();
    const AppInstanceArn = emulator.current.createAppInstance();
    await caller.call({ AppInstanceArn, AppInstanceUserId: 'warm-up', Name: 'Ada' }, {});
    const identity = heldIdentityClient(caller.poolOwner, 'us-east-1');

    const controller = new AbortController();
    const held = await heldCall(
      caller,
      { AppInstanceArn, AppInstanceUserId: 'held', Name: 'Ada' },
      {
        abortSignal: controller.signal,
      },
    );
    controller.abort();
    const error = await held.error;

    expect(error).toMatchObject({ name: 'AbortError', message: 'Request aborted' });
    expect(error).not.toBeInstanceOf(ChimeServiceException);
    // The call ended while the service still held the request: it did not wait for the answer.
    expect(emulator.current.users(AppInstanceArn).map((user) => user.AppInstanceUserId)).toEqual(['warm-up']);
    expect(caller.events.at(-1)).toMatchObject({
      outcome: 'error',
      errorName: 'AbortError',
      route: 'identity',
    });
    // With one socket in the pool, this hangs if the aborted request kept its socket.
    await expectUsableAfterwards(caller, AppInstanceArn, identity);
    expect(caller.events).toHaveLength(3);
    caller.close();
  });

  it('an already aborted signal: the SDK refuses before sending; nothing reaches the service', async () => {
    const [, make] = surfaces[0]!;
    const caller = make();
    const AppInstanceArn = emulator.current.createAppInstance();
    const controller = new AbortController();
    controller.abort();

    const error = await rejection(
      caller.call(
        { AppInstanceArn, AppInstanceUserId: 'never', Name: 'Ada' },
        { abortSignal: controller.signal },
      ),
    );

    expect(error).toMatchObject({ name: 'AbortError' });
    expect(served()).toEqual([]);
    caller.close();
  });

  it('an abort during the SDK’s retry back-off ends the call: no further attempt is made', async () => {
    const events: ShimEvent[] = [];
    const client = new ChimeClient({
      ...legacyConfig(() => undefined),
      // A 10 s back-off: the abort below lands inside it.
      migration: {
        onEvent: (e: ShimEvent) => events.push(e),
        identityConfig: { retryStrategy: new ConfiguredRetryStrategy(3, 10_000) },
      },
    });
    const AppInstanceArn = emulator.current.createAppInstance();
    emulator.current.faults.inject({ kind: 'error', errorType: 'ServiceUnavailableException' });
    const controller = new AbortController();

    const outcome = rejection(
      client.send(
        new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'Ada' }),
        {
          abortSignal: controller.signal,
        },
      ),
    );
    await expect.poll(served).toHaveLength(1);
    controller.abort();
    const error = await outcome;

    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toBeInstanceOf(ChimeServiceException);
    expect(served()).toEqual([expect.objectContaining({ status: 503 })]);
    expect(events).toEqual([expect.objectContaining({ outcome: 'error', errorName: 'AbortError' })]);
    client.destroy();
  });

  it('an aborted call the service went on to apply is recovered by a retry with the same ClientRequestToken', async () => {
    const [, make] = surfaces[0]!;
    const caller = make();
    const AppInstanceArn = emulator.current.createAppInstance();
    const input = {
      AppInstanceArn,
      AppInstanceUserId: 'held',
      Name: 'Ada',
      ClientRequestToken: 'held-token',
    };
    const controller = new AbortController();

    const held = await heldCall(caller, input, { abortSignal: controller.signal });
    controller.abort();
    expect((await held.error).name).toBe('AbortError');
    // The held request is served after its caller left (as at AWS): the user now exists.
    await expect.poll(() => emulator.current.users(AppInstanceArn), { timeout: HELD_MS * 4 }).toHaveLength(1);

    const retried = await caller.call(input, {});
    expect(retried.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/held`);
    expect(emulator.current.users(AppInstanceArn)).toHaveLength(1);
    caller.close();
  });
});

describe('requestTimeout: the per-call value stops the in-flight identity request and surfaces as the SDK raises it; nothing is left half-done', () => {
  it.each(surfaces)('%s', async (_name, make) => {
    const caller = make();
    const AppInstanceArn = emulator.current.createAppInstance();
    await caller.call({ AppInstanceArn, AppInstanceUserId: 'warm-up', Name: 'Ada' }, {});
    const identity = heldIdentityClient(caller.poolOwner, 'us-east-1');

    const held = await heldCall(
      caller,
      { AppInstanceArn, AppInstanceUserId: 'held', Name: 'Ada' },
      {
        requestTimeout: CALL_TIMEOUT_MS,
      },
    );
    const error = await held.error;

    // The message names the per-call value: the handler's own 30 s timeout did not fire.
    expect(error).toMatchObject({
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
      message: expect.stringContaining(`exceeded the configured ${CALL_TIMEOUT_MS} ms requestTimeout`),
    });
    expect(error).not.toBeInstanceOf(ChimeServiceException);
    expect(emulator.current.users(AppInstanceArn).map((user) => user.AppInstanceUserId)).toEqual(['warm-up']);
    expect(caller.events.at(-1)).toMatchObject({ outcome: 'error', errorName: 'TimeoutError' });
    await expectUsableAfterwards(caller, AppInstanceArn, identity);
    caller.close();
  });
});

describe('abortSignal and requestTimeout surface exactly as the SDK raises them (the same error from the shim and from a bare ChimeSDKIdentityClient)', () => {
  /** The error a bare identity client raises under the same conditions. */
  async function bareSdkError(options: HttpHandlerOptions, abort?: AbortController) {
    const AppInstanceArn = emulator.current.createAppInstance();
    const client = new ChimeSDKIdentityClient({
      region: 'us-east-1',
      endpoint: emulator.current.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      maxAttempts: 1,
      requestHandler: singleSocketHandler(),
    });
    emulator.current.faults.inject({ kind: 'delay', delayMs: HELD_MS });
    const outcome = rejection(
      client.send(
        new IdentityCreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'bare', Name: 'Ada' }),
        options,
      ),
    );
    await expect.poll(() => emulator.current.faults.pending()).toEqual([]);
    abort?.abort();
    const error = await outcome;
    client.destroy();
    return error;
  }

  async function shimError(options: HttpHandlerOptions, abort?: AbortController) {
    const [, make] = surfaces[0]!;
    const caller = make();
    const AppInstanceArn = emulator.current.createAppInstance();
    const held = await heldCall(caller, { AppInstanceArn, AppInstanceUserId: 'shim', Name: 'Ada' }, options);
    abort?.abort();
    const error = await held.error;
    caller.close();
    return error;
  }

  const shapeOf = (error: any) => ({
    constructor: error.constructor,
    name: error.name,
    message: error.message,
    code: error.code,
    cause: error.cause?.name,
  });

  it('abortSignal', async () => {
    const bareAbort = new AbortController();
    const shimAbort = new AbortController();
    const bare = await bareSdkError({ abortSignal: bareAbort.signal }, bareAbort);
    const shim = await shimError({ abortSignal: shimAbort.signal }, shimAbort);
    expect(shapeOf(shim)).toEqual(shapeOf(bare));
  });

  it('requestTimeout', async () => {
    const bare = await bareSdkError({ requestTimeout: CALL_TIMEOUT_MS });
    const shim = await shimError({ requestTimeout: CALL_TIMEOUT_MS });
    expect(shapeOf(shim)).toEqual(shapeOf(bare));
  });

  it('requestTimeout on a handler without throwOnRequestTimeout: the SDK only warns (through the client’s logger) and waits, and so does the shim', async () => {
    const logger = capturingLogger();
    const client = new ChimeClient({
      region: 'us-east-1',
      endpoint: emulator.current.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      maxAttempts: 1,
      logger,
    });
    const AppInstanceArn = emulator.current.createAppInstance();
    emulator.current.faults.inject({ kind: 'delay', delayMs: CALL_TIMEOUT_MS * 3 });

    const output = await client.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'waited', Name: 'Ada' }),
      { requestTimeout: CALL_TIMEOUT_MS },
    );

    expect(output.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/waited`);
    expect(logger.calls).toContainEqual([
      'warn',
      expect.stringContaining(
        `[WARN] a request has exceeded the configured ${CALL_TIMEOUT_MS} ms requestTimeout`,
      ),
    ]);
    client.destroy();
  });
});

/** The pool's Chime SDK Identity client of a region. */
function identityOf(pool: NamespaceClients, region: string): ChimeSDKIdentityClient {
  return pool.get('identity', identityPackage, region) as unknown as ChimeSDKIdentityClient;
}
