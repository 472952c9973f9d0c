import {
  Chime as LegacyChime,
  ChimeClient as LegacyChimeClient,
  type ChimeClientConfig as LegacyChimeClientConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-chime';
import type { HttpHandlerOptions, Command as SmithyCommand } from '@smithy/types';
import { redact } from '../model/redact.js';
import { releaseNamespaceClients } from '../namespaces.js';
import { METHOD_NAMES, type OperationName } from '../operations/generated/index.js';
import type { ShimOptions } from '../options.js';
import { call, type Output } from '../pipeline.js';
import { routeFromEnvironment } from '../routing/index.js';
import { type PreparedOptions, prepareOptions } from '../settings.js';
import { ShimCommand } from './command.js';
import type { ChimeOperations } from './generated/aggregated.js';
import { COMMANDS } from './generated/commands.js';
import { migrationPlugin, shimCallSite } from './plugin.js';

const CLIENT_NAME = 'ChimeClient';

/** The legacy client config, plus the shim's options under `migration`. */
export interface ChimeClientConfig extends LegacyChimeClientConfig {
  /** How the removed operations are served; see `ShimOptions`. */
  migration?: ShimOptions | undefined;
}

/**
 * The legacy `ChimeClient`, with every removed operation served by its dedicated Chime SDK
 * namespace. Every other command runs through `@aws-sdk/client-chime` untouched.
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
   * The shim's commands go straight to the shim's call path. Resolving the legacy
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
    if (!(command instanceof ShimCommand) || this.#stackChanged) {
      return super.send(command, optionsOrCb, cb);
    }
    const options: HttpHandlerOptions | undefined =
      typeof optionsOrCb === 'function' ? undefined : optionsOrCb;
    const callback: Callback | undefined = typeof optionsOrCb === 'function' ? optionsOrCb : cb;
    const served = this.#serve(command, options);
    if (!callback) return served;
    served.then(
      (output) => callback(null, output),
      (error: unknown) => callback(error),
    );
    return undefined;
  }

  /** Releases the namespace clients built for this client (they share its sockets), then the client. */
  override destroy(): void {
    releaseNamespaceClients(this.config);
    super.destroy();
  }

  /** The one call path, with the log line the SDK's logger middleware writes for every command. */
  async #serve(
    command: ShimCommand<object, Output>,
    sendOptions: HttpHandlerOptions | undefined,
  ): Promise<Output> {
    const { logger } = this.config;
    const { operation, input } = command;
    const commandName = `${operation.name}Command`;
    try {
      const output = await call(
        operation,
        input,
        shimCallSite(this.#migration, { config: this.config, sendOptions, operation }),
      );
      const { $metadata, ...body } = output;
      logger?.info?.({
        clientName: CLIENT_NAME,
        commandName,
        input: redact(input, operation.input),
        output: redact(body, operation.output),
        metadata: $metadata,
      });
      return output;
    } catch (error) {
      logger?.error?.({
        clientName: CLIENT_NAME,
        commandName,
        input: redact(input, operation.input),
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

type Callback = (err: unknown, data?: any) => void;

type LegacyMethods = Omit<LegacyChime, keyof LegacyChimeClient | keyof ChimeOperations>;

/**
 * The aggregated legacy client: every method of `@aws-sdk/client-chime`'s `Chime`, and one per
 * removed operation (`createChannel`, ...), each in the SDK's three forms.
 */
export interface Chime extends LegacyMethods, ChimeOperations {}

/**
 * The aggregated client, `new Chime(cfg).createAppInstanceUser(input)`, in the promise, callback
 * and options+callback forms.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the SDK declares its aggregated clients this way
export class Chime extends ChimeClient {
  constructor(...configuration: [] | [ChimeClientConfig]) {
    super(...configuration);
    installAggregatedMethods();
  }
}

let installed = false;

/**
 * The methods, on `Chime.prototype`, installed with the first client rather than at load, so
 * that a program that never builds a `Chime` does not carry the whole operation table.
 */
function installAggregatedMethods(): void {
  if (installed) return;
  installed = true;
  // The legacy aggregated methods only call `this.send(new XCommand(args))`, so they work as
  // they are on the shim's client.
  for (const name of Object.getOwnPropertyNames(LegacyChime.prototype)) {
    if (name !== 'constructor') {
      Object.defineProperty(
        Chime.prototype,
        name,
        Object.getOwnPropertyDescriptor(LegacyChime.prototype, name)!,
      );
    }
  }
  for (const [operation, method] of Object.entries(METHOD_NAMES) as [OperationName, string][]) {
    Object.defineProperty(Chime.prototype, method, {
      configurable: true,
      writable: true,
      value: aggregatedMethod(COMMANDS[operation], method),
    });
  }
}

/** One operation's method, in the three forms of the SDK's `createAggregatedClient`. */
function aggregatedMethod(Command: new (input: any) => ShimCommand<any, any>, method: string) {
  return {
    // `async`, like the SDK's own aggregated methods: a misuse rejects rather than throws.
    async [method](
      this: ChimeClient,
      args: object,
      optionsOrCb?: HttpHandlerOptions | Callback,
      cb?: Callback,
    ) {
      // `chime.listAppInstances()`: the SDK sends `{}` when the request has no required member.
      const command = new Command(args ?? {});
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
  }[method]!;
}
