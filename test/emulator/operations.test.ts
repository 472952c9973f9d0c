import {
  BadRequestException,
  ChimeSDKIdentityServiceException,
  ConflictException,
  CreateAppInstanceCommand,
  CreateAppInstanceUserCommand,
  DeleteAppInstanceUserCommand,
  DescribeAppInstanceCommand,
  DescribeAppInstanceUserCommand,
  ListAppInstanceUsersCommand,
  NotFoundException,
  paginateListAppInstanceUsers,
} from '@aws-sdk/client-chime-sdk-identity';
import {
  ConflictException as LegacyConflictException,
  CreateAppInstanceUserCommand as LegacyCreateAppInstanceUserCommand,
  DeleteAppInstanceUserCommand as LegacyDeleteAppInstanceUserCommand,
  DescribeAppInstanceUserCommand as LegacyDescribeAppInstanceUserCommand,
  ListAppInstanceUsersCommand as LegacyListAppInstanceUsersCommand,
  NotFoundException as LegacyNotFoundException,
} from 'legacy-chime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_ACCOUNT_ID, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { identityClient, legacyClient, rejection } from './helpers.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('Emulator: operations (restJson1, as the real identity client sends and reads them)', () => {
  it('CreateAppInstance answers 201 with an ARN in the signing region and the emulator account', async () => {
    const client = identityClient(emulator, 'eu-central-1');
    const out = await client.send(
      new CreateAppInstanceCommand({ Name: 'chat', Metadata: '{"tier":"gold"}' }),
    );
    expect(out.$metadata.httpStatusCode).toBe(201);
    expect(out.AppInstanceArn).toMatch(
      new RegExp(`^arn:aws:chime:eu-central-1:${EMULATOR_ACCOUNT_ID}:app-instance/${UUID}$`),
    );
    // x-amzn-requestid reaches $metadata and matches the request log.
    expect(out.$metadata.requestId).toMatch(new RegExp(`^${UUID}$`));
    expect(emulator.requests().at(-1)?.requestId).toBe(out.$metadata.requestId);
  });

  it('DescribeAppInstance returns the app instance with epoch-second timestamps the SDK reads as Dates', async () => {
    const client = identityClient(emulator);
    const before = Date.now();
    const { AppInstanceArn } = await client.send(
      new CreateAppInstanceCommand({ Name: 'chat', Metadata: 'm' }),
    );
    const out = await client.send(new DescribeAppInstanceCommand({ AppInstanceArn }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.AppInstance).toMatchObject({ AppInstanceArn, Name: 'chat', Metadata: 'm' });
    expect(out.AppInstance?.CreatedTimestamp).toBeInstanceOf(Date);
    expect(out.AppInstance?.CreatedTimestamp?.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(out.AppInstance?.LastUpdatedTimestamp).toEqual(out.AppInstance?.CreatedTimestamp);
  });

  it('DescribeAppInstance of an app instance that does not exist is a NotFoundException (404)', async () => {
    const client = identityClient(emulator);
    const error = await rejection(
      client.send(
        new DescribeAppInstanceCommand({
          AppInstanceArn: `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:app-instance/00000000-0000-4000-8000-000000000000`,
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).toMatchObject({ Code: 'NotFound', $fault: 'client', $metadata: { httpStatusCode: 404 } });
  });

  it('CreateAppInstanceUser answers 201 with <app instance ARN>/user/<id> and stores every member', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    const out = await client.send(
      new CreateAppInstanceUserCommand({
        AppInstanceArn,
        AppInstanceUserId: 'user@example.com',
        Name: 'Ada',
        Metadata: '{"plan":"pro"}',
        Tags: [{ Key: 'team', Value: 'core' }],
        ExpirationSettings: { ExpirationDays: 30, ExpirationCriterion: 'CREATED_TIMESTAMP' },
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(201);
    expect(out.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/user@example.com`);
    expect(emulator.users(AppInstanceArn)).toEqual([
      expect.objectContaining({
        AppInstanceUserArn: out.AppInstanceUserArn,
        AppInstanceUserId: 'user@example.com',
        AppInstanceArn,
        Region: 'us-east-1',
        Name: 'Ada',
        Metadata: '{"plan":"pro"}',
        Tags: [{ Key: 'team', Value: 'core' }],
        ExpirationSettings: { ExpirationDays: 30, ExpirationCriterion: 'CREATED_TIMESTAMP' },
      }),
    ]);
  });

  it('DescribeAppInstanceUser returns the user, ExpirationSettings included', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    const { AppInstanceUserArn } = await client.send(
      new CreateAppInstanceUserCommand({
        AppInstanceArn,
        AppInstanceUserId: 'u1',
        Name: 'Ada',
        ExpirationSettings: { ExpirationDays: 7, ExpirationCriterion: 'CREATED_TIMESTAMP' },
      }),
    );
    const out = await client.send(new DescribeAppInstanceUserCommand({ AppInstanceUserArn }));
    expect(out.AppInstanceUser).toMatchObject({
      AppInstanceUserArn,
      Name: 'Ada',
      ExpirationSettings: { ExpirationDays: 7, ExpirationCriterion: 'CREATED_TIMESTAMP' },
    });
    expect(out.AppInstanceUser?.Metadata).toBeUndefined();
    expect(out.AppInstanceUser?.CreatedTimestamp).toBeInstanceOf(Date);
  });

  it('DeleteAppInstanceUser answers 204; the user is then a NotFoundException', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    const { AppInstanceUserArn } = await client.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'Ada' }),
    );
    const out = await client.send(new DeleteAppInstanceUserCommand({ AppInstanceUserArn }));
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect(emulator.users(AppInstanceArn)).toEqual([]);
    const error = await rejection(client.send(new DescribeAppInstanceUserCommand({ AppInstanceUserArn })));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.message).toBe(`AppInstanceUser ${AppInstanceUserArn} does not exist.`);
    const again = await rejection(client.send(new DeleteAppInstanceUserCommand({ AppInstanceUserArn })));
    expect(again).toBeInstanceOf(NotFoundException);
  });

  it('ListAppInstanceUsers pages with MaxResults and NextToken (query names max-results, next-token), in creation order', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    const ids = ['a1', 'b2', 'c3', 'd4', 'e5'];
    for (const id of ids) {
      await client.send(
        new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: id, Name: `N ${id}` }),
      );
    }
    const pages: string[][] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(
        new ListAppInstanceUsersCommand({ AppInstanceArn, MaxResults: 2, NextToken }),
      );
      expect(page.AppInstanceArn).toBe(AppInstanceArn);
      pages.push((page.AppInstanceUsers ?? []).map((u) => u.AppInstanceUserArn!.split('/user/')[1]!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(pages).toEqual([['a1', 'b2'], ['c3', 'd4'], ['e5']]);
  });

  it('ListAppInstanceUsers pages stay correct when users are deleted between pages, and the SDK paginator walks them', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    for (const id of ['a1', 'b2', 'c3', 'd4']) {
      await client.send(
        new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: id, Name: id }),
      );
    }
    const first = await client.send(new ListAppInstanceUsersCommand({ AppInstanceArn, MaxResults: 2 }));
    await client.send(new DeleteAppInstanceUserCommand({ AppInstanceUserArn: `${AppInstanceArn}/user/b2` }));
    const second = await client.send(
      new ListAppInstanceUsersCommand({ AppInstanceArn, MaxResults: 2, NextToken: first.NextToken }),
    );
    expect(second.AppInstanceUsers?.map((u) => u.Name)).toEqual(['c3', 'd4']);
    expect(second.NextToken).toBeUndefined();

    const names: string[] = [];
    for await (const page of paginateListAppInstanceUsers({ client, pageSize: 1 }, { AppInstanceArn })) {
      names.push(...(page.AppInstanceUsers ?? []).map((u) => u.Name!));
    }
    expect(names).toEqual(['a1', 'c3', 'd4']);
  });

  it('ListAppInstanceUsers returns Name and Metadata in each summary and at most 50 users by default', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    await Promise.all(
      Array.from({ length: 51 }, (_, i) =>
        client.send(
          new CreateAppInstanceUserCommand({
            AppInstanceArn,
            AppInstanceUserId: `u${i}`,
            Name: 'n',
            Metadata: 'm',
          }),
        ),
      ),
    );
    const page = await client.send(new ListAppInstanceUsersCommand({ AppInstanceArn }));
    expect(page.AppInstanceUsers).toHaveLength(50);
    expect(page.AppInstanceUsers?.[0]).toEqual({
      AppInstanceUserArn: expect.any(String),
      Name: 'n',
      Metadata: 'm',
    });
    expect(page.NextToken).toEqual(expect.any(String));
  });

  it('ListAppInstanceUsers refuses a NextToken that is not its own', async () => {
    const client = identityClient(emulator);
    const first = emulator.createAppInstance();
    const second = emulator.createAppInstance();
    for (const id of ['a', 'b']) {
      await client.send(
        new CreateAppInstanceUserCommand({ AppInstanceArn: first, AppInstanceUserId: id, Name: id }),
      );
    }
    const page = await client.send(new ListAppInstanceUsersCommand({ AppInstanceArn: first, MaxResults: 1 }));
    for (const [AppInstanceArn, NextToken] of [
      [second, page.NextToken],
      [first, 'not-a-token'],
    ] as const) {
      const error = await rejection(
        client.send(new ListAppInstanceUsersCommand({ AppInstanceArn, NextToken })),
      );
      expect(error).toBeInstanceOf(BadRequestException);
      expect(error.message).toBe('The NextToken is not valid for this ListAppInstanceUsers request.');
    }
  });
});

describe('Emulator: users scoped to their app instance and region; a user in a missing app instance is an error', () => {
  it('the same AppInstanceUserId lives independently in two app instances', async () => {
    const client = identityClient(emulator);
    const first = emulator.createAppInstance();
    const second = emulator.createAppInstance();
    for (const AppInstanceArn of [first, second]) {
      await client.send(
        new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'same', Name: 'n' }),
      );
    }
    expect(emulator.users(first)).toHaveLength(1);
    expect(emulator.users(second)).toHaveLength(1);
    expect(emulator.users()).toHaveLength(2);
  });

  it('CreateAppInstanceUser in an app instance that does not exist is a BadRequestException', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:app-instance/00000000-0000-4000-8000-000000000000`;
    const error = await rejection(
      client.send(new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' })),
    );
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error).toMatchObject({
      Code: 'BadRequest',
      message: `AppInstance ${AppInstanceArn} does not exist.`,
    });
    expect(emulator.users()).toEqual([]);
  });

  it('an ARN that is not an app instance ARN is a BadRequestException', async () => {
    const client = identityClient(emulator);
    const error = await rejection(
      client.send(
        new CreateAppInstanceUserCommand({
          AppInstanceArn: 'arn:aws:s3:::bucket',
          AppInstanceUserId: 'u1',
          Name: 'n',
        }),
      ),
    );
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toBe('AppInstanceArn arn:aws:s3:::bucket is not an AppInstance ARN.');
  });

  it('a request signed for another region than the ARN is a BadRequestException naming both regions', async () => {
    const AppInstanceArn = emulator.createAppInstance({ region: 'eu-central-1' });
    const euClient = identityClient(emulator, 'eu-central-1');
    const { AppInstanceUserArn } = await euClient.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' }),
    );
    const usClient = identityClient(emulator, 'us-east-1');
    const create = await rejection(
      usClient.send(new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u2', Name: 'n' })),
    );
    expect(create).toBeInstanceOf(BadRequestException);
    expect(create.message).toBe(
      `AppInstanceArn ${AppInstanceArn} is in region eu-central-1, but the request was signed for region us-east-1.`,
    );
    for (const command of [
      new DescribeAppInstanceUserCommand({ AppInstanceUserArn }),
      new DeleteAppInstanceUserCommand({ AppInstanceUserArn }),
    ]) {
      const error = await rejection(usClient.send(command as DescribeAppInstanceUserCommand));
      expect(error).toBeInstanceOf(BadRequestException);
    }
    expect(await rejection(usClient.send(new DescribeAppInstanceCommand({ AppInstanceArn })))).toBeInstanceOf(
      BadRequestException,
    );
    expect(emulator.users(AppInstanceArn).map((u) => u.AppInstanceUserId)).toEqual(['u1']);
  });
});

describe("Emulator: the model's validation, in the service's message style", () => {
  const cases: { name: string; input: Record<string, unknown>; message: string }[] = [
    {
      name: 'AppInstanceUserId pattern (sensitive: no value in the message)',
      input: { AppInstanceUserId: 'has space' },
      message:
        "1 validation error detected: Value at 'appInstanceUserId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[A-Za-z0-9]([A-Za-z0-9\\:\\-\\_\\.\\@]{0,62}[A-Za-z0-9])?$",
    },
    {
      name: 'AppInstanceUserId length',
      input: { AppInstanceUserId: 'a'.repeat(65) },
      message:
        "2 validation errors detected: Value at 'appInstanceUserId' failed to satisfy constraint: Member must have length less than or equal to 64; Value at 'appInstanceUserId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[A-Za-z0-9]([A-Za-z0-9\\:\\-\\_\\.\\@]{0,62}[A-Za-z0-9])?$",
    },
    {
      name: 'Name only whitespace',
      input: { Name: '   ' },
      message:
        "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: \\S",
    },
    {
      name: 'Name length',
      input: { Name: 'x'.repeat(101) },
      message:
        "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 100",
    },
    {
      name: 'Metadata length',
      input: { Metadata: 'x'.repeat(1025) },
      message:
        "1 validation error detected: Value at 'metadata' failed to satisfy constraint: Member must have length less than or equal to 1024",
    },
    {
      name: 'ClientRequestToken length (not sensitive in this model: the value is quoted)',
      input: { ClientRequestToken: 'x' },
      message:
        "1 validation error detected: Value 'x' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 2",
    },
    {
      name: 'Tags count',
      input: { Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) },
      message:
        "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    },
    {
      name: 'Tag key length, with the list path',
      input: {
        Tags: [
          { Key: 'ok', Value: 'v' },
          { Key: 'k'.repeat(129), Value: 'v' },
        ],
      },
      message:
        "1 validation error detected: Value at 'tags.2.member.key' failed to satisfy constraint: Member must have length less than or equal to 128",
    },
    {
      name: 'ExpirationSettings range and enum',
      input: { ExpirationSettings: { ExpirationDays: 0, ExpirationCriterion: 'LAST_SEEN' } },
      message:
        "2 validation errors detected: Value '0' at 'expirationSettings.expirationDays' failed to satisfy constraint: Member must have value greater than or equal to 1; Value 'LAST_SEEN' at 'expirationSettings.expirationCriterion' failed to satisfy constraint: Member must satisfy enum value set: [CREATED_TIMESTAMP]",
    },
  ];

  for (const { name, input, message } of cases) {
    it(`${name}: BadRequestException (400) before anything is stored`, async () => {
      const client = identityClient(emulator);
      const AppInstanceArn = emulator.createAppInstance();
      const error = await rejection(
        client.send(
          new CreateAppInstanceUserCommand({
            AppInstanceArn,
            AppInstanceUserId: 'u1',
            Name: 'n',
            ...input,
          } as never),
        ),
      );
      expect(error).toBeInstanceOf(BadRequestException);
      expect(error).toMatchObject({ message, Code: 'BadRequest', $metadata: { httpStatusCode: 400 } });
      expect(emulator.users()).toEqual([]);
    });
  }

  it('a non-sensitive value is quoted: AppInstanceArn pattern', async () => {
    const client = identityClient(emulator);
    const error = await rejection(
      client.send(
        new CreateAppInstanceUserCommand({
          AppInstanceArn: 'not-an-arn',
          AppInstanceUserId: 'u1',
          Name: 'n',
        }),
      ),
    );
    expect(error.message).toBe(
      "1 validation error detected: Value 'not-an-arn' at 'appInstanceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:[a-z0-9-\\.]{1,63}:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[^/].{0,1023}$",
    );
  });

  it('ListAppInstanceUsers MaxResults must be 1-50', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    const error = await rejection(
      client.send(new ListAppInstanceUsersCommand({ AppInstanceArn, MaxResults: 51 })),
    );
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toBe(
      "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
  });
});

describe('Emulator: ConflictException for a second user with the same id', () => {
  it('a second CreateAppInstanceUser with the same id (another token) is a ConflictException (409)', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    await client.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'first' }),
    );
    const error = await rejection(
      client.send(
        new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'second' }),
      ),
    );
    expect(error).toBeInstanceOf(ConflictException);
    expect(error).toMatchObject({
      name: 'ConflictException',
      Code: 'Conflict',
      $fault: 'client',
      $metadata: { httpStatusCode: 409 },
      message: `An AppInstanceUser with this AppInstanceUserId already exists in AppInstance ${AppInstanceArn}.`,
    });
    expect(emulator.users(AppInstanceArn).map((u) => u.Name)).toEqual(['first']);
  });
});

describe('Emulator: idempotent replay for the same ClientRequestToken (assumed semantics)', () => {
  it('the same token and the same request return the same ARN and create one user', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    const input = { AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n', ClientRequestToken: 'token-1' };
    const first = await client.send(new CreateAppInstanceUserCommand(input));
    const second = await client.send(new CreateAppInstanceUserCommand(input));
    expect(second.$metadata.httpStatusCode).toBe(201);
    expect(second.AppInstanceUserArn).toBe(first.AppInstanceUserArn);
    expect(emulator.users()).toHaveLength(1);
  });

  it('the same token with a different request is a ConflictException', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    await client.send(
      new CreateAppInstanceUserCommand({
        AppInstanceArn,
        AppInstanceUserId: 'u1',
        Name: 'n',
        ClientRequestToken: 'token-1',
      }),
    );
    const error = await rejection(
      client.send(
        new CreateAppInstanceUserCommand({
          AppInstanceArn,
          AppInstanceUserId: 'u2',
          Name: 'n',
          ClientRequestToken: 'token-1',
        }),
      ),
    );
    expect(error).toBeInstanceOf(ConflictException);
    expect(error.message).toBe(
      'The ClientRequestToken was already used for a different CreateAppInstanceUser request.',
    );
    expect(emulator.users()).toHaveLength(1);
  });

  it('a replay after the user was deleted creates it again', async () => {
    const client = identityClient(emulator);
    const AppInstanceArn = emulator.createAppInstance();
    const input = { AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n', ClientRequestToken: 'token-1' };
    const { AppInstanceUserArn } = await client.send(new CreateAppInstanceUserCommand(input));
    await client.send(new DeleteAppInstanceUserCommand({ AppInstanceUserArn }));
    await client.send(new CreateAppInstanceUserCommand(input));
    expect(emulator.users()).toHaveLength(1);
  });

  it("an SDK retry after a timeout reuses the call's token, so the user is created once", async () => {
    // Attempt 1 is held by a delay fault past the client's timeout, then processed anyway, as a
    // slow service would; attempt 2 (same token) is the retry. Whichever the emulator serves
    // first creates the user, the other is a replay.
    const client = identityClient(emulator, 'us-east-1', {
      maxAttempts: 2,
      requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true },
    });
    const AppInstanceArn = emulator.createAppInstance();
    emulator.faults.inject({ kind: 'delay', delayMs: 400, operation: 'CreateAppInstanceUser' });
    const out = await client.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' }),
    );
    expect(out.$metadata.attempts).toBe(2);
    await expect
      .poll(() => emulator.requests().filter((r) => r.operation === 'CreateAppInstanceUser'))
      .toHaveLength(2);
    expect(
      emulator
        .requests()
        .filter((r) => r.operation === 'CreateAppInstanceUser')
        .map((r) => r.status),
    ).toEqual([201, 201]);
    expect(emulator.users()).toHaveLength(1);
  });

  it('CreateAppInstance is idempotent on its token too', async () => {
    const client = identityClient(emulator);
    const first = await client.send(
      new CreateAppInstanceCommand({ Name: 'a', ClientRequestToken: 'same-token' }),
    );
    const replay = await client.send(
      new CreateAppInstanceCommand({ Name: 'a', ClientRequestToken: 'same-token' }),
    );
    expect(replay.AppInstanceArn).toBe(first.AppInstanceArn);
    const error = await rejection(
      client.send(new CreateAppInstanceCommand({ Name: 'b', ClientRequestToken: 'same-token' })),
    );
    expect(error).toBeInstanceOf(ConflictException);
    expect(emulator.appInstances()).toHaveLength(1);
  });
});

describe('Emulator: accepts requests from the legacy client too (disableHostPrefix: true)', () => {
  it('legacy 3.699 CreateAppInstanceUser, signed for its configured region, creates the user', async () => {
    const AppInstanceArn = emulator.createAppInstance({ region: 'eu-central-1' });
    const legacy = legacyClient(emulator, 'eu-central-1');
    const out = await legacy.send(
      new LegacyCreateAppInstanceUserCommand({
        AppInstanceArn,
        AppInstanceUserId: 'u1',
        Name: 'n',
        Metadata: 'm',
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(201);
    expect(out.AppInstanceUserArn).toBe(`${AppInstanceArn}/user/u1`);
    expect(emulator.requests().at(-1)).toMatchObject({
      operation: 'CreateAppInstanceUser',
      region: 'eu-central-1',
      status: 201,
    });
    const described = await legacy.send(
      new LegacyDescribeAppInstanceUserCommand({ AppInstanceUserArn: out.AppInstanceUserArn }),
    );
    expect(described.AppInstanceUser).toMatchObject({ Name: 'n', Metadata: 'm' });
    expect(described.AppInstanceUser?.CreatedTimestamp).toBeInstanceOf(Date);
  });

  it('legacy ListAppInstanceUsers (same query names) and DeleteAppInstanceUser work on the same wire', async () => {
    const AppInstanceArn = emulator.createAppInstance();
    const legacy = legacyClient(emulator);
    for (const id of ['a', 'b', 'c']) {
      await legacy.send(
        new LegacyCreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: id, Name: id }),
      );
    }
    const first = await legacy.send(new LegacyListAppInstanceUsersCommand({ AppInstanceArn, MaxResults: 2 }));
    expect(first.AppInstanceUsers?.map((u) => u.Name)).toEqual(['a', 'b']);
    const second = await legacy.send(
      new LegacyListAppInstanceUsersCommand({ AppInstanceArn, MaxResults: 2, NextToken: first.NextToken }),
    );
    expect(second.AppInstanceUsers?.map((u) => u.Name)).toEqual(['c']);
    const deleted = await legacy.send(
      new LegacyDeleteAppInstanceUserCommand({ AppInstanceUserArn: `${AppInstanceArn}/user/a` }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(emulator.users(AppInstanceArn).map((u) => u.AppInstanceUserId)).toEqual(['b', 'c']);
  });

  it("legacy errors are built as the legacy package's own classes, with Code and message", async () => {
    const AppInstanceArn = emulator.createAppInstance();
    const legacy = legacyClient(emulator);
    await legacy.send(
      new LegacyCreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' }),
    );
    const conflict = await rejection(
      legacy.send(
        new LegacyCreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' }),
      ),
    );
    expect(conflict).toBeInstanceOf(LegacyConflictException);
    expect(conflict).toMatchObject({ Code: 'Conflict', $metadata: { httpStatusCode: 409 } });
    expect(conflict.message).toMatch(/already exists/);
    const missing = await rejection(
      legacy.send(
        new LegacyDescribeAppInstanceUserCommand({ AppInstanceUserArn: `${AppInstanceArn}/user/nobody` }),
      ),
    );
    expect(missing).toBeInstanceOf(LegacyNotFoundException);
  });

  it('the identity SDK sees unmodeled error types as its base exception, named after the type', async () => {
    emulator.faults.inject({
      kind: 'error',
      errorType: 'SomethingNewException',
      status: 400,
      message: 'new',
    });
    const error = await rejection(identityClient(emulator).send(new CreateAppInstanceCommand({ Name: 'x' })));
    expect(error).toBeInstanceOf(ChimeSDKIdentityServiceException);
    expect(error).toMatchObject({ name: 'SomethingNewException', message: 'new' });
  });
});
