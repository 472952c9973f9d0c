/**
 * Every served operation, from the table: a valid legacy input sent through the shim's function
 * reaches the wire exactly as the dedicated namespace's own client sends the same input (method,
 * path, query, body, headers, host and signing region), against a loopback server. Inputs are
 * built from the operation's shapes (test/support/shapes.ts); the seed is printed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as shim from '../../src/index.js';
import { FAMILY_PACKAGES, namespaceClients } from '../../src/namespaces.js';
import type { Family, Operation } from '../../src/operations/operation.js';
import {
  comparable,
  type RecordedRequest,
  type Responder,
  serviceError,
  useLoopback,
} from '../support/loopback.js';
import {
  answerReads,
  counterpartNames,
  exampleAnswer,
  exampleInput,
  expectedCalls,
  expectedOutcome,
  inputArbitrary,
  lowerCamel,
  onTheWire,
  SERVED_OPERATIONS,
  seedFor,
} from '../support/shapes.js';

const loopback = useLoopback();
const CREDENTIALS = { accessKeyId: 'AKIAWIREPARITYEXAMPLE', secretAccessKey: 'wire-parity-secret' };
/** Generated inputs per operation, besides the one with every optional member. */
const RUNS = 6;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Call = (input: unknown, options?: shim.OperationOptions) => Promise<shim.Output>;

/** The operation's function, as the package exports it (`createAppInstanceUser`). */
function shimFunction(operation: Operation): Call {
  const fn = (shim as unknown as Record<string, unknown>)[lowerCamel(operation.name)];
  if (typeof fn !== 'function')
    throw new Error(`chime-identity-shim exports no ${lowerCamel(operation.name)}`);
  return fn as Call;
}

/** Options for the shim's function: the loopback endpoint for every family, a fresh client pool. */
function shimOptions(onEvent?: (event: shim.ShimEvent) => void): shim.OperationOptions {
  return {
    identityConfig: { endpoint: loopback.current.endpoint, credentials: CREDENTIALS },
    ...(onEvent && { onEvent }),
  };
}

function release(options: shim.OperationOptions): void {
  if (options.identityConfig) namespaceClients(options.identityConfig, () => ({})).destroy();
}

/** Sends `commandName` with the dedicated namespace's own client (`ChimeSDKIdentityClient`, ...). */
async function sendNatively(family: Family, region: string, commandName: string, input: unknown) {
  const module = (await import(FAMILY_PACKAGES[family].packageName)) as Record<string, any>;
  const client = new module[FAMILY_PACKAGES[family].clientName]({
    region,
    endpoint: loopback.current.endpoint,
    credentials: CREDENTIALS,
  });
  try {
    return await client.send(new module[`${commandName}Command`](input));
  } finally {
    client.destroy();
  }
}

/** The requests that reached the loopback server since the last call of this function. */
function drain(): RecordedRequest[] {
  const requests = [...loopback.current.requests];
  loopback.current.requests.length = 0;
  return requests;
}

/** Where the shim must send a valid input: the oracle of test/support/shapes.ts. */
function destination(operation: Operation, input: unknown) {
  const expected = expectedOutcome(operation, input);
  if (expected.kind !== 'sent')
    throw new Error(`test bug: a generated input is not valid (${expected.kind})`);
  return expected;
}

/**
 * The members the counterpart newly requires (each has a translation that fills it when absent)
 * and the idempotency tokens: present, so the shim sends the input as it is, one request.
 */
function alwaysPresent(operation: Operation): string[] {
  return [...(operation.newlyRequired ?? []), ...(operation.tokens ?? [])];
}

const operations = SERVED_OPERATIONS.map((operation) => [operation.name, operation] as const);

describe('Every removed operation, Behaviour of one call: a valid request reaches the wire exactly as the dedicated client sends it', () => {
  it('the table serves operations (a filter that served nothing would make every test below vacuous)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(19);
  });

  it.each(operations)(
    `%s: the input with every optional member and ${RUNS} generated inputs: method, path, query, body, headers, host and signing region equal the native command's`,
    async (_name, operation) => {
      const seed = seedFor(`wire: ${operation.name}`);
      const present = alwaysPresent(operation);
      const inputs = [
        exampleInput(operation),
        ...fc.sample(inputArbitrary(operation, { present }), { seed, numRuns: RUNS }),
      ];
      const options = shimOptions();
      // The reads a translation makes first are answered (the meeting tag operations' GetMeeting).
      loopback.current.respond(answerReads(operation, () => ({ status: 200, body: {} })));
      try {
        for (const input of inputs) {
          const { family, region, request } = destination(operation, input);
          drain();
          await shimFunction(operation)(structuredClone(input), options);
          const viaShim = drain();
          // One command, the counterpart with the input, unless the translation sends others
          // (the meeting tag operations: a read, then the substitute); the native client takes its
          // own member names (the renamed streaming configurations).
          const calls = expectedCalls(operation, request) ?? [
            { command: operation.counterpart!, input: counterpartNames(operation, structuredClone(input)) },
          ];
          for (const call of calls) await sendNatively(family, region, call.command, call.input);
          const viaNative = drain();
          expect(viaShim, JSON.stringify(input)).toHaveLength(calls.length);
          expect(viaShim.map(comparable), JSON.stringify(input)).toEqual(viaNative.map(comparable));
        }
      } finally {
        release(options);
      }
    },
  );
});

const withTokens = operations.filter(([, operation]) => (operation.tokens ?? []).length > 0);

describe('Every removed operation, Behaviour of one call: every idempotency token is generated once per logical call when absent or null', () => {
  it.each(withTokens)(
    '%s without its tokens: one UUID each, different for two calls; everything else as the native command sends it',
    async (_name, operation) => {
      const tokens = operation.tokens!;
      const full = exampleInput(operation);
      const options = shimOptions();
      try {
        const sent: RecordedRequest[] = [];
        for (const absent of ['missing', 'null'] as const) {
          const input: Record<string, unknown> = structuredClone(full);
          for (const token of tokens) {
            if (absent === 'missing') delete input[token];
            else input[token] = null;
          }
          drain();
          await shimFunction(operation)(input, options);
          const [viaShim, ...more] = drain();
          expect(more).toHaveLength(0);
          const withoutNull = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
          const { family, region } = destination(operation, withoutNull);
          await sendNatively(family, region, operation.counterpart!, withoutNull);
          const [viaNative] = drain();
          const body = viaShim!.body as Record<string, unknown>;
          for (const token of tokens) expect(body[token]).toMatch(UUID_V4);
          sent.push(viaShim!);
          // The rest of the request is the native one; the native client generates its own token.
          const strip = (request: RecordedRequest) => {
            const { body: requestBody, headers, ...rest } = comparable(request);
            // The length and the payload hash follow from the token.
            const {
              'content-length': _length,
              'x-amz-content-sha256': _hash,
              ...otherHeaders
            } = headers as Record<string, string>;
            const others = Object.fromEntries(
              Object.entries(requestBody as Record<string, unknown>).filter(([key]) => !tokens.includes(key)),
            );
            return { ...rest, headers: otherHeaders, body: others };
          };
          expect(strip(viaShim!)).toEqual(strip(viaNative!));
        }
        const [first, second] = sent.map((request) => (request.body as Record<string, unknown>)[tokens[0]!]);
        expect(first).not.toBe(second);
      } finally {
        release(options);
      }
    },
  );
});

describe('Every removed operation, Behaviour of one call: the same generated token is used on every retry (never one per attempt)', () => {
  it.each(withTokens)(
    '%s: a 503, then success: two attempts carrying the same tokens',
    async (_name, operation) => {
      const input: Record<string, unknown> = exampleInput(operation);
      for (const token of operation.tokens!) delete input[token];
      const options: shim.OperationOptions = {
        identityConfig: { endpoint: loopback.current.endpoint, credentials: CREDENTIALS, maxAttempts: 2 },
      };
      let answered = 0;
      loopback.current.respond(() =>
        answered++ === 0
          ? serviceError(503, 'ServiceUnavailableException', 'Try again.')
          : { status: 200, body: {} },
      );
      try {
        const output = await shimFunction(operation)(input, options);
        expect(output.$metadata.attempts).toBe(2);
        const attempts = drain().map((request) => request.body as Record<string, unknown>);
        expect(attempts).toHaveLength(2);
        for (const token of operation.tokens!) {
          expect(attempts[0]![token]).toMatch(UUID_V4);
          expect(attempts[1]![token]).toBe(attempts[0]![token]);
        }
      } finally {
        release(options);
      }
    },
  );
});

describe('Every removed operation, Behaviour of one call: the answer comes back as the legacy response, every legacy member unchanged', () => {
  it.each(operations)('%s: an answer with every member of the legacy response', async (_name, operation) => {
    const answer = exampleAnswer(operation);
    // The namespace answers in its own member names; the caller gets the legacy ones back. Reads
    // a translation makes first are answered as such (the meeting tag operations' GetMeeting).
    loopback.current.respond(
      answerReads(operation, () => ({ status: 200, body: counterpartNames(operation, answer) })),
    );
    const options = shimOptions();
    try {
      const { $metadata, ...output } = await shimFunction(operation)(exampleInput(operation), options);
      expect($metadata.httpStatusCode).toBe(200);
      // Timestamps come back as Dates; the answer wrote them as the model says (epoch seconds, or
      // RFC 3339 for the capture pipelines' Iso8601Timestamp).
      expect(onTheWire(output, operation.output)).toEqual(answer);
    } finally {
      release(options);
    }
  });
});

/** The operations whose counterpart newly requires `Metadata`, which the shim reads back when it is absent. */
const readBack = operations.filter(([, operation]) => operation.newlyRequired?.includes('Metadata'));

/** The current value the loopback server holds: JSON-looking, with non-ASCII and an astral character. */
const CURRENT_METADATA = '{"plan":"gold","note":"ünïcödé 🙂"}';

/** The read the shim makes first: `UpdateAppInstanceUser` -> `DescribeAppInstanceUser`, by the resource's ARN. */
function readOf(operation: Operation) {
  const command = operation.counterpart!.replace(/^Update/, 'Describe');
  const resource = command.replace(/^Describe/, '');
  return { command, resource, key: operation.regionSources![0]! };
}

/** Describe answers the resource with its metadata; the update answers its ARN. */
function currentResource(operation: Operation, metadata: string | undefined): Responder {
  const { resource } = readOf(operation);
  return (request) =>
    request.method === 'GET'
      ? { status: 200, body: { [resource]: { Metadata: metadata, Name: 'current name' } } }
      : { status: 200, body: {} };
}

describe('Every removed operation, Translations: UpdateAppInstance / UpdateAppInstanceUser without Metadata read the current value first and send it back unchanged', () => {
  it('the table has such operations', () => {
    expect(readBack.map(([name]) => name)).toEqual(
      expect.arrayContaining(['UpdateAppInstance', 'UpdateAppInstanceUser']),
    );
  });

  it.each(readBack)(
    '%s: exactly one read then one write, each as the native client sends it, the Metadata unchanged, the event says metadata-read-back',
    async (_name, operation) => {
      const { command, key } = readOf(operation);
      const { Metadata: _given, ...input } = exampleInput(operation);
      const events: shim.ShimEvent[] = [];
      const options = shimOptions((event) => events.push(event));
      loopback.current.respond(currentResource(operation, CURRENT_METADATA));
      try {
        const output = await shimFunction(operation)(structuredClone(input), options);
        const viaShim = drain();
        const { family, region } = destination(operation, input);
        await sendNatively(family, region, command, { [key]: input[key] });
        await sendNatively(family, region, operation.counterpart!, { ...input, Metadata: CURRENT_METADATA });
        const viaNative = drain();

        expect(viaShim.map((request) => request.method)).toEqual(['GET', 'PUT']);
        expect(viaShim.map(comparable)).toEqual(viaNative.map(comparable));
        expect((viaShim[1]!.body as Record<string, unknown>).Metadata).toBe(CURRENT_METADATA);
        expect(output.$metadata.httpStatusCode).toBe(200);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          operation: operation.name,
          outcome: 'success',
          translation: 'metadata-read-back',
        });
      } finally {
        release(options);
      }
    },
  );

  it.each(readBack)(
    '%s with Metadata: no read, one write, no translation in the event',
    async (_name, operation) => {
      const input = exampleInput(operation);
      const events: shim.ShimEvent[] = [];
      const options = shimOptions((event) => events.push(event));
      loopback.current.respond(currentResource(operation, CURRENT_METADATA));
      try {
        await shimFunction(operation)(structuredClone(input), options);
        const viaShim = drain();
        expect(viaShim.map((request) => request.method)).toEqual(['PUT']);
        expect((viaShim[0]!.body as Record<string, unknown>).Metadata).toBe(input.Metadata);
        expect(events[0]?.translation).toBeUndefined();
      } finally {
        release(options);
      }
    },
  );

  it.each(readBack)(
    '%s without Metadata whose read fails (NotFoundException): no write, the legacy NotFoundException',
    async (_name, operation) => {
      const { Metadata: _given, ...input } = exampleInput(operation);
      const options = shimOptions();
      loopback.current.respond(() => serviceError(404, 'NotFoundException', 'no such resource'));
      try {
        const error = await shimFunction(operation)(input, options).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(shim.NotFoundException);
        expect(drain().map((request) => request.method)).toEqual(['GET']);
      } finally {
        release(options);
      }
    },
  );
});
