/**
 * Canaries and the call paths they travel, shared by test/reliability/secrets.test.ts (current
 * SDK) and test/sdk-3.699/secrets.test.ts (the real 3.699 client). Data and the emulator only:
 * no import of the shim or of either SDK, so each project resolves its own.
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type Emulator, type FaultSpec, startEmulator } from '../../src/emulator/index.js';
import type { ShimEvent } from '../../src/index.js';
import { type CapturingLogger, capturingLogger, printable } from './support.js';

/**
 * One canary per secret. The AppInstanceUserId is not one: it is part of the returned ARN, which
 * the SDKs log as output.
 */
export const CANARIES = {
  name: 'cnryName7f3a',
  metadata: 'cnryMetadata9e77',
  tagKey: 'cnryTagKey0d3a',
  tagValue: 'cnryTagValue5c8e',
  token: 'cnryToken41f0',
  accessKeyId: 'AKIACNRYACCESS41F0EX',
  secretAccessKey: 'cnrySecretAccessKey2b1cEXAMPLE',
  otherAccessKeyId: 'AKIACNRYOTHER9D2EXAM',
  otherSecretAccessKey: 'cnryOtherSecretKey77e1EXAMPLE',
} as const;

/** The credentials the emulator of these tests accepts. */
export const CANARY_CREDENTIALS = {
  accessKeyId: CANARIES.accessKeyId,
  secretAccessKey: CANARIES.secretAccessKey,
};
/** Credentials the emulator does not know: the request is refused. */
export const OTHER_CANARY_CREDENTIALS = {
  accessKeyId: CANARIES.otherAccessKeyId,
  secretAccessKey: CANARIES.otherSecretAccessKey,
};

/** An emulator that accepts only the canary credentials, emptied before each test. */
export function useCanaryEmulator(): { readonly current: Emulator } {
  const holder: { current: Emulator } = { current: undefined as unknown as Emulator };
  beforeAll(async () => {
    holder.current = await startEmulator({ credentials: { ...CANARY_CREDENTIALS } });
  });
  beforeEach(() => holder.current.reset());
  afterAll(() => holder.current.close());
  return holder;
}

export const USER_ID = 'secret-keeper';

/** A request carrying every canary it can. */
export function canaryInput(AppInstanceArn: string): Record<string, unknown> {
  return {
    AppInstanceArn,
    AppInstanceUserId: USER_ID,
    Name: CANARIES.name,
    Metadata: CANARIES.metadata,
    ClientRequestToken: CANARIES.token,
    Tags: [{ Key: CANARIES.tagKey, Value: CANARIES.tagValue }],
  };
}

/** One call path: the faults it meets, the input, and how it must end. */
export interface SecretScenario {
  readonly name: string;
  /** `'success'`, or the `name` of the error the caller must get. */
  readonly outcome: 'success' | string;
  readonly input: (AppInstanceArn: string) => Record<string, unknown>;
  readonly faults?: readonly FaultSpec[];
  /** Create the same user first (under another token and name), so the call conflicts. */
  readonly precreate?: boolean;
  /** Call with credentials the emulator does not know. */
  readonly otherCredentials?: boolean;
}

const tooLong = (canary: string, limit: number) => `${canary}${'x'.repeat(limit)}`;

/** With `maxAttempts: 2` on the client. */
export const SCENARIOS: readonly SecretScenario[] = [
  { name: 'success', outcome: 'success', input: canaryInput },
  {
    name: 'retry path: a 503, then success',
    outcome: 'success',
    input: canaryInput,
    faults: [{ kind: 'error', errorType: 'ServiceUnavailableException', count: 1 }],
  },
  {
    name: 'service error after retries: 503 on both attempts',
    outcome: 'ServiceUnavailableException',
    input: canaryInput,
    faults: [{ kind: 'error', errorType: 'ServiceUnavailableException', count: 2 }],
  },
  {
    name: 'service error: ConflictException',
    outcome: 'ConflictException',
    input: canaryInput,
    precreate: true,
  },
  {
    name: 'network error: the connection reset on both attempts',
    outcome: 'TimeoutError',
    input: canaryInput,
    faults: [{ kind: 'reset', count: 2 }],
  },
  {
    name: 'credentials refused: an access key the service does not know',
    outcome: 'UnrecognizedClientException',
    input: canaryInput,
    otherCredentials: true,
  },
  {
    name: 'validation error: Name over 100 characters',
    outcome: 'BadRequestException',
    input: (arn) => ({ ...canaryInput(arn), Name: tooLong(CANARIES.name, 100) }),
  },
  {
    name: 'validation error: Metadata over 1024 characters',
    outcome: 'BadRequestException',
    input: (arn) => ({ ...canaryInput(arn), Metadata: tooLong(CANARIES.metadata, 1024) }),
  },
  {
    name: 'validation error: a tag key over 128 and a tag value over 256 characters',
    outcome: 'BadRequestException',
    input: (arn) => ({
      ...canaryInput(arn),
      Tags: [{ Key: tooLong(CANARIES.tagKey, 128), Value: tooLong(CANARIES.tagValue, 256) }],
    }),
  },
  {
    name: 'validation error: a ClientRequestToken breaking its pattern',
    outcome: 'BadRequestException',
    input: (arn) => ({ ...canaryInput(arn), ClientRequestToken: `${CANARIES.token}.bad` }),
  },
  {
    name: 'validation error: a region outside the allow-list',
    outcome: 'BadRequestException',
    input: (arn) => ({ ...canaryInput(arn.replace(/:chime:[^:]+:/, ':chime:ap-southeast-1:')) }),
  },
  {
    name: 'validation error: Name missing',
    outcome: 'BadRequestException',
    input: (arn) => {
      const { Name: _name, ...rest } = canaryInput(arn);
      return rest;
    },
  },
  {
    // A tag list mistyped as one string (as a CLI shorthand would spell it).
    name: 'validation error: Tags that are not a list',
    outcome: 'BadRequestException',
    input: (arn) => ({ ...canaryInput(arn), Tags: `Key=${CANARIES.tagKey},Value=${CANARIES.tagValue}` }),
  },
  {
    name: 'validation error: Metadata under a misspelt member name (Metdata)',
    outcome: 'BadRequestException',
    input: (arn) => {
      const { Metadata: _metadata, ...rest } = canaryInput(arn);
      return { ...rest, Metdata: CANARIES.metadata };
    },
  },
];

/** The canaries found in what a sink could print of `value`. */
export function leakedCanaries(value: unknown): string[] {
  const text = printable(value);
  return Object.values(CANARIES).filter((canary) => text.includes(canary));
}

/** One way to call the shim (a surface), built per scenario with the canary credentials. */
export interface Caller {
  call(input: Record<string, unknown>): Promise<unknown>;
  /** Whether this surface has a legacy client whose logger middleware prints each call. */
  readonly logsEachCall?: boolean;
  close(): void;
}

export interface CallerOptions {
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  readonly logger: CapturingLogger;
  readonly onEvent: (event: ShimEvent) => void;
}

export interface ScenarioRun {
  readonly outcome: { ok: true; output: unknown } | { ok: false; error: unknown };
  readonly events: readonly ShimEvent[];
  readonly logger: CapturingLogger;
  readonly caller: Caller;
}

/** Runs one scenario on one surface: the app instance, the first user if needed, the faults, the call. */
export async function runScenario(
  emulator: Emulator,
  make: (options: CallerOptions) => Caller,
  scenario: SecretScenario,
): Promise<ScenarioRun> {
  const AppInstanceArn = emulator.createAppInstance();
  const logger = capturingLogger();
  const events: ShimEvent[] = [];
  const caller = make({
    credentials: scenario.otherCredentials ? OTHER_CANARY_CREDENTIALS : CANARY_CREDENTIALS,
    logger,
    onEvent: (event) => events.push(event),
  });
  if (scenario.precreate) {
    await caller.call({
      AppInstanceArn,
      AppInstanceUserId: USER_ID,
      Name: 'first',
      ClientRequestToken: 'first-token',
    });
  }
  for (const fault of scenario.faults ?? []) emulator.faults.inject(fault);
  const outcome = await caller.call(scenario.input(AppInstanceArn)).then(
    (output) => ({ ok: true as const, output }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  caller.close();
  return { outcome, events, logger, caller };
}

/** The scenario took the path it names, and no canary reached an event, a log line or the error. */
export function expectPathAndNoCanaries(run: ScenarioRun, scenario: SecretScenario): void {
  const { outcome, events, logger } = run;
  expect(outcome.ok ? 'success' : (outcome.error as Error).name).toBe(scenario.outcome);
  expect(events.at(-1)).toMatchObject({ outcome: scenario.outcome === 'success' ? 'success' : 'error' });
  expect(leakedCanaries(events), 'in events').toEqual([]);
  expect(leakedCanaries(logger.calls), 'in what the SDK logged').toEqual([]);
  if (!outcome.ok) expect(leakedCanaries(outcome.error), 'in the error the caller got').toEqual([]);
}
