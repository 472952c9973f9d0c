/**
 * Faults: 1,000 creates through the drop-in ChimeClient against the emulator, with injected
 * 500/503/429 answers, connection resets and delays past the request timeout, under a real SDK
 * retry strategy. Every call must end in success (and its user exists exactly once) or in an
 * error the caller can handle; nothing is lost or created twice, and a retry with the same
 * ClientRequestToken recovers the same ARN.
 */
import { ChimeSDKIdentityServiceException } from '@aws-sdk/client-chime-sdk-identity';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { HttpRequest } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import type { Emulator, FaultSpec, RequestLogEntry } from '../../src/emulator/index.js';
import {
  ChimeClient,
  ChimeServiceException,
  ConflictException,
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserCommandInput,
  ServiceFailureException,
  ServiceUnavailableException,
  type ShimEvent,
  ThrottledClientException,
} from '../../src/index.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';
import { prng, rejection, seedFor } from './support.js';

const emulator = useEmulator();

const CALLS = 1_000;
/** Per HTTP attempt: the share answered 500/503/429, and the share reset or delayed. */
const ERROR_RATE = 0.2;
const NETWORK_RATE = 0.05;
/** The identity client's request timeout, and an injected delay safely past it (milliseconds). */
const REQUEST_TIMEOUT_MS = 200;
const DELAY_MS = 350;

/** The service errors injected, with the legacy class a caller's catch block tests against. */
const SERVICE_FAULTS = [
  { errorType: 'ServiceFailureException', status: 500, legacyClass: ServiceFailureException },
  { errorType: 'ServiceUnavailableException', status: 503, legacyClass: ServiceUnavailableException },
  { errorType: 'ThrottledClientException', status: 429, legacyClass: ThrottledClientException },
] as const;

/** Node network error codes; the SDK's node:http handler renames most of them `TimeoutError`. */
const NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED']);

/**
 * The SDK's own node:http handler (via RecordingHandler, so every attempt's body is kept), which
 * queues one emulator fault just before an attempt leaves, drawn from a seeded PRNG: with calls
 * made one at a time, each fault lands on exactly the attempt it was drawn for.
 */
class FaultingHandler extends RecordingHandler {
  enabled = true;
  readonly injected: Record<string, number> = {};

  constructor(
    private readonly target: Emulator,
    private readonly random: () => number,
  ) {
    super({ requestTimeout: REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true });
  }

  override handle(request: HttpRequest, options?: HttpHandlerOptions) {
    if (this.enabled && request.method === 'POST' && request.path === '/app-instance-users') {
      const fault = this.draw();
      if (fault) {
        const key = fault.kind === 'error' ? fault.errorType : fault.kind;
        this.injected[key] = (this.injected[key] ?? 0) + 1;
        this.target.faults.inject({ ...fault, operation: 'CreateAppInstanceUser' });
      }
    }
    return super.handle(request, options);
  }

  private draw(): FaultSpec | undefined {
    const r = this.random();
    if (r < ERROR_RATE) {
      const pick = SERVICE_FAULTS[Math.floor(this.random() * SERVICE_FAULTS.length)]!;
      return { kind: 'error', errorType: pick.errorType, status: pick.status };
    }
    if (r < ERROR_RATE + NETWORK_RATE) {
      return this.random() < 0.5 ? { kind: 'reset' } : { kind: 'delay', delayMs: DELAY_MS };
    }
    return undefined;
  }
}

/**
 * The emulator keeps the newest 1,000 log entries; this keeps every entry by request id, read
 * often enough that none is missed. Delayed requests are logged when they finish.
 */
class LogCollector {
  readonly entries = new Map<string, RequestLogEntry>();
  constructor(private readonly target: Emulator) {}
  collect(): void {
    for (const entry of this.target.requests()) this.entries.set(entry.requestId, entry);
  }
  count(predicate: (entry: RequestLogEntry) => boolean): number {
    return [...this.entries.values()].filter(predicate).length;
  }
}

/** How a call ended, as a caller's catch block would classify it. */
type Outcome =
  | { kind: 'success'; arn: string }
  | { kind: 'service-error'; name: string }
  | { kind: 'network-error'; name: string; code: string | undefined };

function classify(error: unknown): Outcome {
  // A service error is one of the caller's own legacy classes, never an identity one.
  if (error instanceof ChimeServiceException && !(error instanceof ChimeSDKIdentityServiceException)) {
    const known = SERVICE_FAULTS.find((fault) => error instanceof fault.legacyClass);
    if (known && error.name === known.errorType) return { kind: 'service-error', name: error.name };
  }
  const { name, code } = error as { name?: string; code?: string };
  if (
    error instanceof Error &&
    !(error instanceof ChimeServiceException) &&
    !(error instanceof ChimeSDKIdentityServiceException) &&
    (name === 'TimeoutError' || NETWORK_CODES.has(code ?? ''))
  ) {
    return { kind: 'network-error', name: error.name, code };
  }
  throw new Error(`Unexpected error, neither a legacy service error nor a network error: ${String(error)}`, {
    cause: error,
  });
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe('Faults: every call ends in exactly one of (a) success, its user existing exactly once, or (b) a legacy-class service error or the SDK’s own network/timeout error', () => {
  it(`${CALLS} creates with ~${ERROR_RATE * 100}% 500/503/429 and ~${NETWORK_RATE * 100}% resets or delays past the request timeout: no duplicate, no success without a user, every errored call recoverable with its token`, async () => {
    const seed = seedFor('faults');
    const target = emulator.current;
    const handler = new FaultingHandler(target, prng(seed));
    const log = new LogCollector(target);
    const events: ShimEvent[] = [];
    // A real SDK strategy (token bucket, retry quota, retryable-error rules) with 5 ms back-offs:
    // the default waits 1-2 s per throttled attempt.
    const retryStrategy = new ConfiguredRetryStrategy(3, 5);
    const client = new ChimeClient({
      region: 'us-east-1',
      endpoint: target.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      requestHandler: handler,
      migration: { identityConfig: { retryStrategy }, onEvent: (event) => events.push(event) },
    });
    const AppInstanceArn = target.createAppInstance({ region: 'eu-central-1' });
    const inputs: CreateAppInstanceUserCommandInput[] = Array.from({ length: CALLS }, (_, i) => ({
      AppInstanceArn,
      AppInstanceUserId: `user-${i}`,
      Name: `User ${i}`,
      ClientRequestToken: `token-${seed}-${i}`,
    }));
    const outcomes: Outcome[] = [];
    const attempts: number[] = [];
    /** Held requests served so far (read from a fresh copy of the log). */
    const delaysDone = () => {
      log.collect();
      return log.count((entry) => entry.fault === 'delay');
    };

    for (const [i, input] of inputs.entries()) {
      const firstAttempt = handler.sent.length;
      try {
        const output = await client.send(new CreateAppInstanceUserCommand(input));
        outcomes.push({ kind: 'success', arn: output.AppInstanceUserArn! });
      } catch (error) {
        outcomes.push(classify(error));
      }
      const sent = handler.sent.slice(firstAttempt);
      attempts.push(sent.length);
      // The caller's token on every attempt of the call (never one per attempt).
      expect(new Set(sent.map((request) => request.body?.ClientRequestToken))).toEqual(
        new Set([input.ClientRequestToken]),
      );
      if (i % 50 === 49) log.collect();
    }
    // Delayed requests reach the store after their client gave up: wait until every one is served.
    await expect.poll(delaysDone, { timeout: 10_000 }).toBe(handler.injected.delay ?? 0);

    const users = target.users(AppInstanceArn);
    const usersById = tally(users.map((user) => user.AppInstanceUserId));
    const appliedErrors = outcomes.filter(
      (outcome, i) => outcome.kind !== 'success' && usersById[`user-${i}`] === 1,
    ).length;
    const summary = {
      seed,
      calls: CALLS,
      httpAttempts: attempts.reduce((a, b) => a + b, 0),
      retries: attempts.reduce((a, b) => a + b - 1, 0),
      callsRetried: attempts.filter((n) => n > 1).length,
      injected: handler.injected,
      successes: outcomes.filter((outcome) => outcome.kind === 'success').length,
      errorsByName: tally(
        outcomes.flatMap((outcome) =>
          outcome.kind === 'success'
            ? []
            : [outcome.kind === 'network-error' ? `${outcome.name}(${outcome.code})` : outcome.name],
        ),
      ),
      erroredButApplied: appliedErrors,
      // Errors the SDK did not retry: the shared retry quota was too low at that moment.
      erroredAfterOneAttempt: outcomes.filter((outcome, i) => outcome.kind !== 'success' && attempts[i] === 1)
        .length,
      retryQuotaLeft: retryStrategy.getCapacity(),
      emulatorRequests: log.entries.size,
    };
    // Printed before any assertion, so a failing run still reports what happened.
    console.log(`[faults] ${JSON.stringify(summary)}`);

    // (a) every success has its user, exactly once, under the ARN returned.
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.kind !== 'success') continue;
      expect(outcome.arn).toBe(`${AppInstanceArn}/user/user-${i}`);
      expect(usersById[`user-${i}`]).toBe(1);
    }
    // No duplicates: one user per id and no user that no call asked for. (A call conflicting with
    // itself, what an attempt under a new token would get after an applied one, already failed
    // the run in classify(): a ConflictException is not an expected outcome.)
    expect(Object.values(usersById).every((count) => count === 1)).toBe(true);
    expect(users.every((user) => /^user-\d+$/.test(user.AppInstanceUserId))).toBe(true);
    // One event per call, with the outcome the caller saw.
    expect(events).toHaveLength(CALLS);
    expect(events.filter((event) => event.outcome === 'success')).toHaveLength(summary.successes);

    // The recovery recipe: retry each errored call with the same input and ClientRequestToken
    // (faults still on) until it succeeds. Applied or not, it ends with the one ARN.
    let recoveryCalls = 0;
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.kind === 'success') continue;
      const expectedArn = `${AppInstanceArn}/user/user-${i}`;
      let recovered: string | undefined;
      for (let tries = 0; tries < 10 && recovered === undefined; tries++) {
        recoveryCalls++;
        try {
          recovered = (await client.send(new CreateAppInstanceUserCommand(inputs[i]!))).AppInstanceUserArn;
        } catch (error) {
          classify(error);
        }
      }
      expect(recovered).toBe(expectedArn);
    }
    await expect.poll(delaysDone, { timeout: 10_000 }).toBe(handler.injected.delay ?? 0);
    const finalUsers = target.users(AppInstanceArn);
    expect(finalUsers).toHaveLength(CALLS);
    expect(new Set(finalUsers.map((user) => user.AppInstanceUserId)).size).toBe(CALLS);

    console.log(
      `[faults] recovery ${JSON.stringify({ recoveryCalls, usersAfterRecovery: finalUsers.length })}`,
    );
    // The run did exercise every path it claims to.
    expect(summary.retries).toBeGreaterThan(0);
    expect(Object.keys(handler.injected)).toEqual(
      expect.arrayContaining(['reset', 'delay', ...SERVICE_FAULTS.map((fault) => fault.errorType)]),
    );
    client.destroy();
  }, 90_000);
});

describe('Faults: recovery recipe, a retry with the same ClientRequestToken gets the same ARN whether or not the first attempt was applied', () => {
  function clientFor(target: Emulator, maxAttempts: number) {
    return new ChimeClient({
      region: 'us-east-1',
      endpoint: target.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      requestHandler: new RecordingHandler({
        requestTimeout: REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
      }),
      migration: { identityConfig: { retryStrategy: new ConfiguredRetryStrategy(maxAttempts, 5) } },
    });
  }
  const input = (AppInstanceArn: string) => ({
    AppInstanceArn,
    AppInstanceUserId: 'recovering-user',
    Name: 'Ada',
    ClientRequestToken: 'recovery-token-1',
  });

  it('not applied: every attempt answered 503, nothing created; the retry creates the user', async () => {
    const target = emulator.current;
    const client = clientFor(target, 3);
    const AppInstanceArn = target.createAppInstance();
    target.faults.inject({ kind: 'error', errorType: 'ServiceUnavailableException', count: 3 });

    const error = await rejection(client.send(new CreateAppInstanceUserCommand(input(AppInstanceArn))));
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect(error.$metadata.attempts).toBe(3);
    expect(target.users(AppInstanceArn)).toEqual([]);

    const retried = await client.send(new CreateAppInstanceUserCommand(input(AppInstanceArn)));
    expect(retried.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/recovering-user`);
    expect(target.users(AppInstanceArn)).toHaveLength(1);
    client.destroy();
  });

  it('applied: every attempt timed out but the service went on and created the user; the retry returns its ARN', async () => {
    const target = emulator.current;
    const client = clientFor(target, 2);
    const AppInstanceArn = target.createAppInstance();
    target.faults.inject({ kind: 'delay', delayMs: DELAY_MS, count: 2 });

    const error = await rejection(client.send(new CreateAppInstanceUserCommand(input(AppInstanceArn))));
    expect(error).toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' });
    expect(error).not.toBeInstanceOf(ChimeServiceException);
    // Both held attempts are served after their client left: the first creates, the second replays.
    await expect
      .poll(() => target.requests().filter((entry) => entry.fault === 'delay' && entry.status === 201))
      .toHaveLength(2);
    const [created] = target.users(AppInstanceArn);
    expect(created).toBeDefined();

    const retried = await client.send(new CreateAppInstanceUserCommand(input(AppInstanceArn)));
    expect(retried.AppInstanceUserArn).toBe(created!.AppInstanceUserArn);
    expect(target.users(AppInstanceArn)).toHaveLength(1);
    client.destroy();
  });

  it('applied later: the retry overtakes the timed-out attempt still held by the service; one user, one ARN', async () => {
    const target = emulator.current;
    const client = clientFor(target, 1);
    const AppInstanceArn = target.createAppInstance();
    target.faults.inject({ kind: 'delay', delayMs: DELAY_MS * 2 });

    const error = await rejection(client.send(new CreateAppInstanceUserCommand(input(AppInstanceArn))));
    expect(error.name).toBe('TimeoutError');
    const retried = await client.send(new CreateAppInstanceUserCommand(input(AppInstanceArn)));
    expect(retried.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/recovering-user`);
    // The held first attempt arrives afterwards and is answered as a replay, creating nothing.
    await expect
      .poll(() => target.requests().filter((entry) => entry.fault === 'delay' && entry.status === 201))
      .toHaveLength(1);
    expect(target.users(AppInstanceArn)).toHaveLength(1);
    client.destroy();
  });

  it('why the same token: a retry under a new token after an applied attempt is a ConflictException', async () => {
    const target = emulator.current;
    const client = clientFor(target, 1);
    const AppInstanceArn = target.createAppInstance();
    target.faults.inject({ kind: 'delay', delayMs: DELAY_MS });

    await rejection(client.send(new CreateAppInstanceUserCommand(input(AppInstanceArn))));
    await expect.poll(() => target.users(AppInstanceArn)).toHaveLength(1);
    const conflict = await rejection(
      client.send(
        new CreateAppInstanceUserCommand({ ...input(AppInstanceArn), ClientRequestToken: 'a-new-token' }),
      ),
    );
    expect(conflict).toBeInstanceOf(ConflictException);
    client.destroy();
  });
});
