/**
 * Every served operation, from the table: a unique canary in every member its legacy model marks
 * sensitive (recursively: tag keys and values, names, metadata, tokens, user ids, pagination
 * tokens, the tag operations' ARN), sent through the drop-in `ChimeClient` with a logger that
 * records every call at every level and an `onEvent` listener. No canary may appear in an event,
 * in anything logged, or in the error the caller gets, whether the call succeeds, meets a service
 * error (after retries or not), is refused by validation, or reads a sensitive value back from the
 * service first.
 */
import { describe, expect, it } from 'vitest';
import * as shim from '../../src/index.js';
import { ChimeClient, type ShimEvent } from '../../src/index.js';
import type { Operation } from '../../src/operations/operation.js';
import { type CapturingLogger, capturingLogger, printable } from '../reliability/support.js';
import { EMPTY_ANSWER, type Responder, serviceError, useLoopback } from '../support/loopback.js';
import {
  answerReads,
  counterpartNames,
  exampleAnswer,
  exampleInput,
  expectedOutcome,
  SERVED_OPERATIONS,
  withCanaries,
} from '../support/shapes.js';

const loopback = useLoopback();
const CREDENTIALS = { accessKeyId: 'AKIASECRETSOPSEXAMPLE', secretAccessKey: 'cnrySecretAccessKeyOps9f1e' };

/** One way a call can go, for one operation. */
interface Scenario {
  readonly name: string;
  /** The error name the caller must get, or `success`. */
  readonly outcome: string;
  /** Whether it applies to the operation. */
  readonly applies?: (operation: Operation) => boolean;
  /** The input, from the valid one carrying the canaries (default: that one). */
  readonly input?: (operation: Operation, input: Record<string, unknown>) => unknown;
  /** The service's answers; it may plant canaries of its own (in `canaries`). */
  readonly responder: (operation: Operation, canaries: string[]) => Responder;
  /** Where the service's canaries must end up: in the caller's output, or sent back to the service. */
  readonly answered?: 'returned' | 'sent back';
}

const overlong = (canary: string) => `${canary}${'x'.repeat(2048)}`;

const SCENARIOS: readonly Scenario[] = [
  { name: 'success', outcome: 'success', responder: () => EMPTY_ANSWER },
  {
    name: 'success, the answer carrying a canary in every sensitive member of the legacy response',
    outcome: 'success',
    applies: (operation) => answerWithCanaries(operation).canaries.length > 0,
    answered: 'returned',
    responder: (operation, canaries) => {
      const { answer, canaries: planted } = answerWithCanaries(operation);
      canaries.push(...planted);
      // In the namespace's own member names (the renamed streaming configurations).
      return () => ({ status: 200, body: counterpartNames(operation, answer) });
    },
  },
  {
    name: 'service error: ConflictException',
    outcome: 'ConflictException',
    responder: () => () => serviceError(409, 'ConflictException', 'The request conflicts with the resource.'),
  },
  {
    name: 'service error after a retry: ServiceUnavailableException on both attempts',
    outcome: 'ServiceUnavailableException',
    responder: () => () => serviceError(503, 'ServiceUnavailableException', 'Try again later.'),
  },
  {
    name: 'validation error: every sensitive string member over its maximum length, canary first',
    outcome: 'BadRequestException',
    applies: (operation) => withCanaries(operation, exampleInput(operation)).canaries.length > 0,
    input: (operation) => overlongCanaries(operation),
    responder: () => EMPTY_ANSWER,
  },
  {
    name: 'Metadata read back: the current Metadata (a canary) comes from the service and is sent back',
    outcome: 'success',
    applies: (operation) => operation.newlyRequired?.includes('Metadata') === true,
    answered: 'sent back',
    input: (_operation, input) => {
      const { Metadata: _given, ...rest } = input;
      return rest;
    },
    responder: (_operation, canaries) => {
      canaries.push('cnryCurrentMetadata51d0');
      return (request) =>
        request.method === 'GET'
          ? {
              status: 200,
              body: {
                AppInstance: { Metadata: 'cnryCurrentMetadata51d0' },
                AppInstanceUser: { Metadata: 'cnryCurrentMetadata51d0' },
              },
            }
          : { status: 200, body: {} };
    },
  },
  {
    name: 'Content read back: the message content (a canary) comes from the service and is sent back',
    outcome: 'success',
    applies: (operation) => operation.newlyRequired?.includes('Content') === true,
    answered: 'sent back',
    input: (_operation, input) => {
      const { Content: _given, ...rest } = input;
      return rest;
    },
    responder: (_operation, canaries) => {
      canaries.push('cnryCurrentContent7e2a');
      return (request) =>
        request.method === 'GET'
          ? { status: 200, body: { ChannelMessage: { Content: 'cnryCurrentContent7e2a' } } }
          : { status: 200, body: {} };
    },
  },
];

/** A valid answer of the operation with a canary in every sensitive member of its legacy response. */
function answerWithCanaries(operation: Operation) {
  const { input: answer, canaries } = withCanaries(operation, exampleAnswer(operation), {
    shape: operation.output,
    prefix: 'cnryOut',
  });
  return { answer, canaries };
}

/** The canary input with every sensitive string far over any maximum: refused, canaries and all. */
function overlongCanaries(operation: Operation): unknown {
  const { input, canaries } = withCanaries(operation, exampleInput(operation));
  const overlongInput = JSON.parse(
    JSON.stringify(input, (_key, value) =>
      typeof value === 'string'
        ? canaries.reduce((text, canary) => text.replace(canary, overlong(canary)), value)
        : value,
    ),
  );
  // A sensitive member without a maximum (voice SIP credentials, call arguments, E911 address
  // fields) stays valid however long: a member the shape does not have gets the request refused,
  // its canaries still in it.
  return expectedOutcome(operation, overlongInput).kind === 'bad-request'
    ? overlongInput
    : { ...overlongInput, NotAMember: 'refused' };
}

/** What any sink could print of `value`: JSON (own enumerable properties) and messages, stacks and causes. */
function everythingPrintable(value: unknown): string {
  const seen = new WeakSet<object>();
  const json = JSON.stringify(value, (_key, item) => {
    if (typeof item === 'bigint') return String(item);
    if (typeof item === 'object' && item !== null) {
      if (seen.has(item)) return '[seen]';
      seen.add(item);
    }
    return item;
  });
  return `${json}\n${printable(value)}`;
}

function commandOf(operation: Operation) {
  const Command = (shim as unknown as Record<string, unknown>)[`${operation.name}Command`];
  if (typeof Command !== 'function')
    throw new Error(`chime-identity-shim exports no ${operation.name}Command`);
  return Command as new (
    input: unknown,
  ) => any;
}

describe.each(SERVED_OPERATIONS.map((operation) => [operation.name, operation] as const))(
  'Every removed operation, Behaviour of one call: onEvent and logs never carry a member the legacy model marks sensitive (%s)',
  (_name, operation) => {
    const scenarios = SCENARIOS.filter((scenario) => scenario.applies?.(operation) ?? true);

    it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
      '%s: no canary in an event, a log line or the error',
      async (_scenario, scenario) => {
        const { input: valid, canaries } = withCanaries(operation, exampleInput(operation));
        const input = scenario.input ? scenario.input(operation, valid) : valid;
        const inputCanaries = canaries.length;
        // The canaries the call carries: not those of a member the scenario left out.
        const sentCanaries = canaries.filter((canary) => JSON.stringify(input).includes(canary));
        const logger: CapturingLogger = capturingLogger();
        const events: ShimEvent[] = [];
        const client = new ChimeClient({
          region: 'us-east-1',
          endpoint: loopback.current.endpoint,
          credentials: CREDENTIALS,
          maxAttempts: 2,
          logger,
          migration: { onEvent: (event) => events.push(event) },
        });
        // The reads a translation makes first are answered (the meeting tag operations' GetMeeting,
        // the capture pipelines' per-item reads); the scenario answers the operation's own requests.
        loopback.current.respond(answerReads(operation, scenario.responder(operation, canaries)));
        const answered = canaries.slice(inputCanaries);
        let error: unknown;
        let output: unknown;
        try {
          output = await client.send(new (commandOf(operation))(input));
        } catch (caught) {
          error = caught;
        } finally {
          client.destroy();
        }

        expect(error === undefined ? 'success' : (error as Error).name).toBe(scenario.outcome);
        expect(events).toHaveLength(1);
        // The drop-in wrote its log line: the log was looked at, not just empty.
        expect(logger.calls.length).toBeGreaterThanOrEqual(1);
        // The canaries did travel, to the service and back to the caller, where they belong: a test
        // whose canaries went nowhere could not fail.
        if (scenario.outcome !== 'BadRequestException' && sentCanaries.length > 0) {
          const sent = JSON.stringify(
            loopback.current.requests.map(({ path, query, body }) => [path, query, body]),
          );
          expect(sent).toContain(sentCanaries[0]);
        }
        const wire = JSON.stringify(loopback.current.requests.map(({ body }) => body));
        for (const canary of answered) {
          expect(scenario.answered === 'returned' ? JSON.stringify(output) : wire).toContain(canary);
        }
        const sinks = { events: everythingPrintable(events), log: everythingPrintable(logger.calls) };
        const thrown = error === undefined ? '' : everythingPrintable(error);
        for (const canary of [...canaries, CREDENTIALS.secretAccessKey]) {
          expect(sinks.events, `${canary} in an event`).not.toContain(canary);
          expect(sinks.log, `${canary} in a log line`).not.toContain(canary);
          expect(thrown, `${canary} in the error`).not.toContain(canary);
        }
      },
    );
  },
);
