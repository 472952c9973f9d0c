import { emulatorError } from '../errors.js';
import { CreateAppInstanceUserRequest, type ExpirationSettings, type Tag } from '../shapes.js';
import { parentAppInstance } from './lookups.js';
import { fingerprint, type OperationDescriptor } from './operation.js';

interface CreateAppInstanceUserInput {
  readonly AppInstanceArn: string;
  readonly AppInstanceUserId: string;
  readonly Name: string;
  readonly Metadata?: string;
  readonly ClientRequestToken: string;
  readonly Tags?: readonly Tag[];
  readonly ExpirationSettings?: ExpirationSettings;
}

/**
 * POST /app-instance-users -> 201 `{ AppInstanceUserArn }`. The same wire for the legacy
 * `chime` client (with `disableHostPrefix`) and the identity client; `ExpirationSettings`
 * (identity only) is accepted and stored.
 */
export const createAppInstanceUser: OperationDescriptor<CreateAppInstanceUserInput> = {
  name: 'CreateAppInstanceUser',
  method: 'POST',
  path: '/app-instance-users',
  hasBody: true,
  input: CreateAppInstanceUserRequest,
  handle(context) {
    const { input, store, now } = context;
    const instance = parentAppInstance(context, input.AppInstanceArn);
    const expiration = input.ExpirationSettings;
    const print = fingerprint([
      input.AppInstanceUserId,
      input.Name,
      input.Metadata,
      input.Tags?.map((t) => [t.Key, t.Value]),
      expiration && [expiration.ExpirationDays, expiration.ExpirationCriterion],
    ]);
    // Idempotency (assumed: AWS documents the token, not its semantics): per app instance, the
    // same token with the same request returns the ARN of the user it created; the same token
    // with a different request is a ConflictException.
    const earlier = instance.usersByToken.get(input.ClientRequestToken);
    if (earlier) {
      if (earlier.fingerprint !== print) {
        throw emulatorError(
          'ConflictException',
          'The ClientRequestToken was already used for a different CreateAppInstanceUser request.',
        );
      }
      return { status: 201, body: { AppInstanceUserArn: earlier.arn } };
    }
    // The id is sensitive in the model, so the message names the app instance, not the id.
    if (instance.users.has(input.AppInstanceUserId)) {
      throw emulatorError(
        'ConflictException',
        `An AppInstanceUser with this AppInstanceUserId already exists in AppInstance ${instance.arn}.`,
      );
    }
    const user = store.addUser(instance, {
      userId: input.AppInstanceUserId,
      name: input.Name,
      metadata: input.Metadata,
      tags: input.Tags?.map((t) => ({ Key: t.Key, Value: t.Value })),
      expirationSettings: expiration && {
        ExpirationDays: expiration.ExpirationDays,
        ExpirationCriterion: expiration.ExpirationCriterion,
      },
      token: input.ClientRequestToken,
      fingerprint: print,
      now,
    });
    return { status: 201, body: { AppInstanceUserArn: user.arn } };
  },
};
