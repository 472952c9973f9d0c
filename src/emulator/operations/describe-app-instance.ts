import { DescribeAppInstanceRequest } from '../shapes.js';
import { addressedAppInstance } from './lookups.js';
import { epochSeconds, type OperationDescriptor } from './operation.js';

interface DescribeAppInstanceInput {
  readonly AppInstanceArn: string;
}

/** GET /app-instances/{AppInstanceArn} -> 200 `{ AppInstance: { AppInstanceArn, Name, Metadata?, CreatedTimestamp, LastUpdatedTimestamp } }`. */
export const describeAppInstance: OperationDescriptor<DescribeAppInstanceInput> = {
  name: 'DescribeAppInstance',
  method: 'GET',
  path: '/app-instances/{AppInstanceArn}',
  hasBody: false,
  input: DescribeAppInstanceRequest,
  handle(context) {
    const instance = addressedAppInstance(context, context.input.AppInstanceArn);
    return {
      status: 200,
      body: {
        AppInstance: {
          AppInstanceArn: instance.arn,
          Name: instance.name,
          Metadata: instance.metadata,
          CreatedTimestamp: epochSeconds(instance.created),
          LastUpdatedTimestamp: epochSeconds(instance.updated),
        },
      },
    };
  },
};
