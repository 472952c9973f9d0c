import { AppInstanceUserArnRequest } from '../shapes.js';
import { addressedUser } from './lookups.js';
import { epochSeconds, type OperationDescriptor } from './operation.js';

interface DescribeAppInstanceUserInput {
  readonly AppInstanceUserArn: string;
}

/**
 * GET /app-instance-users/{AppInstanceUserArn} -> 200 `{ AppInstanceUser: { AppInstanceUserArn,
 * Name, Metadata?, CreatedTimestamp, LastUpdatedTimestamp, ExpirationSettings? } }`.
 */
export const describeAppInstanceUser: OperationDescriptor<DescribeAppInstanceUserInput> = {
  name: 'DescribeAppInstanceUser',
  method: 'GET',
  path: '/app-instance-users/{AppInstanceUserArn}',
  hasBody: false,
  input: AppInstanceUserArnRequest,
  handle(context) {
    const { user } = addressedUser(context, context.input.AppInstanceUserArn);
    return {
      status: 200,
      body: {
        AppInstanceUser: {
          AppInstanceUserArn: user.arn,
          Name: user.name,
          Metadata: user.metadata,
          CreatedTimestamp: epochSeconds(user.created),
          LastUpdatedTimestamp: epochSeconds(user.updated),
          ExpirationSettings: user.expirationSettings,
        },
      },
    };
  },
};
