/**
 * Every served operation, from the table: at least 1,000 fast-check inputs each, built from the
 * operation's shapes (test/support/shapes.ts): valid inputs, valid inputs with one constraint
 * broken, with a member replaced by junk, a foreign or prototype key, a getter that throws, or a
 * region source moved to another region, and junk of every kind. An oracle written from the
 * shapes (not from src/model/validate.ts) says what must happen, and the call must do exactly
 * that: a request to the dedicated namespace carrying exactly the validated input (in the region
 * its ARN names), or a legacy BadRequestException with no request; never a TypeError, never a
 * change to the caller's object, never prototype pollution.
 *
 * The namespace clients are stubs injected with the `clients` option, recording each command the
 * shim sends and in which region: a real client costs about 2 ms per call in signing and
 * serialising, which 19,000 calls cannot afford. What a command becomes on the wire is the subject
 * of wire.test.ts, which sends the same commands through the real clients to a loopback server.
 * The seed of each operation is printed; `RELIABILITY_SEED=<seed>` replays it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as shim from '../../src/index.js';
import { BadRequestException, isChimeIdentityShimConfigurationError } from '../../src/index.js';
import { FAMILY_PACKAGES } from '../../src/namespaces.js';
import { FAMILIES, type Family, type Operation } from '../../src/operations/operation.js';
import { capturingLogger } from '../reliability/support.js';
import {
  ALLOWED_REGIONS,
  anyResourceArn,
  conform,
  expectedCalls,
  expectedOutcome,
  INVALID,
  inputArbitrary,
  invalidCases,
  legacyNames,
  lowerCamel,
  optionalInput,
  readAnswer,
  SERVED_OPERATIONS,
  seedFor,
  valueAt,
  withArnRegion,
} from '../support/shapes.js';

/** 1,000 per operation, as the issue asks; `OPERATIONS_NUM_RUNS` raises it for a longer hunt. */
const NUM_RUNS = Number(process.env.OPERATIONS_NUM_RUNS ?? 1_000);
if (!(Number.isSafeInteger(NUM_RUNS) && NUM_RUNS >= 1_000)) {
  throw new TypeError(
    `OPERATIONS_NUM_RUNS must be an integer of at least 1000, got ${process.env.OPERATIONS_NUM_RUNS}`,
  );
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** What the stub namespace answers a read with: the current Metadata an update without one sends back. */
const CURRENT_METADATA = 'current metadata, read back';
/** What it answers for a message: the current Content an UpdateChannelMessage without one sends back. */
const CURRENT_CONTENT = 'current content, read back';
/** Newly required members the shim fills by reading the current value, and the value it reads. */
const READ_BACK: Readonly<Record<string, string>> = { Metadata: CURRENT_METADATA, Content: CURRENT_CONTENT };

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const THROWS = Symbol('a getter that throws');

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -0, 1, Number.NaN, Number.POSITIVE_INFINITY, '', [], {}),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string().map((text) => new String(text)),
  fc.constant(() => 'a function'),
  fc.constant(Symbol('a symbol')),
  fc.date(),
  fc.anything({ maxDepth: 2, maxKeys: 3, withBoxedValues: true, withNullPrototype: true, withMap: true }),
);

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'then',
];

/** `value` with `key` set as an own data property (`__proto__` included) or as a getter that throws. */
function withMember(value: Record<string, unknown>, key: string, member: unknown): Record<string, unknown> {
  const copy = { ...value };
  Object.defineProperty(
    copy,
    key,
    member === THROWS
      ? {
          enumerable: true,
          configurable: true,
          get() {
            throw new Error('a getter that throws');
          },
        }
      : { value: member, enumerable: true, configurable: true, writable: true },
  );
  return copy;
}

/** Regions an ARN may be moved to: allowed ones, and ones that must be refused. */
const REGIONS = fc.constantFrom(
  ...ALLOWED_REGIONS,
  'ap-southeast-1',
  'us-west-2',
  'evil.example.com',
  'us-east-1.evil.example.com',
  '',
  'US-EAST-1',
);

function inputs(operation: Operation): fc.Arbitrary<unknown> {
  const valid = inputArbitrary(operation);
  const members = Object.keys(operation.input.members);
  const sources = operation.regionSources ?? [];
  return fc.oneof(
    { weight: 6, arbitrary: valid },
    {
      // One constraint broken, anywhere in the shape (nested members included).
      weight: 5,
      arbitrary: fc.tuple(inputArbitrary(operation, { optional: 'all' }), fc.nat()).map(([full, pick]) => {
        const cases = invalidCases(operation, full);
        return cases[pick % cases.length]!.input;
      }),
    },
    {
      // A member (or a key that is not one) replaced by junk, null, undefined or a throwing getter.
      weight: 4,
      arbitrary: fc
        .tuple(
          valid,
          fc.oneof(
            // A request may have no member at all (GetMessagingSessionEndpoint).
            fc.constantFrom(...(members.length > 0 ? members : PROTOTYPE_KEYS)),
            fc.constantFrom(...PROTOTYPE_KEYS),
            fc.string({ maxLength: 8 }),
          ),
          fc.oneof({ weight: 9, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(THROWS) }),
        )
        .map(([input, key, member]) => withMember(input, key, member)),
    },
    {
      weight: sources.length > 0 ? 3 : 0,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...(sources.length > 0 ? sources : ['none'])), REGIONS)
        .map(([input, member, region]) =>
          typeof input[member] === 'string'
            ? { ...input, [member]: withArnRegion(input[member] as string, region) }
            : input,
        ),
    },
    {
      // An ARN of another resource type (of a family not served, of none) in a region source.
      weight: sources.length > 0 ? 2 : 0,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...(sources.length > 0 ? sources : ['none'])), anyResourceArn())
        .map(([input, member, arn]) => (member in input ? { ...input, [member]: arn } : input)),
    },
    { weight: 1, arbitrary: junk },
  );
}

// ---------------------------------------------------------------------------------------------
// The stub namespaces
// ---------------------------------------------------------------------------------------------

interface Sent {
  readonly family: Family;
  readonly region: string;
  readonly command: { readonly input: Record<string, unknown> };
}

/** A client for every family, recording each command with its region; every command succeeds. */
function stubClients(sent: Sent[]): shim.FamilyClients {
  const clients: Record<string, (region: string) => shim.FamilyClient> = {};
  for (const family of FAMILIES) {
    clients[family] = (region) => ({
      async send(command: Sent['command']) {
        sent.push({ family, region, command });
        return {
          $metadata: { httpStatusCode: 200, requestId: 'stub', attempts: 1 },
          // A read's answer, for the Metadata read-back; projected away from every other output.
          AppInstance: { Metadata: CURRENT_METADATA },
          AppInstanceUser: { Metadata: CURRENT_METADATA },
          ChannelMessage: { Content: CURRENT_CONTENT },
          // The meeting and its ARN, for the meeting tag operations' GetMeeting.
          ...readAnswer(command.input),
        };
      },
    });
  }
  return clients;
}

async function commandClass(family: Family, name: string): Promise<new (...args: any[]) => unknown> {
  const module = (await import(FAMILY_PACKAGES[family].packageName)) as Record<string, any>;
  return module[`${name}Command`];
}

// ---------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------

/** Every own key and value of the built-in prototypes: pollution shows up as a difference. */
function prototypeSnapshot() {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype].map(
    (prototype) =>
      Reflect.ownKeys(prototype).map(
        (key) => [key, Object.getOwnPropertyDescriptor(prototype, key)?.value] as const,
      ),
  );
}

function describeError(error: unknown): string {
  return error instanceof Error
    ? `${error.constructor.name} ${error.name}: ${error.message}`
    : `a thrown ${typeof error}`;
}

/**
 * The request the last command must carry: the validated input (with what the oracle says the
 * shim fills before the route, such as the messaging bearer), tokens and read-back members filled in.
 */
function expectedRequest(operation: Operation, request: Record<string, unknown>): Record<string, unknown> {
  const filled: Record<string, unknown> = { ...request };
  for (const token of operation.tokens ?? []) filled[token] ??= expect.stringMatching(UUID_V4);
  for (const member of operation.newlyRequired ?? []) {
    if (valueAt(filled, member) !== undefined) continue;
    const current = READ_BACK[member];
    if (current === undefined) {
      throw new Error(`test bug: teach properties.test.ts how the shim fills ${operation.name}.${member}`);
    }
    filled[member] = current;
  }
  return filled;
}

describe('Every removed operation, Behaviour of one call: every input reaches the namespace valid or is a legacy BadRequestException with no request; never a crash, a TypeError or prototype pollution', () => {
  it.each(SERVED_OPERATIONS.map((operation) => [operation.name, operation] as const))(
    `%s: ${NUM_RUNS} inputs from its shapes (valid, one constraint broken, junk members, prototype keys, throwing getters, moved regions, other resource types, junk), through the function and the drop-in ChimeClient`,
    async (_name, operation) => {
      const seed = seedFor(`operation properties: ${operation.name}`);
      const call = (shim as unknown as Record<string, unknown>)[lowerCamel(operation.name)] as (
        input: unknown,
        options: shim.OperationOptions,
      ) => Promise<shim.Output>;
      const sent: Sent[] = [];
      const events: shim.ShimEvent[] = [];
      // One options object and one client for every run: checked once, as a caller would hold them.
      const options: shim.OperationOptions = {
        clients: stubClients(sent),
        onEvent: (event) => events.push(event),
      };
      const client = new shim.ChimeClient({
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIAPROPERTIESEXAMPLE', secretAccessKey: 'properties-secret' },
        // The drop-in logs every call with the legacy redaction, which reads the raw input too.
        logger: capturingLogger(),
        migration: options,
      });
      const Command = (shim as unknown as Record<string, new (input: unknown) => any>)[
        `${operation.name}Command`
      ]!;
      const surfaces = {
        function: (input: unknown) => call(input, options),
        'drop-in': (input: unknown) => client.send(new Command(input)),
      };
      const before = prototypeSnapshot();
      const outcomes = { sent: 0, 'bad-request': 0, 'configuration-error': 0 };

      await fc
        .assert(
          fc.asyncProperty(
            inputs(operation),
            fc.constantFrom('function', 'drop-in'),
            async (input, surface) => {
              // A request with no required member may be left out on every surface, as the SDK's
              // commands allow (`new ListAppInstancesCommand()`, `listAppInstances()`): it is `{}`.
              const expected = expectedOutcome(operation, optionalInput(operation) ? (input ?? {}) : input);
              outcomes[expected.kind]++;
              const keysBefore =
                typeof input === 'object' && input !== null ? Reflect.ownKeys(input) : undefined;
              sent.length = 0;
              events.length = 0;
              let error: unknown;
              try {
                await surfaces[surface as keyof typeof surfaces](input);
              } catch (caught) {
                error = caught;
              }

              if (expected.kind === 'bad-request') {
                if (
                  !(
                    error instanceof BadRequestException && (error as BadRequestException).$fault === 'client'
                  )
                ) {
                  throw new Error(
                    `expected a legacy BadRequestException, got ${error ? describeError(error) : 'a success'}`,
                  );
                }
                expect(sent).toHaveLength(0);
              } else if (expected.kind === 'configuration-error') {
                if (!isChimeIdentityShimConfigurationError(error)) {
                  throw new Error(
                    `expected a configuration error, got ${error ? describeError(error) : 'a success'}`,
                  );
                }
                expect(sent).toHaveLength(0);
              } else {
                if (error !== undefined)
                  throw new Error(`expected the request to be sent, got ${describeError(error)}`);
                // A translation that sends other commands than the counterpart with the input
                // (meeting defaults, CreateMeetingWithAttendees as CreateMeeting, the meeting tag
                // operations' read and substitute): exactly those, in order, in the call's region.
                const calls = expectedCalls(operation, expected.request, expect.stringMatching(UUID_V4));
                if (calls) {
                  expect(sent).toHaveLength(calls.length);
                  for (const [index, call] of calls.entries()) {
                    const command = sent[index]!;
                    expect(command.command).toBeInstanceOf(await commandClass(expected.family, call.command));
                    expect({ family: command.family, region: command.region }).toEqual({
                      family: expected.family,
                      region: expected.region,
                    });
                    expect(command.command.input).toEqual(call.input);
                  }
                } else {
                  const reads = (operation.newlyRequired ?? []).filter(
                    (member) => valueAt(expected.request, member) === undefined,
                  );
                  expect(sent).toHaveLength(1 + (reads.length > 0 ? 1 : 0));
                  const last = sent.at(-1)!;
                  expect(last.command).toBeInstanceOf(
                    await commandClass(expected.family, operation.counterpart!),
                  );
                  expect({ family: last.family, region: last.region }).toEqual({
                    family: expected.family,
                    region: expected.region,
                  });
                  // Exactly the validated input, which is valid for the shape on its own terms.
                  expect(last.command.input).toEqual(expectedRequest(operation, expected.request));
                  expect(conform(legacyNames(operation, last.command.input), operation.input)).not.toBe(
                    INVALID,
                  );
                }
              }
              expect(events).toHaveLength(1);
              if (keysBefore) expect(Reflect.ownKeys(input as object)).toEqual(keysBefore);
            },
          ),
          { seed, numRuns: NUM_RUNS },
        )
        .finally(() => client.destroy());

      console.info(`[operation properties] ${operation.name}: ${JSON.stringify(outcomes)}, seed ${seed}`);
      // The inputs are worth something only if both outcomes are common.
      expect(outcomes.sent).toBeGreaterThan(NUM_RUNS * 0.1);
      expect(outcomes['bad-request']).toBeGreaterThan(NUM_RUNS * 0.1);
      expect(prototypeSnapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    60_000,
  );
});
