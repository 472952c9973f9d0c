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
