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
  source: Operation | DeferredOperation,
): (input: Input, options?: OperationOptions) => Promise<Result> {
  const name = source.name.charAt(0).toLowerCase() + source.name.slice(1);
  let operation = 'load' in source ? undefined : source;
  // As the SDK's commands do, a request with no required member may be left out (`listAppInstances()`).
  let optional: boolean | undefined;
  return {
    // `async`: a bad option rejects the returned promise, as every other failure of the call does.
    [name]: async (input: Input, options?: OperationOptions): Promise<Result> => {
      const layer = prepareCallOptions(options, name);
      operation ??= await (source as DeferredOperation).load();
      optional ??= Object.values(operation.input.members).every((member) => !member.required);
      return call(operation, optional ? (input ?? {}) : input, {
        layer,
        pool: functionPool,
        sendOptions: sendOptionsOf(options),
      }) as Promise<Result>;
    },
  }[name]!;
}

/** An operation whose part of the table loads on the first call. */
interface DeferredOperation {
  readonly name: string;
  readonly load: () => Promise<Operation>;
}

/**
 * The functions of a family whose part of the table loads on its first call, with the family's
 * client (src/surfaces/generated/functions.ts: every family but identity), so that a program that
 * never calls the family never parses its operations.
 *
 * @param load imports the family's part of the table (src/operations/generated/<family>.ts)
 */
export function deferredFamily(load: () => Promise<Readonly<Record<string, Operation>>>) {
  return <Input, Result>(name: string) =>
    operationFunction<Input, Result>({ name, load: async () => (await load())[name]! });
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
