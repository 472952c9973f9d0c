import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  AssociatePhoneNumbersWithVoiceConnectorGroupCommand,
  BadRequestException,
  ChimeSDKVoiceClient,
  ConflictException,
  CreateProxySessionCommand,
  CreateSipMediaApplicationCallCommand,
  CreateSipMediaApplicationCommand,
  CreateSipRuleCommand,
  CreateVoiceConnectorCommand,
  CreateVoiceConnectorGroupCommand,
  DeleteProxySessionCommand,
  DeleteSipMediaApplicationCommand,
  DeleteSipRuleCommand,
  DeleteVoiceConnectorCommand,
  DeleteVoiceConnectorEmergencyCallingConfigurationCommand,
  DeleteVoiceConnectorGroupCommand,
  DeleteVoiceConnectorOriginationCommand,
  DeleteVoiceConnectorProxyCommand,
  DeleteVoiceConnectorStreamingConfigurationCommand,
  DeleteVoiceConnectorTerminationCommand,
  DeleteVoiceConnectorTerminationCredentialsCommand,
  DisassociatePhoneNumbersFromVoiceConnectorCommand,
  DisassociatePhoneNumbersFromVoiceConnectorGroupCommand,
  ForbiddenException,
  GetProxySessionCommand,
  GetSipMediaApplicationCommand,
  GetSipMediaApplicationLoggingConfigurationCommand,
  GetSipRuleCommand,
  GetVoiceConnectorCommand,
  GetVoiceConnectorEmergencyCallingConfigurationCommand,
  GetVoiceConnectorGroupCommand,
  GetVoiceConnectorLoggingConfigurationCommand,
  GetVoiceConnectorOriginationCommand,
  GetVoiceConnectorProxyCommand,
  GetVoiceConnectorStreamingConfigurationCommand,
  GetVoiceConnectorTerminationCommand,
  GetVoiceConnectorTerminationHealthCommand,
  ListProxySessionsCommand,
  ListSipMediaApplicationsCommand,
  ListSipRulesCommand,
  ListTagsForResourceCommand,
  ListVoiceConnectorGroupsCommand,
  ListVoiceConnectorsCommand,
  ListVoiceConnectorTerminationCredentialsCommand,
  NotFoundException,
  PutSipMediaApplicationLoggingConfigurationCommand,
  PutVoiceConnectorEmergencyCallingConfigurationCommand,
  PutVoiceConnectorLoggingConfigurationCommand,
  PutVoiceConnectorOriginationCommand,
  PutVoiceConnectorProxyCommand,
  PutVoiceConnectorStreamingConfigurationCommand,
  PutVoiceConnectorTerminationCommand,
  PutVoiceConnectorTerminationCredentialsCommand,
  paginateListProxySessions,
  paginateListSipMediaApplications,
  paginateListSipRules,
  paginateListVoiceConnectorGroups,
  paginateListVoiceConnectors,
  ResourceLimitExceededException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateProxySessionCommand,
  UpdateSipMediaApplicationCallCommand,
  UpdateSipMediaApplicationCommand,
  UpdateSipRuleCommand,
  UpdateVoiceConnectorCommand,
  UpdateVoiceConnectorGroupCommand,
  ValidateE911AddressCommand,
} from '@aws-sdk/client-chime-sdk-voice';
import {
  BadRequestException as LegacyBadRequestException,
  CreateVoiceConnectorCommand as LegacyCreateVoiceConnectorCommand,
  GetVoiceConnectorCommand as LegacyGetVoiceConnectorCommand,
  PutVoiceConnectorStreamingConfigurationCommand as LegacyPutVoiceConnectorStreamingConfigurationCommand,
} from 'legacy-chime';
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/emulator/generated/voice.js';
import { EMULATOR_ACCOUNT_ID, EMULATOR_CREDENTIALS } from '../../src/emulator/index.js';
import { SERVED_OPERATIONS } from '../../src/emulator/namespaces/index.js';
import { HANDLERS } from '../../src/emulator/namespaces/voice/handlers.js';
import { useEmulator } from '../support/emulator.js';
import { legacyClient, raw, rejection } from './helpers.js';

/**
 * The Chime SDK Voice namespace of the emulator, driven over HTTP with SigV4 by the real
 * `@aws-sdk/client-chime-sdk-voice` client (contract, section "Emulator"; docs/emulator-voice.md
 * says what the emulator assumes where AWS publishes nothing).
 */

const emulator = useEmulator();

/** Every voice operation this file called, over all its tests (the log is emptied before each test). */
const called = new Set<string>();
afterEach(() => {
  for (const { operation } of emulator.current.requests()) if (operation) called.add(operation);
});

/** The real voice client pointed at the emulator; one attempt, so errors are seen as they are. */
function voiceClient(region = 'us-east-1'): ChimeSDKVoiceClient {
  return new ChimeSDKVoiceClient({
    region,
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
  });
}

const LAMBDA_ARN = `arn:aws:lambda:us-east-1:${EMULATOR_ACCOUNT_ID}:function:sip-handler`;

async function createVoiceConnector(client: ChimeSDKVoiceClient, Name = 'trunk') {
  const { VoiceConnector } = await client.send(
    new CreateVoiceConnectorCommand({ Name, RequireEncryption: true }),
  );
  return VoiceConnector!;
}

async function createSipMediaApplication(client: ChimeSDKVoiceClient, Name = 'ivr') {
  const { SipMediaApplication } = await client.send(
    new CreateSipMediaApplicationCommand({
      AwsRegion: 'us-east-1',
      Name,
      Endpoints: [{ LambdaArn: LAMBDA_ARN }],
    }),
  );
  return SipMediaApplication!;
}

async function pages<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of iterable) all.push(page);
  return all;
}

describe('Emulator: one endpoint for every operation the shim serves, Chime SDK Voice included', () => {
  it('every voice operation of the generated bindings has a handler, and is served (a fault may name it)', () => {
    const names = OPERATIONS.map(({ name }) => name);
    expect(names).toHaveLength(58);
    expect(Object.keys(HANDLERS).sort()).toEqual([...names].sort());
    for (const name of names) expect(SERVED_OPERATIONS).toContain(name);
  });
});

describe('Emulator, voice: Voice Connectors with AWS-format ids and ARNs; create, get, list, update and delete agree', () => {
  it('CreateVoiceConnector answers 201 with a 22-character id, its outbound host name and ARN in the signing region', async () => {
    const client = voiceClient('eu-central-1');
    const out = await client.send(
      new CreateVoiceConnectorCommand({
        Name: 'Main trunk',
        RequireEncryption: true,
        Tags: [{ Key: 'team', Value: 'voice' }],
        IntegrationType: 'CONNECT_ANALYTICS_CONNECTOR',
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(201);
    const connector = out.VoiceConnector!;
    expect(connector.VoiceConnectorId).toMatch(/^[a-z0-9]{22}$/);
    expect(connector).toMatchObject({
      Name: 'Main trunk',
      RequireEncryption: true,
      // Not given: the region whose endpoint created it.
      AwsRegion: 'eu-central-1',
      OutboundHostName: `${connector.VoiceConnectorId}.voiceconnector.chime.aws`,
      VoiceConnectorArn: `arn:aws:chime:eu-central-1:${EMULATOR_ACCOUNT_ID}:vc/${connector.VoiceConnectorId}`,
      IntegrationType: 'CONNECT_ANALYTICS_CONNECTOR',
    });
    // date-time on the wire (Chime SDK Voice's format), Dates in the SDK.
    expect(connector.CreatedTimestamp).toBeInstanceOf(Date);
    expect(connector.UpdatedTimestamp).toEqual(connector.CreatedTimestamp);
    const tags = await client.send(
      new ListTagsForResourceCommand({ ResourceARN: connector.VoiceConnectorArn }),
    );
    expect(tags.Tags).toEqual([{ Key: 'team', Value: 'voice' }]);
  });

  it('GetVoiceConnector answers what was created; AwsRegion is kept as given', async () => {
    const client = voiceClient();
    const { VoiceConnector } = await client.send(
      new CreateVoiceConnectorCommand({ Name: 'west', AwsRegion: 'us-west-2', RequireEncryption: false }),
    );
    const out = await client.send(
      new GetVoiceConnectorCommand({ VoiceConnectorId: VoiceConnector!.VoiceConnectorId }),
    );
    expect(out.VoiceConnector).toEqual(VoiceConnector);
    expect(out.VoiceConnector?.AwsRegion).toBe('us-west-2');
  });

  it('a Voice Connector is served by the region that created it: another region answers NotFoundException naming where it is', async () => {
    const connector = await createVoiceConnector(voiceClient('us-east-1'));
    const error = await rejection(
      voiceClient('eu-central-1').send(
        new GetVoiceConnectorCommand({ VoiceConnectorId: connector.VoiceConnectorId }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.message).toBe(
      `Voice Connector ${connector.VoiceConnectorId} does not exist in region eu-central-1; it is in region us-east-1.`,
    );
  });

  it('ListVoiceConnectors pages in creation order; paginateListVoiceConnectors walks them; other regions are not listed', async () => {
    const client = voiceClient();
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (const name of names) await createVoiceConnector(client, name);
    await createVoiceConnector(voiceClient('eu-central-1'), 'elsewhere');

    const first = await client.send(new ListVoiceConnectorsCommand({ MaxResults: 2 }));
    expect(first.VoiceConnectors?.map(({ Name }) => Name)).toEqual(['a', 'b']);
    expect(first.NextToken).toEqual(expect.any(String));
    const walked = await pages(paginateListVoiceConnectors({ client, pageSize: 2 }, {}));
    expect(walked.map((page) => page.VoiceConnectors?.map(({ Name }) => Name))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
    const all = await client.send(new ListVoiceConnectorsCommand({}));
    expect(all.VoiceConnectors).toHaveLength(5);
    expect(all.NextToken).toBeUndefined();
  });

  it('a NextToken of another list is BadRequestException', async () => {
    const client = voiceClient();
    await createSipMediaApplication(client, 'one');
    await createSipMediaApplication(client, 'two');
    const { NextToken } = await client.send(new ListSipMediaApplicationsCommand({ MaxResults: 1 }));
    const error = await rejection(client.send(new ListVoiceConnectorsCommand({ NextToken })));
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toBe('The NextToken is not valid for this ListVoiceConnectors request.');
  });

  it('UpdateVoiceConnector replaces Name and RequireEncryption and moves UpdatedTimestamp', async () => {
    const client = voiceClient();
    const connector = await createVoiceConnector(client);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { VoiceConnector } = await client.send(
      new UpdateVoiceConnectorCommand({
        VoiceConnectorId: connector.VoiceConnectorId,
        Name: 'renamed',
        RequireEncryption: false,
      }),
    );
    expect(VoiceConnector).toMatchObject({ Name: 'renamed', RequireEncryption: false });
    expect(VoiceConnector!.UpdatedTimestamp!.getTime()).toBeGreaterThan(
      connector.CreatedTimestamp!.getTime(),
    );
    expect(VoiceConnector!.CreatedTimestamp).toEqual(connector.CreatedTimestamp);
  });

  it('DeleteVoiceConnector answers 204; the Voice Connector, its settings and tags are gone', async () => {
    const client = voiceClient();
    const connector = await createVoiceConnector(client);
    const VoiceConnectorId = connector.VoiceConnectorId!;
    await client.send(
      new TagResourceCommand({ ResourceARN: connector.VoiceConnectorArn, Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    const out = await client.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId }));
    expect(out.$metadata.httpStatusCode).toBe(204);
    for (const command of [
      new GetVoiceConnectorCommand({ VoiceConnectorId }),
      new DeleteVoiceConnectorCommand({ VoiceConnectorId }),
      new GetVoiceConnectorLoggingConfigurationCommand({ VoiceConnectorId }),
    ]) {
      expect(await rejection(client.send(command as any))).toBeInstanceOf(NotFoundException);
    }
    const tags = await rejection(
      client.send(new ListTagsForResourceCommand({ ResourceARN: connector.VoiceConnectorArn })),
    );
    expect(tags).toBeInstanceOf(NotFoundException);
  });

  it('a name outside the Chime SDK Voice pattern ^[a-zA-Z0-9 _.-]+$ is BadRequestException, quoting the model', async () => {
    const error = await rejection(
      voiceClient().send(new CreateVoiceConnectorCommand({ Name: 'trunk/1', RequireEncryption: true })),
    );
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toBe(
      "1 validation error detected: Value 'trunk/1' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9 _.-]+$",
    );
  });
});

describe('Emulator, voice: Voice Connector groups', () => {
  it('create, get, list (paginated), update and delete agree; items name Voice Connectors of any region', async () => {
    const client = voiceClient();
    const east = await createVoiceConnector(client, 'east');
    const central = await createVoiceConnector(voiceClient('eu-central-1'), 'central');
    const created = await client.send(
      new CreateVoiceConnectorGroupCommand({
        Name: 'fallback',
        VoiceConnectorItems: [
          { VoiceConnectorId: east.VoiceConnectorId, Priority: 1 },
          { VoiceConnectorId: central.VoiceConnectorId, Priority: 2 },
        ],
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    const group = created.VoiceConnectorGroup!;
    expect(group.VoiceConnectorGroupId).toMatch(/^[a-z0-9]{21}$/);
    expect(group.VoiceConnectorGroupArn).toBe(
      `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:vcg/${group.VoiceConnectorGroupId}`,
    );
    const VoiceConnectorGroupId = group.VoiceConnectorGroupId!;
    expect(
      (await client.send(new GetVoiceConnectorGroupCommand({ VoiceConnectorGroupId }))).VoiceConnectorGroup,
    ).toEqual(group);

    await client.send(new CreateVoiceConnectorGroupCommand({ Name: 'second' }));
    const walked = await pages(paginateListVoiceConnectorGroups({ client, pageSize: 1 }, {}));
    expect(walked.map((page) => page.VoiceConnectorGroups?.map(({ Name }) => Name))).toEqual([
      ['fallback'],
      ['second'],
    ]);

    const updated = await client.send(
      new UpdateVoiceConnectorGroupCommand({
        VoiceConnectorGroupId,
        Name: 'emptied',
        VoiceConnectorItems: [],
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(202);
    expect(updated.VoiceConnectorGroup).toMatchObject({ Name: 'emptied', VoiceConnectorItems: [] });
    await client.send(new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId }));
    expect(
      await rejection(client.send(new GetVoiceConnectorGroupCommand({ VoiceConnectorGroupId }))),
    ).toBeInstanceOf(NotFoundException);
    const list = await client.send(new ListVoiceConnectorGroupsCommand({}));
    expect(list.VoiceConnectorGroups?.map(({ Name }) => Name)).toEqual(['second']);
  });

  it('items that name no Voice Connector, or the same one twice, are BadRequestException; more than 3 is ResourceLimitExceeded on create, BadRequest on update', async () => {
    const client = voiceClient();
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c', 'd'])
      ids.push((await createVoiceConnector(client, name)).VoiceConnectorId!);
    const items = (count: number) =>
      ids.slice(0, count).map((VoiceConnectorId, i) => ({ VoiceConnectorId, Priority: i + 1 }));

    const missing = await rejection(
      client.send(
        new CreateVoiceConnectorGroupCommand({
          Name: 'g',
          VoiceConnectorItems: [{ VoiceConnectorId: 'abcdef1ghij2klmno3pqr4', Priority: 1 }],
        }),
      ),
    );
    expect(missing).toBeInstanceOf(BadRequestException);
    expect(missing.message).toBe('Voice Connector abcdef1ghij2klmno3pqr4 does not exist.');
    const twice = await rejection(
      client.send(
        new CreateVoiceConnectorGroupCommand({ Name: 'g', VoiceConnectorItems: [...items(1), ...items(1)] }),
      ),
    );
    expect(twice).toBeInstanceOf(BadRequestException);
    const four = await rejection(
      client.send(new CreateVoiceConnectorGroupCommand({ Name: 'g', VoiceConnectorItems: items(4) })),
    );
    expect(four).toBeInstanceOf(ResourceLimitExceededException);

    const { VoiceConnectorGroup } = await client.send(
      new CreateVoiceConnectorGroupCommand({ Name: 'g', VoiceConnectorItems: items(3) }),
    );
    const update = await rejection(
      client.send(
        new UpdateVoiceConnectorGroupCommand({
          VoiceConnectorGroupId: VoiceConnectorGroup!.VoiceConnectorGroupId,
          Name: 'g',
          VoiceConnectorItems: items(4),
        }),
      ),
    );
    expect(update).toBeInstanceOf(BadRequestException);
  });

  it('a group with items, or a Voice Connector that is an item, cannot be deleted: ConflictException', async () => {
    const client = voiceClient();
    const connector = await createVoiceConnector(client);
    const { VoiceConnectorGroup } = await client.send(
      new CreateVoiceConnectorGroupCommand({
        Name: 'g',
        VoiceConnectorItems: [{ VoiceConnectorId: connector.VoiceConnectorId, Priority: 1 }],
      }),
    );
    const VoiceConnectorGroupId = VoiceConnectorGroup!.VoiceConnectorGroupId!;
    const group = await rejection(
      client.send(new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId })),
    );
    expect(group).toBeInstanceOf(ConflictException);
    expect(group.message).toContain('has 1 VoiceConnectorItems');
    const item = await rejection(
      client.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: connector.VoiceConnectorId })),
    );
    expect(item).toBeInstanceOf(ConflictException);
    expect(item.message).toContain(`is an item of Voice Connector group ${VoiceConnectorGroupId}`);
  });
});

describe('Emulator, voice: phone number associations, with per-number errors (PhoneNumberErrors)', () => {
  it('any E.164 number is the account’s: associated with no error; a number associated elsewhere is PhoneNumberAssociationsExist unless ForceAssociate', async () => {
    const client = voiceClient();
    const first = await createVoiceConnector(client, 'first');
    const second = await createVoiceConnector(client, 'second');
    const associated = await client.send(
      new AssociatePhoneNumbersWithVoiceConnectorCommand({
        VoiceConnectorId: first.VoiceConnectorId,
        E164PhoneNumbers: ['+12065550100', '+12065550101'],
      }),
    );
    expect(associated.$metadata.httpStatusCode).toBe(200);
    expect(associated.PhoneNumberErrors).toEqual([]);
    // The same target again: not an error.
    const again = await client.send(
      new AssociatePhoneNumbersWithVoiceConnectorCommand({
        VoiceConnectorId: first.VoiceConnectorId,
        E164PhoneNumbers: ['12065550100'],
      }),
    );
    expect(again.PhoneNumberErrors).toEqual([]);

    const elsewhere = await client.send(
      new AssociatePhoneNumbersWithVoiceConnectorCommand({
        VoiceConnectorId: second.VoiceConnectorId,
        E164PhoneNumbers: ['12065550100', '+12065550102'],
      }),
    );
    expect(elsewhere.PhoneNumberErrors).toEqual([
      {
        PhoneNumberId: '12065550100',
        ErrorCode: 'PhoneNumberAssociationsExist',
        ErrorMessage:
          'The phone number is associated with another Voice Connector; set ForceAssociate to move it.',
      },
    ]);
    const forced = await client.send(
      new AssociatePhoneNumbersWithVoiceConnectorCommand({
        VoiceConnectorId: second.VoiceConnectorId,
        E164PhoneNumbers: ['+12065550100'],
        ForceAssociate: true,
      }),
    );
    expect(forced.PhoneNumberErrors).toEqual([]);
    // Moved: the first Voice Connector no longer has it.
    const gone = await client.send(
      new DisassociatePhoneNumbersFromVoiceConnectorCommand({
        VoiceConnectorId: first.VoiceConnectorId,
        E164PhoneNumbers: ['+12065550100', '+12065550101'],
      }),
    );
    expect(gone.PhoneNumberErrors).toEqual([
      {
        PhoneNumberId: '+12065550100',
        ErrorCode: 'NotFound',
        ErrorMessage: 'The phone number is not associated with this Voice Connector.',
      },
    ]);
  });

  it('a Voice Connector or group with phone numbers cannot be deleted (ConflictException) until they are disassociated', async () => {
    const client = voiceClient();
    const connector = await createVoiceConnector(client);
    const VoiceConnectorId = connector.VoiceConnectorId!;
    await client.send(
      new AssociatePhoneNumbersWithVoiceConnectorCommand({
        VoiceConnectorId,
        E164PhoneNumbers: ['+442079460000'],
      }),
    );
    const conflict = await rejection(client.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId })));
    expect(conflict).toBeInstanceOf(ConflictException);
    expect(conflict.message).toContain('has 1 associated phone number(s)');

    const { VoiceConnectorGroup } = await client.send(new CreateVoiceConnectorGroupCommand({ Name: 'g' }));
    const VoiceConnectorGroupId = VoiceConnectorGroup!.VoiceConnectorGroupId!;
    const toGroup = await client.send(
      new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({
        VoiceConnectorGroupId,
        E164PhoneNumbers: ['+442079460000', '+442079460001'],
      }),
    );
    expect(toGroup.PhoneNumberErrors).toEqual([
      {
        PhoneNumberId: '+442079460000',
        ErrorCode: 'PhoneNumberAssociationsExist',
        ErrorMessage:
          'The phone number is associated with another Voice Connector; set ForceAssociate to move it.',
      },
    ]);
    expect(
      await rejection(client.send(new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId }))),
    ).toBeInstanceOf(ConflictException);
    const fromGroup = await client.send(
      new DisassociatePhoneNumbersFromVoiceConnectorGroupCommand({
        VoiceConnectorGroupId,
        E164PhoneNumbers: ['+442079460001', '+442079460000'],
      }),
    );
    expect(fromGroup.PhoneNumberErrors?.map(({ ErrorCode }) => ErrorCode)).toEqual(['NotFound']);
    await client.send(new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId }));
    await client.send(
      new DisassociatePhoneNumbersFromVoiceConnectorCommand({
        VoiceConnectorId,
        E164PhoneNumbers: ['+442079460000'],
      }),
    );
    await client.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId }));
  });

  it('a Voice Connector that does not exist is NotFoundException, not a per-number error', async () => {
    const error = await rejection(
      voiceClient().send(
        new AssociatePhoneNumbersWithVoiceConnectorCommand({
          VoiceConnectorId: 'abcdef1ghij2klmno3pqr4',
          E164PhoneNumbers: ['+12065550100'],
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundException);
  });
});

describe('Emulator, voice: the settings documents of a Voice Connector (put, get, delete agree)', () => {
  it('origination: NotFound before a put; Routes or Disabled required; a route’s Port defaults to 5060; delete', async () => {
    const client = voiceClient();
    const { VoiceConnectorId } = await createVoiceConnector(client);
    expect(
      await rejection(client.send(new GetVoiceConnectorOriginationCommand({ VoiceConnectorId }))),
    ).toBeInstanceOf(NotFoundException);
    const neither = await rejection(
      client.send(new PutVoiceConnectorOriginationCommand({ VoiceConnectorId, Origination: {} })),
    );
    expect(neither).toBeInstanceOf(BadRequestException);
    const put = await client.send(
      new PutVoiceConnectorOriginationCommand({
        VoiceConnectorId,
        Origination: {
          Routes: [{ Host: '10.0.0.1', Protocol: 'TCP', Priority: 1, Weight: 5 }],
          Disabled: false,
        },
      }),
    );
    const expected = {
      Routes: [{ Host: '10.0.0.1', Port: 5060, Protocol: 'TCP', Priority: 1, Weight: 5 }],
      Disabled: false,
    };
    expect(put.Origination).toEqual(expected);
    expect(
      (await client.send(new GetVoiceConnectorOriginationCommand({ VoiceConnectorId }))).Origination,
    ).toEqual(expected);
    const deleted = await client.send(new DeleteVoiceConnectorOriginationCommand({ VoiceConnectorId }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(
      await rejection(client.send(new DeleteVoiceConnectorOriginationCommand({ VoiceConnectorId }))),
    ).toBeInstanceOf(NotFoundException);
  });

  it('termination, its credentials (user names only, never a password) and its health', async () => {
    const client = voiceClient();
    const { VoiceConnectorId } = await createVoiceConnector(client);
    const early = await rejection(
      client.send(
        new PutVoiceConnectorTerminationCredentialsCommand({
          VoiceConnectorId,
          Credentials: [{ Username: 'sip-user', Password: 'cnrySecretPassword' }],
        }),
      ),
    );
    expect(early).toBeInstanceOf(NotFoundException);
    expect(
      await rejection(client.send(new GetVoiceConnectorTerminationHealthCommand({ VoiceConnectorId }))),
    ).toBeInstanceOf(NotFoundException);

    const termination = await client.send(
      new PutVoiceConnectorTerminationCommand({
        VoiceConnectorId,
        Termination: { CallingRegions: ['US'], CidrAllowedList: ['203.0.113.0/24'], Disabled: false },
      }),
    );
    expect(termination.Termination).toEqual({
      CpsLimit: 1,
      CallingRegions: ['US'],
      CidrAllowedList: ['203.0.113.0/24'],
      Disabled: false,
    });
    expect(
      (await client.send(new GetVoiceConnectorTerminationCommand({ VoiceConnectorId }))).Termination,
    ).toEqual(termination.Termination);
    const health = await client.send(new GetVoiceConnectorTerminationHealthCommand({ VoiceConnectorId }));
    expect(health.TerminationHealth).toEqual({});

    const incomplete = await rejection(
      client.send(
        new PutVoiceConnectorTerminationCredentialsCommand({
          VoiceConnectorId,
          Credentials: [{ Username: 'u' }],
        }),
      ),
    );
    expect(incomplete).toBeInstanceOf(BadRequestException);
    const put = await client.send(
      new PutVoiceConnectorTerminationCredentialsCommand({
        VoiceConnectorId,
        Credentials: [
          { Username: 'sip-user', Password: 'cnrySecretPassword' },
          { Username: 'backup', Password: 'cnrySecretPassword2' },
        ],
      }),
    );
    expect(put.$metadata.httpStatusCode).toBe(204);
    const listed = await client.send(
      new ListVoiceConnectorTerminationCredentialsCommand({ VoiceConnectorId }),
    );
    expect(listed.Usernames).toEqual(['sip-user', 'backup']);
    expect(JSON.stringify(emulator.current.requests())).not.toContain('cnrySecretPassword');
    await client.send(
      new DeleteVoiceConnectorTerminationCredentialsCommand({
        VoiceConnectorId,
        Usernames: ['backup', 'nobody'],
      }),
    );
    expect(
      (await client.send(new ListVoiceConnectorTerminationCredentialsCommand({ VoiceConnectorId })))
        .Usernames,
    ).toEqual(['sip-user']);

    // The credentials belong to the termination: deleting it deletes them.
    await client.send(new DeleteVoiceConnectorTerminationCommand({ VoiceConnectorId }));
    expect(
      await rejection(client.send(new GetVoiceConnectorTerminationCommand({ VoiceConnectorId }))),
    ).toBeInstanceOf(NotFoundException);
    expect(
      (await client.send(new ListVoiceConnectorTerminationCredentialsCommand({ VoiceConnectorId })))
        .Usernames,
    ).toEqual([]);
  });

  it('logging: off before any put; a put replaces both flags', async () => {
    const client = voiceClient();
    const { VoiceConnectorId } = await createVoiceConnector(client);
    expect(
      (await client.send(new GetVoiceConnectorLoggingConfigurationCommand({ VoiceConnectorId })))
        .LoggingConfiguration,
    ).toEqual({ EnableSIPLogs: false, EnableMediaMetricLogs: false });
    const put = await client.send(
      new PutVoiceConnectorLoggingConfigurationCommand({
        VoiceConnectorId,
        LoggingConfiguration: { EnableSIPLogs: true },
      }),
    );
    expect(put.LoggingConfiguration).toEqual({ EnableSIPLogs: true, EnableMediaMetricLogs: false });
    expect(
      (await client.send(new GetVoiceConnectorLoggingConfigurationCommand({ VoiceConnectorId })))
        .LoggingConfiguration,
    ).toEqual(put.LoggingConfiguration);
  });

  it('streaming: Disabled is required by this model; MediaInsightsConfiguration is kept; get and delete agree', async () => {
    const client = voiceClient();
    const { VoiceConnectorId } = await createVoiceConnector(client);
    const withoutDisabled = await rejection(
      client.send(
        new PutVoiceConnectorStreamingConfigurationCommand({
          VoiceConnectorId,
          StreamingConfiguration: { DataRetentionInHours: 24 } as never,
        }),
      ),
    );
    expect(withoutDisabled).toBeInstanceOf(BadRequestException);
    expect(withoutDisabled.message).toContain("Value null at 'streamingConfiguration.disabled'");
    const StreamingConfiguration = {
      DataRetentionInHours: 24,
      Disabled: false,
      StreamingNotificationTargets: [{ NotificationTarget: 'EventBridge' as const }],
      MediaInsightsConfiguration: {
        Disabled: false,
        ConfigurationArn: `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:media-insights-pipeline-configuration/calls`,
      },
    };
    const put = await client.send(
      new PutVoiceConnectorStreamingConfigurationCommand({ VoiceConnectorId, StreamingConfiguration }),
    );
    expect(put.StreamingConfiguration).toEqual(StreamingConfiguration);
    const got = await client.send(new GetVoiceConnectorStreamingConfigurationCommand({ VoiceConnectorId }));
    expect(got.StreamingConfiguration).toEqual(StreamingConfiguration);
    await client.send(new DeleteVoiceConnectorStreamingConfigurationCommand({ VoiceConnectorId }));
    expect(
      await rejection(client.send(new GetVoiceConnectorStreamingConfigurationCommand({ VoiceConnectorId }))),
    ).toBeInstanceOf(NotFoundException);
  });

  it('emergency calling: put, get, delete', async () => {
    const client = voiceClient();
    const { VoiceConnectorId } = await createVoiceConnector(client);
    const EmergencyCallingConfiguration = {
      DNIS: [{ EmergencyPhoneNumber: '+12065550911', TestPhoneNumber: '+12065550933', CallingCountry: 'US' }],
    };
    const put = await client.send(
      new PutVoiceConnectorEmergencyCallingConfigurationCommand({
        VoiceConnectorId,
        EmergencyCallingConfiguration,
      }),
    );
    expect(put.EmergencyCallingConfiguration).toEqual(EmergencyCallingConfiguration);
    const got = await client.send(
      new GetVoiceConnectorEmergencyCallingConfigurationCommand({ VoiceConnectorId }),
    );
    expect(got.EmergencyCallingConfiguration).toEqual(EmergencyCallingConfiguration);
    await client.send(new DeleteVoiceConnectorEmergencyCallingConfigurationCommand({ VoiceConnectorId }));
    expect(
      await rejection(
        client.send(new GetVoiceConnectorEmergencyCallingConfigurationCommand({ VoiceConnectorId })),
      ),
    ).toBeInstanceOf(NotFoundException);
  });

  it('proxy: PhoneNumberPoolCountries is answered as PhoneNumberCountries; Disabled defaults to false; delete', async () => {
    const client = voiceClient();
    const { VoiceConnectorId } = await createVoiceConnector(client);
    const put = await client.send(
      new PutVoiceConnectorProxyCommand({
        VoiceConnectorId,
        DefaultSessionExpiryMinutes: 60,
        PhoneNumberPoolCountries: ['US'],
        FallBackPhoneNumber: '+12065550199',
      }),
    );
    const expected = {
      DefaultSessionExpiryMinutes: 60,
      Disabled: false,
      FallBackPhoneNumber: '+12065550199',
      PhoneNumberCountries: ['US'],
    };
    expect(put.Proxy).toEqual(expected);
    expect((await client.send(new GetVoiceConnectorProxyCommand({ VoiceConnectorId }))).Proxy).toEqual(
      expected,
    );
    await client.send(new DeleteVoiceConnectorProxyCommand({ VoiceConnectorId }));
    expect(
      await rejection(client.send(new GetVoiceConnectorProxyCommand({ VoiceConnectorId }))),
    ).toBeInstanceOf(NotFoundException);
  });
});

describe('Emulator, voice: proxy sessions', () => {
  it('need a proxy configuration that is not disabled; create, get, list (paginated, by status), update and delete agree', async () => {
    const client = voiceClient();
    const { VoiceConnectorId } = await createVoiceConnector(client);
    const session = {
      VoiceConnectorId,
      ParticipantPhoneNumbers: ['+12065550142', '+12065550143'],
      Capabilities: ['Voice' as const],
    };
    const none = await rejection(client.send(new CreateProxySessionCommand(session)));
    expect(none).toBeInstanceOf(BadRequestException);
    expect(none.message).toContain('has no proxy configuration');
    await client.send(
      new PutVoiceConnectorProxyCommand({
        VoiceConnectorId,
        DefaultSessionExpiryMinutes: 30,
        PhoneNumberPoolCountries: ['US'],
        Disabled: true,
      }),
    );
    expect((await rejection(client.send(new CreateProxySessionCommand(session)))).message).toContain(
      'has its proxy disabled',
    );
    await client.send(
      new PutVoiceConnectorProxyCommand({
        VoiceConnectorId,
        DefaultSessionExpiryMinutes: 30,
        PhoneNumberPoolCountries: ['US'],
      }),
    );

    const created = await client.send(
      new CreateProxySessionCommand({ ...session, Name: 'order 42', GeoMatchLevel: 'Country' }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    const ProxySessionId = created.ProxySession!.ProxySessionId!;
    expect(created.ProxySession).toMatchObject({
      VoiceConnectorId,
      Name: 'order 42',
      Status: 'Open',
      ExpiryMinutes: 30,
      Capabilities: ['Voice'],
      GeoMatchLevel: 'Country',
      Participants: [
        { PhoneNumber: '+12065550142', ProxyPhoneNumber: '+12065550100' },
        { PhoneNumber: '+12065550143', ProxyPhoneNumber: '+12065550100' },
      ],
    });
    expect(created.ProxySession?.CreatedTimestamp).toBeInstanceOf(Date);
    const second = await client.send(new CreateProxySessionCommand({ ...session, ExpiryMinutes: 5 }));
    expect(second.ProxySession?.Participants?.[0]?.ProxyPhoneNumber).toBe('+12065550101');

    expect(
      (await client.send(new GetProxySessionCommand({ VoiceConnectorId, ProxySessionId }))).ProxySession,
    ).toEqual(created.ProxySession);
    const walked = await pages(paginateListProxySessions({ client, pageSize: 1 }, { VoiceConnectorId }));
    expect(walked.flatMap((page) => page.ProxySessions?.map(({ ExpiryMinutes }) => ExpiryMinutes))).toEqual([
      30, 5,
    ]);
    expect(
      (await client.send(new ListProxySessionsCommand({ VoiceConnectorId, Status: 'Closed' }))).ProxySessions,
    ).toEqual([]);

    const updated = await client.send(
      new UpdateProxySessionCommand({
        VoiceConnectorId,
        ProxySessionId,
        Capabilities: ['Voice', 'SMS'],
        ExpiryMinutes: 90,
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(201);
    expect(updated.ProxySession).toMatchObject({ Capabilities: ['Voice', 'SMS'], ExpiryMinutes: 90 });
    await client.send(new DeleteProxySessionCommand({ VoiceConnectorId, ProxySessionId }));
    expect(
      await rejection(client.send(new GetProxySessionCommand({ VoiceConnectorId, ProxySessionId }))),
    ).toBeInstanceOf(NotFoundException);
    expect(
      await rejection(client.send(new DeleteProxySessionCommand({ VoiceConnectorId, ProxySessionId }))),
    ).toBeInstanceOf(NotFoundException);
  });
});

describe('Emulator, voice: SIP media applications, their logging and calls', () => {
  it('create, get, list (paginated), update and delete agree; ARN sma/<uuid>', async () => {
    const client = voiceClient();
    const created = await client.send(
      new CreateSipMediaApplicationCommand({
        AwsRegion: 'us-east-1',
        Name: 'ivr',
        Endpoints: [{ LambdaArn: LAMBDA_ARN }],
        Tags: [{ Key: 'app', Value: 'ivr' }],
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    const application = created.SipMediaApplication!;
    const SipMediaApplicationId = application.SipMediaApplicationId!;
    expect(SipMediaApplicationId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(application).toMatchObject({
      AwsRegion: 'us-east-1',
      Name: 'ivr',
      Endpoints: [{ LambdaArn: LAMBDA_ARN }],
      SipMediaApplicationArn: `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:sma/${SipMediaApplicationId}`,
    });
    expect(
      (await client.send(new GetSipMediaApplicationCommand({ SipMediaApplicationId }))).SipMediaApplication,
    ).toEqual(application);
    await createSipMediaApplication(client, 'second');
    const walked = await pages(paginateListSipMediaApplications({ client, pageSize: 1 }, {}));
    expect(walked.map((page) => page.SipMediaApplications?.map(({ Name }) => Name))).toEqual([
      ['ivr'],
      ['second'],
    ]);

    const updated = await client.send(
      new UpdateSipMediaApplicationCommand({ SipMediaApplicationId, Name: 'ivr v2' }),
    );
    expect(updated.SipMediaApplication).toMatchObject({
      Name: 'ivr v2',
      Endpoints: [{ LambdaArn: LAMBDA_ARN }],
    });
    await client.send(new DeleteSipMediaApplicationCommand({ SipMediaApplicationId }));
    expect(
      await rejection(client.send(new GetSipMediaApplicationCommand({ SipMediaApplicationId }))),
    ).toBeInstanceOf(NotFoundException);
  });

  it('logging: message logs off before any put, then as put', async () => {
    const client = voiceClient();
    const { SipMediaApplicationId } = await createSipMediaApplication(client);
    const before = await client.send(
      new GetSipMediaApplicationLoggingConfigurationCommand({ SipMediaApplicationId }),
    );
    expect(before.SipMediaApplicationLoggingConfiguration).toEqual({
      EnableSipMediaApplicationMessageLogs: false,
    });
    const put = await client.send(
      new PutSipMediaApplicationLoggingConfigurationCommand({
        SipMediaApplicationId,
        SipMediaApplicationLoggingConfiguration: { EnableSipMediaApplicationMessageLogs: true },
      }),
    );
    expect(put.SipMediaApplicationLoggingConfiguration).toEqual({
      EnableSipMediaApplicationMessageLogs: true,
    });
    const after = await client.send(
      new GetSipMediaApplicationLoggingConfigurationCommand({ SipMediaApplicationId }),
    );
    expect(after.SipMediaApplicationLoggingConfiguration).toEqual({
      EnableSipMediaApplicationMessageLogs: true,
    });
  });

  it('calls: CreateSipMediaApplicationCall (ArgumentsMap accepted) gives a transaction UpdateSipMediaApplicationCall can name', async () => {
    const client = voiceClient();
    const { SipMediaApplicationId } = await createSipMediaApplication(client);
    const created = await client.send(
      new CreateSipMediaApplicationCallCommand({
        SipMediaApplicationId,
        FromPhoneNumber: '+12065550100',
        ToPhoneNumber: '+12065550101',
        SipHeaders: { 'X-Order': '42' },
        ArgumentsMap: { language: 'en-US' },
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    const TransactionId = created.SipMediaApplicationCall!.TransactionId!;
    const updated = await client.send(
      new UpdateSipMediaApplicationCallCommand({
        SipMediaApplicationId,
        TransactionId,
        Arguments: { step: 'goodbye' },
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(202);
    expect(updated.SipMediaApplicationCall).toEqual({ TransactionId });

    const unknown = await rejection(
      client.send(
        new UpdateSipMediaApplicationCallCommand({
          SipMediaApplicationId,
          TransactionId: '00000000-0000-4000-8000-000000000000',
          Arguments: {},
        }),
      ),
    );
    expect(unknown).toBeInstanceOf(NotFoundException);
    // CreateSipMediaApplicationCall's model lists no NotFoundException: a missing application is BadRequest.
    const missing = await rejection(
      client.send(
        new CreateSipMediaApplicationCallCommand({
          SipMediaApplicationId: '00000000-0000-4000-8000-000000000000',
          FromPhoneNumber: '+12065550100',
          ToPhoneNumber: '+12065550101',
        }),
      ),
    );
    expect(missing).toBeInstanceOf(BadRequestException);
  });
});

describe('Emulator, voice: SIP rules', () => {
  it('a RequestUriHostname rule pointing at a Voice Connector’s host name and a SIP media application; get, list, update; delete only once disabled', async () => {
    const client = voiceClient();
    const connector = await createVoiceConnector(client);
    const application = await createSipMediaApplication(client);
    const created = await client.send(
      new CreateSipRuleCommand({
        Name: 'inbound',
        TriggerType: 'RequestUriHostname',
        TriggerValue: connector.OutboundHostName,
        TargetApplications: [
          { SipMediaApplicationId: application.SipMediaApplicationId, Priority: 1, AwsRegion: 'us-east-1' },
        ],
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    const SipRuleId = created.SipRule!.SipRuleId!;
    expect(created.SipRule).toMatchObject({
      Name: 'inbound',
      Disabled: false,
      TriggerValue: connector.OutboundHostName,
    });
    expect((await client.send(new GetSipRuleCommand({ SipRuleId }))).SipRule).toEqual(created.SipRule);

    const enabled = await rejection(client.send(new DeleteSipRuleCommand({ SipRuleId })));
    expect(enabled).toBeInstanceOf(ConflictException);
    const targeted = await rejection(
      client.send(
        new DeleteSipMediaApplicationCommand({ SipMediaApplicationId: application.SipMediaApplicationId }),
      ),
    );
    expect(targeted).toBeInstanceOf(ConflictException);

    const updated = await client.send(
      new UpdateSipRuleCommand({ SipRuleId, Name: 'inbound', Disabled: true }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(202);
    expect(updated.SipRule).toMatchObject({
      Disabled: true,
      TargetApplications: created.SipRule!.TargetApplications,
    });
    await client.send(new DeleteSipRuleCommand({ SipRuleId }));
    expect(await rejection(client.send(new GetSipRuleCommand({ SipRuleId })))).toBeInstanceOf(
      NotFoundException,
    );
    await client.send(
      new DeleteSipMediaApplicationCommand({ SipMediaApplicationId: application.SipMediaApplicationId }),
    );
  });

  it('triggers and targets are checked: a host name of no Voice Connector, a ToPhoneNumber that is not E.164, a missing application, two per region; the same trigger twice is ConflictException', async () => {
    const client = voiceClient();
    const { SipMediaApplicationId } = await createSipMediaApplication(client);
    const target = { SipMediaApplicationId, Priority: 1 };
    const host = await rejection(
      client.send(
        new CreateSipRuleCommand({
          Name: 'r',
          TriggerType: 'RequestUriHostname',
          TriggerValue: 'pbx.example.com',
          TargetApplications: [target],
        }),
      ),
    );
    expect(host).toBeInstanceOf(BadRequestException);
    const number = await rejection(
      client.send(
        new CreateSipRuleCommand({
          Name: 'r',
          TriggerType: 'ToPhoneNumber',
          TriggerValue: 'reception',
          TargetApplications: [target],
        }),
      ),
    );
    expect(number).toBeInstanceOf(BadRequestException);
    const missing = await rejection(
      client.send(
        new CreateSipRuleCommand({
          Name: 'r',
          TriggerType: 'ToPhoneNumber',
          TriggerValue: '+12065550100',
          TargetApplications: [
            { SipMediaApplicationId: '00000000-0000-4000-8000-000000000000', Priority: 1 },
          ],
        }),
      ),
    );
    expect(missing).toBeInstanceOf(BadRequestException);
    const twice = await rejection(
      client.send(
        new CreateSipRuleCommand({
          Name: 'r',
          TriggerType: 'ToPhoneNumber',
          TriggerValue: '+12065550100',
          TargetApplications: [target, { ...target, Priority: 2 }],
        }),
      ),
    );
    expect(twice).toBeInstanceOf(BadRequestException);

    await client.send(
      new CreateSipRuleCommand({
        Name: 'r',
        TriggerType: 'ToPhoneNumber',
        TriggerValue: '+12065550100',
        TargetApplications: [target],
      }),
    );
    const conflict = await rejection(
      client.send(
        new CreateSipRuleCommand({
          Name: 'r2',
          TriggerType: 'ToPhoneNumber',
          TriggerValue: '+12065550100',
          TargetApplications: [target],
        }),
      ),
    );
    expect(conflict).toBeInstanceOf(ConflictException);
  });

  it('ListSipRules pages in creation order and filters by SIP media application; paginateListSipRules walks them', async () => {
    const client = voiceClient();
    const first = await createSipMediaApplication(client, 'first');
    const second = await createSipMediaApplication(client, 'second');
    for (const [index, application] of [first, first, second, first].entries()) {
      await client.send(
        new CreateSipRuleCommand({
          Name: `rule ${index}`,
          TriggerType: 'ToPhoneNumber',
          TriggerValue: `+1206555010${index}`,
          TargetApplications: [{ SipMediaApplicationId: application.SipMediaApplicationId, Priority: 1 }],
        }),
      );
    }
    const all = await pages(paginateListSipRules({ client, pageSize: 3 }, {}));
    expect(all.map((page) => page.SipRules?.map(({ Name }) => Name))).toEqual([
      ['rule 0', 'rule 1', 'rule 2'],
      ['rule 3'],
    ]);
    const ofFirst = await client.send(
      new ListSipRulesCommand({ SipMediaApplicationId: first.SipMediaApplicationId, MaxResults: 2 }),
    );
    expect(ofFirst.SipRules?.map(({ Name }) => Name)).toEqual(['rule 0', 'rule 1']);
    const rest = await client.send(
      new ListSipRulesCommand({
        SipMediaApplicationId: first.SipMediaApplicationId,
        NextToken: ofFirst.NextToken,
      }),
    );
    expect(rest.SipRules?.map(({ Name }) => Name)).toEqual(['rule 3']);
  });
});

describe('Emulator, voice: ValidateE911Address answers deterministically from the address’s form', () => {
  const address = {
    AwsAccountId: EMULATOR_ACCOUNT_ID,
    StreetNumber: '410',
    StreetInfo: 'Terry Ave N',
    City: 'Seattle',
    State: 'WA',
    Country: 'US',
    PostalCode: '98109-5210',
  };

  it('a well-formed US address: 0, the address and a stable AddressExternalId', async () => {
    const client = voiceClient();
    const out = await client.send(new ValidateE911AddressCommand(address));
    expect(out.$metadata.httpStatusCode).toBe(202);
    expect(out.ValidationResult).toBe(0);
    expect(out.Address).toEqual({
      streetName: 'Terry Ave N',
      streetNumber: '410',
      city: 'Seattle',
      state: 'WA',
      postalCode: '98109',
      postalCodePlus4: '5210',
      country: 'US',
    });
    expect(out.AddressExternalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((await client.send(new ValidateE911AddressCommand(address))).AddressExternalId).toBe(
      out.AddressExternalId,
    );
  });

  it('an address that is only untidy: 1, corrected, with the same id as the tidy one', async () => {
    const client = voiceClient();
    const tidy = await client.send(new ValidateE911AddressCommand(address));
    const out = await client.send(
      new ValidateE911AddressCommand({
        ...address,
        StreetInfo: '  Terry   Ave N ',
        State: 'wa',
        Country: 'us',
      }),
    );
    expect(out.ValidationResult).toBe(1);
    expect(out.Address).toEqual(tidy.Address);
    expect(out.AddressExternalId).toBe(tidy.AddressExternalId);
  });

  it('an address outside the US or with a malformed ZIP code or street number: 2, no address, no candidates', async () => {
    const client = voiceClient();
    for (const change of [{ Country: 'CA' }, { PostalCode: '9810' }, { StreetNumber: 'four ten' }]) {
      const out = await client.send(new ValidateE911AddressCommand({ ...address, ...change }));
      expect(out.ValidationResult).toBe(2);
      expect(out.Address).toBeUndefined();
      expect(out.AddressExternalId).toBeUndefined();
      expect(out.CandidateAddressList).toEqual([]);
    }
  });

  it('another account is ForbiddenException, and no message repeats an address member', async () => {
    const error = await rejection(
      voiceClient().send(new ValidateE911AddressCommand({ ...address, AwsAccountId: '444455556666' })),
    );
    expect(error).toBeInstanceOf(ForbiddenException);
    expect(error.message).not.toContain('Terry');
  });
});

describe('Emulator, voice: the generic tag operations on voice resources', () => {
  it('Voice Connectors, groups and SIP media applications take tags; ListTagsForResource lists them in order; UntagResource removes', async () => {
    const client = voiceClient();
    const connector = await createVoiceConnector(client);
    const application = await createSipMediaApplication(client);
    const { VoiceConnectorGroup } = await client.send(new CreateVoiceConnectorGroupCommand({ Name: 'g' }));
    for (const ResourceARN of [
      connector.VoiceConnectorArn!,
      application.SipMediaApplicationArn!,
      VoiceConnectorGroup!.VoiceConnectorGroupArn!,
    ]) {
      await client.send(
        new TagResourceCommand({
          ResourceARN,
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'b', Value: '2' },
          ],
        }),
      );
      await client.send(new UntagResourceCommand({ ResourceARN, TagKeys: ['a'] }));
      expect((await client.send(new ListTagsForResourceCommand({ ResourceARN }))).Tags).toEqual([
        { Key: 'b', Value: '2' },
      ]);
    }
  });

  it('a voice ARN that names nothing is NotFoundException; one of another region is BadRequestException', async () => {
    const client = voiceClient();
    const connector = await createVoiceConnector(client);
    const nothing = await rejection(
      client.send(
        new ListTagsForResourceCommand({
          ResourceARN: `arn:aws:chime:us-east-1:${EMULATOR_ACCOUNT_ID}:vc/abcdef1ghij2klmno3pqr4`,
        }),
      ),
    );
    expect(nothing).toBeInstanceOf(NotFoundException);
    const region = await rejection(
      voiceClient('eu-central-1').send(
        new ListTagsForResourceCommand({ ResourceARN: connector.VoiceConnectorArn }),
      ),
    );
    expect(region).toBeInstanceOf(BadRequestException);
  });
});

describe('Emulator: accepts requests from the legacy client too', () => {
  it('3.699’s own voice commands reach the same store (voice operations have no host prefix)', async () => {
    const legacy = legacyClient(emulator.current);
    const { VoiceConnector } = await legacy.send(
      new LegacyCreateVoiceConnectorCommand({ Name: 'legacy', RequireEncryption: true }),
    );
    const voice = await voiceClient().send(
      new GetVoiceConnectorCommand({ VoiceConnectorId: VoiceConnector!.VoiceConnectorId }),
    );
    expect(voice.VoiceConnector?.Name).toBe('legacy');
    const again = await legacy.send(
      new LegacyGetVoiceConnectorCommand({ VoiceConnectorId: VoiceConnector!.VoiceConnectorId }),
    );
    expect(again.VoiceConnector).toEqual(VoiceConnector);
    legacy.destroy();
  });

  it('the emulator is Chime SDK Voice: a legacy streaming put without Disabled is refused as the namespace refuses it (the shim fills it in)', async () => {
    const legacy = legacyClient(emulator.current);
    const { VoiceConnector } = await legacy.send(
      new LegacyCreateVoiceConnectorCommand({ Name: 'legacy', RequireEncryption: true }),
    );
    const error = await rejection(
      legacy.send(
        new LegacyPutVoiceConnectorStreamingConfigurationCommand({
          VoiceConnectorId: VoiceConnector!.VoiceConnectorId,
          StreamingConfiguration: { DataRetentionInHours: 1 },
        }),
      ),
    );
    expect(error).toBeInstanceOf(LegacyBadRequestException);
    legacy.destroy();
  });
});

describe('Emulator: SigV4 verification applies to the voice routes', () => {
  it('an unsigned voice request is MissingAuthenticationTokenException, before the route is served', async () => {
    const response = await raw(emulator.current, { method: 'GET', path: '/voice-connectors' });
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });
});

describe('Emulator, voice: this file calls every voice operation over HTTP', () => {
  it('every operation of the voice bindings appeared in the request log of some test above', () => {
    expect(
      [...called].filter((name) => OPERATIONS.some((operation) => operation.name === name)).sort(),
    ).toEqual(OPERATIONS.map(({ name }) => name).sort());
  });
});
