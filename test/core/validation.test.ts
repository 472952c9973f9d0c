import {
  ChimeSDKIdentityClient,
  CreateAppInstanceUserCommand as IdentityCreateAppInstanceUserCommand,
} from '@aws-sdk/client-chime-sdk-identity';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BadRequestException,
  type CreateAppInstanceUserRequest,
  createAppInstanceUser,
} from '../../src/index.js';

const identity = mockClient(ChimeSDKIdentityClient);
afterAll(() => identity.restore());
beforeEach(() => {
  identity.reset();
  identity
    .on(IdentityCreateAppInstanceUserCommand)
    .resolves({ AppInstanceUserArn: 'arn:created', $metadata: {} });
});

const ARN = 'arn:aws:chime:us-east-1:111122223333:app-instance/0f1e2d3c-aaaa-bbbb-cccc-000000000000';
const valid = { AppInstanceArn: ARN, AppInstanceUserId: 'user-1', Name: 'Ada Lovelace' };
const options = {
  identityConfig: { region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' } },
};

/** The call's error (a test fails if the call succeeds). */
async function rejection(input: unknown): Promise<Error> {
  const outcome = await createAppInstanceUser(input as CreateAppInstanceUserRequest, options).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(BadRequestException);
  expect(identity.calls()).toHaveLength(0);
  return outcome as Error;
}

const NAME_TOO_LONG =
  "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 100";

/** [case, input, the member path, the constraint] */
const invalid: Array<[string, unknown, string, string]> = [
  ['input is null', null, 'createAppInstanceUserRequest', 'Member must be a structure'],
  ['input is a string', 'user-1', 'createAppInstanceUserRequest', 'Member must be a structure'],
  ['input is an array', [valid], 'createAppInstanceUserRequest', 'Member must be a structure'],
  [
    'AppInstanceArn missing',
    { ...valid, AppInstanceArn: undefined },
    'appInstanceArn',
    'Member must not be null',
  ],
  ['AppInstanceArn null', { ...valid, AppInstanceArn: null }, 'appInstanceArn', 'Member must not be null'],
  [
    'AppInstanceArn not a string',
    { ...valid, AppInstanceArn: 42 },
    'appInstanceArn',
    'Member must be a string',
  ],
  [
    'AppInstanceArn under 5',
    { ...valid, AppInstanceArn: 'arn:' },
    'appInstanceArn',
    'Member must have length greater than or equal to 5',
  ],
  [
    'AppInstanceArn over 1600',
    { ...valid, AppInstanceArn: `${ARN}/${'x'.repeat(1600)}` },
    'appInstanceArn',
    'Member must have length less than or equal to 1600',
  ],
  [
    'AppInstanceArn not an ARN',
    { ...valid, AppInstanceArn: 'not-an-arn' },
    'appInstanceArn',
    'Member must satisfy regular expression pattern',
  ],
  [
    'AppInstanceArn resource starting with /',
    { ...valid, AppInstanceArn: 'arn:aws:chime:us-east-1:111122223333:/app-instance/x' },
    'appInstanceArn',
    'Member must satisfy regular expression pattern',
  ],
  [
    'AppInstanceArn uppercase in the service field',
    { ...valid, AppInstanceArn: 'arn:aws:Chime:us-east-1:111122223333:app-instance/x' },
    'appInstanceArn',
    'Member must satisfy regular expression pattern',
  ],
  [
    'AppInstanceUserId missing',
    { ...valid, AppInstanceUserId: undefined },
    'appInstanceUserId',
    'Member must not be null',
  ],
  [
    'AppInstanceUserId empty',
    { ...valid, AppInstanceUserId: '' },
    'appInstanceUserId',
    'Member must have length greater than or equal to 1',
  ],
  [
    'AppInstanceUserId over 64',
    { ...valid, AppInstanceUserId: 'a'.repeat(65) },
    'appInstanceUserId',
    'Member must have length less than or equal to 64',
  ],
  [
    'AppInstanceUserId starting with a dash',
    { ...valid, AppInstanceUserId: '-user' },
    'appInstanceUserId',
    'Member must satisfy regular expression pattern',
  ],
  [
    'AppInstanceUserId ending with a dot',
    { ...valid, AppInstanceUserId: 'user.' },
    'appInstanceUserId',
    'Member must satisfy regular expression pattern',
  ],
  [
    'AppInstanceUserId with a space',
    { ...valid, AppInstanceUserId: 'us er' },
    'appInstanceUserId',
    'Member must satisfy regular expression pattern',
  ],
  [
    'AppInstanceUserId a number',
    { ...valid, AppInstanceUserId: 7 },
    'appInstanceUserId',
    'Member must be a string',
  ],
  ['Name missing', { ...valid, Name: undefined }, 'name', 'Member must not be null'],
  ['Name empty', { ...valid, Name: '' }, 'name', 'Member must have length greater than or equal to 1'],
  [
    'Name only whitespace',
    { ...valid, Name: ' \t\n ' },
    'name',
    'Member must satisfy regular expression pattern',
  ],
  [
    'Name over 100',
    { ...valid, Name: 'n'.repeat(101) },
    'name',
    'Member must have length less than or equal to 100',
  ],
  [
    'Name over 100 code points of emoji',
    { ...valid, Name: '🙂'.repeat(101) },
    'name',
    'Member must have length less than or equal to 100',
  ],
  ['Name an object', { ...valid, Name: { first: 'Ada' } }, 'name', 'Member must be a string'],
  [
    'Metadata over 1024',
    { ...valid, Metadata: 'm'.repeat(1025) },
    'metadata',
    'Member must have length less than or equal to 1024',
  ],
  ['Metadata a number', { ...valid, Metadata: 1 }, 'metadata', 'Member must be a string'],
  [
    'ClientRequestToken of 1',
    { ...valid, ClientRequestToken: 'a' },
    'clientRequestToken',
    'Member must have length greater than or equal to 2',
  ],
  [
    'ClientRequestToken empty (both SDKs would send it)',
    { ...valid, ClientRequestToken: '' },
    'clientRequestToken',
    'Member must have length greater than or equal to 2',
  ],
  [
    'ClientRequestToken over 64',
    { ...valid, ClientRequestToken: 't'.repeat(65) },
    'clientRequestToken',
    'Member must have length less than or equal to 64',
  ],
  [
    'ClientRequestToken with a dot',
    { ...valid, ClientRequestToken: 'token.1' },
    'clientRequestToken',
    'Member must satisfy regular expression pattern',
  ],
  ['Tags not a list', { ...valid, Tags: { Key: 'k', Value: 'v' } }, 'tags', 'Member must be a list'],
  ['Tags empty', { ...valid, Tags: [] }, 'tags', 'Member must have length greater than or equal to 1'],
  [
    'Tags over 50',
    { ...valid, Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) },
    'tags',
    'Member must have length less than or equal to 50',
  ],
  ['Tag not a structure', { ...valid, Tags: ['k=v'] }, 'tags.1.member', 'Member must be a structure'],
  ['Tag Key missing', { ...valid, Tags: [{ Value: 'v' }] }, 'tags.1.member.key', 'Member must not be null'],
  ['Tag Value missing', { ...valid, Tags: [{ Key: 'k' }] }, 'tags.1.member.value', 'Member must not be null'],
  [
    'Tag Key empty',
    { ...valid, Tags: [{ Key: '', Value: 'v' }] },
    'tags.1.member.key',
    'Member must have length greater than or equal to 1',
  ],
  [
    'Tag Key over 128',
    { ...valid, Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] },
    'tags.1.member.key',
    'Member must have length less than or equal to 128',
  ],
  [
    'Tag Value over 256 (second tag)',
    {
      ...valid,
      Tags: [
        { Key: 'a', Value: 'b' },
        { Key: 'k', Value: 'v'.repeat(257) },
      ],
    },
    'tags.2.member.value',
    'Member must have length less than or equal to 256',
  ],
  [
    'Tag with an unknown member',
    { ...valid, Tags: [{ Key: 'k', Value: 'v', Extra: 1 }] },
    'tags.1.member.Extra',
    'Member is not part of the request',
  ],
  [
    'ExpirationDays 0',
    { ...valid, ExpirationSettings: { ExpirationDays: 0, ExpirationCriterion: 'CREATED_TIMESTAMP' } },
    'expirationSettings.expirationDays',
    'Member must have value greater than or equal to 1',
  ],
  [
    'ExpirationDays 5476',
    { ...valid, ExpirationSettings: { ExpirationDays: 5476, ExpirationCriterion: 'CREATED_TIMESTAMP' } },
    'expirationSettings.expirationDays',
    'Member must have value less than or equal to 5475',
  ],
  [
    'ExpirationDays not an integer',
    { ...valid, ExpirationSettings: { ExpirationDays: 1.5, ExpirationCriterion: 'CREATED_TIMESTAMP' } },
    'expirationSettings.expirationDays',
    'Member must be an integer',
  ],
  [
    'ExpirationCriterion unknown',
    { ...valid, ExpirationSettings: { ExpirationDays: 30, ExpirationCriterion: 'LAST_ACTIVE' } },
    'expirationSettings.expirationCriterion',
    'Member must satisfy enum value set: [CREATED_TIMESTAMP]',
  ],
  [
    'ExpirationCriterion missing',
    { ...valid, ExpirationSettings: { ExpirationDays: 30 } },
    'expirationSettings.expirationCriterion',
    'Member must not be null',
  ],
  [
    'an unknown member (a typo of Metadata)',
    { ...valid, Metdata: 'x' },
    'Metdata',
    'Member is not part of the request',
  ],
  [
    'an own __proto__ key',
    JSON.parse(
      `{"__proto__": {"polluted": true}, "AppInstanceArn": "${ARN}", "AppInstanceUserId": "u1", "Name": "n"}`,
    ),
    '__proto__',
    'Member is not part of the request',
  ],
  ['a constructor key', { ...valid, constructor: 'x' }, 'constructor', 'Member is not part of the request'],
  [
    'a member whose getter throws',
    Object.defineProperty({ ...valid }, 'Name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    }),
    'name',
    'Member could not be read',
  ],
  [
    'an ARN in a region outside the allow-list',
    { ...valid, AppInstanceArn: 'arn:aws:chime:ap-southeast-1:111122223333:app-instance/x' },
    'appInstanceArn',
    "Member must name one of the allowed regions [us-east-1, eu-central-1], got 'ap-southeast-1'",
  ],
  [
    'an ARN whose region is a host name',
    { ...valid, AppInstanceArn: 'arn:aws:chime:evil.example.com:111122223333:app-instance/x' },
    'appInstanceArn',
    "Member must name one of the allowed regions [us-east-1, eu-central-1], got 'evil.example.com'",
  ],
  [
    'an ARN with an empty region',
    { ...valid, AppInstanceArn: 'arn:aws:chime::111122223333:app-instance/x' },
    'appInstanceArn',
    "Member must name one of the allowed regions [us-east-1, eu-central-1], got ''",
  ],
];

describe('Behaviour of one call: validation before any network I/O, with the legacy model constraints', () => {
  it.each(invalid)(
    '%s -> BadRequestException naming the member, nothing sent',
    async (_case, input, path, constraint) => {
      const error = await createAppInstanceUser(input as CreateAppInstanceUserRequest, options).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BadRequestException);
      const badRequest = error as BadRequestException;
      expect(badRequest.name).toBe('BadRequestException');
      expect(badRequest.$fault).toBe('client');
      expect(badRequest.Code).toBe('BadRequest');
      expect(badRequest.$metadata).toMatchObject({ httpStatusCode: 400, attempts: 0 });
      expect(badRequest.message).toMatch(/^\d+ validation errors? detected: /);
      expect(badRequest.message).toContain(`Value at '${path}' failed to satisfy constraint: ${constraint}`);
      expect(identity.calls()).toHaveLength(0);
    },
  );

  it('reports every broken constraint in one message, as the service does', async () => {
    const error = (await createAppInstanceUser(
      { AppInstanceArn: ARN } as CreateAppInstanceUserRequest,
      options,
    ).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      "2 validation errors detected: Value at 'appInstanceUserId' failed to satisfy constraint: Member must not be null; " +
        "Value at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('never echoes the value of a member (several are sensitive)', async () => {
    const secret = 'canary-name-7f3a';
    const error = (await createAppInstanceUser(
      { ...valid, Name: `${secret}${' '.repeat(100)}` },
      options,
    ).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).not.toContain(secret);
  });

  it('an own __proto__ key pollutes no prototype', async () => {
    const input = JSON.parse(`{"__proto__": {"polluted": true}, "AppInstanceArn": "${ARN}"}`);
    await createAppInstanceUser(input, options).catch(() => undefined);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  /** Valid edge cases at the limits reach the wire as given. */
  const atLimits: Array<[string, CreateAppInstanceUserRequest]> = [
    ['a one-character user id', { ...valid, AppInstanceUserId: 'a' }],
    [
      'a 64-character user id with every allowed punctuation',
      { ...valid, AppInstanceUserId: `a:-_.@${'b'.repeat(57)}c` },
    ],
    ['a 100-character name', { ...valid, Name: 'n'.repeat(100) }],
    ['a 100-emoji name (code points, not UTF-16 units)', { ...valid, Name: '🙂'.repeat(100) }],
    ['a name with surrounding whitespace', { ...valid, Name: '  Ada  ' }],
    ['empty metadata', { ...valid, Metadata: '' }],
    ['1024 characters of metadata', { ...valid, Metadata: 'm'.repeat(1024) }],
    ['a 2-character token', { ...valid, ClientRequestToken: 'ab' }],
    ['a 64-character token', { ...valid, ClientRequestToken: `${'t'.repeat(62)}-_` }],
    [
      '50 tags at their size limits',
      {
        ...valid,
        Tags: Array.from({ length: 50 }, (_, i) => ({
          Key: `${i}`.padEnd(128, 'k'),
          Value: 'v'.repeat(256),
        })),
      },
    ],
    [
      'ExpirationDays 1',
      { ...valid, ExpirationSettings: { ExpirationDays: 1, ExpirationCriterion: 'CREATED_TIMESTAMP' } },
    ],
    [
      'ExpirationDays 5475',
      { ...valid, ExpirationSettings: { ExpirationDays: 5475, ExpirationCriterion: 'CREATED_TIMESTAMP' } },
    ],
    // The pattern caps the resource part at 1024 characters, below the 1600 length limit.
    [
      'an ARN with a 1024-character resource',
      { ...valid, AppInstanceArn: `arn:aws:chime:us-east-1:111122223333:${'r'.repeat(1024)}` },
    ],
    ['an eu-central-1 ARN', { ...valid, AppInstanceArn: ARN.replace('us-east-1', 'eu-central-1') }],
  ];
  it.each(atLimits)('%s is sent as given', async (_case, input) => {
    await expect(createAppInstanceUser(input, options)).resolves.toMatchObject({
      AppInstanceUserArn: 'arn:created',
    });
    const sent = identity.commandCalls(IdentityCreateAppInstanceUserCommand)[0]?.args[0].input;
    expect(sent).toMatchObject(input);
  });
});

describe('Validation: lengths count Unicode code points, as Smithy does; a lone surrogate is one code point', () => {
  it.each([
    ['100 × U+10000, the lowest surrogate pair', '\u{10000}'.repeat(100)],
    ['100 × U+10FFFF, the highest surrogate pair', '\u{10FFFF}'.repeat(100)],
    ['100 lone low surrogates', '\uDC00'.repeat(100)],
  ])('a 100-code-point Name of %s is sent as given', async (_case, Name) => {
    await expect(createAppInstanceUser({ ...valid, Name }, options)).resolves.toMatchObject({
      AppInstanceUserArn: 'arn:created',
    });
    expect(identity.commandCalls(IdentityCreateAppInstanceUserCommand)[0]?.args[0].input.Name).toBe(Name);
  });

  it.each([
    ['101 lone low surrogates', '\uDC00'.repeat(101)],
    ['101 lone high surrogates', '\uD800'.repeat(101)],
    ['a letter before each of 50 lone low surrogates, then one more letter', `${'a\uDC00'.repeat(50)}a`],
    ['51 lone high surrogates, each before U+E000 (not a low surrogate)', '\uD800\uE000'.repeat(51)],
    ['100 × U+10000 and one more letter', `${'\u{10000}'.repeat(100)}a`],
  ])('a Name of %s is over 100 code points', async (_case, Name) => {
    expect((await rejection({ ...valid, Name })).message).toBe(NAME_TOO_LONG);
  });
});

describe('Validation: messages say what the service would say, and never echo a value', () => {
  it('one broken constraint: "1 validation error detected", singular', async () => {
    expect((await rejection({ ...valid, Name: undefined })).message).toBe(
      "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('an input that cannot be read at all (a revoked proxy) names the request', async () => {
    const { proxy, revoke } = Proxy.revocable({ ...valid }, {});
    revoke();
    expect((await rejection(proxy)).message).toBe(
      "1 validation error detected: Value at 'createAppInstanceUserRequest' failed to satisfy constraint: Member could not be read",
    );
  });

  it('a tag that cannot be read (a throwing getter) is named by its position, counted from 1', async () => {
    const Tags = [{ Key: 'k1', Value: 'v1' }, {}];
    Object.defineProperty(Tags, 1, {
      enumerable: true,
      get() {
        throw new Error('a getter that throws');
      },
    });
    expect((await rejection({ ...valid, Tags })).message).toBe(
      "1 validation error detected: Value at 'tags.2.member' failed to satisfy constraint: Member could not be read",
    );
  });

  it('an unknown key is printed on one line, each non-printable or non-ASCII character as ?', async () => {
    expect((await rejection({ ...valid, 'Métadata\n': 'x' })).message).toBe(
      "1 validation error detected: Value at 'M?tadata?' failed to satisfy constraint: Member is not part of the request",
    );
  });

  it('an unknown key is printed whole up to 64 characters, and cut to 64 with ... beyond', async () => {
    const at = 'k'.repeat(64);
    expect((await rejection({ ...valid, [at]: 'x' })).message).toContain(`Value at '${at}' failed`);
    const over = `${'k'.repeat(64)}-tail`;
    expect((await rejection({ ...valid, [over]: 'x' })).message).toContain(`Value at '${at}...' failed`);
  });
});
