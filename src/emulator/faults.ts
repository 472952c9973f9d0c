import { defaultStatusOf } from './errors.js';
import { SERVED_OPERATIONS } from './namespaces/index.js';
import type { EmulatorOperation, FaultSpec, PendingFault } from './types.js';

/** At most this many faults wait in the queue: each `inject` is one entry, whatever its count. */
export const MAX_PENDING_FAULTS = 100;
const MAX_COUNT = 100_000;
const MAX_DELAY_MS = 600_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integerIn(value: unknown, min: number, max: number, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`fault.${name} must be an integer, got ${JSON.stringify(value)}`);
  }
  if (value < min || value > max)
    throw new RangeError(`fault.${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new TypeError(`fault.${name} must be a string`);
  return value;
}

/**
 * Check a fault spec from code or from the control path's JSON and return a clean copy
 * (only known fields, defaults filled in). Throws `TypeError`/`RangeError` naming the field.
 */
export function normalizeFault(input: unknown): FaultSpec & { count: number } {
  if (!isRecord(input)) throw new TypeError('fault must be an object such as { kind: "reset" }');
  const count = input.count === undefined ? 1 : integerIn(input.count, 1, MAX_COUNT, 'count');
  const target: { count: number; operation?: EmulatorOperation } = { count };
  if (input.operation !== undefined) {
    if (!SERVED_OPERATIONS.includes(input.operation as string)) {
      throw new RangeError(
        `fault.operation must be an operation the emulator serves (${SERVED_OPERATIONS.join(', ')}), got ${JSON.stringify(input.operation)}`,
      );
    }
    target.operation = input.operation as EmulatorOperation;
  }
  switch (input.kind) {
    case 'error': {
      const errorType = optionalString(input.errorType, 'errorType');
      if (!errorType || !/^[A-Za-z][A-Za-z0-9.#:_-]{0,127}$/.test(errorType)) {
        throw new TypeError('fault.errorType must be an error name such as "ThrottledClientException"');
      }
      const status =
        input.status === undefined
          ? (defaultStatusOf(errorType) ?? 500)
          : integerIn(input.status, 400, 599, 'status');
      const message = optionalString(input.message, 'message');
      const code = optionalString(input.code, 'code');
      return {
        kind: 'error',
        ...target,
        errorType,
        status,
        ...(message === undefined ? {} : { message }),
        ...(code === undefined ? {} : { code }),
      };
    }
    case 'reset':
      return { kind: 'reset', ...target };
    case 'delay':
      return { kind: 'delay', ...target, delayMs: integerIn(input.delayMs, 0, MAX_DELAY_MS, 'delayMs') };
    default:
      throw new TypeError(
        `fault.kind must be "error", "reset" or "delay", got ${JSON.stringify(input.kind)}`,
      );
  }
}

/** Faults waiting for their requests, first in first out. */
export class FaultQueue {
  readonly #pending: { spec: FaultSpec; remaining: number }[] = [];

  inject(input: unknown): void {
    this.injectAll([input]);
  }

  /** Queue several faults, all or none: every spec is checked before any is queued. */
  injectAll(inputs: readonly unknown[]): void {
    const specs = inputs.map(normalizeFault);
    if (this.#pending.length + specs.length > MAX_PENDING_FAULTS) {
      throw new RangeError(`At most ${MAX_PENDING_FAULTS} faults can be pending; clear() them first`);
    }
    for (const spec of specs) this.#pending.push({ spec, remaining: spec.count });
  }

  /** The first pending fault that matches `operation`, counted as used. */
  take(operation: string): FaultSpec | undefined {
    const index = this.#pending.findIndex(
      (f) => f.spec.operation === undefined || f.spec.operation === operation,
    );
    const entry = this.#pending[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.#pending.splice(index, 1);
    return entry.spec;
  }

  clear(): void {
    this.#pending.length = 0;
  }

  pending(): PendingFault[] {
    return this.#pending.map((f) => ({ ...f.spec, remaining: f.remaining }));
  }
}
