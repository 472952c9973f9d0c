import { createServer } from 'node:http';
import { answerClientError, listen } from './http.js';
import { resolveOptions } from './options.js';
import { EmulatorRuntime } from './runtime.js';
import type { Emulator, EmulatorOptions } from './types.js';

/**
 * Start a local Chime SDK service on loopback: every operation the shim serves, in the dedicated
 * namespaces, on one endpoint that the real SDK clients talk to over HTTP (restJson1, SigV4).
 *
 * @example
 * ```ts
 * import { ChimeSDKIdentityClient, CreateAppInstanceCommand } from '@aws-sdk/client-chime-sdk-identity';
 * import { EMULATOR_CREDENTIALS, startEmulator } from 'chime-identity-shim/emulator';
 *
 * const emulator = await startEmulator();
 * const client = new ChimeSDKIdentityClient({
 *   region: 'us-east-1',
 *   endpoint: emulator.endpoint,
 *   credentials: EMULATOR_CREDENTIALS,
 * });
 * const { AppInstanceArn } = await client.send(new CreateAppInstanceCommand({ Name: 'demo' }));
 * await emulator.close();
 * ```
 */
export async function startEmulator(options?: EmulatorOptions): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const runtime = new EmulatorRuntime(resolved);
  const server = createServer(
    {
      // Bounded waits, so slow or stalled clients cannot hold sockets forever.
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      // Node answers a request without Host with a bare 400 of its own; let it through so the
      // SigV4 check refuses it AWS-style (the signed `host` header is missing), logged like any other.
      requireHostHeader: false,
    },
    (req, res) => runtime.handle(req, res),
  );
  server.maxConnections = 1_024;
  server.on('clientError', answerClientError);
  const address = await listen(server, resolved.host, resolved.port);
  const hostForUrl = address.address.includes(':') ? `[${address.address}]` : address.address;
  const endpoint = `http://${hostForUrl}:${address.port}`;
  let closed: Promise<void> | undefined;

  const emulator: Emulator = {
    endpoint,
    host: address.address,
    port: address.port,
    credentials: resolved.credentials,
    faults: {
      inject: (fault) => runtime.faults.inject(fault),
      clear: () => runtime.faults.clear(),
      pending: () => runtime.faults.pending(),
    },
    requests: () => runtime.log.entries(),
    users: (appInstanceArn) => runtime.state.identity.userViews(appInstanceArn),
    appInstances: () => runtime.state.identity.appInstanceViews(),
    createAppInstance: (createOptions) => runtime.createAppInstance(createOptions),
    reset: () => runtime.reset(),
    close() {
      closed ??= new Promise<void>((resolve) => {
        runtime.cancelDelays();
        server.close(() => resolve());
        // server.close() alone waits for idle keep-alive sockets to time out; SDK clients keep them open.
        server.closeAllConnections();
      });
      return closed;
    },
  };
  return Object.freeze(emulator);
}
