import {
  Chime as LegacyChime,
  ChimeClient as LegacyChimeClient,
  type ChimeClientConfig as LegacyChimeClientConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-chime';
import type { HttpHandlerOptions, Command as SmithyCommand } from '@smithy/types';
import {
  CreateAppInstanceUserCommand,
  type CreateAppInstanceUserCommandInput,
  type CreateAppInstanceUserCommandOutput,
} from './command.js';
import { releaseIdentityClients } from './identity-clients.js';
import type { ShimOptions } from './options.js';
import { type CreateAppInstanceUserOutput, createAppInstanceUserThroughShim } from './pipeline.js';
import { migrationPlugin, redactRequest, shimCallSite } from './plugin.js';
import { routeFromEnvironment } from './routing/index.js';
import { type PreparedOptions, prepareOptions } from './settings.js';

const CLIENT_NAME = 'ChimeClient';
const COMMAND_NAME = 'CreateAppInstanceUserCommand';

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
  readonly #migration: PreparedOptions;
  /** Whether middleware was added or removed after construction (then every call runs the stack). */
  #stackChanged = false;

  constructor(...[configuration]: [] | [ChimeClientConfig]) {
    const { migration, ...legacyConfig } = configuration ?? {};
    super(legacyConfig);
    // Fail at construction, not on the first call in production.
    routeFromEnvironment();
    this.#migration = prepareOptions(migration, 'new ChimeClient({ migration })');
    this.middlewareStack.use(migrationPlugin(this.#migration));
    this.#watchStack();
  }

  /**
   * `CreateAppInstanceUserCommand` goes straight to the shim's call path. Resolving the legacy
   * middleware stack on every call (copying and sorting a dozen entries) cost about 80 us, a
   * sixth of the whole call, to reach a plugin that answers at the first step and never builds
   * the legacy request. The legacy logger line is kept; once the caller changes the stack, the
   * command goes through it like any other, so the caller's own middleware sees it.
   */
  override send<InputType extends ServiceInputTypes, OutputType extends ServiceOutputTypes>(
    command: SmithyCommand<ServiceInputTypes, InputType, ServiceOutputTypes, OutputType, any>,
    options?: HttpHandlerOptions,
  ): Promise<OutputType>;
  override send<InputType extends ServiceInputTypes, OutputType extends ServiceOutputTypes>(
    command: SmithyCommand<ServiceInputTypes, InputType, ServiceOutputTypes, OutputType, any>,
    cb: (err: any, data?: OutputType) => void,
  ): void;
  override send<InputType extends ServiceInputTypes, OutputType extends ServiceOutputTypes>(
    command: SmithyCommand<ServiceInputTypes, InputType, ServiceOutputTypes, OutputType, any>,
    options: HttpHandlerOptions,
    cb: (err: any, data?: OutputType) => void,
  ): void;
  override send(command: any, optionsOrCb?: any, cb?: any): any {
    if (!(command instanceof CreateAppInstanceUserCommand) || this.#stackChanged) {
      return super.send(command, optionsOrCb, cb);
    }
    const options: HttpHandlerOptions | undefined =
      typeof optionsOrCb === 'function' ? undefined : optionsOrCb;
    const callback: Callback | undefined = typeof optionsOrCb === 'function' ? optionsOrCb : cb;
    const served = this.#serve(command.input, options);
    if (!callback) return served;
    served.then(
      (output) => callback(null, output),
      (error: unknown) => callback(error),
    );
    return undefined;
  }

  /** Releases the identity clients built for this client (they share its sockets), then the client. */
  override destroy(): void {
    releaseIdentityClients(this.config);
    super.destroy();
  }

  /** The one call path, with the log line the SDK's logger middleware writes for every command. */
  async #serve(
    input: unknown,
    sendOptions: HttpHandlerOptions | undefined,
  ): Promise<CreateAppInstanceUserOutput> {
    const { logger } = this.config;
    try {
      const output = await createAppInstanceUserThroughShim(
        input,
        shimCallSite(this.#migration, { config: this.config, sendOptions }),
      );
      logger?.info?.({
        clientName: CLIENT_NAME,
        commandName: COMMAND_NAME,
        input: redactRequest(input),
        output: { AppInstanceUserArn: output.AppInstanceUserArn },
        metadata: output.$metadata,
      });
      return output;
    } catch (error) {
      logger?.error?.({
        clientName: CLIENT_NAME,
        commandName: COMMAND_NAME,
        input: redactRequest(input),
        error,
        metadata: (error as { $metadata?: unknown } | null)?.$metadata,
      });
      throw error;
    }
  }

  #watchStack(): void {
    const stack = this.middlewareStack as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of [
      'add',
      'addRelativeTo',
      'use',
      'remove',
      'removeByTag',
      'identifyOnResolve',
    ] as const) {
      const original = stack[method];
      if (typeof original !== 'function' || method === 'identifyOnResolve') continue;
      stack[method] = (...args: unknown[]) => {
        this.#stackChanged = true;
        return original.apply(stack, args);
      };
    }
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
