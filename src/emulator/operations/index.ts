import { createAppInstance } from './create-app-instance.js';
import { createAppInstanceUser } from './create-app-instance-user.js';
import { deleteAppInstanceUser } from './delete-app-instance-user.js';
import { describeAppInstance } from './describe-app-instance.js';
import { describeAppInstanceUser } from './describe-app-instance-user.js';
import { listAppInstanceUsers } from './list-app-instance-users.js';
import type { OperationDescriptor } from './operation.js';

export type { OperationContext, OperationDescriptor, OperationResult } from './operation.js';

/** Every operation the emulator serves, with its HTTP binding from the model. */
export const OPERATION_TABLE: readonly OperationDescriptor[] = [
  createAppInstance,
  describeAppInstance,
  createAppInstanceUser,
  describeAppInstanceUser,
  listAppInstanceUsers,
  deleteAppInstanceUser,
];
