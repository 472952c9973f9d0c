import { createHash, createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { createScope, getCanonicalHeaders, getSigningKey, SignatureV4 } from '@smithy/signature-v4';
import { emulatorError } from './errors.js';
import { REGION_NAME } from './options.js';
import type { EmulatorCredentials } from './types.js';

/**
 * Server-side SigV4 (header form) for service `chime`, checked as AWS's front end checks it.
 * The canonical request, the signing key and the signature come from `@smithy/signature-v4`,
 * the code the SDK signs with, fed with exactly what arrived on the wire:
 * - the raw, still percent-encoded path (the signer encodes it once more, as the client's did:
 *   `/app-instance-users/arn%3Aaws...` is signed as `arn%253Aaws...`);
 * - the query decoded once (the signer re-encodes it);
 * - only the headers named in `SignedHeaders`;
 * - the SHA-256 of the body actually received, not the `x-amz-content-sha256` header: a header
 *   that lies about the body fails as a signature mismatch, as it does at AWS (only S3 has a
 *   separate error for it).
 * The whole `SignatureV4.sign()` path is not used because it clones the request and hashes the
 * credentials on every call (about 100 us a request in a micro-benchmark); these pieces of it
 * cost about a quarter of that.
 */

/** The 15 minutes AWS allows between the request's `x-amz-date` and the server clock. */
export const CLOCK_SKEW_MS = 15 * 60 * 1000;

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const SIGNATURE = /^[0-9a-f]{64}$/;
/** Whitespace SigV4 canonicalization would change: line breaks, tabs, runs of spaces, edges. */
const UNNORMALIZED = /[\t\r\n]| {2}|^ | $/;
const ALGORITHM = 'AWS4-HMAC-SHA256';
const SERVICE = 'chime';

const sha256 = Hash.bind(null, 'sha256');

/** The signer's request type, taken from its public API (`@smithy/types` is not a dependency here). */
type HttpRequest = Parameters<SignatureV4['presign']>[0];
type HeaderBag = Record<string, string>;

/**
 * The SDK's signer, with its canonical-request step opened up (it is `protected`): the server
 * needs that step and not the request rewriting around it.
 */
class ServerSideSigner extends SignatureV4 {
  canonicalRequestOf(request: HttpRequest, canonicalHeaders: HeaderBag, payloadHash: string): string {
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }
}

/** What a request must present to be checked. Header names are lower case, as node gives them. */
export interface SignedRequest {
  readonly method: string;
  readonly rawPath: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

interface ParsedAuthorization {
  readonly credential: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

// AWS's own messages, so that logs and support searches match what the real service says.
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const UNRECOGNIZED = 'The security token included in the request is invalid.';

/**
 * The region of the credential scope of a SigV4 `Authorization` header, without checking
 * anything: for the request log, and for routing when verification is off.
 */
export function scopeRegionOf(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const start = authorization.indexOf('Credential=');
  if (start < 0) return undefined;
  const parts = authorization
    .slice(start + 'Credential='.length)
    .split(/[,\s]/, 1)[0]
    ?.split('/');
  const region = parts?.length === 5 ? parts[2] : undefined;
  return region !== undefined && REGION_NAME.test(region) ? region : undefined;
}

/** The header exactly as the SDKs write it: parsed in one step, the general parser handles the rest. */
const SDK_AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^,\s]+), ?SignedHeaders=([^,\s]+), ?Signature=([^,\s]+)$/;

function parseAuthorization(authorization: string, hasDate: boolean): ParsedAuthorization {
  const sdk = hasDate ? SDK_AUTHORIZATION.exec(authorization) : null;
  if (sdk)
    return { credential: sdk[1]!, signedHeaders: sdk[2]!.toLowerCase().split(';'), signature: sdk[3]! };
  const fields = new Map<string, string>();
  if (authorization.startsWith(`${ALGORITHM} `)) {
    for (const part of authorization.slice(ALGORITHM.length + 1).split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  const missing: string[] = [];
  if (!credential) missing.push("Authorization header requires 'Credential' parameter.");
  if (!signature) missing.push("Authorization header requires 'Signature' parameter.");
  if (!signedHeaders) missing.push("Authorization header requires 'SignedHeaders' parameter.");
  if (!hasDate)
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (!credential || !signature || !signedHeaders || missing.length > 0) {
    throw emulatorError('IncompleteSignatureException', missing.join(' '));
  }
  return { credential, signedHeaders: signedHeaders.toLowerCase().split(';'), signature };
}

/** `YYYYMMDDTHHMMSSZ`, the SigV4 "basic format". */
function basicFormat(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** The last x-amz-date parsed: the SDK signs every request of the same second with the same one. */
let lastAmzDate = { value: '', time: 0 };

function parseAmzDate(value: string): number {
  if (value === lastAmzDate.value) return lastAmzDate.time;
  const m = AMZ_DATE.exec(value);
  const fields = m ? m.slice(1).map(Number) : [];
  const [year, month, day, hour, minute, second] = fields as [number, number, number, number, number, number];
  const time = m ? Date.UTC(year, month - 1, day, hour, minute, second) : Number.NaN;
  // Date.UTC rolls 2024-02-30 over to March 1st; a real date reads back the same fields.
  if (Number.isNaN(time) || basicFormat(time) !== value) {
    throw emulatorError(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  lastAmzDate = { value, time };
  return time;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export class SigV4Verifier {
  readonly #credentials: EmulatorCredentials;
  readonly #regions: ReadonlySet<string> | undefined;
  readonly #signer: ServerSideSigner;
  /** Signing keys by `${shortDate}/${region}`; they change once a day, so a few entries suffice. */
  readonly #keys = new Map<string, KeyObject>();

  constructor(credentials: EmulatorCredentials, regions: readonly string[] | undefined) {
    this.#credentials = credentials;
    this.#regions = regions ? new Set(regions) : undefined;
    this.#signer = new ServerSideSigner({ credentials, region: 'us-east-1', service: SERVICE, sha256 });
  }

  /**
   * Check a request's signature. Resolves to the region of its credential scope, or rejects
   * with the error AWS answers: `MissingAuthenticationTokenException`, `IncompleteSignatureException`,
   * `UnrecognizedClientException` or `InvalidSignatureException`.
   */
  async verify(request: SignedRequest, now: number): Promise<string> {
    const authorization = headerValue(request.headers, 'authorization');
    if (!authorization) {
      throw emulatorError('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
    }
    const amzDate = headerValue(request.headers, 'x-amz-date');
    const auth = parseAuthorization(authorization, amzDate !== undefined);
    const scope = auth.credential.split('/');
    if (scope.length !== 5) {
      throw emulatorError(
        'IncompleteSignatureException',
        `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${auth.credential}'`,
      );
    }
    const [accessKeyId, shortDate, region, service, terminator] = scope as [
      string,
      string,
      string,
      string,
      string,
    ];
    // A session token means temporary credentials, which the emulator never issued.
    if (
      accessKeyId !== this.#credentials.accessKeyId ||
      request.headers['x-amz-security-token'] !== undefined
    ) {
      throw emulatorError('UnrecognizedClientException', UNRECOGNIZED);
    }
    if (terminator !== 'aws4_request') {
      throw emulatorError(
        'InvalidSignatureException',
        `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `,
      );
    }
    if (service !== SERVICE) {
      throw emulatorError(
        'InvalidSignatureException',
        `Credential should be scoped to correct service: '${SERVICE}'. `,
      );
    }
    if (!REGION_NAME.test(region) || (this.#regions !== undefined && !this.#regions.has(region))) {
      throw emulatorError('InvalidSignatureException', 'Credential should be scoped to a valid region. ');
    }
    const signedAt = parseAmzDate(amzDate!);
    if (shortDate !== amzDate!.slice(0, 8)) {
      throw emulatorError(
        'InvalidSignatureException',
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${shortDate}' != '${amzDate!.slice(0, 8)}', from '${amzDate}'.`,
      );
    }
    if (signedAt < now - CLOCK_SKEW_MS) {
      throw emulatorError(
        'InvalidSignatureException',
        `Signature expired: ${amzDate} is now earlier than ${basicFormat(now - CLOCK_SKEW_MS)} (${basicFormat(now)} - 15 min.)`,
      );
    }
    if (signedAt > now + CLOCK_SKEW_MS) {
      throw emulatorError(
        'InvalidSignatureException',
        `Signature not yet current: ${amzDate} is still later than ${basicFormat(now + CLOCK_SKEW_MS)} (${basicFormat(now)} + 15 min.)`,
      );
    }
    if (!auth.signedHeaders.includes('host')) {
      throw emulatorError(
        'InvalidSignatureException',
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      );
    }

    const payloadHash = createHash('sha256').update(request.body).digest('hex');
    const claimedHash = headerValue(request.headers, 'x-amz-content-sha256');
    if (claimedHash !== undefined && claimedHash !== payloadHash) {
      throw emulatorError('InvalidSignatureException', MISMATCH);
    }
    // No prototype: a header named `__proto__` must stay a plain entry.
    const signed: Record<string, string> = Object.create(null);
    let needsNormalizing = false;
    for (const name of auth.signedHeaders) {
      const value = headerValue(request.headers, name);
      // A header that was signed but did not arrive cannot match.
      if (value === undefined) throw emulatorError('InvalidSignatureException', MISMATCH);
      signed[name] = value;
      if (UNNORMALIZED.test(value)) needsNormalizing = true;
    }
    const signable: HttpRequest = {
      method: request.method,
      protocol: 'http:',
      hostname: '',
      path: request.rawPath,
      query: request.query,
      headers: signed,
    };
    // SDK header values need no trimming or folding; the signer's own normalization runs only when one does.
    const canonicalHeaders = needsNormalizing
      ? getCanonicalHeaders(signable, undefined, new Set(auth.signedHeaders))
      : signed;
    const canonicalRequest = this.#signer.canonicalRequestOf(signable, canonicalHeaders, payloadHash);
    // The string to sign, as SignatureV4Base.createStringToSign builds it, hashed without its async wrapper.
    const canonicalRequestHash = createHash('sha256').update(canonicalRequest).digest('hex');
    const scopeText = createScope(shortDate, region, SERVICE);
    const stringToSign = `${ALGORITHM}\n${amzDate}\n${scopeText}\n${canonicalRequestHash}`;
    const key = this.#keys.get(`${shortDate}/${region}`) ?? (await this.#deriveKey(shortDate, region));
    const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
    if (!SIGNATURE.test(auth.signature) || !sameHex(expected, auth.signature)) {
      throw emulatorError('InvalidSignatureException', MISMATCH);
    }
    return region;
  }

  async #deriveKey(shortDate: string, region: string): Promise<KeyObject> {
    const key = createSecretKey(await getSigningKey(sha256, this.#credentials, shortDate, region, SERVICE));
    if (this.#keys.size >= 64) this.#keys.clear();
    this.#keys.set(`${shortDate}/${region}`, key);
    return key;
  }
}
