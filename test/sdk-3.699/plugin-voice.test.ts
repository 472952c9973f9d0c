/**
 * In this project `@aws-sdk/client-chime` resolves to the real 3.699.0 package (vitest.config.ts):
 * a voice service pinned to it, with its own commands for every voice operation AWS later
 * removed, plus one plugin line.
 */
import * as Pinned from 'legacy-chime';
import { afterEach, describe, expect, it } from 'vitest';
import { chimeIdentityMigration, type ShimEvent, type ShimOptions } from '../../src/index.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';
import { rejection } from '../support/rejection.js';
import { LAMBDA_ARN, runVoiceFlow, VOICE_FLOW_OPERATIONS } from '../support/voice-flow.js';

const emulator = useEmulator();
const commands = Pinned as unknown as Record<string, new (input: object) => any>;
const clients: { destroy(): void }[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function pinnedClient(options: ShimOptions) {
  const requestHandler = new RecordingHandler();
  const events: ShimEvent[] = [];
  const client = new Pinned.ChimeClient({
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
    requestHandler,
  });
  client.middlewareStack.use(chimeIdentityMigration({ onEvent: (event) => events.push(event), ...options }));
  clients.push(client);
  const surface = (operation: string, input: object) =>
    client.send(new commands[`${operation}Command`]!(input));
  return { client, surface, sent: requestHandler.sent, events };
}

describe('Surfaces 2, every removed operation: the plugin reroutes the pinned client’s own voice commands', () => {
  it('identity route: each of the client’s own commands is served by Chime SDK Voice in defaultRegion', async () => {
    const { surface, sent, events } = pinnedClient({ route: 'identity', defaultRegion: 'eu-central-1' });

    const ran = await runVoiceFlow(surface);

    expect(new Set(ran)).toEqual(VOICE_FLOW_OPERATIONS);
    expect(emulator.current.requests().map(({ operation }) => operation)).toEqual(ran);
    expect(sent).toHaveLength(ran.length);
    expect(sent.every(({ signingRegion }) => signingRegion === 'eu-central-1')).toBe(true);
    expect(sent.every(({ headers }) => headers['user-agent']?.includes('api/chime-sdk-voice#'))).toBe(true);
    expect(events.map(({ operation }) => operation)).toEqual(ran);
    expect(events.every(({ route, family }) => route === 'identity' && family === 'voice')).toBe(true);
    expect(
      events.find(({ operation }) => operation === 'PutVoiceConnectorStreamingConfiguration')?.translation,
    ).toBe('streaming-disabled-default');
  });

  it('3.699’s own paginators, paginateListVoiceConnectors and paginateListSipRules, page through the shim', async () => {
    const { client } = pinnedClient({ route: 'identity' });
    for (const Name of ['a', 'b', 'c']) {
      await client.send(new Pinned.CreateVoiceConnectorCommand({ Name, RequireEncryption: true }));
    }
    const names = [];
    for await (const page of Pinned.paginateListVoiceConnectors({ client, pageSize: 2 }, {})) {
      names.push((page.VoiceConnectors ?? []).map(({ Name }) => Name));
    }
    expect(names).toEqual([['a', 'b'], ['c']]);

    const { SipMediaApplication } = await client.send(
      new Pinned.CreateSipMediaApplicationCommand({
        AwsRegion: 'us-east-1',
        Name: 'ivr',
        Endpoints: [{ LambdaArn: LAMBDA_ARN }],
      }),
    );
    const SipMediaApplicationId = SipMediaApplication!.SipMediaApplicationId!;
    for (const index of [0, 1, 2]) {
      await client.send(
        new Pinned.CreateSipRuleCommand({
          Name: `rule ${index}`,
          TriggerType: Pinned.SipRuleTriggerType.ToPhoneNumber,
          TriggerValue: `+1206555010${index}`,
          TargetApplications: [{ SipMediaApplicationId, Priority: 1 }],
        }),
      );
    }
    const rules = [];
    for await (const page of Pinned.paginateListSipRules(
      { client, pageSize: 2 },
      { SipMediaApplicationId },
    )) {
      rules.push((page.SipRules ?? []).map(({ Name }) => Name));
    }
    expect(rules).toEqual([['rule 0', 'rule 1'], ['rule 2']]);
  });

  it('legacy route: the client’s own command, untouched (us-east-1 signing, its user agent, its body)', async () => {
    const { client, sent, events } = pinnedClient({ route: 'legacy', defaultRegion: 'eu-central-1' });

    const { VoiceConnector } = await client.send(
      new Pinned.CreateVoiceConnectorCommand({ Name: 'legacy', RequireEncryption: false }),
    );

    expect(VoiceConnector?.Name).toBe('legacy');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ signingRegion: 'us-east-1', path: '/voice-connectors' });
    expect(sent[0]!.headers['user-agent']).toContain('api/chime#3.699.0');
    expect(events).toEqual([
      expect.objectContaining({ operation: 'CreateVoiceConnector', route: 'legacy', family: 'voice' }),
    ]);

    // The Disabled default is a translation for Chime SDK Voice: the legacy route sends what the
    // caller's own command sends (the emulator, being Chime SDK Voice, then refuses it).
    await rejection(
      client.send(
        new Pinned.PutVoiceConnectorStreamingConfigurationCommand({
          VoiceConnectorId: VoiceConnector!.VoiceConnectorId,
          StreamingConfiguration: { DataRetentionInHours: 1 },
        }),
      ),
    );
    expect(sent[1]!.headers['user-agent']).toContain('api/chime#3.699.0');
    expect(sent[1]!.body).toEqual({ StreamingConfiguration: { DataRetentionInHours: 1 } });
  });

  it('legacy route: a member only Chime SDK Voice has (ArgumentsMap) is refused before the client’s own command runs', async () => {
    const { client, sent, events } = pinnedClient({ route: 'legacy' });
    const error = await rejection(
      client.send(
        new Pinned.CreateSipMediaApplicationCallCommand({
          SipMediaApplicationId: '00000000-0000-4000-8000-000000000000',
          FromPhoneNumber: '+12065550100',
          ToPhoneNumber: '+12065550101',
          ArgumentsMap: { language: 'en-US' },
        } as never),
      ),
    );
    expect(error).toBeInstanceOf(Pinned.BadRequestException);
    expect(error.message).toContain(
      "Value at 'argumentsMap' failed to satisfy constraint: Member is not supported",
    );
    expect(sent).toHaveLength(0);
    expect(events).toMatchObject([
      { operation: 'CreateSipMediaApplicationCall', route: 'legacy', outcome: 'error' },
    ]);
  });

  it('service errors arrive as the pinned client’s own classes (ConflictException for a SIP media application a rule targets)', async () => {
    const { client } = pinnedClient({ route: 'identity' });
    const { SipMediaApplication } = await client.send(
      new Pinned.CreateSipMediaApplicationCommand({
        AwsRegion: 'us-east-1',
        Name: 'ivr',
        Endpoints: [{ LambdaArn: LAMBDA_ARN }],
      }),
    );
    const SipMediaApplicationId = SipMediaApplication!.SipMediaApplicationId!;
    await client.send(
      new Pinned.CreateSipRuleCommand({
        Name: 'r',
        TriggerType: Pinned.SipRuleTriggerType.ToPhoneNumber,
        TriggerValue: '+12065550100',
        TargetApplications: [{ SipMediaApplicationId, Priority: 1 }],
      }),
    );
    const error = await rejection(
      client.send(new Pinned.DeleteSipMediaApplicationCommand({ SipMediaApplicationId })),
    );
    expect(error).toBeInstanceOf(Pinned.ConflictException);
    expect(error).toMatchObject({
      name: 'ConflictException',
      $fault: 'client',
      $metadata: { httpStatusCode: 409 },
    });
  });
});
