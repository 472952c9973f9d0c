import type { HttpHandlerOptions } from '@smithy/types';
import { namespaceClients } from '../namespaces.js';
import type { Operation } from '../operations/operation.js';
import type { ShimOptions } from '../options.js';
import { call, type Output } from '../pipeline.js';
import { type CallSettings, type PreparedOptions, prepareOptions } from '../settings.js';
import type { CreateAppInstanceUserCommandOutput } from './generated/commands.js';

/** Shim options for one call, plus the options `send` takes. */
export interface OperationOptions extends ShimOptions, HttpHandlerOptions {}

/** The options of `createAppInstanceUser`, by the name 0.1 gave them: every function takes `OperationOptions`. */
export type CreateAppInstanceUserOptions = OperationOptions;

/** What `createAppInstanceUser` answers, by the name 0.1 gave it: `CreateAppInstanceUserCommandOutput`. */
export type CreateAppInstanceUserOutput = CreateAppInstanceUserCommandOutput;

/** Options objects are checked (and a rollout plan compiled) once, then reused: pass the same object. */
const prepared = new WeakMap<object, PreparedOptions>();
const SEND_OPTION_NAMES = ['abortSignal', 'requestTimeout'] as const;

/** Namespace clients of calls that give no `identityConfig`. */
const DEFAULT_POOL_OWNER = {};

/**
 * A removed operation as a function (src/surfaces/generated/functions.ts builds one per
 * operation): served by its dedicated namespace in the region its input's ARN names. Clients
 * are built from `identityConfig` (or the default credential chain), one per family and region,
 * and reused.
 *
 * @example
 * ```ts
 * import { createAppInstanceUser } from 'chime-identity-shim';
 *
 * const { AppInstanceUserArn } = await createAppInstanceUser(
 *   { AppInstanceArn, AppInstanceUserId: 'user-1', Name: 'Ada' },
 *   { route: 'identity', onEvent: console.log },
 * );
 * ```
 */
export function operationFunction<Input, Result>(
  operation: Operation,
): (input: Input, options?: OperationOptions) => Promise<Result> {
  const name = operation.name.charAt(0).toLowerCase() + operation.name.slice(1);
  // As the SDK's commands do, a request with no required member may be left out (`listAppInstances()`).
  const optional = Object.values(operation.input.members).every((member) => !member.required);
  return {
    // `async`: a bad option rejects the returned promise, as every other failure of the call does.
    [name]: async (input: Input, options?: OperationOptions): Promise<Result> =>
      call(operation, optional ? (input ?? {}) : input, {
        layer: prepareCallOptions(options, name),
        pool: functionPool,
        sendOptions: sendOptionsOf(options),
      }) as Promise<Result>,
  }[name]!;
}

function sendOptionsOf(options: OperationOptions | undefined): HttpHandlerOptions | undefined {
  if (options?.abortSignal === undefined && options?.requestTimeout === undefined) return undefined;
  return {
    ...(options.abortSignal !== undefined && { abortSignal: options.abortSignal }),
    ...(options.requestTimeout !== undefined && { requestTimeout: options.requestTimeout }),
  };
}

function prepareCallOptions(options: OperationOptions | undefined, name: string): PreparedOptions {
  if (options === undefined) return prepareOptions(undefined, 'options');
  let layer = prepared.get(options);
  if (!layer) {
    const shimOptions: Record<string, unknown> = { ...options };
    for (const key of SEND_OPTION_NAMES) delete shimOptions[key];
    layer = prepareOptions(shimOptions as ShimOptions, `${name}(input, options)`);
    prepared.set(options, layer);
  }
  return layer;
}

function functionPool(settings: CallSettings) {
  return namespaceClients(settings.identityConfig ?? DEFAULT_POOL_OWNER, () => ({
    ...settings.identityConfig,
  }));
}

export type { Output };
