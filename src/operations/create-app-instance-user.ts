/**
 * Everything the shim knows about CreateAppInstanceUser, as data: the legacy request shape, the
 * model's constraints (botocore chime/2018-05-01 and chime-sdk-identity/2021-04-20, identical
 * except `ExpirationSettings`, which only the new namespace has), and which members are sensitive.
 * The next operation is a new descriptor like this one, not a new copy of the pipeline.
 */

/** A tag, as the legacy `@aws-sdk/client-chime` model declares it. */
export interface Tag {
  /** The key of the tag (1-128 characters). */
  Key: string | undefined;
  /** The value of the tag (1-256 characters). */
  Value: string | undefined;
}

/** Chime SDK Identity only: when the user expires (identity route only). */
export interface ExpirationSettings {
  /** Days from the criterion, 1-5475. */
  ExpirationDays: number | undefined;
  ExpirationCriterion: 'CREATED_TIMESTAMP' | undefined;
}

/** The legacy request, verbatim, plus the new optional `ExpirationSettings`. */
export interface CreateAppInstanceUserRequest {
  /** The ARN of the AppInstance; its region field decides where the user is created. */
  AppInstanceArn: string | undefined;
  /** The user ID of the AppInstance. */
  AppInstanceUserId: string | undefined;
  /** The user's name. */
  Name: string | undefined;
  /** The request's metadata. Limited to a 1KB string in UTF-8. */
  Metadata?: string | undefined;
  /** Idempotency token; one is generated per call (and reused on every retry) when absent or `null`. */
  ClientRequestToken?: string | undefined;
  /** Tags assigned to the AppInstanceUser. */
  Tags?: Tag[] | undefined;
  /** Identity route only; the legacy route refuses it. */
  ExpirationSettings?: ExpirationSettings | undefined;
}

/** The legacy response body. */
export interface CreateAppInstanceUserResponse {
  /** The user's ARN. */
  AppInstanceUserArn?: string | undefined;
}

type Check =
  | { readonly kind: 'string'; readonly min: number; readonly max: number; readonly pattern?: RegExp }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly min: number; readonly max: number; readonly member: Shape }
  | { readonly kind: 'structure'; readonly shape: Shape };

export interface Member {
  /** The member's name on the wire and in the SDK input (PascalCase). */
  readonly name: string;
  /** The member's name in the service's validation messages (lowerCamel). */
  readonly path: string;
  readonly required: boolean;
  readonly check: Check;
  /** Marked sensitive in the legacy model: never echoed in a message, an event or a log line. */
  readonly sensitive: boolean;
}

export type Shape = readonly Member[];

const TAG: Shape = [
  { name: 'Key', path: 'key', required: true, sensitive: true, check: { kind: 'string', min: 1, max: 128 } },
  {
    name: 'Value',
    path: 'value',
    required: true,
    sensitive: true,
    check: { kind: 'string', min: 1, max: 256 },
  },
];

const EXPIRATION_SETTINGS: Shape = [
  {
    name: 'ExpirationDays',
    path: 'expirationDays',
    required: true,
    sensitive: false,
    check: { kind: 'integer', min: 1, max: 5475 },
  },
  {
    name: 'ExpirationCriterion',
    path: 'expirationCriterion',
    required: true,
    sensitive: false,
    check: { kind: 'enum', values: ['CREATED_TIMESTAMP'] },
  },
];

/** The request members in model order, with the legacy model's constraints. */
export const CREATE_APP_INSTANCE_USER_REQUEST: Shape = [
  {
    name: 'AppInstanceArn',
    path: 'appInstanceArn',
    required: true,
    sensitive: false,
    check: {
      kind: 'string',
      min: 5,
      max: 1600,
      pattern: /^arn:[a-z0-9.-]{1,63}:[a-z0-9.-]{0,63}:[a-z0-9.-]{0,63}:[a-z0-9.-]{0,63}:[^/].{0,1023}$/,
    },
  },
  {
    name: 'AppInstanceUserId',
    path: 'appInstanceUserId',
    required: true,
    sensitive: true,
    check: { kind: 'string', min: 1, max: 64, pattern: /^[A-Za-z0-9]([A-Za-z0-9:\-_.@]{0,62}[A-Za-z0-9])?$/ },
  },
  {
    name: 'Name',
    path: 'name',
    required: true,
    sensitive: true,
    // Legacy `.*\S.*`, new `\S`: both mean "contains a non-whitespace character".
    check: { kind: 'string', min: 1, max: 100, pattern: /\S/ },
  },
  {
    name: 'Metadata',
    path: 'metadata',
    required: false,
    sensitive: true,
    check: { kind: 'string', min: 0, max: 1024 },
  },
  {
    name: 'ClientRequestToken',
    path: 'clientRequestToken',
    required: false,
    // Sensitive in the legacy model only; the shim keeps the legacy redaction.
    sensitive: true,
    check: { kind: 'string', min: 2, max: 64, pattern: /^[-_a-zA-Z0-9]*$/ },
  },
  {
    name: 'Tags',
    path: 'tags',
    required: false,
    sensitive: false,
    check: { kind: 'list', min: 1, max: 50, member: TAG },
  },
  {
    name: 'ExpirationSettings',
    path: 'expirationSettings',
    required: false,
    sensitive: false,
    check: { kind: 'structure', shape: EXPIRATION_SETTINGS },
  },
];
