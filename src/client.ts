import {
  Chime as LegacyChime,
  ChimeClient as LegacyChimeClient,
  type ChimeClientConfig as LegacyChimeClientConfig,
} from '@aws-sdk/client-chime';
import type { HttpHandlerOptions } from '@smithy/types';
import {
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserCommandInput,
  type CreateAppInstanceUserCommandOutput,
} from './command.js';
import { releaseIdentityClients } from './identity-clients.js';
import type { ShimOptions } from './options.js';
import { migrationPlugin } from './plugin.js';
import { routeFromEnvironment } from './routing/index.js';
import { prepareOptions } from './settings.js';

/** The legacy client config, plus the shim's options under `migration`. */
export interface ChimeClientConfig extends LegacyChimeClientConfig {
  /** How `CreateAppInstanceUser` is served; see `ShimOptions`. */
  migration?: ShimOptions | undefined;
}

/**
 * The legacy `ChimeClient`, with `CreateAppInstanceUser` served by Chime SDK Identity. Every
 * other command runs through `@aws-sdk/client-chime` untouched.
 *
 * @example
 * ```ts
 * import { ChimeClient, CreateAppInstanceUserCommand } from 'chime-identity-shim'; // was '@aws-sdk/client-chime'
 * const client = new ChimeClient({ region: 'us-east-1', migration: { route: 'identity' } });
 * ```
 */
export class ChimeClient extends LegacyChimeClient {
  constructor(...[configuration]: [] | [ChimeClientConfig]) {
    const { migration, ...legacyConfig } = configuration ?? {};
    super(legacyConfig);
    // Fail at construction, not on the first call in production.
    routeFromEnvironment();
    this.middlewareStack.use(migrationPlugin(prepareOptions(migration, 'new ChimeClient({ migration })')));
  }

  /** Releases the identity clients built for this client (they share its sockets), then the client. */
  override destroy(): void {
    releaseIdentityClients(this.config);
    super.destroy();
  }
}

type Callback = (err: unknown, data?: CreateAppInstanceUserCommandOutput) => void;

type LegacyMethods = Omit<LegacyChime, keyof LegacyChimeClient | 'createAppInstanceUser'>;

/** The aggregated legacy client: every method of `@aws-sdk/client-chime`'s `Chime`, and `createAppInstanceUser`. */
export interface Chime extends LegacyMethods {
  createAppInstanceUser(
    args: CreateAppInstanceUserCommandInput,
    options?: HttpHandlerOptions,
  ): Promise<CreateAppInstanceUserCommandOutput>;
  createAppInstanceUser(args: CreateAppInstanceUserCommandInput, cb: Callback): void;
  createAppInstanceUser(
    args: CreateAppInstanceUserCommandInput,
    options: HttpHandlerOptions,
    cb: Callback,
  ): void;
}

/**
 * The aggregated client, `new Chime(cfg).createAppInstanceUser(input)`, in the promise, callback
 * and options+callback forms.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the SDK declares its aggregated clients this way
export class Chime extends ChimeClient {}

// The legacy aggregated methods only call `this.send(new XCommand(args))`, so they work as they are
// on the shim's client.
for (const name of Object.getOwnPropertyNames(LegacyChime.prototype)) {
  if (name !== 'constructor') {
    Object.defineProperty(
      Chime.prototype,
      name,
      Object.getOwnPropertyDescriptor(LegacyChime.prototype, name)!,
    );
  }
}

Object.defineProperty(Chime.prototype, 'createAppInstanceUser', {
  configurable: true,
  writable: true,
  // `async`, like the SDK's own aggregated methods: a misuse rejects rather than throws.
  value: async function createAppInstanceUser(
    this: ChimeClient,
    args: CreateAppInstanceUserCommandInput,
    optionsOrCb?: HttpHandlerOptions | Callback,
    cb?: Callback,
  ): Promise<CreateAppInstanceUserCommandOutput | undefined> {
    const command = new CreateAppInstanceUserCommand(args);
    // The same three forms, and the same misuse error, as the SDK's `createAggregatedClient`.
    if (typeof optionsOrCb === 'function') {
      this.send(command, optionsOrCb);
    } else if (typeof cb === 'function') {
      if (typeof optionsOrCb !== 'object')
        throw new Error(`Expected http options but got ${typeof optionsOrCb}`);
      this.send(command, optionsOrCb ?? {}, cb);
    } else {
      return this.send(command, optionsOrCb);
    }
    return undefined;
  },
});
