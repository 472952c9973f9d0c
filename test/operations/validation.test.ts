/**
 * Every served operation, from the table: one invalid input per constraint of its legacy request
 * shape, recursively (required members missing or null, wrong types, lengths, patterns, enums,
 * ranges, list sizes, nested structures, members the shape does not have, a non-object input),
 * each derived from a valid input built from the same shape (test/support/shapes.ts). Each gets a
 * legacy BadRequestException with the service's message for that member and constraint, and no
 * request reaches the loopback server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as shim from '../../src/index.js';
import { BadRequestException } from '../../src/index.js';
import { namespaceClients } from '../../src/namespaces.js';
import type { Operation } from '../../src/operations/operation.js';
import { EMPTY_ANSWER, useLoopback } from '../support/loopback.js';
import { rejection } from '../support/rejection.js';
import { answerReads, exampleInput, invalidCases, lowerCamel, SERVED_OPERATIONS } from '../support/shapes.js';

const loopback = useLoopback();
const CREDENTIALS = { accessKeyId: 'AKIAVALIDATIONEXAMPLE', secretAccessKey: 'validation-secret' };

type Call = (input: unknown, options?: shim.OperationOptions) => Promise<shim.Output>;

function shimFunction(operation: Operation): Call {
  const fn = (shim as unknown as Record<string, unknown>)[lowerCamel(operation.name)];
  if (typeof fn !== 'function')
    throw new Error(`chime-identity-shim exports no ${lowerCamel(operation.name)}`);
  return fn as Call;
}

describe.each(SERVED_OPERATIONS.map((operation) => [operation.name, operation] as const))(
  'Every removed operation, Behaviour of one call: validation before any I/O with the legacy model constraints of %s, recursively, in the service style',
  (_name, operation) => {
    const valid = exampleInput(operation);
    const cases = invalidCases(operation, valid);
    // Built once the loopback server listens; one client pool for the operation's cases.
    let options: shim.OperationOptions;
    beforeAll(() => {
      options = { identityConfig: { endpoint: loopback.current.endpoint, credentials: CREDENTIALS } };
    });
    afterAll(() => namespaceClients(options.identityConfig!, () => ({})).destroy());

    it('the valid input every case is derived from is sent (so each case fails for its own constraint)', async () => {
      // The reads a translation makes first are answered (the meeting tag operations' GetMeeting).
      loopback.current.respond(answerReads(operation, EMPTY_ANSWER));
      await shimFunction(operation)(structuredClone(valid), options);
      expect(loopback.current.requests.length).toBeGreaterThanOrEqual(1);
    });

    it.each(cases.map((invalid) => [invalid.name, invalid] as const))(
      '%s -> BadRequestException naming the member and the constraint, no request',
      async (_case, invalid) => {
        const error = await rejection(shimFunction(operation)(invalid.input, options));
        expect(error).toBeInstanceOf(BadRequestException);
        expect(error.name).toBe('BadRequestException');
        expect(error.$fault).toBe('client');
        expect(error.message).toMatch(/^\d+ validation errors? detected: Value at '/);
        expect(error.message).toContain(
          `Value at '${invalid.path}' failed to satisfy constraint: ${invalid.constraint}`,
        );
        // Values are never quoted: a sensitive member's value must not reach a message or a log.
        if (typeof invalid.value === 'string' && invalid.value.trim().length >= 8) {
          expect(error.message).not.toContain(invalid.value);
        }
        expect(loopback.current.requests).toHaveLength(0);
      },
    );
  },
);
