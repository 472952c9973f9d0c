import type {
  AbsoluteLocation,
  HandlerExecutionContext,
  HttpHandlerOptions,
  InitializeHandler,
  InitializeHandlerArguments,
  InitializeHandlerOptions,
  InitializeMiddleware,
  MiddlewareStack,
  Pluggable,
  SerializeHandlerOptions,
  SerializeMiddleware,
} from '@smithy/types';
import { ChimeIdentityShimConfigurationError } from '../configuration-error.js';
import { redact } from '../model/redact.js';
import { type InheritableConfig, inheritConfig, namespaceClients } from '../namespaces.js';
import { OPERATIONS } from '../operations/generated/index.js';
import type { Operation } from '../operations/operation.js';
import type { ShimOptions } from '../options.js';
import { type CallSite, call as callThroughShim } from '../pipeline.js';
import { type CallSettings, type PreparedOptions, prepareOptions } from '../settings.js';

/**
 * The commands this plugin reroutes, by the name the SDK gives them in the handler context: the
 * shim's own, and the caller's own on a client pinned to a version that still has them (<= 3.750).
 */
let operationsByCommand: ReadonlyMap<string, Operation> | undefined;

/** Built on first use, not at load: a program that only calls functions never needs the whole table. */
function operationOfCommand(commandName: string | undefined): Operation | undefined {
  operationsByCommand ??= new Map(
    Object.values(OPERATIONS).map((operation) => [`${operation.name}Command`, operation]),
  );
  return commandName === undefined ? undefined : operationsByCommand.get(commandName);
}

/**
 * Handed over by the shim's own commands in the handler context: the client's resolved config,
 * the options given to `send` (which a middleware cannot otherwise see) and the operation.
 */
export const SHIM_CALL = 'chimeIdentityShimCall';
export interface ShimCall {
  readonly config: InheritableConfig & object;
  readonly sendOptions: HttpHandlerOptions | undefined;
  readonly operation: Operation;
}

/**
 * The input of the one call that asks a native command's chain for its client's config. Marked
 * by identity in the call's own arguments, not in the handler context: with `cacheMiddleware`
 * the SDK shares one context between concurrent calls.
 */
const CONFIG_PROBE_INPUT = Object.freeze({});

const REROUTE: InitializeHandlerOptions & AbsoluteLocation & { name: string; override: true } = {
  step: 'initialize',
  // Innermost of its step: the SDK's logger and any initialize middleware of the caller's wrap
  // the call and see its input, output and errors, as they would for a command sent on the wire.
  priority: 'low',
  name: 'chimeIdentityMigrationMiddleware',
  tags: ['CHIME_IDENTITY_SHIM'],
  override: true,
};
const PROBE: SerializeHandlerOptions & AbsoluteLocation & { name: string; override: true } = {
  step: 'serialize',
  // Low priority: after the SDK's own auth-scheme middleware has resolved the client config.
  priority: 'low',
  name: 'chimeIdentityMigrationConfigProbe',
  tags: ['CHIME_IDENTITY_SHIM'],
  override: true,
};

/** Stacks that carry the plugin, so the shim's own command does not add it a second time. */
const shimmedStacks = new WeakSet<object>();

export function hasMigrationPlugin(stack: object): boolean {
  return shimmedStacks.has(stack);
}

/**
 * The plugin for a client the caller already builds: every removed operation is served by its
 * dedicated namespace (or by the client's own legacy path, on the legacy route); every other
 * command passes through untouched. Works on a current `@aws-sdk/client-chime` with the shim's
 * commands, and on one pinned to a version that still has its own (<= 3.750).
 *
 * @example
 * ```ts
 * import { ChimeClient, CreateAppInstanceUserCommand } from '@aws-sdk/client-chime'; // 3.699.0
 * import { chimeIdentityMigration } from 'chime-identity-shim';
 *
 * const client = new ChimeClient({ region: 'us-east-1' });
 * client.middlewareStack.use(chimeIdentityMigration({ regions: ['us-east-1'] }));
 * await client.send(new CreateAppInstanceUserCommand(input)); // now served by Chime SDK Identity
 * ```
 */
export function chimeIdentityMigration(options?: ShimOptions): Pluggable<any, any> {
  return migrationPlugin(prepareOptions(options, 'chimeIdentityMigration(options)'));
}

/** The plugin for options that were already checked (the drop-in client checks them itself). */
export function migrationPlugin(layer: PreparedOptions): Pluggable<any, any> {
  return {
    applyToStack(stack: MiddlewareStack<any, any>) {
      // The config of the client that owns this stack, once a native command revealed it.
      let nativeConfig: (InheritableConfig & object) | undefined;
      const reroute: InitializeMiddleware<any, any> =
        (next: InitializeHandler<any, any>, context: HandlerExecutionContext) => async (args) => {
          const shimCall = context[SHIM_CALL] as ShimCall | undefined;
          const operation = shimCall?.operation ?? operationOfCommand(context.commandName);
          if (!operation) return next(args);
          // The SDK's logger middleware prints the input through this filter, also when the shim
          // rejected it; 3.699's own filters crash on a non-list `Tags` and print members they
          // do not know (a misspelt `Metdata`). The shim's filter does neither.
          context.inputFilterSensitiveLog = (input: unknown) => redact(input, operation.input);
          const site: CallSite = shimCall
            ? shimCallSite(layer, shimCall)
            : {
                layer,
                pool: async (settings) => {
                  nativeConfig ??= await probeClientConfig(next, args);
                  return poolFor(nativeConfig)(settings);
                },
                nativeLegacy: async (request) => (await next({ ...args, input: request })).output,
              };
          const output = await callThroughShim(operation, args.input, site);
          return { output, response: undefined };
        };
      const probe: SerializeMiddleware<any, any> = (next, context) => async (args) => {
        if (args.input !== CONFIG_PROBE_INPUT) return next(args);
        return { output: clientConfigOf(context), response: undefined };
      };
      stack.add(reroute, REROUTE);
      stack.add(probe, PROBE);
      shimmedStacks.add(stack);
    },
  };
}

/** The call site of the shim's own command: the client's config and the options given to `send`. */
export function shimCallSite(layer: PreparedOptions, call: ShimCall): CallSite {
  return { layer, pool: poolFor(call.config), sendOptions: call.sendOptions };
}

function poolFor(config: InheritableConfig & object) {
  return (settings: CallSettings) =>
    namespaceClients(config, () => ({ ...inheritConfig(config), ...settings.identityConfig }));
}

/**
 * A middleware never sees its client's config. A native legacy command does expose it once its
 * own serialize step has run: the SDK's SigV4 auth option carries the resolved config in its
 * signing properties (every SRA-based client, 3.699 included). So the chain is run once, down
 * to the probe, which answers with that config instead of sending anything.
 */
async function probeClientConfig(
  next: InitializeHandler<any, any>,
  args: InitializeHandlerArguments<any>,
): Promise<InheritableConfig & object> {
  // An empty input: the legacy serializer runs, but on nothing of the caller's.
  return (await next({ ...args, input: CONFIG_PROBE_INPUT })).output as InheritableConfig & object;
}

function clientConfigOf(context: HandlerExecutionContext): InheritableConfig & object {
  const smithy = context.__smithy_context as
    | { selectedHttpAuthScheme?: { httpAuthOption?: { signingProperties?: { config?: unknown } } } }
    | undefined;
  const config = smithy?.selectedHttpAuthScheme?.httpAuthOption?.signingProperties?.config;
  if (typeof config !== 'object' || config === null) {
    throw new ChimeIdentityShimConfigurationError(
      'chimeIdentityMigration could not read this client’s config; give identityConfig or identityClient in its options',
    );
  }
  return config;
}
