import {
  BadRequestException,
  type ChimeSDKIdentityClient,
  ConflictException,
  CreateAppInstanceAdminCommand,
  CreateAppInstanceCommand,
  CreateAppInstanceUserCommand,
  DeleteAppInstanceAdminCommand,
  DeleteAppInstanceCommand,
  DeleteAppInstanceUserCommand,
  DescribeAppInstanceAdminCommand,
  DescribeAppInstanceCommand,
  DescribeAppInstanceUserCommand,
  GetAppInstanceRetentionSettingsCommand,
  ListAppInstanceAdminsCommand,
  ListAppInstancesCommand,
  ListAppInstanceUsersCommand,
  ListTagsForResourceCommand,
  NotFoundException,
  PutAppInstanceRetentionSettingsCommand,
  paginateListAppInstanceAdmins,
  paginateListAppInstances,
  ResourceLimitExceededException,
  type Tag,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAppInstanceCommand,
  UpdateAppInstanceUserCommand,
} from '@aws-sdk/client-chime-sdk-identity';
import {
  BadRequestException as LegacyBadRequestException,
  CreateAppInstanceAdminCommand as LegacyCreateAppInstanceAdminCommand,
  DeleteAppInstanceCommand as LegacyDeleteAppInstanceCommand,
  DescribeAppInstanceAdminCommand as LegacyDescribeAppInstanceAdminCommand,
  GetAppInstanceRetentionSettingsCommand as LegacyGetAppInstanceRetentionSettingsCommand,
  ListAppInstancesCommand as LegacyListAppInstancesCommand,
  UpdateAppInstanceCommand as LegacyUpdateAppInstanceCommand,
} from 'legacy-chime';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/emulator/generated/identity.js';
import { EMULATOR_ACCOUNT_ID } from '../../src/emulator/index.js';
import { useEmulator } from '../support/emulator.js';
import { identityClient, legacyClient, rejection } from './helpers.js';

/**
 * The Chime SDK Identity namespace of the emulator, driven over HTTP with SigV4 by the real
 * `@aws-sdk/client-chime-sdk-identity` client (contract, section "Emulator").
 */

const emulator = useEmulator();

/** An app instance ARN of the right shape that was never created. */
const missingAppInstanceArn = (region = 'us-east-1') =>
  `arn:aws:chime:${region}:${EMULATOR_ACCOUNT_ID}:app-instance/00000000-0000-4000-8000-000000000000`;

/**
 * The wall-clock window (epoch ms) around a call: the emulator stamps what the call does inside it.
 * The clock is real: faking `Date` would not reach node's `Date` response header, from which the
 * SDK corrects its clock skew, and requests would then be signed outside the 15-minute window.
 */
interface Window {
  readonly from: number;
  readonly to: number;
}

async function during<T>(call: () => Promise<T>): Promise<[T, Window]> {
  // A millisecond apart from anything before, so that "moved" timestamps really differ.
  await new Promise((resolve) => setTimeout(resolve, 2));
  const from = Date.now();
  const result = await call();
  return [result, { from, to: Date.now() }];
}

function expectWithin(date: Date | undefined, window: Window): void {
  expect(date).toBeInstanceOf(Date);
  expect(date!.getTime()).toBeGreaterThanOrEqual(window.from);
  expect(date!.getTime()).toBeLessThanOrEqual(window.to);
}

async function createAppInstance(
  client: ChimeSDKIdentityClient,
  input: { Name?: string; Metadata?: string; Tags?: Tag[]; ClientRequestToken?: string } = {},
): Promise<string> {
  const out = await client.send(new CreateAppInstanceCommand({ Name: 'chat', ...input }));
  return out.AppInstanceArn!;
}

async function createUser(
  client: ChimeSDKIdentityClient,
  AppInstanceArn: string,
  AppInstanceUserId: string,
  input: { Name?: string; Metadata?: string; Tags?: Tag[] } = {},
): Promise<string> {
  const out = await client.send(
    new CreateAppInstanceUserCommand({
      AppInstanceArn,
      AppInstanceUserId,
      Name: AppInstanceUserId,
      ...input,
    }),
  );
  return out.AppInstanceUserArn!;
}

/** A user of the app instance, promoted to admin; returns the user's ARN. */
async function createAdmin(
  client: ChimeSDKIdentityClient,
  AppInstanceArn: string,
  id: string,
): Promise<string> {
  const AppInstanceAdminArn = await createUser(client, AppInstanceArn, id);
  await client.send(new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }));
  return AppInstanceAdminArn;
}

const tags = (count: number, prefix = 'k'): Tag[] =>
  Array.from({ length: count }, (_, i) => ({ Key: `${prefix}${i}`, Value: `v${i}` }));

describe('Emulator: one endpoint serves every identity operation the shim serves', () => {
  it('each operation of the identity model table answers 2xx over HTTP with SigV4 through the real client', async () => {
    const client = identityClient(emulator.current);
    const AppInstanceArn = await createAppInstance(client, { Tags: [{ Key: 'team', Value: 'core' }] });
    await client.send(new DescribeAppInstanceCommand({ AppInstanceArn }));
    await client.send(new ListAppInstancesCommand({}));
    await client.send(new UpdateAppInstanceCommand({ AppInstanceArn, Name: 'chat 2', Metadata: 'm' }));
    const AppInstanceUserArn = await createUser(client, AppInstanceArn, 'u1');
    await client.send(new DescribeAppInstanceUserCommand({ AppInstanceUserArn }));
    await client.send(new ListAppInstanceUsersCommand({ AppInstanceArn }));
    await client.send(new UpdateAppInstanceUserCommand({ AppInstanceUserArn, Name: 'Ada', Metadata: 'm' }));
    const admin = { AppInstanceArn, AppInstanceAdminArn: AppInstanceUserArn };
    await client.send(new CreateAppInstanceAdminCommand(admin));
    await client.send(new DescribeAppInstanceAdminCommand(admin));
    await client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn }));
    await client.send(new DeleteAppInstanceAdminCommand(admin));
    await client.send(
      new PutAppInstanceRetentionSettingsCommand({
        AppInstanceArn,
        AppInstanceRetentionSettings: { ChannelRetentionSettings: { RetentionDays: 30 } },
      }),
    );
    await client.send(new GetAppInstanceRetentionSettingsCommand({ AppInstanceArn }));
    await client.send(new TagResourceCommand({ ResourceARN: AppInstanceArn, Tags: tags(1) }));
    await client.send(new UntagResourceCommand({ ResourceARN: AppInstanceArn, TagKeys: ['k0'] }));
    await client.send(new ListTagsForResourceCommand({ ResourceARN: AppInstanceArn }));
    await client.send(new DeleteAppInstanceUserCommand({ AppInstanceUserArn }));
    await client.send(new DeleteAppInstanceCommand({ AppInstanceArn }));

    const log = emulator.current.requests();
    expect(
      log.every((entry) => entry.status >= 200 && entry.status < 300 && entry.region === 'us-east-1'),
    ).toBe(true);
    const served = [...new Set(log.map((entry) => entry.operation))].sort();
    expect(served).toEqual(OPERATIONS.map((operation) => operation.name).sort());
  });

  it('answers each operation with its modeled success status (201 creates, 204 deletes and tag writes, 200 otherwise)', async () => {
    const client = identityClient(emulator.current);
    const AppInstanceArn = await createAppInstance(client);
    const AppInstanceAdminArn = await createUser(client, AppInstanceArn, 'u1');
    const admin = { AppInstanceArn, AppInstanceAdminArn };
    const created = await client.send(new CreateAppInstanceAdminCommand(admin));
    const updated = await client.send(
      new UpdateAppInstanceCommand({ AppInstanceArn, Name: 'n', Metadata: '' }),
    );
    const put = await client.send(
      new PutAppInstanceRetentionSettingsCommand({ AppInstanceArn, AppInstanceRetentionSettings: {} }),
    );
    const demoted = await client.send(new DeleteAppInstanceAdminCommand(admin));
    const deleted = await client.send(new DeleteAppInstanceCommand({ AppInstanceArn }));
    expect([created, updated, put, demoted, deleted].map((out) => out.$metadata.httpStatusCode)).toEqual([
      201, 200, 200, 204, 204,
    ]);
  });
});

describe('Emulator: accepts requests from the legacy client too (disableHostPrefix: true)', () => {
  it('the legacy 3.699 client reaches the same app instances, admins and retention settings as the identity client', async () => {
    const identity = identityClient(emulator.current);
    const legacy = legacyClient(emulator.current);
    const AppInstanceArn = await createAppInstance(identity, { Name: 'chat' });
    const AppInstanceAdminArn = await createUser(identity, AppInstanceArn, 'u1', { Name: 'Ada' });
    await identity.send(
      new PutAppInstanceRetentionSettingsCommand({
        AppInstanceArn,
        AppInstanceRetentionSettings: { ChannelRetentionSettings: { RetentionDays: 90 } },
      }),
    );

    const listed = await legacy.send(new LegacyListAppInstancesCommand({}));
    expect(listed.AppInstances).toEqual([{ AppInstanceArn, Name: 'chat' }]);
    const promoted = await legacy.send(
      new LegacyCreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }),
    );
    expect(promoted.AppInstanceAdmin).toEqual({ Arn: AppInstanceAdminArn, Name: 'Ada' });
    const described = await identity.send(
      new DescribeAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }),
    );
    expect(described.AppInstanceAdmin?.Admin?.Arn).toBe(AppInstanceAdminArn);
    const legacyDescribed = await legacy.send(
      new LegacyDescribeAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }),
    );
    expect(legacyDescribed.AppInstanceAdmin?.CreatedTimestamp).toEqual(
      described.AppInstanceAdmin?.CreatedTimestamp,
    );
    const retention = await legacy.send(new LegacyGetAppInstanceRetentionSettingsCommand({ AppInstanceArn }));
    expect(retention.AppInstanceRetentionSettings).toEqual({
      ChannelRetentionSettings: { RetentionDays: 90 },
    });

    // The legacy model's optional Metadata is required by the namespace the emulator serves.
    const update = await rejection(
      legacy.send(new LegacyUpdateAppInstanceCommand({ AppInstanceArn, Name: 'x' })),
    );
    expect(update).toBeInstanceOf(LegacyBadRequestException);

    const deleted = await legacy.send(new LegacyDeleteAppInstanceCommand({ AppInstanceArn }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect((await identity.send(new ListAppInstancesCommand({}))).AppInstances).toEqual([]);
  });
});

describe('Emulator: create, describe, list (paginated), update and delete agree with each other', () => {
  describe('app instances', () => {
    it('an update shows in DescribeAppInstance and ListAppInstances, with LastUpdatedTimestamp moved and CreatedTimestamp kept', async () => {
      const client = identityClient(emulator.current);
      const [AppInstanceArn, creating] = await during(() =>
        createAppInstance(client, { Name: 'chat', Metadata: '{"v":1}' }),
      );
      const before = await client.send(new DescribeAppInstanceCommand({ AppInstanceArn }));
      expect(before.AppInstance).toMatchObject({ AppInstanceArn, Name: 'chat', Metadata: '{"v":1}' });
      expectWithin(before.AppInstance?.CreatedTimestamp, creating);
      expect(before.AppInstance?.LastUpdatedTimestamp).toEqual(before.AppInstance?.CreatedTimestamp);

      const [out, updating] = await during(() =>
        client.send(
          new UpdateAppInstanceCommand({ AppInstanceArn, Name: 'chat renamed', Metadata: '{"v":2}' }),
        ),
      );
      expect(out.AppInstanceArn).toBe(AppInstanceArn);
      const after = await client.send(new DescribeAppInstanceCommand({ AppInstanceArn }));
      expect(after.AppInstance).toEqual({
        AppInstanceArn,
        Name: 'chat renamed',
        Metadata: '{"v":2}',
        CreatedTimestamp: before.AppInstance?.CreatedTimestamp,
        LastUpdatedTimestamp: expect.any(Date),
      });
      expectWithin(after.AppInstance?.LastUpdatedTimestamp, updating);
      const listed = await client.send(new ListAppInstancesCommand({}));
      expect(listed.AppInstances).toEqual([{ AppInstanceArn, Name: 'chat renamed', Metadata: '{"v":2}' }]);
    });

    it('UpdateAppInstance without Metadata (required by the new model) is refused and changes nothing', async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client, { Name: 'chat', Metadata: 'keep' });
      const error = await rejection(
        client.send(
          new UpdateAppInstanceCommand({ AppInstanceArn, Name: 'other' } as {
            AppInstanceArn: string;
            Name: string;
            Metadata: string;
          }),
        ),
      );
      expect(error).toBeInstanceOf(BadRequestException);
      expect(error.message).toBe(
        "1 validation error detected: Value null at 'metadata' failed to satisfy constraint: Member must not be null",
      );
      const { AppInstance } = await client.send(new DescribeAppInstanceCommand({ AppInstanceArn }));
      expect(AppInstance).toMatchObject({ Name: 'chat', Metadata: 'keep' });
    });

    it('DeleteAppInstance answers 204 and takes its users, admins and tags with it', async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client, { Tags: [{ Key: 'team', Value: 'core' }] });
      const AppInstanceUserArn = await createUser(client, AppInstanceArn, 'u1', {
        Tags: [{ Key: 'role', Value: 'agent' }],
      });
      await client.send(
        new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn: AppInstanceUserArn }),
      );

      const out = await client.send(new DeleteAppInstanceCommand({ AppInstanceArn }));
      expect(out.$metadata.httpStatusCode).toBe(204);
      expect(emulator.current.appInstances()).toEqual([]);
      expect(emulator.current.users()).toEqual([]);
      for (const call of [
        () => client.send(new DescribeAppInstanceCommand({ AppInstanceArn })),
        () => client.send(new DescribeAppInstanceUserCommand({ AppInstanceUserArn })),
        () =>
          client.send(
            new DescribeAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn: AppInstanceUserArn }),
          ),
        () => client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn })),
        () => client.send(new DeleteAppInstanceCommand({ AppInstanceArn })),
      ]) {
        expect(await rejection(call())).toBeInstanceOf(NotFoundException);
      }
      // ListTagsForResource's model has no NotFoundException: a deleted resource is its BadRequest.
      for (const ResourceARN of [AppInstanceArn, AppInstanceUserArn]) {
        const error = await rejection(client.send(new ListTagsForResourceCommand({ ResourceARN })));
        expect(error).toBeInstanceOf(BadRequestException);
        expect(error.message).toBe(`The resource ${ResourceARN} does not exist.`);
      }
      const listed = await client.send(new ListAppInstancesCommand({}));
      expect(listed.AppInstances).toEqual([]);
    });

    it('a deleted app instance frees its ClientRequestToken: the same create makes a new app instance', async () => {
      const client = identityClient(emulator.current);
      const first = await createAppInstance(client, { ClientRequestToken: 'token-1' });
      expect(await createAppInstance(client, { ClientRequestToken: 'token-1' })).toBe(first);
      await client.send(new DeleteAppInstanceCommand({ AppInstanceArn: first }));
      const second = await createAppInstance(client, { ClientRequestToken: 'token-1' });
      expect(second).not.toBe(first);
      const { AppInstance } = await client.send(new DescribeAppInstanceCommand({ AppInstanceArn: second }));
      expect(AppInstance?.AppInstanceArn).toBe(second);
    });

    it('ListAppInstances pages in creation order with MaxResults and NextToken, and the SDK paginator walks them', async () => {
      const client = identityClient(emulator.current);
      const arns: string[] = [];
      for (const name of ['a', 'b', 'c', 'd', 'e'])
        arns.push(await createAppInstance(client, { Name: name }));

      const pages: string[][] = [];
      let NextToken: string | undefined;
      do {
        const page = await client.send(new ListAppInstancesCommand({ MaxResults: 2, NextToken }));
        pages.push((page.AppInstances ?? []).map((instance) => instance.Name!));
        NextToken = page.NextToken;
      } while (NextToken);
      expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);

      const walked: string[] = [];
      for await (const page of paginateListAppInstances({ client, pageSize: 3 }, {})) {
        walked.push(...(page.AppInstances ?? []).map((instance) => instance.AppInstanceArn!));
      }
      expect(walked).toEqual(arns);
    });

    it('ListAppInstances pages stay correct when app instances are deleted between pages', async () => {
      const client = identityClient(emulator.current);
      const arns: string[] = [];
      for (const name of ['a', 'b', 'c', 'd', 'e'])
        arns.push(await createAppInstance(client, { Name: name }));
      const first = await client.send(new ListAppInstancesCommand({ MaxResults: 2 }));
      expect(first.AppInstances?.map((instance) => instance.Name)).toEqual(['a', 'b']);
      // The last item returned and the next one both go: the next page neither repeats nor skips.
      await client.send(new DeleteAppInstanceCommand({ AppInstanceArn: arns[1]! }));
      await client.send(new DeleteAppInstanceCommand({ AppInstanceArn: arns[2]! }));
      const second = await client.send(
        new ListAppInstancesCommand({ MaxResults: 2, NextToken: first.NextToken }),
      );
      expect(second.AppInstances?.map((instance) => instance.Name)).toEqual(['d', 'e']);
      expect(second.NextToken).toBeUndefined();
    });

    it('ListAppInstances lists only the app instances of the region the request was signed for', async () => {
      const us = identityClient(emulator.current, 'us-east-1');
      const eu = identityClient(emulator.current, 'eu-central-1');
      const usArn = await createAppInstance(us, { Name: 'us' });
      const euArn = await createAppInstance(eu, { Name: 'eu' });
      expect((await us.send(new ListAppInstancesCommand({}))).AppInstances).toEqual([
        { AppInstanceArn: usArn, Name: 'us' },
      ]);
      expect((await eu.send(new ListAppInstancesCommand({}))).AppInstances).toEqual([
        { AppInstanceArn: euArn, Name: 'eu' },
      ]);
    });
  });

  describe('app instance users', () => {
    it('an update shows in DescribeAppInstanceUser and ListAppInstanceUsers; ExpirationSettings and CreatedTimestamp are kept', async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client);
      const [{ AppInstanceUserArn }, creating] = await during(() =>
        client.send(
          new CreateAppInstanceUserCommand({
            AppInstanceArn,
            AppInstanceUserId: 'u1',
            Name: 'Ada',
            Metadata: 'old',
            ExpirationSettings: { ExpirationDays: 7, ExpirationCriterion: 'CREATED_TIMESTAMP' },
          }),
        ),
      );
      const [out, updating] = await during(() =>
        client.send(
          new UpdateAppInstanceUserCommand({ AppInstanceUserArn, Name: 'Ada Lovelace', Metadata: 'new' }),
        ),
      );
      expect(out.AppInstanceUserArn).toBe(AppInstanceUserArn);
      const { AppInstanceUser } = await client.send(
        new DescribeAppInstanceUserCommand({ AppInstanceUserArn }),
      );
      expect(AppInstanceUser).toEqual({
        AppInstanceUserArn,
        Name: 'Ada Lovelace',
        Metadata: 'new',
        CreatedTimestamp: expect.any(Date),
        LastUpdatedTimestamp: expect.any(Date),
        ExpirationSettings: { ExpirationDays: 7, ExpirationCriterion: 'CREATED_TIMESTAMP' },
      });
      expectWithin(AppInstanceUser?.CreatedTimestamp, creating);
      expectWithin(AppInstanceUser?.LastUpdatedTimestamp, updating);
      const listed = await client.send(new ListAppInstanceUsersCommand({ AppInstanceArn }));
      expect(listed.AppInstanceUsers).toEqual([
        { AppInstanceUserArn, Name: 'Ada Lovelace', Metadata: 'new' },
      ]);
    });

    it('UpdateAppInstanceUser of a deleted user is a NotFoundException and does not bring it back', async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client);
      const AppInstanceUserArn = await createUser(client, AppInstanceArn, 'u1');
      await client.send(new DeleteAppInstanceUserCommand({ AppInstanceUserArn }));
      const error = await rejection(
        client.send(new UpdateAppInstanceUserCommand({ AppInstanceUserArn, Name: 'x', Metadata: 'y' })),
      );
      expect(error).toBeInstanceOf(NotFoundException);
      expect(error.$metadata.httpStatusCode).toBe(404);
      expect(emulator.current.users(AppInstanceArn)).toEqual([]);
    });
  });

  describe('app instance admins', () => {
    it('CreateAppInstanceAdmin answers 201 with the admin, and DescribeAppInstanceAdmin returns it with its CreatedTimestamp', async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client);
      const AppInstanceAdminArn = await createUser(client, AppInstanceArn, 'u1', { Name: 'Ada' });
      const [out, promoting] = await during(() =>
        client.send(new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn })),
      );
      expect(out.$metadata.httpStatusCode).toBe(201);
      expect(out.AppInstanceArn).toBe(AppInstanceArn);
      expect(out.AppInstanceAdmin).toEqual({ Arn: AppInstanceAdminArn, Name: 'Ada' });

      const described = await client.send(
        new DescribeAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }),
      );
      expect(described.AppInstanceAdmin).toEqual({
        Admin: { Arn: AppInstanceAdminArn, Name: 'Ada' },
        AppInstanceArn,
        CreatedTimestamp: expect.any(Date),
      });
      expectWithin(described.AppInstanceAdmin?.CreatedTimestamp, promoting);
    });

    it("an admin's Name is its user's current name", async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client);
      const AppInstanceAdminArn = await createAdmin(client, AppInstanceArn, 'u1');
      await client.send(
        new UpdateAppInstanceUserCommand({
          AppInstanceUserArn: AppInstanceAdminArn,
          Name: 'Renamed',
          Metadata: '',
        }),
      );
      const described = await client.send(
        new DescribeAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }),
      );
      expect(described.AppInstanceAdmin?.Admin).toEqual({ Arn: AppInstanceAdminArn, Name: 'Renamed' });
      const listed = await client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn }));
      expect(listed.AppInstanceAdmins).toEqual([{ Admin: { Arn: AppInstanceAdminArn, Name: 'Renamed' } }]);
    });

    it('ListAppInstanceAdmins pages in promotion order with MaxResults and NextToken, and the SDK paginator walks them', async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client);
      // Users created in one order, promoted in another: admins list in promotion order.
      const users = new Map<string, string>();
      for (const id of ['a1', 'b2', 'c3', 'd4', 'e5'])
        users.set(id, await createUser(client, AppInstanceArn, id));
      for (const id of ['e5', 'a1', 'd4', 'b2', 'c3']) {
        await client.send(
          new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn: users.get(id)! }),
        );
      }
      const pages: string[][] = [];
      let NextToken: string | undefined;
      do {
        const page = await client.send(
          new ListAppInstanceAdminsCommand({ AppInstanceArn, MaxResults: 2, NextToken }),
        );
        expect(page.AppInstanceArn).toBe(AppInstanceArn);
        pages.push((page.AppInstanceAdmins ?? []).map((admin) => admin.Admin!.Name!));
        NextToken = page.NextToken;
      } while (NextToken);
      expect(pages).toEqual([['e5', 'a1'], ['d4', 'b2'], ['c3']]);

      const walked: string[] = [];
      for await (const page of paginateListAppInstanceAdmins({ client, pageSize: 4 }, { AppInstanceArn })) {
        walked.push(...(page.AppInstanceAdmins ?? []).map((admin) => admin.Admin!.Arn!));
      }
      expect(walked).toEqual(['e5', 'a1', 'd4', 'b2', 'c3'].map((id) => users.get(id)));
    });

    it('ListAppInstanceAdmins pages stay correct when admins are demoted between pages', async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client);
      const admins: string[] = [];
      for (const id of ['a1', 'b2', 'c3', 'd4']) admins.push(await createAdmin(client, AppInstanceArn, id));
      const first = await client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn, MaxResults: 2 }));
      expect(first.AppInstanceAdmins?.map((admin) => admin.Admin?.Name)).toEqual(['a1', 'b2']);
      await client.send(
        new DeleteAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn: admins[1]! }),
      );
      await client.send(
        new DeleteAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn: admins[2]! }),
      );
      const second = await client.send(
        new ListAppInstanceAdminsCommand({ AppInstanceArn, MaxResults: 2, NextToken: first.NextToken }),
      );
      expect(second.AppInstanceAdmins?.map((admin) => admin.Admin?.Name)).toEqual(['d4']);
      expect(second.NextToken).toBeUndefined();
    });

    it('DeleteAppInstanceAdmin answers 204 and demotes without deleting the user; the user can be promoted again', async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client);
      const AppInstanceAdminArn = await createAdmin(client, AppInstanceArn, 'u1');
      const out = await client.send(
        new DeleteAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }),
      );
      expect(out.$metadata.httpStatusCode).toBe(204);

      const listed = await client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn }));
      expect(listed.AppInstanceAdmins).toEqual([]);
      const { AppInstanceUser } = await client.send(
        new DescribeAppInstanceUserCommand({ AppInstanceUserArn: AppInstanceAdminArn }),
      );
      expect(AppInstanceUser?.AppInstanceUserArn).toBe(AppInstanceAdminArn);
      const described = await rejection(
        client.send(new DescribeAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn })),
      );
      expect(described).toBeInstanceOf(BadRequestException);

      await client.send(new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }));
      const again = await client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn }));
      expect(again.AppInstanceAdmins?.map((admin) => admin.Admin?.Arn)).toEqual([AppInstanceAdminArn]);
    });

    it('deleting a user ends its admin role; a user created again with the same id is not an admin', async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client);
      const AppInstanceAdminArn = await createAdmin(client, AppInstanceArn, 'u1');
      await client.send(new DeleteAppInstanceUserCommand({ AppInstanceUserArn: AppInstanceAdminArn }));
      expect(
        (await client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn }))).AppInstanceAdmins,
      ).toEqual([]);
      await createUser(client, AppInstanceArn, 'u1');
      const error = await rejection(
        client.send(new DescribeAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn })),
      );
      expect(error).toBeInstanceOf(BadRequestException);
    });
  });

  describe('NextToken and MaxResults', () => {
    it('a NextToken of another list is refused: users vs admins of one app instance, another app instance, another region', async () => {
      const us = identityClient(emulator.current, 'us-east-1');
      const eu = identityClient(emulator.current, 'eu-central-1');
      const AppInstanceArn = await createAppInstance(us);
      const other = await createAppInstance(us);
      for (const id of ['a1', 'b2', 'c3']) await createAdmin(us, AppInstanceArn, id);
      for (const id of ['a1', 'b2', 'c3']) await createAdmin(us, other, id);
      await createAppInstance(us);
      for (const name of ['x', 'y']) await createAppInstance(eu, { Name: name });

      const usersToken = (await us.send(new ListAppInstanceUsersCommand({ AppInstanceArn, MaxResults: 1 })))
        .NextToken;
      const adminsToken = (await us.send(new ListAppInstanceAdminsCommand({ AppInstanceArn, MaxResults: 1 })))
        .NextToken;
      const appInstancesToken = (await us.send(new ListAppInstancesCommand({ MaxResults: 1 }))).NextToken;
      expect([usersToken, adminsToken, appInstancesToken]).toEqual([
        expect.any(String),
        expect.any(String),
        expect.any(String),
      ]);

      const refused = [
        [
          'ListAppInstanceAdmins',
          () => us.send(new ListAppInstanceAdminsCommand({ AppInstanceArn, NextToken: usersToken })),
        ],
        [
          'ListAppInstanceUsers',
          () => us.send(new ListAppInstanceUsersCommand({ AppInstanceArn, NextToken: adminsToken })),
        ],
        [
          'ListAppInstanceAdmins',
          () => us.send(new ListAppInstanceAdminsCommand({ AppInstanceArn: other, NextToken: adminsToken })),
        ],
        ['ListAppInstances', () => eu.send(new ListAppInstancesCommand({ NextToken: appInstancesToken }))],
        ['ListAppInstances', () => us.send(new ListAppInstancesCommand({ NextToken: usersToken }))],
        ['ListAppInstances', () => us.send(new ListAppInstancesCommand({ NextToken: 'not-a-token' }))],
      ] as const;
      for (const [operation, call] of refused) {
        const error = await rejection(call());
        expect(error).toBeInstanceOf(BadRequestException);
        expect(error.message).toBe(`The NextToken is not valid for this ${operation} request.`);
      }
    });

    it.each([0, 51])(
      'MaxResults %i is outside the model range 1-50 and refused by every list',
      async (MaxResults) => {
        const client = identityClient(emulator.current);
        const AppInstanceArn = await createAppInstance(client);
        for (const call of [
          () => client.send(new ListAppInstancesCommand({ MaxResults })),
          () => client.send(new ListAppInstanceUsersCommand({ AppInstanceArn, MaxResults })),
          () => client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn, MaxResults })),
        ]) {
          const error = await rejection(call());
          expect(error).toBeInstanceOf(BadRequestException);
          expect(error.message).toMatch(
            new RegExp(
              `^1 validation error detected: Value '${MaxResults}' at 'maxResults' failed to satisfy constraint: Member must have value (less|greater) than or equal to (50|1)$`,
            ),
          );
        }
      },
    );

    it('without MaxResults a list returns 50 items and a NextToken for the rest', async () => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client);
      for (let i = 0; i < 51; i++) await createAdmin(client, AppInstanceArn, `u${i}`);
      const first = await client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn }));
      expect(first.AppInstanceAdmins).toHaveLength(50);
      const rest = await client.send(
        new ListAppInstanceAdminsCommand({ AppInstanceArn, NextToken: first.NextToken }),
      );
      expect(rest.AppInstanceAdmins?.map((admin) => admin.Admin?.Name)).toEqual(['u50']);
      expect(rest.NextToken).toBeUndefined();
    });
  });
});

describe('Emulator: put and get agree (app instance retention settings)', () => {
  it('GetAppInstanceRetentionSettings before any put answers empty settings and no InitiateDeletionTimestamp', async () => {
    const client = identityClient(emulator.current);
    const AppInstanceArn = await createAppInstance(client);
    const out = await client.send(new GetAppInstanceRetentionSettingsCommand({ AppInstanceArn }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.AppInstanceRetentionSettings).toEqual({});
    expect(out.InitiateDeletionTimestamp).toBeUndefined();
  });

  it('PutAppInstanceRetentionSettings answers the settings and when they were put; Get returns the last ones put', async () => {
    const client = identityClient(emulator.current);
    const AppInstanceArn = await createAppInstance(client);
    const [put, putting] = await during(() =>
      client.send(
        new PutAppInstanceRetentionSettingsCommand({
          AppInstanceArn,
          AppInstanceRetentionSettings: { ChannelRetentionSettings: { RetentionDays: 60 } },
        }),
      ),
    );
    expect(put.AppInstanceRetentionSettings).toEqual({ ChannelRetentionSettings: { RetentionDays: 60 } });
    expectWithin(put.InitiateDeletionTimestamp, putting);
    const got = await client.send(new GetAppInstanceRetentionSettingsCommand({ AppInstanceArn }));
    expect(got.AppInstanceRetentionSettings).toEqual({ ChannelRetentionSettings: { RetentionDays: 60 } });
    expect(got.InitiateDeletionTimestamp).toEqual(put.InitiateDeletionTimestamp);

    const [, replacing] = await during(() =>
      client.send(
        new PutAppInstanceRetentionSettingsCommand({
          AppInstanceArn,
          AppInstanceRetentionSettings: { ChannelRetentionSettings: { RetentionDays: 5475 } },
        }),
      ),
    );
    const replaced = await client.send(new GetAppInstanceRetentionSettingsCommand({ AppInstanceArn }));
    expect(replaced.AppInstanceRetentionSettings).toEqual({
      ChannelRetentionSettings: { RetentionDays: 5475 },
    });
    expectWithin(replaced.InitiateDeletionTimestamp, replacing);
  });

  it('retention settings are per app instance', async () => {
    const client = identityClient(emulator.current);
    const first = await createAppInstance(client);
    const second = await createAppInstance(client);
    await client.send(
      new PutAppInstanceRetentionSettingsCommand({
        AppInstanceArn: first,
        AppInstanceRetentionSettings: { ChannelRetentionSettings: { RetentionDays: 1 } },
      }),
    );
    const other = await client.send(new GetAppInstanceRetentionSettingsCommand({ AppInstanceArn: second }));
    expect(other.AppInstanceRetentionSettings).toEqual({});
  });

  it.each([0, 5476])(
    'RetentionDays %i is outside the model range 1-5475 and refused; the settings stay',
    async (RetentionDays) => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client);
      const error = await rejection(
        client.send(
          new PutAppInstanceRetentionSettingsCommand({
            AppInstanceArn,
            AppInstanceRetentionSettings: { ChannelRetentionSettings: { RetentionDays } },
          }),
        ),
      );
      expect(error).toBeInstanceOf(BadRequestException);
      expect(error.message).toContain(
        `Value '${RetentionDays}' at 'appInstanceRetentionSettings.channelRetentionSettings.retentionDays'`,
      );
      const got = await client.send(new GetAppInstanceRetentionSettingsCommand({ AppInstanceArn }));
      expect(got.AppInstanceRetentionSettings).toEqual({});
    },
  );
});

describe('Emulator: tags on identity resources (TagResource, UntagResource, ListTagsForResource)', () => {
  it('tags given at create are visible through ListTagsForResource, per resource', async () => {
    const client = identityClient(emulator.current);
    const AppInstanceArn = await createAppInstance(client, { Tags: [{ Key: 'team', Value: 'core' }] });
    const AppInstanceUserArn = await createUser(client, AppInstanceArn, 'u1', {
      Tags: [
        { Key: 'role', Value: 'agent' },
        { Key: 'tier', Value: 'gold' },
      ],
    });
    const bare = await createUser(client, AppInstanceArn, 'u2');
    expect((await client.send(new ListTagsForResourceCommand({ ResourceARN: AppInstanceArn }))).Tags).toEqual(
      [{ Key: 'team', Value: 'core' }],
    );
    expect(
      (await client.send(new ListTagsForResourceCommand({ ResourceARN: AppInstanceUserArn }))).Tags,
    ).toEqual([
      { Key: 'role', Value: 'agent' },
      { Key: 'tier', Value: 'gold' },
    ]);
    expect((await client.send(new ListTagsForResourceCommand({ ResourceARN: bare }))).Tags).toEqual([]);
  });

  it.each(['app instance', 'user'] as const)(
    'TagResource adds and overwrites, UntagResource removes, on an %s',
    async (kind) => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = await createAppInstance(client, { Tags: [{ Key: 'team', Value: 'core' }] });
      const ResourceARN =
        kind === 'app instance'
          ? AppInstanceArn
          : await createUser(client, AppInstanceArn, 'u1', { Tags: [{ Key: 'team', Value: 'core' }] });

      const tagged = await client.send(
        new TagResourceCommand({
          ResourceARN,
          Tags: [
            { Key: 'team', Value: 'platform' },
            { Key: 'env', Value: 'prod' },
          ],
        }),
      );
      expect(tagged.$metadata.httpStatusCode).toBe(204);
      expect((await client.send(new ListTagsForResourceCommand({ ResourceARN }))).Tags).toEqual([
        { Key: 'team', Value: 'platform' },
        { Key: 'env', Value: 'prod' },
      ]);

      // Removing a key that is not there is not an error.
      const untagged = await client.send(
        new UntagResourceCommand({ ResourceARN, TagKeys: ['team', 'absent'] }),
      );
      expect(untagged.$metadata.httpStatusCode).toBe(204);
      expect((await client.send(new ListTagsForResourceCommand({ ResourceARN }))).Tags).toEqual([
        { Key: 'env', Value: 'prod' },
      ]);
    },
  );

  it('more than 50 tags are refused: 51 in one request (the model), or 50 reached with the tags already there', async () => {
    const client = identityClient(emulator.current);
    const AppInstanceArn = await createAppInstance(client, { Tags: tags(45, 'old') });

    const tooMany = await rejection(
      client.send(new TagResourceCommand({ ResourceARN: AppInstanceArn, Tags: tags(51) })),
    );
    expect(tooMany).toBeInstanceOf(BadRequestException);
    expect(tooMany.message).toBe(
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
    const atCreate = await rejection(
      client.send(new CreateAppInstanceCommand({ Name: 'x', Tags: tags(51) })),
    );
    expect(atCreate).toBeInstanceOf(BadRequestException);

    const overLimit = await rejection(
      client.send(new TagResourceCommand({ ResourceARN: AppInstanceArn, Tags: tags(6, 'new') })),
    );
    expect(overLimit).toBeInstanceOf(ResourceLimitExceededException);
    expect(
      (await client.send(new ListTagsForResourceCommand({ ResourceARN: AppInstanceArn }))).Tags,
    ).toHaveLength(45);

    // Up to 50 is fine, and overwriting keys already there does not count twice.
    await client.send(new TagResourceCommand({ ResourceARN: AppInstanceArn, Tags: tags(5, 'new') }));
    await client.send(new TagResourceCommand({ ResourceARN: AppInstanceArn, Tags: tags(10, 'old') }));
    expect(
      (await client.send(new ListTagsForResourceCommand({ ResourceARN: AppInstanceArn }))).Tags,
    ).toHaveLength(50);
  });

  it('tags go with the resource: a user created again with the same id starts without them', async () => {
    const client = identityClient(emulator.current);
    const AppInstanceArn = await createAppInstance(client);
    const AppInstanceUserArn = await createUser(client, AppInstanceArn, 'u1', {
      Tags: [{ Key: 'a', Value: 'b' }],
    });
    await client.send(
      new TagResourceCommand({ ResourceARN: AppInstanceUserArn, Tags: [{ Key: 'c', Value: 'd' }] }),
    );
    await client.send(new DeleteAppInstanceUserCommand({ AppInstanceUserArn }));
    const gone = await rejection(
      client.send(new ListTagsForResourceCommand({ ResourceARN: AppInstanceUserArn })),
    );
    expect(gone).toBeInstanceOf(BadRequestException);

    expect(await createUser(client, AppInstanceArn, 'u1')).toBe(AppInstanceUserArn);
    expect(
      (await client.send(new ListTagsForResourceCommand({ ResourceARN: AppInstanceUserArn }))).Tags,
    ).toEqual([]);
  });

  it('tagging a resource that does not exist is the model’s BadRequestException and creates nothing', async () => {
    const client = identityClient(emulator.current);
    const ResourceARN = missingAppInstanceArn();
    for (const call of [
      () => client.send(new TagResourceCommand({ ResourceARN, Tags: tags(1) })),
      () => client.send(new UntagResourceCommand({ ResourceARN, TagKeys: ['k0'] })),
      () => client.send(new ListTagsForResourceCommand({ ResourceARN })),
    ]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(BadRequestException);
      expect(error.message).toBe(`The resource ${ResourceARN} does not exist.`);
    }
    expect(emulator.current.appInstances()).toEqual([]);
  });
});

describe('Emulator: NotFoundException and ConflictException where the model documents them', () => {
  it.each([
    ['DescribeAppInstance', (AppInstanceArn: string) => new DescribeAppInstanceCommand({ AppInstanceArn })],
    [
      'UpdateAppInstance',
      (AppInstanceArn: string) => new UpdateAppInstanceCommand({ AppInstanceArn, Name: 'n', Metadata: 'm' }),
    ],
    ['DeleteAppInstance', (AppInstanceArn: string) => new DeleteAppInstanceCommand({ AppInstanceArn })],
    [
      'ListAppInstanceAdmins',
      (AppInstanceArn: string) => new ListAppInstanceAdminsCommand({ AppInstanceArn }),
    ],
    [
      'CreateAppInstanceAdmin',
      (AppInstanceArn: string) =>
        new CreateAppInstanceAdminCommand({
          AppInstanceArn,
          AppInstanceAdminArn: `${AppInstanceArn}/user/u1`,
        }),
    ],
    [
      'DescribeAppInstanceAdmin',
      (AppInstanceArn: string) =>
        new DescribeAppInstanceAdminCommand({
          AppInstanceArn,
          AppInstanceAdminArn: `${AppInstanceArn}/user/u1`,
        }),
    ],
    [
      'DeleteAppInstanceAdmin',
      (AppInstanceArn: string) =>
        new DeleteAppInstanceAdminCommand({
          AppInstanceArn,
          AppInstanceAdminArn: `${AppInstanceArn}/user/u1`,
        }),
    ],
    [
      'PutAppInstanceRetentionSettings',
      (AppInstanceArn: string) =>
        new PutAppInstanceRetentionSettingsCommand({ AppInstanceArn, AppInstanceRetentionSettings: {} }),
    ],
    [
      'GetAppInstanceRetentionSettings',
      (AppInstanceArn: string) => new GetAppInstanceRetentionSettingsCommand({ AppInstanceArn }),
    ],
  ] as const)(
    '%s of an app instance the URI names that does not exist: NotFoundException (404)',
    async (_, command) => {
      const client = identityClient(emulator.current);
      const AppInstanceArn = missingAppInstanceArn();
      const error = await rejection(client.send(command(AppInstanceArn) as never));
      expect(error).toBeInstanceOf(NotFoundException);
      expect(error).toMatchObject({
        Code: 'NotFound',
        $fault: 'client',
        $metadata: { httpStatusCode: 404 },
        message: `AppInstance ${AppInstanceArn} does not exist.`,
      });
    },
  );

  it('CreateAppInstanceAdmin of a user who is already an admin is a ConflictException (409); the admin is unchanged', async () => {
    const client = identityClient(emulator.current);
    const AppInstanceArn = await createAppInstance(client);
    const AppInstanceAdminArn = await createAdmin(client, AppInstanceArn, 'u1');
    const before = await client.send(
      new DescribeAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }),
    );
    const [error] = await during(() =>
      rejection(client.send(new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }))),
    );
    expect(error).toBeInstanceOf(ConflictException);
    expect(error).toMatchObject({ Code: 'Conflict', $metadata: { httpStatusCode: 409 } });
    expect(error.message).toBe(
      `${AppInstanceAdminArn} is already an AppInstanceAdmin of AppInstance ${AppInstanceArn}.`,
    );
    const described = await client.send(
      new DescribeAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn }),
    );
    expect(described.AppInstanceAdmin?.CreatedTimestamp).toEqual(before.AppInstanceAdmin?.CreatedTimestamp);
    const listed = await client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn }));
    expect(listed.AppInstanceAdmins).toHaveLength(1);
  });

  it('CreateAppInstance reusing a ClientRequestToken for another request is a ConflictException', async () => {
    const client = identityClient(emulator.current);
    await createAppInstance(client, { Name: 'a', ClientRequestToken: 'token-1' });
    const error = await rejection(createAppInstance(client, { Name: 'b', ClientRequestToken: 'token-1' }));
    expect(error).toBeInstanceOf(ConflictException);
    expect((await client.send(new ListAppInstancesCommand({}))).AppInstances?.map((i) => i.Name)).toEqual([
      'a',
    ]);
  });

  it('CreateAppInstanceAdmin of a user that does not exist, or of another app instance, is the model’s BadRequestException', async () => {
    const client = identityClient(emulator.current);
    const AppInstanceArn = await createAppInstance(client);
    const other = await createAppInstance(client);
    // The same id in both app instances: only this app instance's user may be promoted here.
    await createUser(client, AppInstanceArn, 'u1');
    const stranger = await createUser(client, other, 'u1');
    for (const AppInstanceAdminArn of [`${AppInstanceArn}/user/u2`, stranger, `${AppInstanceArn}/bot/b1`]) {
      const error = await rejection(
        client.send(new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn })),
      );
      expect(error).toBeInstanceOf(BadRequestException);
      expect(error.message).toBe(
        `AppInstanceAdminArn ${AppInstanceAdminArn} is not an AppInstanceUser of AppInstance ${AppInstanceArn}.`,
      );
    }
    const notAMember = await rejection(
      client.send(new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn: AppInstanceArn })),
    );
    expect(notAMember).toBeInstanceOf(BadRequestException);
    expect(
      (await client.send(new ListAppInstanceAdminsCommand({ AppInstanceArn }))).AppInstanceAdmins,
    ).toEqual([]);
  });

  it('DescribeAppInstanceAdmin and DeleteAppInstanceAdmin of a user who is not an admin are the model’s BadRequestException', async () => {
    const client = identityClient(emulator.current);
    const AppInstanceArn = await createAppInstance(client);
    const AppInstanceAdminArn = await createUser(client, AppInstanceArn, 'u1');
    for (const call of [
      () => client.send(new DescribeAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn })),
      () => client.send(new DeleteAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn })),
    ]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(BadRequestException);
      expect(error).toMatchObject({ Code: 'BadRequest', $metadata: { httpStatusCode: 400 } });
      expect(error.message).toBe(
        `${AppInstanceAdminArn} is not an AppInstanceAdmin of AppInstance ${AppInstanceArn}.`,
      );
    }
  });
});

describe('Emulator: a resource is served only in its region (an ARN of another region is refused)', () => {
  it('every identity operation naming an eu-central-1 resource, signed for us-east-1, is a BadRequestException and changes nothing', async () => {
    const eu = identityClient(emulator.current, 'eu-central-1');
    const us = identityClient(emulator.current, 'us-east-1');
    const AppInstanceArn = await createAppInstance(eu, { Name: 'eu', Metadata: 'm' });
    const AppInstanceUserArn = await createUser(eu, AppInstanceArn, 'u1');
    await eu.send(
      new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn: AppInstanceUserArn }),
    );
    const admin = { AppInstanceArn, AppInstanceAdminArn: AppInstanceUserArn };

    const calls: [string, () => Promise<unknown>][] = [
      ['AppInstanceArn', () => us.send(new DescribeAppInstanceCommand({ AppInstanceArn }))],
      [
        'AppInstanceArn',
        () => us.send(new UpdateAppInstanceCommand({ AppInstanceArn, Name: 'x', Metadata: 'x' })),
      ],
      ['AppInstanceArn', () => us.send(new DeleteAppInstanceCommand({ AppInstanceArn }))],
      [
        'AppInstanceArn',
        () =>
          us.send(new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u2', Name: 'n' })),
      ],
      ['AppInstanceArn', () => us.send(new ListAppInstanceUsersCommand({ AppInstanceArn }))],
      ['AppInstanceUserArn', () => us.send(new DescribeAppInstanceUserCommand({ AppInstanceUserArn }))],
      [
        'AppInstanceUserArn',
        () => us.send(new UpdateAppInstanceUserCommand({ AppInstanceUserArn, Name: 'x', Metadata: 'x' })),
      ],
      ['AppInstanceUserArn', () => us.send(new DeleteAppInstanceUserCommand({ AppInstanceUserArn }))],
      ['AppInstanceArn', () => us.send(new CreateAppInstanceAdminCommand(admin))],
      ['AppInstanceArn', () => us.send(new DescribeAppInstanceAdminCommand(admin))],
      ['AppInstanceArn', () => us.send(new ListAppInstanceAdminsCommand({ AppInstanceArn }))],
      ['AppInstanceArn', () => us.send(new DeleteAppInstanceAdminCommand(admin))],
      [
        'AppInstanceArn',
        () =>
          us.send(
            new PutAppInstanceRetentionSettingsCommand({ AppInstanceArn, AppInstanceRetentionSettings: {} }),
          ),
      ],
      ['AppInstanceArn', () => us.send(new GetAppInstanceRetentionSettingsCommand({ AppInstanceArn }))],
      ['ResourceARN', () => us.send(new TagResourceCommand({ ResourceARN: AppInstanceArn, Tags: tags(1) }))],
      [
        'ResourceARN',
        () => us.send(new UntagResourceCommand({ ResourceARN: AppInstanceArn, TagKeys: ['k0'] })),
      ],
      ['ResourceARN', () => us.send(new ListTagsForResourceCommand({ ResourceARN: AppInstanceUserArn }))],
    ];
    for (const [member, call] of calls) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(BadRequestException);
      expect(error.message).toMatch(
        new RegExp(
          `^${member} arn:aws:chime:eu-central-1:\\S+ is in region eu-central-1, but the request was signed for region us-east-1\\.$`,
        ),
      );
    }

    expect(emulator.current.appInstances()).toEqual([expect.objectContaining({ Name: 'eu', Metadata: 'm' })]);
    expect(emulator.current.users(AppInstanceArn).map((user) => user.AppInstanceUserArn)).toEqual([
      AppInstanceUserArn,
    ]);
    const admins = await eu.send(new ListAppInstanceAdminsCommand({ AppInstanceArn }));
    expect(admins.AppInstanceAdmins?.map((a) => a.Admin?.Arn)).toEqual([AppInstanceUserArn]);
    expect((await eu.send(new ListTagsForResourceCommand({ ResourceARN: AppInstanceArn }))).Tags).toEqual([]);
    expect((await us.send(new ListAppInstancesCommand({}))).AppInstances).toEqual([]);
  });

  it('an AppInstanceAdminArn of another region than the signature is refused, naming that member', async () => {
    const us = identityClient(emulator.current, 'us-east-1');
    const AppInstanceArn = await createAppInstance(us);
    const AppInstanceAdminArn = `${missingAppInstanceArn('eu-central-1')}/user/u1`;
    const error = await rejection(
      us.send(new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn })),
    );
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toBe(
      `AppInstanceAdminArn ${AppInstanceAdminArn} is in region eu-central-1, but the request was signed for region us-east-1.`,
    );
  });
});
