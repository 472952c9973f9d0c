import { emulatorError } from '../errors.js';
import { ListAppInstanceUsersRequest } from '../shapes.js';
import { parentAppInstance } from './lookups.js';
import type { OperationDescriptor } from './operation.js';

interface ListAppInstanceUsersInput {
  readonly AppInstanceArn: string;
  readonly MaxResults?: number;
  readonly NextToken?: string;
}

/** Page size when MaxResults is absent (assumed: the model gives only the 1-50 range). */
export const DEFAULT_MAX_RESULTS = 50;

/**
 * NextToken: opaque to clients. It holds the app instance it belongs to and the creation
 * sequence of the last user returned, so pages stay correct when users are created or deleted
 * between calls.
 */
function encodeNextToken(appInstanceArn: string, lastSeq: number): string {
  return Buffer.from(JSON.stringify({ a: appInstanceArn, s: lastSeq })).toString('base64url');
}

function decodeNextToken(token: string, appInstanceArn: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { a?: unknown }).a === appInstanceArn &&
      Number.isSafeInteger((parsed as { s?: unknown }).s)
    ) {
      return (parsed as { s: number }).s;
    }
  } catch {
    // Falls through to the error below: a token that does not decode is as invalid as a foreign one.
  }
  throw emulatorError(
    'BadRequestException',
    'The NextToken is not valid for this ListAppInstanceUsers request.',
  );
}

/**
 * GET /app-instance-users?app-instance-arn=&max-results=&next-token= -> 200
 * `{ AppInstanceArn, AppInstanceUsers: [{ AppInstanceUserArn, Name, Metadata? }], NextToken? }`,
 * users in creation order.
 */
export const listAppInstanceUsers: OperationDescriptor<ListAppInstanceUsersInput> = {
  name: 'ListAppInstanceUsers',
  method: 'GET',
  path: '/app-instance-users',
  hasBody: false,
  query: {
    'app-instance-arn': { member: 'AppInstanceArn', type: 'string' },
    'max-results': { member: 'MaxResults', type: 'integer' },
    'next-token': { member: 'NextToken', type: 'string' },
  },
  input: ListAppInstanceUsersRequest,
  handle(context) {
    const { input, store } = context;
    const instance = parentAppInstance(context, input.AppInstanceArn);
    // An empty NextToken (the model allows length 0) means the first page.
    const after = input.NextToken ? decodeNextToken(input.NextToken, instance.arn) : 0;
    const page = store.listUsers(instance, after, input.MaxResults ?? DEFAULT_MAX_RESULTS);
    return {
      status: 200,
      body: {
        AppInstanceArn: instance.arn,
        AppInstanceUsers: page.users.map((user) => ({
          AppInstanceUserArn: user.arn,
          Name: user.name,
          Metadata: user.metadata,
        })),
        NextToken: page.lastSeq === undefined ? undefined : encodeNextToken(instance.arn, page.lastSeq),
      },
    };
  },
};
