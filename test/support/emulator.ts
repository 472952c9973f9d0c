import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpRequest } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { EMULATOR_CREDENTIALS, type Emulator, startEmulator } from '../../src/emulator/index.js';

export { EMULATOR_CREDENTIALS };

/** Starts one emulator for the file, empties it before each test, closes it after the file. */
export function useEmulator(): { readonly current: Emulator } {
  const holder: { current: Emulator } = { current: undefined as unknown as Emulator };
  beforeAll(async () => {
    holder.current = await startEmulator();
  });
  beforeEach(() => holder.current.reset());
  afterAll(() => holder.current.close());
  return holder;
}

/** One HTTP attempt as it left the SDK: after signing, so retries appear once each. */
export interface SentRequest {
  readonly hostname: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown> | undefined;
  /** The region of the SigV4 credential scope. */
  readonly signingRegion: string | undefined;
}

/** The SDK's real node:http handler, recording each request it sends. */
export class RecordingHandler extends NodeHttpHandler {
  readonly sent: SentRequest[] = [];

  override handle(request: HttpRequest, options?: HttpHandlerOptions) {
    const text =
      typeof request.body === 'string'
        ? request.body
        : request.body instanceof Uint8Array
          ? new TextDecoder().decode(request.body)
          : undefined;
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? '');
    this.sent.push({
      hostname: request.hostname,
      path: request.path,
      headers: { ...request.headers },
      body,
      signingRegion: scope?.[1],
    });
    return super.handle(request, options);
  }
}
