/**
 * Every served operation, from the table: each ARN member that is a region source can only pick
 * an allowed region. A region outside the allow-list, a host name, an empty region: a legacy
 * BadRequestException naming that member, and no request. An allowed region: the request goes to
 * the host the dedicated namespace's own client resolves for that region (for Chime SDK Identity,
 * `identity-chime.<region>.amazonaws.com`), signed for it. An input naming no ARN is served in
 * `defaultRegion`, which must be allowed. No custom endpoint: the real SDK resolves the host; an
 * in-process request handler records it and answers without a network.
 */
import { describe, expect, it } from 'vitest';
import * as shim from '../../src/index.js';
import { BadRequestException, isChimeIdentityShimConfigurationError } from '../../src/index.js';
import { FAMILY_PACKAGES, namespaceClients } from '../../src/namespaces.js';
import type { Family, Operation } from '../../src/operations/operation.js';
import { EMPTY_ANSWER, InProcessHandler } from '../support/loopback.js';
import {
  answerReads,
  exampleInput,
  expectedCalls,
  expectedOutcome,
  lowerCamel,
  SERVED_OPERATIONS,
  withArnRegion,
} from '../support/shapes.js';

const CREDENTIALS = { accessKeyId: 'AKIAREGIONSOPSEXAMPLE', secretAccessKey: 'regions-secret' };

type Call = (input: unknown, options?: shim.OperationOptions) => Promise<shim.Output>;

function shimFunction(operation: Operation): Call {
  const fn = (shim as unknown as Record<string, unknown>)[lowerCamel(operation.name)];
  if (typeof fn !== 'function')
    throw new Error(`chime-identity-shim exports no ${lowerCamel(operation.name)}`);
  return fn as Call;
}

/** One call with its own client pool and a recording handler; the outcome, never thrown. */
async function callRecorded(operation: Operation, input: unknown, migration: shim.ShimOptions = {}) {
  const handler = new InProcessHandler();
  // The reads a translation makes first are answered (the meeting tag operations' GetMeeting).
  handler.responder = answerReads(operation, EMPTY_ANSWER);
  const options: shim.OperationOptions = {
    ...migration,
    identityConfig: { credentials: CREDENTIALS, requestHandler: handler, maxAttempts: 1 },
  };
  try {
    // `async`: a configuration error thrown synchronously is an outcome too.
    await (async () => shimFunction(operation)(input, options))();
    return { error: undefined as any, sent: handler.sent };
  } catch (error) {
    return { error: error as any, sent: handler.sent };
  } finally {
    namespaceClients(options.identityConfig!, () => ({})).destroy();
  }
}

/** The host the family's own client resolves for a region (its default endpoint). */
async function nativeHost(family: Family, region: string): Promise<string> {
  const module = (await import(FAMILY_PACKAGES[family].packageName)) as Record<string, any>;
  const client = new module[FAMILY_PACKAGES[family].clientName]({ region, credentials: CREDENTIALS });
  try {
    const endpoint = await client.config.endpointProvider({
      Region: region,
      UseFIPS: false,
      UseDualStack: false,
    });
    return new URL(endpoint.url).hostname;
  } finally {
    client.destroy();
  }
}

/** `input` with every region source naming `region` (or only `only`, the others as they are). */
function inRegion(operation: Operation, input: Record<string, unknown>, region: string, only?: string) {
  const moved = { ...input };
  for (const member of operation.regionSources ?? []) {
    if (typeof moved[member] === 'string' && (only === undefined || only === member)) {
      moved[member] = withArnRegion(moved[member] as string, region);
    }
  }
  return moved;
}

function familyOf(operation: Operation, input: unknown): Family {
  const expected = expectedOutcome(operation, input);
  if (expected.kind !== 'sent')
    throw new Error(`test bug: the example input is not valid (${expected.kind})`);
  return expected.family;
}

/** Regions no ARN may name under the default allow-list, and why. */
const REFUSED_REGIONS: ReadonlyArray<readonly [string, string]> = [
  ['a region outside the allow-list', 'ap-southeast-1'],
  ['a host name', 'evil.example.com'],
  ['an allowed region followed by a host name', 'us-east-1.evil.example.com'],
  ['an empty region', ''],
  ['an uppercase allowed region', 'US-EAST-1'],
];

const withSources = SERVED_OPERATIONS.filter((operation) => (operation.regionSources ?? []).length > 0);
const withoutSources = SERVED_OPERATIONS.filter((operation) => (operation.regionSources ?? []).length === 0);

describe.each(withSources.map((operation) => [operation.name, operation] as const))(
  'Every removed operation, Region: every ARN member of %s is a region source that cannot steer the request outside the allow-list',
  (_name, operation) => {
    const input = exampleInput(operation);
    const sources = operation.regionSources!;
    const family = familyOf(operation, input);

    describe.each(sources.map((member) => [member] as const))('%s', (member) => {
      it.each(REFUSED_REGIONS)(
        '%s (%j) -> BadRequestException naming the member, no request',
        async (_why, region) => {
          const { error, sent } = await callRecorded(operation, inRegion(operation, input, region, member));
          expect(error).toBeInstanceOf(BadRequestException);
          expect(error.message).toContain(`Value at '${lowerCamel(member)}' failed to satisfy constraint: `);
          expect(sent).toHaveLength(0);
        },
      );

      it('in eu-central-1 alone: the first region source present decides, and every request goes there', async () => {
        const { error, sent } = await callRecorded(
          operation,
          inRegion(operation, input, 'eu-central-1', member),
        );
        expect(error).toBeUndefined();
        const region = sources[0] === member ? 'eu-central-1' : 'us-east-1';
        expect(sent.length).toBeGreaterThanOrEqual(1);
        for (const request of sent) {
          expect(request.hostname).toBe(await nativeHost(family, region));
          expect(request.signingRegion).toBe(region);
        }
      });
    });

    it('every region source in eu-central-1 -> the family host of eu-central-1, signed for eu-central-1', async () => {
      const { error, sent } = await callRecorded(operation, inRegion(operation, input, 'eu-central-1'));
      expect(error).toBeUndefined();
      expect(sent.length).toBeGreaterThanOrEqual(1);
      for (const request of sent) {
        expect(request.hostname).toBe(await nativeHost(family, 'eu-central-1'));
        if (family === 'identity') expect(request.hostname).toBe('identity-chime.eu-central-1.amazonaws.com');
        expect(request.signingRegion).toBe('eu-central-1');
      }
    });

    it('regions: [us-west-2] -> an ARN in us-west-2 is served there; one in us-east-1 is now refused', async () => {
      const migration = { regions: ['us-west-2'] };
      const west = await callRecorded(operation, inRegion(operation, input, 'us-west-2'), migration);
      expect(west.error).toBeUndefined();
      expect(west.sent.map((request) => request.hostname)).toContain(await nativeHost(family, 'us-west-2'));
      expect(west.sent.every((request) => request.signingRegion === 'us-west-2')).toBe(true);

      const east = await callRecorded(operation, inRegion(operation, input, 'us-east-1'), migration);
      expect(east.error).toBeInstanceOf(BadRequestException);
      expect(east.error.message).toContain(`Value at '${lowerCamel(sources[0]!)}'`);
      expect(east.sent).toHaveLength(0);
    });

    it('defaultRegion does not override the region an ARN names', async () => {
      const { error, sent } = await callRecorded(operation, inRegion(operation, input, 'us-east-1'), {
        defaultRegion: 'eu-central-1',
      });
      expect(error).toBeUndefined();
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(sent.every((request) => request.signingRegion === 'us-east-1')).toBe(true);
      expect(sent[0]!.hostname).toBe(await nativeHost(family, 'us-east-1'));
    });
  },
);

describe.each(withoutSources.map((operation) => [operation.name, operation] as const))(
  'Every removed operation, Region: %s names no ARN, so it is served in defaultRegion, which must be in regions',
  (_name, operation) => {
    const input = exampleInput(operation);
    const family = familyOf(operation, input);
    // One request, or the documented read and then the substitute (the meeting tag operations).
    const requests = expectedCalls(operation, input)?.length ?? 1;

    it.each([
      ['no defaultRegion: us-east-1, where the deprecated namespace sent every call', {}, 'us-east-1'],
      ["defaultRegion: 'eu-central-1'", { defaultRegion: 'eu-central-1' }, 'eu-central-1'],
      [
        "regions: ['us-west-2'], defaultRegion: 'us-west-2'",
        { regions: ['us-west-2'], defaultRegion: 'us-west-2' },
        'us-west-2',
      ],
    ] as const)('%s -> served there, signed for it', async (_case, migration, region) => {
      const { error, sent } = await callRecorded(operation, input, migration);
      expect(error).toBeUndefined();
      expect(sent).toHaveLength(requests);
      for (const request of sent) {
        expect(request.hostname).toBe(await nativeHost(family, region));
        expect(request.signingRegion).toBe(region);
      }
    });

    it.each([
      ["defaultRegion: 'ap-southeast-1' with the default regions", { defaultRegion: 'ap-southeast-1' }],
      ["regions: ['eu-central-1'] with the default defaultRegion (us-east-1)", { regions: ['eu-central-1'] }],
      [
        "regions: ['eu-central-1'], defaultRegion: 'us-east-1'",
        { regions: ['eu-central-1'], defaultRegion: 'us-east-1' },
      ],
    ] as const)(
      '%s -> ChimeIdentityShimConfigurationError naming defaultRegion, no request',
      async (_case, migration) => {
        const { error, sent } = await callRecorded(operation, input, migration);
        expect(isChimeIdentityShimConfigurationError(error)).toBe(true);
        expect(error.message).toContain('defaultRegion');
        expect(sent).toHaveLength(0);
      },
    );
  },
);
