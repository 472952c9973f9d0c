import { expect } from 'vitest';
import type { Surface } from './identity-flow.js';

/**
 * What a legacy voice service does, in order, as one table (the voice twin of identity-flow.ts):
 * a Voice Connector with origination and termination (and its credentials, streaming and a phone
 * number), a SIP media application, a SIP rule pointing the connector's calls at it, a call, tags,
 * and the teardown. The inputs are what such a service wrote against `@aws-sdk/client-chime`
 * 3.699 (`StreamingConfiguration` without `Disabled`, as the legacy model allowed); every surface
 * runs the same steps (test/core/voice-operations.test.ts, test/sdk-3.699/plugin-voice.test.ts).
 */

export const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:111122223333:function:ivr-handler';
export const PHONE_NUMBER = '+12065550100';

interface FlowState {
  VoiceConnectorId: string;
  VoiceConnectorArn: string;
  OutboundHostName: string;
  SipMediaApplicationId: string;
  SipRuleId: string;
}

interface Step {
  readonly operation: string;
  readonly input: (state: FlowState) => Record<string, unknown>;
  readonly check?: (output: Record<string, any>, state: FlowState) => void;
}

const sorted = (value: object) => Object.keys(value).sort();

export const VOICE_FLOW: readonly Step[] = [
  {
    operation: 'CreateVoiceConnector',
    input: () => ({ Name: 'pbx trunk', AwsRegion: 'us-east-1', RequireEncryption: true }),
    check: (output, state) => {
      const connector = output.VoiceConnector;
      expect(connector.VoiceConnectorId).toMatch(/^[a-z0-9]{22}$/);
      expect(connector.OutboundHostName).toBe(`${connector.VoiceConnectorId}.voiceconnector.chime.aws`);
      expect(connector.CreatedTimestamp).toBeInstanceOf(Date);
      state.VoiceConnectorId = connector.VoiceConnectorId;
      state.VoiceConnectorArn = connector.VoiceConnectorArn;
      state.OutboundHostName = connector.OutboundHostName;
    },
  },
  {
    operation: 'PutVoiceConnectorOrigination',
    input: ({ VoiceConnectorId }) => ({
      VoiceConnectorId,
      Origination: {
        Routes: [{ Host: '203.0.113.10', Port: 5060, Protocol: 'UDP', Priority: 1, Weight: 1 }],
        Disabled: false,
      },
    }),
  },
  {
    operation: 'GetVoiceConnectorOrigination',
    input: ({ VoiceConnectorId }) => ({ VoiceConnectorId }),
    check: (output) =>
      expect(output.Origination).toEqual({
        Routes: [{ Host: '203.0.113.10', Port: 5060, Protocol: 'UDP', Priority: 1, Weight: 1 }],
        Disabled: false,
      }),
  },
  {
    operation: 'PutVoiceConnectorTermination',
    input: ({ VoiceConnectorId }) => ({
      VoiceConnectorId,
      Termination: {
        CpsLimit: 1,
        CallingRegions: ['US'],
        CidrAllowedList: ['203.0.113.0/24'],
        Disabled: false,
      },
    }),
  },
  {
    operation: 'PutVoiceConnectorTerminationCredentials',
    input: ({ VoiceConnectorId }) => ({
      VoiceConnectorId,
      Credentials: [{ Username: 'pbx', Password: 'flow-password-not-a-secret' }],
    }),
  },
  {
    operation: 'ListVoiceConnectorTerminationCredentials',
    input: ({ VoiceConnectorId }) => ({ VoiceConnectorId }),
    check: (output) => expect(output.Usernames).toEqual(['pbx']),
  },
  {
    // The legacy model let Disabled be left out (streaming on): the shim sends `false`.
    operation: 'PutVoiceConnectorStreamingConfiguration',
    input: ({ VoiceConnectorId }) => ({
      VoiceConnectorId,
      StreamingConfiguration: {
        DataRetentionInHours: 24,
        StreamingNotificationTargets: [{ NotificationTarget: 'SNS' }],
      },
    }),
    check: (output) =>
      expect(output.StreamingConfiguration).toEqual({
        DataRetentionInHours: 24,
        Disabled: false,
        StreamingNotificationTargets: [{ NotificationTarget: 'SNS' }],
      }),
  },
  {
    operation: 'AssociatePhoneNumbersWithVoiceConnector',
    input: ({ VoiceConnectorId }) => ({ VoiceConnectorId, E164PhoneNumbers: [PHONE_NUMBER] }),
    check: (output) => expect(output.PhoneNumberErrors).toEqual([]),
  },
  {
    operation: 'CreateSipMediaApplication',
    input: () => ({ AwsRegion: 'us-east-1', Name: 'ivr', Endpoints: [{ LambdaArn: LAMBDA_ARN }] }),
    check: (output, state) => {
      state.SipMediaApplicationId = output.SipMediaApplication.SipMediaApplicationId;
      // The legacy response: the namespace's SipMediaApplicationArn is not added.
      expect(sorted(output.SipMediaApplication)).toEqual(
        [
          'AwsRegion',
          'CreatedTimestamp',
          'Endpoints',
          'Name',
          'SipMediaApplicationId',
          'UpdatedTimestamp',
        ].sort(),
      );
    },
  },
  {
    operation: 'CreateSipRule',
    input: ({ OutboundHostName, SipMediaApplicationId }) => ({
      Name: 'inbound calls',
      TriggerType: 'RequestUriHostname',
      TriggerValue: OutboundHostName,
      TargetApplications: [{ SipMediaApplicationId, Priority: 1, AwsRegion: 'us-east-1' }],
    }),
    check: (output, state) => {
      state.SipRuleId = output.SipRule.SipRuleId;
      expect(output.SipRule).toMatchObject({ Disabled: false, TriggerType: 'RequestUriHostname' });
    },
  },
  {
    operation: 'GetSipRule',
    input: ({ SipRuleId }) => ({ SipRuleId }),
    check: (output, { OutboundHostName, SipMediaApplicationId }) =>
      expect(output.SipRule).toMatchObject({
        TriggerValue: OutboundHostName,
        TargetApplications: [{ SipMediaApplicationId, Priority: 1, AwsRegion: 'us-east-1' }],
      }),
  },
  {
    operation: 'ListSipRules',
    input: ({ SipMediaApplicationId }) => ({ SipMediaApplicationId }),
    check: (output, { SipRuleId }) =>
      expect(output.SipRules.map((rule: { SipRuleId: string }) => rule.SipRuleId)).toEqual([SipRuleId]),
  },
  {
    operation: 'ListVoiceConnectors',
    input: () => ({}),
    check: (output, { VoiceConnectorId }) =>
      expect(
        output.VoiceConnectors.map((connector: { VoiceConnectorId: string }) => connector.VoiceConnectorId),
      ).toContain(VoiceConnectorId),
  },
  {
    operation: 'CreateSipMediaApplicationCall',
    input: ({ SipMediaApplicationId }) => ({
      SipMediaApplicationId,
      FromPhoneNumber: PHONE_NUMBER,
      ToPhoneNumber: '+12065550101',
    }),
    check: (output) => expect(output.SipMediaApplicationCall.TransactionId).toEqual(expect.any(String)),
  },
  {
    operation: 'TagResource',
    input: ({ VoiceConnectorArn }) => ({
      ResourceARN: VoiceConnectorArn,
      Tags: [{ Key: 'site', Value: 'seattle' }],
    }),
  },
  {
    operation: 'ListTagsForResource',
    input: ({ VoiceConnectorArn }) => ({ ResourceARN: VoiceConnectorArn }),
    check: (output) => expect(output.Tags).toEqual([{ Key: 'site', Value: 'seattle' }]),
  },
  // Teardown, in the order the service requires: a rule is disabled before it is deleted, and the
  // application it targets after it; numbers leave the connector before the connector goes.
  {
    operation: 'UpdateSipRule',
    input: ({ SipRuleId }) => ({ SipRuleId, Name: 'inbound calls', Disabled: true }),
    check: (output) => expect(output.SipRule.Disabled).toBe(true),
  },
  { operation: 'DeleteSipRule', input: ({ SipRuleId }) => ({ SipRuleId }) },
  {
    operation: 'DeleteSipMediaApplication',
    input: ({ SipMediaApplicationId }) => ({ SipMediaApplicationId }),
  },
  {
    operation: 'DisassociatePhoneNumbersFromVoiceConnector',
    input: ({ VoiceConnectorId }) => ({ VoiceConnectorId, E164PhoneNumbers: [PHONE_NUMBER] }),
    check: (output) => expect(output.PhoneNumberErrors).toEqual([]),
  },
  { operation: 'DeleteVoiceConnector', input: ({ VoiceConnectorId }) => ({ VoiceConnectorId }) },
];

/** The operations the flow calls. */
export const VOICE_FLOW_OPERATIONS: ReadonlySet<string> = new Set(
  VOICE_FLOW.map(({ operation }) => operation),
);

/** Runs the flow through one surface (in an emulator that starts empty) and returns each step's operation. */
export async function runVoiceFlow(surface: Surface): Promise<string[]> {
  const state: FlowState = {
    VoiceConnectorId: '',
    VoiceConnectorArn: '',
    OutboundHostName: '',
    SipMediaApplicationId: '',
    SipRuleId: '',
  };
  const ran: string[] = [];
  for (const step of VOICE_FLOW) {
    const output = await surface(step.operation, step.input(state));
    expect(output.$metadata?.httpStatusCode, step.operation).toBeGreaterThanOrEqual(200);
    step.check?.(output, state);
    ran.push(step.operation);
  }
  return ran;
}
