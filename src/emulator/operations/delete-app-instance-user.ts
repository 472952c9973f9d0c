import { AppInstanceUserArnRequest } from '../shapes.js';
import { addressedUser } from './lookups.js';
import type { OperationDescriptor } from './operation.js';

interface DeleteAppInstanceUserInput {
  readonly AppInstanceUserArn: string;
}

/** DELETE /app-instance-users/{AppInstanceUserArn} -> 204, no body. */
export const deleteAppInstanceUser: OperationDescriptor<DeleteAppInstanceUserInput> = {
  name: 'DeleteAppInstanceUser',
  method: 'DELETE',
  path: '/app-instance-users/{AppInstanceUserArn}',
  hasBody: false,
  input: AppInstanceUserArnRequest,
  handle(context) {
    const { instance, user } = addressedUser(context, context.input.AppInstanceUserArn);
    context.store.deleteUser(instance, user);
    return { status: 204 };
  },
};
