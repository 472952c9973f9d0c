import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import {
  ChimeSDKIdentityClient,
  type ChimeSDKIdentityClientConfig,
} from '@aws-sdk/client-chime-sdk-identity';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { ChimeClient, type ChimeClientConfig } from 'legacy-chime';
import { EMULATOR_CREDENTIALS, type Emulator } from '../../src/emulator/index.js';

export { rejection } from '../support/rejection.js';

/** The real identity client pointed at the emulator; one attempt, so faults are seen as they are. */
export function identityClient(
  emulator: Emulator,
  region = 'us-east-1',
  config: Partial<ChimeSDKIdentityClientConfig> = {},
): ChimeSDKIdentityClient {
  return new ChimeSDKIdentityClient({
    region,
    endpoint: emulator.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
    ...config,
  });
}

/**
 * The real legacy `@aws-sdk/client-chime` 3.699 client, as a pinned service has it: without
 * `disableHostPrefix` it would send to `identity-127.0.0.1`, which does not resolve.
 */
export function legacyClient(
  emulator: Emulator,
  region = 'us-east-1',
  config: Partial<ChimeClientConfig> = {},
): ChimeClient {
  return new ChimeClient({
    region,
    endpoint: emulator.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    disableHostPrefix: true,
    maxAttempts: 1,
    ...config,
  });
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  readonly json: any;
}

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string | number>;
  readonly body?: string | Buffer;
}

/** One plain HTTP exchange with the emulator on a fresh connection (no SDK in the way). */
export function raw(emulator: Emulator, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: emulator.host,
        port: emulator.port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: req.headers ?? {},
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

export interface SignOptions {
  readonly region?: string;
  readonly service?: string;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  readonly signingDate?: Date;
  /** Send `x-amz-content-sha256` (the SDKs do). Default true. */
  readonly applyChecksum?: boolean;
}

/** Sign a raw request with the SDK's own signer, as a client would. */
export async function signRaw(
  emulator: Emulator,
  req: RawRequest,
  options: SignOptions = {},
): Promise<RawRequest> {
  const [path = '/', queryString = ''] = req.path.split('?');
  const query: Record<string, string> = {};
  for (const pair of queryString.split('&').filter(Boolean)) {
    const [k = '', v = ''] = pair.split('=');
    query[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  const signer = new SignatureV4({
    service: options.service ?? 'chime',
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? EMULATOR_CREDENTIALS,
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: options.applyChecksum ?? true,
  });
  const headers: Record<string, string> = { host: `${emulator.host}:${emulator.port}` };
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
  const signed = await signer.sign(
    new HttpRequest({
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: emulator.host,
      port: emulator.port,
      path,
      query,
      headers,
      ...(req.body === undefined ? {} : { body: req.body }),
    }),
    options.signingDate ? { signingDate: options.signingDate } : {},
  );
  return { ...req, headers: signed.headers as Record<string, string> };
}

/** A JSON POST to CreateAppInstanceUser, unsigned (sign it with signRaw). */
export function createUserRequest(body: unknown, headers: Record<string, string> = {}): RawRequest {
  return {
    method: 'POST',
    path: '/app-instance-users',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
