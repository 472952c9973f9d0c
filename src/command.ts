import {
  $Command,
  type ChimeClientResolvedConfig,
  ListAccountsCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-chime';
import type { Handler, HttpHandlerOptions, MetadataBearer, MiddlewareStack, Pluggable } from '@smithy/types';
import type {
  CreateAppInstanceUserRequest,
  CreateAppInstanceUserResponse,
} from './operations/create-app-instance-user.js';
import {
  chimeIdentityMigration,
  hasMigrationPlugin,
  redactRequest,
  SHIM_CALL,
  type ShimCall,
} from './plugin.js';

export type CreateAppInstanceUserCommandInput = CreateAppInstanceUserRequest;
export type CreateAppInstanceUserCommandOutput = CreateAppInstanceUserResponse & MetadataBearer;

/**
 * The SDK's `Command` base class, from the installed `@aws-sdk/client-chime`, so the command is
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
 * every generated command brings. This command never reaches the serialize step (the plugin
 * answers at initialize), but the anchor must exist for the stack to resolve.
 */
const ENDPOINT_ANCHOR: Pluggable<any, any> = {
  applyToStack(stack) {
    stack.add((next) => next, { step: 'serialize', name: 'endpointV2Middleware', override: true });
  },
};

/**
 * The legacy `CreateAppInstanceUserCommand`, which `@aws-sdk/client-chime` 3.757.0 and later no
 * longer have. Sent through any `ChimeClient`, it is served by Chime SDK Identity: the shim's
 * own client carries the migration plugin, and on a plain client the command brings the plugin
 * itself, with the process-wide options.
 *
 * @example
 * ```ts
 * import { ChimeClient, CreateAppInstanceUserCommand } from 'chime-identity-shim';
 *
 * const client = new ChimeClient({ region: 'us-east-1' });
 * const { AppInstanceUserArn } = await client.send(
 *   new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'user-1', Name: 'Ada' }),
 * );
 * ```
 */
export class CreateAppInstanceUserCommand extends CommandBase<
  CreateAppInstanceUserCommandInput,
  CreateAppInstanceUserCommandOutput,
  ChimeClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes
> {
  readonly input: CreateAppInstanceUserCommandInput;

  constructor(input: CreateAppInstanceUserCommandInput) {
    super();
    this.input = input;
  }

  override resolveMiddleware(
    clientStack: MiddlewareStack<ServiceInputTypes, ServiceOutputTypes>,
    configuration: ChimeClientResolvedConfig,
    options?: HttpHandlerOptions,
  ): Handler<CreateAppInstanceUserCommandInput, CreateAppInstanceUserCommandOutput> {
    const call: ShimCall = { config: configuration, sendOptions: options };
    return this.resolveMiddlewareWithContext(clientStack, configuration, options, {
      CommandCtor: CreateAppInstanceUserCommand,
      middlewareFn: () =>
        hasMigrationPlugin(clientStack) ? [ENDPOINT_ANCHOR] : [ENDPOINT_ANCHOR, chimeIdentityMigration()],
      clientName: 'ChimeClient',
      commandName: 'CreateAppInstanceUserCommand',
      inputFilterSensitiveLog: redactRequest,
      outputFilterSensitiveLog: (output: unknown) => output,
      smithyContext: { service: 'UCBuzzConsoleService', operation: 'CreateAppInstanceUser' },
      additionalContext: { [SHIM_CALL]: call },
    });
  }
}
