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
import { ChimeIdentityShimConfigurationError } from './configuration-error.js';
import { type InheritableConfig, identityClientPool, inheritIdentityConfig } from './identity-clients.js';
import { CREATE_APP_INSTANCE_USER_REQUEST } from './operations/create-app-instance-user.js';
import type { ShimOptions } from './options.js';
import {
  type CallSite,
  type CreateAppInstanceUserOutput,
  createAppInstanceUserThroughShim,
} from './pipeline.js';
import { redact } from './redaction.js';
import { type CallSettings, type PreparedOptions, prepareOptions } from './settings.js';

/** The command this plugin reroutes: the caller's own (SDK <= 3.750) or the shim's. */
const COMMAND_NAME = 'CreateAppInstanceUserCommand';

/**
 * Handed over by the shim's own `CreateAppInstanceUserCommand` in the handler context: the
 * client's resolved config and the options given to `send`, which a middleware cannot otherwise see.
 */
export const SHIM_CALL = 'chimeIdentityShimCall';
export interface ShimCall {
  readonly config: InheritableConfig & object;
  readonly sendOptions: HttpHandlerOptions | undefined;
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

/** The legacy log filter of the operation, driven by its descriptor. */
export const redactRequest = (input: unknown): unknown => redact(input, CREATE_APP_INSTANCE_USER_REQUEST);

/** Stacks that carry the plugin, so the shim's own command does not add it a second time. */
const shimmedStacks = new WeakSet<object>();

export function hasMigrationPlugin(stack: object): boolean {
  return shimmedStacks.has(stack);
}

/**
 * The plugin for a client the caller already builds: `CreateAppInstanceUser` is served by Chime
 * SDK Identity (or by the client's own legacy path, on the legacy route); every other command
 * passes through untouched. Works on a current `@aws-sdk/client-chime` with the shim's command,
 * and on one pinned to a version that still has its own command (<= 3.750).
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
          if (context.commandName !== COMMAND_NAME) return next(args);
          const call = context[SHIM_CALL] as ShimCall | undefined;
          // The SDK's logger middleware prints the input through this filter, also when the shim
          // rejected it; 3.699's own filter crashes on a non-list `Tags` and prints members it
          // does not know (a misspelt `Metdata`). The shim's filter does neither.
          context.inputFilterSensitiveLog = redactRequest;
          const site: CallSite = call
            ? shimCallSite(layer, call)
            : {
                layer,
                pool: async (settings) => {
                  nativeConfig ??= await probeClientConfig(next, args);
                  return poolFor(nativeConfig)(settings);
                },
                nativeLegacy: async (request) => (await next({ ...args, input: request })).output,
              };
          const output: CreateAppInstanceUserOutput = await createAppInstanceUserThroughShim(
            args.input,
            site,
          );
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
    identityClientPool(config, () => ({ ...inheritIdentityConfig(config), ...settings.identityConfig }));
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
