import { emulatorError } from '../../errors.js';
import type { Handler } from '../namespace.js';
import { epochSeconds, fingerprint, page } from '../pagination.js';
import { tagHandlers } from '../tagging.js';
import type { Tag } from '../tags.js';
import {
  addressedAdmin,
  addressedAppInstance,
  addressedUser,
  adminIdentity,
  parentAppInstance,
  userToPromote,
} from './lookups.js';
import { appInstanceResourceExists } from './resources.js';
import { type ExpirationSettings, MAX_TAGS, type RetentionSettings } from './store.js';

/**
 * Chime SDK Identity's operations (moto's `responses`): each takes the validated input and answers
 * the model's output. Inputs are typed as the handlers read them; the shapes were checked already.
 */

/** Page size when MaxResults is absent (assumed: the model gives only the 1-50 range). */
export const DEFAULT_MAX_RESULTS = 50;

/**
 * What a `NextToken` is valid for. Users and admins are both lists of one app instance: their
 * scopes differ so that a token of one list is refused by the other.
 */
const usersScope = (appInstanceArn: string) => appInstanceArn;
const adminsScope = (appInstanceArn: string) => `${appInstanceArn} admins`;
const appInstancesScope = (region: string) => `app-instances in ${region}`;

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
    scope: usersScope(instance.arn),
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

/**
 * GET /app-instances?max-results=&next-token= -> 200 `{ AppInstances: [{ AppInstanceArn, Name,
 * Metadata? }], NextToken? }`: "all AppInstances created under a single AWS account" (the model),
 * of the region the request was signed for (the service is regional), in creation order.
 */
const ListAppInstances: Handler<{ MaxResults?: number; NextToken?: string }> = ({ region, input, state }) => {
  const found = page(state.identity.appInstancesIn(region), {
    scope: appInstancesScope(region),
    nextToken: input.NextToken,
    maxResults: input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation: 'ListAppInstances',
  });
  return {
    body: {
      AppInstances: found.items.map((instance) => ({
        AppInstanceArn: instance.arn,
        Name: instance.name,
        Metadata: instance.metadata,
      })),
      NextToken: found.nextToken,
    },
  };
};

/**
 * PUT /app-instances/{AppInstanceArn} -> 200 `{ AppInstanceArn }`. The new model requires Name
 * and Metadata, so both are replaced (the shim reads Metadata back for legacy callers that omit it).
 */
const UpdateAppInstance: Handler<{ AppInstanceArn: string; Name: string; Metadata: string }> = (context) => {
  const { input, state, now } = context;
  const instance = addressedAppInstance(context, input.AppInstanceArn);
  state.identity.updateAppInstance(instance, { name: input.Name, metadata: input.Metadata, now });
  return { body: { AppInstanceArn: instance.arn } };
};

/**
 * DELETE /app-instances/{AppInstanceArn} -> 204. AWS deletes "all associated data
 * asynchronously"; the emulator deletes it at once: users, admins, retention settings and the tags
 * of all of them, and the app instance's ClientRequestToken.
 */
const DeleteAppInstance: Handler<{ AppInstanceArn: string }> = (context) => {
  const instance = addressedAppInstance(context, context.input.AppInstanceArn);
  context.state.identity.deleteAppInstance(instance);
  return {};
};

/** PUT /app-instance-users/{AppInstanceUserArn} -> 200 `{ AppInstanceUserArn }`; Name and Metadata required, as for UpdateAppInstance. */
const UpdateAppInstanceUser: Handler<{ AppInstanceUserArn: string; Name: string; Metadata: string }> = (
  context,
) => {
  const { input, state, now } = context;
  const { user } = addressedUser(context, input.AppInstanceUserArn);
  state.identity.updateUser(user, { name: input.Name, metadata: input.Metadata, now });
  return { body: { AppInstanceUserArn: user.arn } };
};

/**
 * POST /app-instances/{AppInstanceArn}/admins -> 201 `{ AppInstanceAdmin: { Arn, Name },
 * AppInstanceArn }`. The admin must be a user of this app instance; promoting an admin again is a
 * ConflictException (the model lists Conflict; assumed, AWS documents no case for it).
 */
const CreateAppInstanceAdmin: Handler<{ AppInstanceArn: string; AppInstanceAdminArn: string }> = (
  context,
) => {
  const { input, state, now } = context;
  const instance = addressedAppInstance(context, input.AppInstanceArn);
  const user = userToPromote(context, instance, input.AppInstanceAdminArn);
  if (instance.admins.has(user.arn)) {
    throw emulatorError(
      'ConflictException',
      `${user.arn} is already an AppInstanceAdmin of AppInstance ${instance.arn}.`,
    );
  }
  const admin = state.identity.addAdmin(instance, user.arn, now);
  return { body: { AppInstanceAdmin: adminIdentity(instance, admin), AppInstanceArn: instance.arn } };
};

/**
 * GET /app-instances/{AppInstanceArn}/admins/{AppInstanceAdminArn} -> 200 `{ AppInstanceAdmin:
 * { Admin: { Arn, Name }, AppInstanceArn, CreatedTimestamp } }`; the name is the user's current one.
 */
const DescribeAppInstanceAdmin: Handler<{ AppInstanceArn: string; AppInstanceAdminArn: string }> = (
  context,
) => {
  const { input } = context;
  const instance = addressedAppInstance(context, input.AppInstanceArn);
  const admin = addressedAdmin(context, instance, input.AppInstanceAdminArn);
  return {
    body: {
      AppInstanceAdmin: {
        Admin: adminIdentity(instance, admin),
        AppInstanceArn: instance.arn,
        CreatedTimestamp: epochSeconds(admin.created),
      },
    },
  };
};

/**
 * GET /app-instances/{AppInstanceArn}/admins?max-results=&next-token= -> 200 `{ AppInstanceArn,
 * AppInstanceAdmins: [{ Admin: { Arn, Name } }], NextToken? }`, in the order they were promoted.
 */
const ListAppInstanceAdmins: Handler<{ AppInstanceArn: string; MaxResults?: number; NextToken?: string }> = (
  context,
) => {
  const { input } = context;
  const instance = addressedAppInstance(context, input.AppInstanceArn);
  const found = page(instance.admins.values(), {
    scope: adminsScope(instance.arn),
    nextToken: input.NextToken,
    maxResults: input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation: 'ListAppInstanceAdmins',
  });
  return {
    body: {
      AppInstanceArn: instance.arn,
      AppInstanceAdmins: found.items.map((admin) => ({ Admin: adminIdentity(instance, admin) })),
      NextToken: found.nextToken,
    },
  };
};

/** DELETE /app-instances/{AppInstanceArn}/admins/{AppInstanceAdminArn} -> 204: "does not delete the user" (the model). */
const DeleteAppInstanceAdmin: Handler<{ AppInstanceArn: string; AppInstanceAdminArn: string }> = (
  context,
) => {
  const { input } = context;
  const instance = addressedAppInstance(context, input.AppInstanceArn);
  const admin = addressedAdmin(context, instance, input.AppInstanceAdminArn);
  context.state.identity.removeAdmin(instance, admin);
  return {};
};

/**
 * PUT /app-instances/{AppInstanceArn}/retention-settings -> 200 `{ AppInstanceRetentionSettings,
 * InitiateDeletionTimestamp }`. The settings replace the earlier ones; the timestamp is the time of
 * the put (assumed: the model says only "the time at which the API deletes data"). Nothing is deleted.
 */
const PutAppInstanceRetentionSettings: Handler<{
  AppInstanceArn: string;
  AppInstanceRetentionSettings: RetentionSettings;
}> = (context) => {
  const { input, state, now } = context;
  const instance = addressedAppInstance(context, input.AppInstanceArn);
  const retention = state.identity.putRetention(instance, input.AppInstanceRetentionSettings, now);
  return {
    body: {
      AppInstanceRetentionSettings: retention.settings,
      InitiateDeletionTimestamp: epochSeconds(retention.initiated),
    },
  };
};

/**
 * GET /app-instances/{AppInstanceArn}/retention-settings -> 200 `{ AppInstanceRetentionSettings,
 * InitiateDeletionTimestamp? }`: what was put last; before any put, empty settings and no
 * timestamp (assumed: data is kept until settings say otherwise).
 */
const GetAppInstanceRetentionSettings: Handler<{ AppInstanceArn: string }> = (context) => {
  const { retention } = addressedAppInstance(context, context.input.AppInstanceArn);
  return {
    body: {
      AppInstanceRetentionSettings: retention?.settings ?? {},
      InitiateDeletionTimestamp: retention && epochSeconds(retention.initiated),
    },
  };
};

export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...tagHandlers(appInstanceResourceExists, MAX_TAGS),
  CreateAppInstance,
  DescribeAppInstance,
  ListAppInstances,
  UpdateAppInstance,
  DeleteAppInstance,
  CreateAppInstanceUser,
  DescribeAppInstanceUser,
  ListAppInstanceUsers,
  UpdateAppInstanceUser,
  DeleteAppInstanceUser,
  CreateAppInstanceAdmin,
  DescribeAppInstanceAdmin,
  ListAppInstanceAdmins,
  DeleteAppInstanceAdmin,
  PutAppInstanceRetentionSettings,
  GetAppInstanceRetentionSettings,
};
