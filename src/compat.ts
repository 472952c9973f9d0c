import type { OperationOptions } from './surfaces/function.js';
import type { CreateAppInstanceUserCommandOutput } from './surfaces/generated/commands.js';

/** The options of `createAppInstanceUser`: the name 0.1 gave them (every function takes `OperationOptions`). */
export type CreateAppInstanceUserOptions = OperationOptions;

/** What `createAppInstanceUser` answers: the name 0.1 gave it (the same as `CreateAppInstanceUserCommandOutput`). */
export type CreateAppInstanceUserOutput = CreateAppInstanceUserCommandOutput;
