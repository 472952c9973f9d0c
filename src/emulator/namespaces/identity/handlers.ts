import { emulatorError } from '../../errors.js';
import type { Handler } from '../namespace.js';
import { epochSeconds, fingerprint, page } from '../pagination.js';
import { tagHandlers } from '../tagging.js';
import type { Tag } from '../tags.js';
import { addressedAppInstance, addressedUser, parentAppInstance } from './lookups.js';
import { appInstanceResourceExists } from './resources.js';
import { type ExpirationSettings, MAX_TAGS } from './store.js';

/**
 * Chime SDK Identity's operations (moto's `responses`): each takes the validated input and answers
 * the model's output. Inputs are typed as the handlers read them; the shapes were checked already.
 */

/** Page size when MaxResults is absent (assumed: the model gives only the 1-50 range). */
export const DEFAULT_MAX_RESULTS = 50;

/** POST /app-instances -> 201 `{ AppInstanceArn }`, in the region the request was signed for. */
const CreateAppInstance: Handler<{
  Name: string;
  Metadata?: string;
  ClientRequestToken: string;
  Tags?: Tag[];
}> = ({ region, input, state, now }) => {
  const store = state.identity;
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
    return { body: { AppInstanceArn: earlier.arn } };
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
  return { body: { AppInstanceArn: instance.arn } };
};

/** GET /app-instances/{AppInstanceArn} -> 200 `{ AppInstance: { AppInstanceArn, Name, Metadata?, CreatedTimestamp, LastUpdatedTimestamp } }`. */
const DescribeAppInstance: Handler<{ AppInstanceArn: string }> = (context) => {
  const instance = addressedAppInstance(context, context.input.AppInstanceArn);
  return {
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
};

/**
 * POST /app-instance-users -> 201 `{ AppInstanceUserArn }`. The same wire for the legacy `chime`
 * client (with `disableHostPrefix`) and the identity client; `ExpirationSettings` (identity only)
 * is accepted and stored.
 */
const CreateAppInstanceUser: Handler<{
  AppInstanceArn: string;
  AppInstanceUserId: string;
  Name: string;
  Metadata?: string;
  ClientRequestToken: string;
  Tags?: Tag[];
  ExpirationSettings?: ExpirationSettings;
}> = (context) => {
  const { input, state, now } = context;
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
    return { body: { AppInstanceUserArn: earlier.arn } };
  }
  // The id is sensitive in the model, so the message names the app instance, not the id.
  if (instance.users.has(input.AppInstanceUserId)) {
    throw emulatorError(
      'ConflictException',
      `An AppInstanceUser with this AppInstanceUserId already exists in AppInstance ${instance.arn}.`,
    );
  }
  const user = state.identity.addUser(instance, {
    userId: input.AppInstanceUserId,
    name: input.Name,
    metadata: input.Metadata,
    tags: input.Tags,
    expirationSettings: expiration && {
      ExpirationDays: expiration.ExpirationDays,
      ExpirationCriterion: expiration.ExpirationCriterion,
    },
    token: input.ClientRequestToken,
    fingerprint: print,
    now,
  });
  return { body: { AppInstanceUserArn: user.arn } };
};

/**
 * GET /app-instance-users/{AppInstanceUserArn} -> 200 `{ AppInstanceUser: { AppInstanceUserArn,
 * Name, Metadata?, CreatedTimestamp, LastUpdatedTimestamp, ExpirationSettings? } }`.
 */
const DescribeAppInstanceUser: Handler<{ AppInstanceUserArn: string }> = (context) => {
  const { user } = addressedUser(context, context.input.AppInstanceUserArn);
  return {
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
};

/**
 * GET /app-instance-users?app-instance-arn=&max-results=&next-token= -> 200
 * `{ AppInstanceArn, AppInstanceUsers: [{ AppInstanceUserArn, Name, Metadata? }], NextToken? }`,
 * users in creation order.
 */
const ListAppInstanceUsers: Handler<{ AppInstanceArn: string; MaxResults?: number; NextToken?: string }> = (
  context,
) => {
  const { input } = context;
  const instance = parentAppInstance(context, input.AppInstanceArn);
  const found = page(instance.users.values(), {
    scope: instance.arn,
    nextToken: input.NextToken,
    maxResults: input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation: 'ListAppInstanceUsers',
  });
  return {
    body: {
      AppInstanceArn: instance.arn,
      AppInstanceUsers: found.items.map((user) => ({
        AppInstanceUserArn: user.arn,
        Name: user.name,
        Metadata: user.metadata,
      })),
      NextToken: found.nextToken,
    },
  };
};

/** DELETE /app-instance-users/{AppInstanceUserArn} -> 204. */
const DeleteAppInstanceUser: Handler<{ AppInstanceUserArn: string }> = (context) => {
  const { instance, user } = addressedUser(context, context.input.AppInstanceUserArn);
  context.state.identity.deleteUser(instance, user);
  return {};
};

export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...tagHandlers(appInstanceResourceExists, MAX_TAGS),
  CreateAppInstance,
  DescribeAppInstance,
  CreateAppInstanceUser,
  DescribeAppInstanceUser,
  ListAppInstanceUsers,
  DeleteAppInstanceUser,
};
