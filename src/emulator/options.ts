import type { EmulatorCredentials, EmulatorOptions } from './types.js';

/**
 * Documented test credentials. They are not AWS credentials and open nothing: the access key
 * carries `EXAMPLE`, as AWS's documentation keys do, so secret scanners and readers alike see a
 * placeholder, and the secret is plainly not a generated one.
 *
 * Not frozen on purpose: the SDK records where credentials came from by writing `$source` onto
 * the object it is given, and throws on a frozen one.
 */
export const EMULATOR_CREDENTIALS: EmulatorCredentials = {
  accessKeyId: 'AKIAEMULATOREXAMPLE0',
  secretAccessKey: 'chime-identity-shim-emulator-EXAMPLEKEY',
};

/** The account id in every ARN the emulator issues: AWS's documentation example account. */
export const EMULATOR_ACCOUNT_ID = '111122223333';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export interface ResolvedOptions {
  readonly host: string;
  readonly port: number;
  readonly verifySignatures: boolean;
  readonly maxBodyBytes: number;
  readonly credentials: EmulatorCredentials;
  readonly regions: readonly string[] | undefined;
  readonly defaultRegion: string;
  readonly requestLogSize: number;
  readonly maxAppInstances: number;
  readonly maxUsers: number;
  readonly controlPath: boolean;
}

/** A plain AWS region name (`us-east-1`, `eu-central-1`, `us-gov-west-1`, `cn-north-1`). */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

const KNOWN = new Set<string>([
  'host',
  'port',
  'verifySignatures',
  'maxBodyBytes',
  'credentials',
  'regions',
  'defaultRegion',
  'requestLogSize',
  'maxAppInstances',
  'maxUsers',
  'controlPath',
]);

function integer(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`Emulator option '${name}' must be an integer, got ${JSON.stringify(value)}`);
  }
  if (value < min || value > max) {
    throw new RangeError(`Emulator option '${name}' must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function boolean(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`Emulator option '${name}' must be a boolean`);
  return value;
}

function region(value: unknown, name: string): string {
  if (typeof value !== 'string' || !REGION_NAME.test(value)) {
    throw new RangeError(
      `Emulator option '${name}' must be an AWS region name such as 'us-east-1', got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Check the options up front; every message names the option at fault. */
export function resolveOptions(options: EmulatorOptions | undefined): ResolvedOptions {
  const given: Record<string, unknown> = { ...(options ?? {}) };
  for (const key of Object.keys(given)) {
    if (!KNOWN.has(key)) throw new TypeError(`Unknown emulator option '${key}'`);
  }
  const host = given.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host === '')
    throw new TypeError("Emulator option 'host' must be a non-empty string");
  let credentials = EMULATOR_CREDENTIALS;
  if (given.credentials !== undefined) {
    const c = given.credentials as Partial<EmulatorCredentials> | null;
    if (
      typeof c?.accessKeyId !== 'string' ||
      c.accessKeyId === '' ||
      typeof c.secretAccessKey !== 'string' ||
      c.secretAccessKey === ''
    ) {
      throw new TypeError(
        "Emulator option 'credentials' must be { accessKeyId, secretAccessKey } with non-empty strings",
      );
    }
    credentials = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };
  }
  let regions: readonly string[] | undefined;
  if (given.regions !== undefined) {
    if (!Array.isArray(given.regions) || given.regions.length === 0) {
      throw new TypeError("Emulator option 'regions' must be a non-empty array of region names");
    }
    regions = Object.freeze(given.regions.map((r) => region(r, 'regions')));
  }
  const defaultRegion =
    given.defaultRegion === undefined ? 'us-east-1' : region(given.defaultRegion, 'defaultRegion');
  return {
    host,
    port: integer(given.port, 'port', 0, 65_535, 0),
    verifySignatures: boolean(given.verifySignatures, 'verifySignatures', true),
    maxBodyBytes: integer(given.maxBodyBytes, 'maxBodyBytes', 1, 64 * 1024 * 1024, DEFAULT_MAX_BODY_BYTES),
    credentials,
    regions,
    defaultRegion,
    requestLogSize: integer(given.requestLogSize, 'requestLogSize', 0, 1_000_000, 1_000),
    maxAppInstances: integer(given.maxAppInstances, 'maxAppInstances', 1, 1_000_000, 1_000),
    maxUsers: integer(given.maxUsers, 'maxUsers', 1, 10_000_000, 100_000),
    controlPath: boolean(given.controlPath, 'controlPath', true),
  };
}
