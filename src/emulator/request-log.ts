import type { RequestLogEntry } from './types.js';

/**
 * A log record as kept: one fixed shape, cheap to build on every request. It becomes a
 * `RequestLogEntry` (ISO time, absent fields dropped) only when someone reads the log.
 */
export interface LogRecord {
  readonly requestId: string;
  /** Epoch milliseconds. */
  readonly arrived: number;
  readonly method: string;
  readonly path: string;
  readonly operation: RequestLogEntry['operation'];
  readonly status: number;
  readonly errorType: string | undefined;
  readonly region: string | undefined;
  readonly fault: RequestLogEntry['fault'];
  readonly durationMs: number;
}

function toEntry(record: LogRecord): RequestLogEntry {
  const entry: {
    -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K];
  } = {
    requestId: record.requestId,
    time: new Date(record.arrived).toISOString(),
    method: record.method,
    path: record.path,
    status: record.status,
    durationMs: Math.round(record.durationMs * 1000) / 1000,
  };
  if (record.operation !== undefined) entry.operation = record.operation;
  if (record.errorType !== undefined) entry.errorType = record.errorType;
  if (record.region !== undefined) entry.region = record.region;
  if (record.fault !== undefined) entry.fault = record.fault;
  return Object.freeze(entry);
}

/** A fixed-size ring buffer of log records: memory stays bounded however long the emulator runs. */
export class RequestLog {
  readonly #records: (LogRecord | undefined)[];
  #next = 0;
  #size = 0;

  constructor(capacity: number) {
    this.#records = new Array(capacity).fill(undefined);
  }

  add(record: LogRecord): void {
    const capacity = this.#records.length;
    if (capacity === 0) return;
    this.#records[this.#next] = record;
    this.#next = (this.#next + 1) % capacity;
    if (this.#size < capacity) this.#size++;
  }

  /** Oldest first. */
  entries(): RequestLogEntry[] {
    const capacity = this.#records.length;
    const out: RequestLogEntry[] = [];
    for (let i = 0; i < this.#size; i++) {
      const record = this.#records[(this.#next - this.#size + i + capacity) % capacity];
      if (record) out.push(toEntry(record));
    }
    return out;
  }

  clear(): void {
    this.#records.fill(undefined);
    this.#next = 0;
    this.#size = 0;
  }
}
