import { describe, expect, it } from 'vitest';
import * as Shim from '../../src/index.js';
import { flaggedMembers } from '../../src/model/members.js';
import { setPackageLoaderForTests } from '../../src/namespaces.js';
import { OPERATIONS } from '../../src/operations/generated/index.js';
import type { Operation } from '../../src/operations/operation.js';
import { runCli } from '../cli/helpers.js';
import { RecordingHandler, useEmulator } from '../support/emulator.js';
import { exampleInput } from '../support/shapes.js';
import { command, rejection, useShimOnEmulator } from '../support/shim-surfaces.js';
import { LAMBDA_ARN, runVoiceFlow, VOICE_FLOW_OPERATIONS } from '../support/voice-flow.js';

/**
 * The voice family (issue 12) through the package's surfaces, on the emulator: the contract's
 * "Every removed operation" for Chime SDK Voice, and its translations (the streaming `Disabled`
 * default, the members only the namespace has, tags on voice ARNs, the optional peer).
 */

const emulator = useEmulator();
const { clientConfig, shimClient, later, surfaces: shimSurfaces } = useShimOnEmulator(emulator);

/** Every surface of the package, as a legacy voice service uses it: only the import specifier changed, no options. */
const surfaces = shimSurfaces();
const VOICE = '@aws-sdk/client-chime-sdk-voice';

async function voiceConnector(client: Shim.ChimeClient, Name = 'trunk'): Promise<string> {
  const { VoiceConnector } = await client.send(
    new Shim.CreateVoiceConnectorCommand({ Name, RequireEncryption: true }),
  );
  return VoiceConnector!.VoiceConnectorId!;
}

// ---------------------------------------------------------------------------------------------
// Every surface
// ---------------------------------------------------------------------------------------------

describe('Every removed operation, voice family: a legacy voice service runs on every surface with only the import specifier changed', () => {
  it('the flow calls the operations a voice service needs, across connectors, settings, numbers, SIP and tags', () => {
    const voice = Object.values(OPERATIONS).filter(({ family }) => family === 'voice');
    expect(voice).toHaveLength(55);
    for (const operation of VOICE_FLOW_OPERATIONS) {
      expect(['voice', 'tagging']).toContain(OPERATIONS[operation as keyof typeof OPERATIONS].family);
    }
    expect(VOICE_FLOW_OPERATIONS.size).toBeGreaterThanOrEqual(20);
  });

  it.each(surfaces)('%s', async (_name, surface) => {
    const ran = await runVoiceFlow(surface());
    expect(new Set(ran)).toEqual(VOICE_FLOW_OPERATIONS);
    // Served by Chime SDK Voice in us-east-1 (no ARN in any voice input: the default
    // defaultRegion, where the legacy namespace sent every call), one request per call.
    const requests = emulator.current.requests();
    expect(new Set(requests.map(({ region }) => region))).toEqual(new Set(['us-east-1']));
    expect(requests.map(({ operation }) => operation)).toEqual(ran);
    expect(requests.every(({ status }) => status < 300)).toBe(true);
  });
});

describe('Every removed operation: paginators as 3.699 exported them (paginateListVoiceConnectors, paginateListSipRules)', () => {
  it('paginateListVoiceConnectors pages through every Voice Connector with the shim’s ChimeClient', async () => {
    const client = shimClient();
    for (const name of ['a', 'b', 'c', 'd', 'e']) await voiceConnector(client, name);
    const pages = [];
    for await (const page of Shim.paginateListVoiceConnectors({ client, pageSize: 2 }, {})) {
      pages.push(page.VoiceConnectors?.map(({ Name }) => Name));
    }
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('paginateListSipRules pages through the rules of one SIP media application with the shim’s Chime', async () => {
    const chime = new Shim.Chime(clientConfig());
    later(chime);
    const { SipMediaApplication } = await chime.createSipMediaApplication({
      AwsRegion: 'us-east-1',
      Name: 'ivr',
      Endpoints: [{ LambdaArn: LAMBDA_ARN }],
    });
    const SipMediaApplicationId = SipMediaApplication!.SipMediaApplicationId!;
    for (const index of [0, 1, 2]) {
      await chime.createSipRule({
        Name: `rule ${index}`,
        TriggerType: 'ToPhoneNumber',
        TriggerValue: `+1206555010${index}`,
        TargetApplications: [{ SipMediaApplicationId, Priority: 1 }],
      });
    }
    const pages = [];
    for await (const page of Shim.paginateListSipRules(
      { client: chime, pageSize: 2 },
      { SipMediaApplicationId },
    )) {
      pages.push(page.SipRules?.map(({ Name }) => Name));
    }
    expect(pages).toEqual([['rule 0', 'rule 1'], ['rule 2']]);
  });
});

// ---------------------------------------------------------------------------------------------
// Translations
// ---------------------------------------------------------------------------------------------

describe('Translations: PutVoiceConnectorStreamingConfiguration without StreamingConfiguration.Disabled sends false, the legacy default', () => {
  it('left out: the request carries Disabled: false, the namespace stores it, the event says streaming-disabled-default', async () => {
    const requestHandler = new RecordingHandler();
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({
      requestHandler,
      migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) },
    });
    const VoiceConnectorId = await voiceConnector(client);

    const output = await client.send(
      new Shim.PutVoiceConnectorStreamingConfigurationCommand({
        VoiceConnectorId,
        StreamingConfiguration: { DataRetentionInHours: 6 },
      }),
    );

    expect(requestHandler.sent.at(-1)!.body).toEqual({
      StreamingConfiguration: { DataRetentionInHours: 6, Disabled: false },
    });
    expect(output.StreamingConfiguration).toEqual({ DataRetentionInHours: 6, Disabled: false });
    const stored = await client.send(
      new Shim.GetVoiceConnectorStreamingConfigurationCommand({ VoiceConnectorId }),
    );
    expect(stored.StreamingConfiguration?.Disabled).toBe(false);
    expect(events.at(-2)).toMatchObject({
      operation: 'PutVoiceConnectorStreamingConfiguration',
      family: 'voice',
      outcome: 'success',
      translation: 'streaming-disabled-default',
    });
  });

  it.each([true, false])(
    'given (Disabled: %s): sent as it is, no translation in the event',
    async (Disabled) => {
      const requestHandler = new RecordingHandler();
      const events: Shim.ShimEvent[] = [];
      const client = shimClient({
        requestHandler,
        migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) },
      });
      const VoiceConnectorId = await voiceConnector(client);

      await client.send(
        new Shim.PutVoiceConnectorStreamingConfigurationCommand({
          VoiceConnectorId,
          StreamingConfiguration: { DataRetentionInHours: 6, Disabled },
        }),
      );

      expect(requestHandler.sent.at(-1)!.body).toEqual({
        StreamingConfiguration: { DataRetentionInHours: 6, Disabled },
      });
      expect(events.at(-1)?.translation).toBeUndefined();
    },
  );

  it('the caller’s object is not changed: the default goes into the shim’s copy', async () => {
    const client = shimClient();
    const VoiceConnectorId = await voiceConnector(client);
    const input = { VoiceConnectorId, StreamingConfiguration: { DataRetentionInHours: 1 } };
    await client.send(new Shim.PutVoiceConnectorStreamingConfigurationCommand(input));
    expect(input).toEqual({ VoiceConnectorId, StreamingConfiguration: { DataRetentionInHours: 1 } });
  });
});

/** Every voice operation whose request has members only Chime SDK Voice has, with the paths of those members. */
const withNewOnly = Object.values(OPERATIONS as Record<string, Operation>)
  .filter(({ family }) => family === 'voice')
  .map(
    (operation) =>
      [
        operation.name,
        operation,
        flaggedMembers(exampleInput(operation), operation.input, 'newOnly'),
      ] as const,
  )
  .filter(([, , members]) => members.length > 0);

describe('Routes: members only Chime SDK Voice has (CreateSipMediaApplicationCall’s ArgumentsMap, ...) are accepted on the identity route and refused on the legacy route', () => {
  it('the voice operations with such members, from the table', () => {
    expect(Object.fromEntries(withNewOnly.map(([name, , members]) => [name, members]))).toEqual({
      CreateSipMediaApplication: ['tags'],
      CreateSipMediaApplicationCall: ['argumentsMap'],
      CreateVoiceConnector: ['tags', 'integrationType'],
      PutVoiceConnectorStreamingConfiguration: ['streamingConfiguration.mediaInsightsConfiguration'],
    });
  });

  it.each(withNewOnly)(
    '%s on the legacy route: a BadRequestException naming each such member, before any I/O',
    async (name, _operation, members) => {
      const requestHandler = new RecordingHandler();
      const events: Shim.ShimEvent[] = [];
      const client = shimClient({
        requestHandler,
        migration: { route: 'legacy', onEvent: (event: Shim.ShimEvent) => events.push(event) },
      });
      const error = await rejection(
        client.send(command(name, exampleInput(OPERATIONS[name as keyof typeof OPERATIONS]))),
      );
      expect(error).toBeInstanceOf(Shim.BadRequestException);
      for (const member of members) {
        expect(error.message).toContain(
          `Value at '${member}' failed to satisfy constraint: Member is not supported by the Amazon Chime namespace (legacy route)`,
        );
      }
      expect(requestHandler.sent).toHaveLength(0);
      expect(events).toMatchObject([
        { operation: name, route: 'legacy', outcome: 'error', errorName: 'BadRequestException' },
      ]);
    },
  );

  it('CreateSipMediaApplicationCall with ArgumentsMap on the identity route: sent to Chime SDK Voice with it, a transaction back', async () => {
    const requestHandler = new RecordingHandler();
    const client = shimClient({ requestHandler });
    const { SipMediaApplication } = await client.send(
      new Shim.CreateSipMediaApplicationCommand({
        AwsRegion: 'us-east-1',
        Name: 'ivr',
        Endpoints: [{ LambdaArn: LAMBDA_ARN }],
      }),
    );
    const output = await client.send(
      new Shim.CreateSipMediaApplicationCallCommand({
        SipMediaApplicationId: SipMediaApplication!.SipMediaApplicationId,
        FromPhoneNumber: '+12065550100',
        ToPhoneNumber: '+12065550101',
        ArgumentsMap: { language: 'en-US' },
      }),
    );
    expect(output.SipMediaApplicationCall?.TransactionId).toEqual(expect.any(String));
    expect(requestHandler.sent.at(-1)!.body).toMatchObject({ ArgumentsMap: { language: 'en-US' } });
    expect(requestHandler.sent.at(-1)!.headers['user-agent']).toContain('api/chime-sdk-voice#');
  });

  it('the legacy route on a current SDK (no member of the namespace’s own): Chime SDK Voice in us-east-1, whatever defaultRegion says', async () => {
    const requestHandler = new RecordingHandler();
    const client = shimClient({
      requestHandler,
      migration: { route: 'legacy', defaultRegion: 'eu-central-1' },
    });
    const VoiceConnectorId = await voiceConnector(client);
    expect(VoiceConnectorId).toMatch(/^[a-z0-9]{22}$/);
    expect(requestHandler.sent[0]).toMatchObject({ signingRegion: 'us-east-1' });
    expect(requestHandler.sent[0]!.headers['user-agent']).toContain('api/chime-sdk-voice#');
  });
});

describe('Translations: TagResource / UntagResource / ListTagsForResource on a voice ARN go to the voice namespace', () => {
  it.each([
    ['a Voice Connector (vc/)', 'vc'],
    ['a SIP media application (sma/)', 'sma'],
  ])('%s: served by Chime SDK Voice (its client), the event family voice', async (_name, type) => {
    const requestHandler = new RecordingHandler();
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({
      requestHandler,
      migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) },
    });
    const ResourceARN =
      type === 'vc'
        ? (
            await client.send(
              new Shim.CreateVoiceConnectorCommand({ Name: 'trunk', RequireEncryption: true }),
            )
          ).VoiceConnector!.VoiceConnectorArn!
        : (
            await client.send(
              new Shim.CreateSipMediaApplicationCommand({
                AwsRegion: 'us-east-1',
                Name: 'ivr',
                Endpoints: [{ LambdaArn: LAMBDA_ARN }],
              }),
            )
          ).SipMediaApplication!.SipMediaApplicationId!;
    const arn = type === 'vc' ? ResourceARN : `arn:aws:chime:us-east-1:111122223333:sma/${ResourceARN}`;
    const before = requestHandler.sent.length;

    await client.send(new Shim.TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'k', Value: 'v' }] }));
    const { Tags } = await client.send(new Shim.ListTagsForResourceCommand({ ResourceARN: arn }));
    await client.send(new Shim.UntagResourceCommand({ ResourceARN: arn, TagKeys: ['k'] }));

    expect(Tags).toEqual([{ Key: 'k', Value: 'v' }]);
    const sent = requestHandler.sent.slice(before);
    expect(sent).toHaveLength(3);
    expect(sent.every(({ headers }) => headers['user-agent']?.includes('api/chime-sdk-voice#'))).toBe(true);
    expect(events.slice(1).map(({ operation, family }) => [operation, family])).toEqual([
      ['TagResource', 'voice'],
      ['ListTagsForResource', 'voice'],
      ['UntagResource', 'voice'],
    ]);
  });

  it('a voice ARN of a region outside the allow-list: BadRequestException naming resourceARN, nothing sent', async () => {
    const requestHandler = new RecordingHandler();
    const client = shimClient({ requestHandler });
    const error = await rejection(
      client.send(
        new Shim.ListTagsForResourceCommand({
          ResourceARN: 'arn:aws:chime:ap-south-1:111122223333:vc/abcdef1ghij2klmno3pqr4',
        }),
      ),
    );
    expect(error).toBeInstanceOf(Shim.BadRequestException);
    expect(error.message).toContain("Value at 'resourceARN'");
    expect(requestHandler.sent).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Errors, the optional peer, the CLI
// ---------------------------------------------------------------------------------------------

describe('Every removed operation, Errors: a voice service error reaches the caller as the installed legacy class', () => {
  it('NotFoundException (an unknown Voice Connector), with Code, $fault, $metadata and the original as cause', async () => {
    const client = shimClient();
    const error = await rejection(
      client.send(new Shim.GetVoiceConnectorCommand({ VoiceConnectorId: 'abcdef1ghij2klmno3pqr4' })),
    );
    expect(error).toBeInstanceOf(Shim.NotFoundException);
    expect(error).toMatchObject({
      name: 'NotFoundException',
      Code: 'NotFound',
      $fault: 'client',
      $metadata: { httpStatusCode: 404 },
    });
    expect(error.cause?.name).toBe('NotFoundException');
  });

  it('ConflictException (an enabled SIP rule deleted), and a name outside the namespace’s pattern is its BadRequestException', async () => {
    const client = shimClient();
    const { SipMediaApplication } = await client.send(
      new Shim.CreateSipMediaApplicationCommand({
        AwsRegion: 'us-east-1',
        Name: 'ivr',
        Endpoints: [{ LambdaArn: LAMBDA_ARN }],
      }),
    );
    const { SipRule } = await client.send(
      new Shim.CreateSipRuleCommand({
        Name: 'r',
        TriggerType: 'ToPhoneNumber',
        TriggerValue: '+12065550100',
        TargetApplications: [
          { SipMediaApplicationId: SipMediaApplication!.SipMediaApplicationId, Priority: 1 },
        ],
      }),
    );
    const conflict = await rejection(
      client.send(new Shim.DeleteSipRuleCommand({ SipRuleId: SipRule!.SipRuleId })),
    );
    expect(conflict).toBeInstanceOf(Shim.ConflictException);

    // Valid for the legacy model (any 1-256 characters), not for Chime SDK Voice's ^[a-zA-Z0-9 _.-]+$.
    const name = await rejection(
      client.send(new Shim.CreateVoiceConnectorCommand({ Name: 'trunk/east', RequireEncryption: true })),
    );
    expect(name).toBeInstanceOf(Shim.BadRequestException);
    expect(name.message).toContain('^[a-zA-Z0-9 _.-]+$');
  });
});

describe('Package: @aws-sdk/client-chime-sdk-voice is an optional peer, loaded on the first voice call', () => {
  it('not installed: a ChimeIdentityShimConfigurationError before any I/O naming the operation, the package and npm install', async () => {
    setPackageLoaderForTests(async (specifier) => {
      if (specifier.startsWith(VOICE)) {
        throw Object.assign(new Error(`Cannot find package '${specifier}'`), {
          code: 'ERR_MODULE_NOT_FOUND',
        });
      }
      return import(specifier);
    });
    const events: Shim.ShimEvent[] = [];
    const error = await rejection(
      Shim.createVoiceConnector(
        { Name: 'trunk', RequireEncryption: true },
        { identityConfig: clientConfig(), onEvent: (event) => events.push(event) },
      ),
    );
    expect(Shim.isChimeIdentityShimConfigurationError(error)).toBe(true);
    expect(error.message).toContain('CreateVoiceConnector');
    expect(error.message).toContain('Chime SDK Voice');
    expect(error.message).toContain(`npm install ${VOICE}`);
    expect(emulator.current.requests()).toEqual([]);
    expect(events).toMatchObject([{ operation: 'CreateVoiceConnector', family: 'voice', outcome: 'error' }]);

    // Installed again (the real loader): the same call goes through; a failed load is not kept.
    setPackageLoaderForTests(undefined);
    const output = await Shim.createVoiceConnector(
      { Name: 'trunk', RequireEncryption: true },
      { identityConfig: clientConfig() },
    );
    expect(output.VoiceConnector?.Name).toBe('trunk');
  });

  it('a voice tag operation without the package: the same configuration error, naming TagResource', async () => {
    setPackageLoaderForTests(async (specifier) => {
      if (specifier.startsWith(VOICE))
        throw Object.assign(new Error('not found'), { code: 'MODULE_NOT_FOUND' });
      return import(specifier);
    });
    const error = await rejection(
      shimClient().send(
        new Shim.TagResourceCommand({
          ResourceARN: 'arn:aws:chime:us-east-1:111122223333:vc/abcdef1ghij2klmno3pqr4',
          Tags: [{ Key: 'k', Value: 'v' }],
        }),
      ),
    );
    expect(Shim.isChimeIdentityShimConfigurationError(error)).toBe(true);
    expect(error.message).toContain('TagResource');
    expect(error.message).toContain(`npm install ${VOICE}`);
    expect(emulator.current.requests()).toEqual([]);
  });

  it('a service that calls only identity operations never loads it; the first voice call loads it once', async () => {
    const loaded: string[] = [];
    setPackageLoaderForTests((specifier) => {
      loaded.push(specifier);
      return import(specifier);
    });
    const client = shimClient();
    const AppInstanceArn = emulator.current.createAppInstance();
    const { AppInstanceUserArn } = await client.send(
      new Shim.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u', Name: 'u' }),
    );
    await client.send(
      new Shim.TagResourceCommand({ ResourceARN: AppInstanceUserArn, Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    expect(loaded.filter((specifier) => specifier.startsWith(VOICE))).toEqual([]);

    await voiceConnector(client);
    await client.send(new Shim.ListVoiceConnectorsCommand({}));
    expect(loaded.filter((specifier) => specifier === VOICE)).toEqual([VOICE]);
  });
});

describe('CLI: chime-identity-shim op-kebab for the voice operations, with the flags `aws chime` had', () => {
  it('create-voice-connector, put-voice-connector-streaming-configuration (shorthand, no Disabled) and create-sip-rule (JSON), JSON out', async () => {
    const endpoint = ['--endpoint-url', emulator.current.endpoint];
    const created = await runCli([
      'create-voice-connector',
      '--name',
      'cli trunk',
      '--require-encryption',
      ...endpoint,
    ]);
    expect(created).toMatchObject({ exitCode: 0, stderr: '' });
    const { VoiceConnector } = JSON.parse(created.stdout);
    expect(VoiceConnector).toMatchObject({ Name: 'cli trunk', RequireEncryption: true });

    const streaming = await runCli([
      'put-voice-connector-streaming-configuration',
      '--voice-connector-id',
      VoiceConnector.VoiceConnectorId,
      '--streaming-configuration',
      'DataRetentionInHours=12',
      ...endpoint,
    ]);
    expect(JSON.parse(streaming.stdout)).toEqual({
      StreamingConfiguration: { DataRetentionInHours: 12, Disabled: false },
    });

    const application = await runCli([
      'create-sip-media-application',
      '--aws-region',
      'us-east-1',
      '--name',
      'ivr',
      '--endpoints',
      JSON.stringify([{ LambdaArn: LAMBDA_ARN }]),
      ...endpoint,
    ]);
    const { SipMediaApplicationId } = JSON.parse(application.stdout).SipMediaApplication;
    const rule = await runCli([
      'create-sip-rule',
      '--name',
      'inbound',
      '--trigger-type',
      'RequestUriHostname',
      '--trigger-value',
      VoiceConnector.OutboundHostName,
      '--target-applications',
      JSON.stringify([{ SipMediaApplicationId, Priority: 1 }]),
      ...endpoint,
    ]);
    expect(rule.exitCode).toBe(0);
    expect(JSON.parse(rule.stdout).SipRule).toMatchObject({
      Name: 'inbound',
      TriggerValue: VoiceConnector.OutboundHostName,
    });
  });

  it('a Voice Connector that does not exist: the service error printed as aws prints it, exit 254', async () => {
    const run = await runCli([
      'get-voice-connector',
      '--voice-connector-id',
      'abcdef1ghij2klmno3pqr4',
      '--endpoint-url',
      emulator.current.endpoint,
    ]);
    expect(run.exitCode).toBe(254);
    expect(run.stderr).toContain(
      'An error occurred (NotFoundException) when calling the GetVoiceConnector operation: ',
    );
  });
});
