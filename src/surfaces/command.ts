import {
  $Command,
  type ChimeClientResolvedConfig,
  ListAccountsCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-chime';
import type { Handler, HttpHandlerOptions, MetadataBearer, MiddlewareStack, Pluggable } from '@smithy/types';
import { redact } from '../model/redact.js';
import type { Operation } from '../operations/operation.js';
import { chimeIdentityMigration, hasMigrationPlugin, SHIM_CALL, type ShimCall } from './plugin.js';

/**
 * The SDK's `Command` base class, from the installed `@aws-sdk/client-chime`, so the commands are
 * the same kind of object its client expects. 3.699 declares `$Command` as an export but does
 * not set it at runtime; there it is found up the prototype chain of one of its own commands
 * (`Command.classBuilder()` builds each command class on top of it).
 */
const CommandBase: typeof $Command = $Command ?? findCommandBase(ListAccountsCommand);

function findCommandBase(command: object): typeof $Command {
  let candidate: object | null = command;
  while (candidate && !Object.hasOwn(candidate, 'classBuilder')) candidate = Object.getPrototypeOf(candidate);
  if (!candidate) throw new Error('chime-identity-shim: @aws-sdk/client-chime has no Command base class');
  return candidate as typeof $Command;
}

/**
 * Current clients add their auth-scheme middleware "before endpointV2Middleware", a middleware
 * every generated command brings. These commands never reach the serialize step (the plugin
 * answers at initialize), but the anchor must exist for the stack to resolve.
 */
const ENDPOINT_ANCHOR: Pluggable<any, any> = {
  applyToStack(stack) {
    stack.add((next) => next, { step: 'serialize', name: 'endpointV2Middleware', override: true });
  },
};

/**
 * The base of every removed operation's command (src/surfaces/generated/commands.ts). Sent
 * through any `ChimeClient`, a command is served by the dedicated namespace of its operation: the
 * shim's own client carries the migration plugin, and on a plain `@aws-sdk/client-chime` client the
 * command brings the plugin itself, with the process-wide options.
 */
export class ShimCommand<Input extends object, Output extends MetadataBearer> extends CommandBase<
  Input,
  Output,
  ChimeClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes
> {
  readonly input: Input;
  /** The operation's row of the table. */
  readonly operation: Operation;

  constructor(operation: Operation, input: Input) {
    super();
    this.operation = operation;
    this.input = input;
  }

  override resolveMiddleware(
    clientStack: MiddlewareStack<ServiceInputTypes, ServiceOutputTypes>,
    configuration: ChimeClientResolvedConfig,
    options?: HttpHandlerOptions,
  ): Handler<Input, Output> {
    const { operation } = this;
    const call: ShimCall = { config: configuration, sendOptions: options, operation };
    return this.resolveMiddlewareWithContext(clientStack, configuration, options, {
      CommandCtor: this.constructor as any,
      middlewareFn: () =>
        hasMigrationPlugin(clientStack) ? [ENDPOINT_ANCHOR] : [ENDPOINT_ANCHOR, chimeIdentityMigration()],
      clientName: 'ChimeClient',
      commandName: `${operation.name}Command`,
      inputFilterSensitiveLog: (input: unknown) => redact(input, operation.input),
      outputFilterSensitiveLog: (output: unknown) => redact(output, operation.output),
      smithyContext: { service: 'UCBuzzConsoleService', operation: operation.name },
      additionalContext: { [SHIM_CALL]: call },
    });
  }
}
