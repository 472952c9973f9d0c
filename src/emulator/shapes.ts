import type { MemberRule, StructureRule } from './validation.js';

/**
 * The input shapes of the served operations with the Chime SDK Identity model's constraints
 * (botocore `chime-sdk-identity/2021-04-20/service-2.json`; the legacy `chime/2018-05-01` model
 * has the same ones for these members). Patterns print as the model writes them; the regular
 * expressions are the same patterns, anchored, since Coral matches the whole value.
 *
 * Two deliberate gaps, both documented in docs/emulator.md:
 * - `Metadata` and `NextToken` have the pattern `.*`; under Java's `matches()` that rejects line
 *   breaks, which would surprise JSON metadata users, and AWS does not say it enforces it: not checked.
 * - `UserName` is `.*\S.*`; it is checked as "contains a non-whitespace character" (the intent,
 *   and what the newer model's `\S` says), without Java's line-break semantics for `.`.
 */

const CHIME_ARN = {
  type: 'string',
  min: 5,
  max: 1600,
  pattern: {
    text: 'arn:[a-z0-9-\\.]{1,63}:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[^/].{0,1023}',
    regex: /^arn:[a-z0-9-.]{1,63}:[a-z0-9-.]{0,63}:[a-z0-9-.]{0,63}:[a-z0-9-.]{0,63}:[^/].{0,1023}$/,
  },
} as const satisfies MemberRule;

const CLIENT_REQUEST_TOKEN = {
  type: 'string',
  min: 2,
  max: 64,
  pattern: { text: '[-_a-zA-Z0-9]*', regex: /^[-_a-zA-Z0-9]*$/ },
} as const satisfies MemberRule;

const METADATA = { type: 'string', min: 0, max: 1024, sensitive: true } as const satisfies MemberRule;

const USER_ID = {
  type: 'string',
  min: 1,
  max: 64,
  sensitive: true,
  pattern: {
    text: '[A-Za-z0-9]([A-Za-z0-9\\:\\-\\_\\.\\@]{0,62}[A-Za-z0-9])?',
    regex: /^[A-Za-z0-9]([A-Za-z0-9:\-_.@]{0,62}[A-Za-z0-9])?$/,
  },
} as const satisfies MemberRule;

const USER_NAME = {
  type: 'string',
  min: 1,
  max: 100,
  sensitive: true,
  pattern: { text: '.*\\S.*', regex: /\S/ },
} as const satisfies MemberRule;

/** NonEmptyResourceName: the XML 1.0 character range (no control characters but tab, LF, CR). */
const APP_INSTANCE_NAME = {
  type: 'string',
  min: 1,
  max: 256,
  sensitive: true,
  pattern: {
    text: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]*',
    regex: /^[\t\n\r\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u,
  },
} as const satisfies MemberRule;

const TAG_LIST = {
  type: 'list',
  min: 1,
  max: 50,
  member: {
    type: 'structure',
    members: {
      Key: { type: 'string', min: 1, max: 128, sensitive: true, required: true },
      Value: { type: 'string', min: 1, max: 256, sensitive: true, required: true },
    },
  },
} as const satisfies MemberRule;

const EXPIRATION_SETTINGS = {
  type: 'structure',
  members: {
    ExpirationDays: { type: 'integer', min: 1, max: 5475, required: true },
    ExpirationCriterion: { type: 'string', enum: ['CREATED_TIMESTAMP'], required: true },
  },
} as const satisfies MemberRule;

export const CreateAppInstanceRequest: StructureRule = {
  type: 'structure',
  members: {
    Name: { ...APP_INSTANCE_NAME, required: true },
    Metadata: METADATA,
    ClientRequestToken: { ...CLIENT_REQUEST_TOKEN, required: true },
    Tags: TAG_LIST,
  },
};

export const DescribeAppInstanceRequest: StructureRule = {
  type: 'structure',
  members: { AppInstanceArn: { ...CHIME_ARN, required: true } },
};

export const CreateAppInstanceUserRequest: StructureRule = {
  type: 'structure',
  members: {
    AppInstanceArn: { ...CHIME_ARN, required: true },
    AppInstanceUserId: { ...USER_ID, required: true },
    Name: { ...USER_NAME, required: true },
    Metadata: METADATA,
    ClientRequestToken: { ...CLIENT_REQUEST_TOKEN, required: true },
    Tags: TAG_LIST,
    ExpirationSettings: EXPIRATION_SETTINGS,
  },
};

export const AppInstanceUserArnRequest: StructureRule = {
  type: 'structure',
  members: { AppInstanceUserArn: { ...CHIME_ARN, required: true } },
};

export const ListAppInstanceUsersRequest: StructureRule = {
  type: 'structure',
  members: {
    AppInstanceArn: { ...CHIME_ARN, required: true },
    MaxResults: { type: 'integer', min: 1, max: 50 },
    NextToken: { type: 'string', min: 0, max: 2048, sensitive: true },
  },
};

/** The request members after validation, typed for the handlers. */
export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

export interface ExpirationSettings {
  readonly ExpirationDays: number;
  readonly ExpirationCriterion: string;
}
