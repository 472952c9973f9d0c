import { emulatorError } from '../errors.js';
import { CreateAppInstanceRequest, type Tag } from '../shapes.js';
import { fingerprint, type OperationDescriptor } from './operation.js';

interface CreateAppInstanceInput {
  readonly Name: string;
  readonly Metadata?: string;
  readonly ClientRequestToken: string;
  readonly Tags?: readonly Tag[];
}

/** POST /app-instances -> 201 `{ AppInstanceArn }`, in the region the request was signed for. */
export const createAppInstance: OperationDescriptor<CreateAppInstanceInput> = {
  name: 'CreateAppInstance',
  method: 'POST',
  path: '/app-instances',
  hasBody: true,
  input: CreateAppInstanceRequest,
  handle({ region, input, store, now }) {
    const print = fingerprint([input.Name, input.Metadata, input.Tags?.map((t) => [t.Key, t.Value])]);
    // The model documents CreateAppInstance as idempotent on ClientRequestToken ("as described in
    // the AWS API Standard"): the same token and request give back the same app instance.
    const earlier = store.appInstanceByToken(region, input.ClientRequestToken);
    if (earlier) {
      if (earlier.fingerprint !== print) {
        throw emulatorError(
          'ConflictException',
          'The ClientRequestToken was already used for a different CreateAppInstance request.',
        );
      }
      return { status: 201, body: { AppInstanceArn: earlier.arn } };
    }
    const instance = store.addAppInstance({
      region,
      name: input.Name,
      metadata: input.Metadata,
      tags: input.Tags,
      token: input.ClientRequestToken,
      fingerprint: print,
      now,
    });
    return { status: 201, body: { AppInstanceArn: instance.arn } };
  },
};
