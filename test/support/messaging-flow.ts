import { expect } from 'vitest';
import type { Surface } from './identity-flow.js';

/**
 * What a legacy chat service does with the messaging operations, in order, as one table (the
 * messaging twin of identity-flow.ts): each step is an operation, its input (from what earlier
 * steps answered) and what the caller relies on in its answer. Every surface runs the same steps
 * (test/core/messaging-operations.test.ts, test/sdk-3.699/plugin-messaging.test.ts).
 *
 * The service acts as its admin user without naming it: it never set `ChimeBearer`, which the
 * legacy namespace did not require, and the shim takes it from the `chimeBearer` option
 * (`adminArn`). Steps a member takes name the member as `ChimeBearer`, as legacy code did.
 */

export interface MessagingFlowState {
  /** Created before the flow (the bearer option names a user of it), in eu-central-1. */
  readonly AppInstanceArn: string;
  /** `<AppInstanceArn>/user/admin`: the `chimeBearer` option of every surface. */
  readonly adminArn: string;
  aliceArn: string;
  bobArn: string;
  ChannelArn: string;
  messageIds: string[];
}

interface Step {
  readonly operation: string;
  readonly input: (state: MessagingFlowState) => Record<string, unknown>;
  readonly check?: (output: Record<string, any>, state: MessagingFlowState) => void;
}

const STREAM = 'arn:aws:kinesis:eu-central-1:111122223333:stream/chat-messages';

export const MESSAGING_FLOW: readonly Step[] = [
  {
    operation: 'CreateAppInstanceUser',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn, AppInstanceUserId: 'admin', Name: 'Service' }),
  },
  {
    operation: 'CreateAppInstanceAdmin',
    input: ({ AppInstanceArn, adminArn }) => ({ AppInstanceArn, AppInstanceAdminArn: adminArn }),
  },
  {
    operation: 'CreateAppInstanceUser',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn, AppInstanceUserId: 'alice', Name: 'Alice' }),
    check: (output, state) => {
      state.aliceArn = output.AppInstanceUserArn;
    },
  },
  {
    operation: 'CreateAppInstanceUser',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn, AppInstanceUserId: 'bob', Name: 'Bob' }),
    check: (output, state) => {
      state.bobArn = output.AppInstanceUserArn;
    },
  },
  {
    // No ChimeBearer: the service's own (the chimeBearer option).
    operation: 'CreateChannel',
    input: ({ AppInstanceArn }) => ({
      AppInstanceArn,
      Name: 'support',
      Mode: 'RESTRICTED',
      Privacy: 'PRIVATE',
      Metadata: '{"queue":"billing"}',
      Tags: [{ Key: 'team', Value: 'billing' }],
    }),
    check: (output, state) => {
      expect(output.ChannelArn).toMatch(
        new RegExp(`^${state.AppInstanceArn}/channel/[0-9a-f-]{36}$`.replaceAll('/', '\\/')),
      );
      state.ChannelArn = output.ChannelArn;
    },
  },
  {
    operation: 'CreateChannelMembership',
    input: ({ ChannelArn, aliceArn }) => ({ ChannelArn, MemberArn: aliceArn, Type: 'DEFAULT' }),
    check: (output, { aliceArn }) => expect(output.Member).toEqual({ Arn: aliceArn, Name: 'Alice' }),
  },
  {
    operation: 'BatchCreateChannelMembership',
    input: ({ ChannelArn, bobArn, aliceArn }) => ({ ChannelArn, MemberArns: [bobArn, aliceArn] }),
    check: (output, { bobArn, aliceArn, adminArn }) => {
      expect(output.BatchChannelMemberships).toMatchObject({
        InvitedBy: { Arn: adminArn },
        Members: [{ Arn: bobArn, Name: 'Bob' }],
      });
      expect(output.Errors).toEqual([
        { MemberArn: aliceArn, ErrorCode: 'Conflict', ErrorMessage: 'Already a member of the channel.' },
      ]);
    },
  },
  {
    operation: 'CreateChannelModerator',
    input: ({ ChannelArn, aliceArn }) => ({ ChannelArn, ChannelModeratorArn: aliceArn }),
  },
  {
    operation: 'DescribeChannel',
    input: ({ ChannelArn, aliceArn }) => ({ ChannelArn, ChimeBearer: aliceArn }),
    check: (output, { ChannelArn, adminArn }) => {
      expect(output.Channel).toMatchObject({
        ChannelArn,
        Name: 'support',
        Mode: 'RESTRICTED',
        Privacy: 'PRIVATE',
        Metadata: '{"queue":"billing"}',
        CreatedBy: { Arn: adminArn, Name: 'Service' },
      });
      // Only the legacy members: the new namespace's ElasticChannelConfiguration and the like are not added.
      expect(Object.keys(output.Channel).sort()).toEqual(
        [
          'ChannelArn',
          'CreatedBy',
          'CreatedTimestamp',
          'LastUpdatedTimestamp',
          'Metadata',
          'Mode',
          'Name',
          'Privacy',
        ].sort(),
      );
    },
  },
  {
    // The legacy model required Name and Mode here.
    operation: 'UpdateChannel',
    input: ({ ChannelArn, aliceArn }) => ({
      ChannelArn,
      Name: 'support-eu',
      Mode: 'RESTRICTED',
      ChimeBearer: aliceArn,
    }),
    check: (output, { ChannelArn }) => expect(output.ChannelArn).toBe(ChannelArn),
  },
  {
    operation: 'ListChannels',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn, Privacy: 'PRIVATE' }),
    check: (output, { ChannelArn }) => {
      expect(output.Channels.map((channel: { ChannelArn: string }) => channel.ChannelArn)).toEqual([
        ChannelArn,
      ]);
    },
  },
  {
    operation: 'SendChannelMessage',
    input: ({ ChannelArn, bobArn }) => ({
      ChannelArn,
      Content: 'my invoice is wrong',
      Metadata: '{"invoice":"INV-1"}',
      Type: 'STANDARD',
      Persistence: 'PERSISTENT',
      ChimeBearer: bobArn,
    }),
    check: (output, state) => {
      // Only the legacy members: the new namespace's Status is not added.
      expect(
        Object.keys(output)
          .filter((key) => key !== '$metadata')
          .sort(),
      ).toEqual(['ChannelArn', 'MessageId']);
      state.messageIds.push(output.MessageId);
    },
  },
  {
    operation: 'SendChannelMessage',
    input: ({ ChannelArn, aliceArn }) => ({
      ChannelArn,
      Content: 'looking into it',
      Type: 'STANDARD',
      Persistence: 'PERSISTENT',
      ChimeBearer: aliceArn,
    }),
    check: (output, state) => state.messageIds.push(output.MessageId),
  },
  {
    operation: 'SendChannelMessage',
    input: ({ ChannelArn, bobArn }) => ({
      ChannelArn,
      Content: 'thanks',
      Type: 'STANDARD',
      Persistence: 'PERSISTENT',
      ChimeBearer: bobArn,
    }),
    check: (output, state) => state.messageIds.push(output.MessageId),
  },
  {
    operation: 'GetChannelMessage',
    input: ({ ChannelArn, messageIds, aliceArn }) => ({
      ChannelArn,
      MessageId: messageIds[0],
      ChimeBearer: aliceArn,
    }),
    check: (output, { bobArn }) => {
      expect(output.ChannelMessage).toMatchObject({
        Content: 'my invoice is wrong',
        Metadata: '{"invoice":"INV-1"}',
        Type: 'STANDARD',
        Persistence: 'PERSISTENT',
        Redacted: false,
        Sender: { Arn: bobArn, Name: 'Bob' },
      });
      for (const member of ['Status', 'MessageAttributes', 'SubChannelId', 'ContentType', 'Target']) {
        expect(output.ChannelMessage, member).not.toHaveProperty(member);
      }
      expect(output.ChannelMessage.CreatedTimestamp).toBeInstanceOf(Date);
    },
  },
  {
    // Content left out: "not changed", as in the legacy namespace (read back, sent unchanged).
    operation: 'UpdateChannelMessage',
    input: ({ ChannelArn, messageIds, bobArn }) => ({
      ChannelArn,
      MessageId: messageIds[0],
      Metadata: '{"invoice":"INV-2"}',
      ChimeBearer: bobArn,
    }),
    check: (output, { ChannelArn }) => {
      expect(output.ChannelArn).toBe(ChannelArn);
      expect(output).not.toHaveProperty('Status');
    },
  },
  {
    operation: 'ListChannelMessages',
    input: ({ ChannelArn, bobArn }) => ({ ChannelArn, SortOrder: 'ASCENDING', ChimeBearer: bobArn }),
    check: (output) => {
      expect(output.ChannelMessages.map((message: { Content: string }) => message.Content)).toEqual([
        'my invoice is wrong',
        'looking into it',
        'thanks',
      ]);
      expect(output.ChannelMessages[0].Metadata).toBe('{"invoice":"INV-2"}');
    },
  },
  {
    operation: 'RedactChannelMessage',
    input: ({ ChannelArn, messageIds, aliceArn }) => ({
      ChannelArn,
      MessageId: messageIds[2],
      ChimeBearer: aliceArn,
    }),
  },
  {
    // The admin (the option's bearer): "Only admins can perform this action".
    operation: 'DeleteChannelMessage',
    input: ({ ChannelArn, messageIds }) => ({ ChannelArn, MessageId: messageIds[1] }),
  },
  {
    operation: 'UpdateChannelReadMarker',
    input: ({ ChannelArn, bobArn }) => ({ ChannelArn, ChimeBearer: bobArn }),
  },
  {
    operation: 'DescribeChannelMembershipForAppInstanceUser',
    input: ({ ChannelArn, bobArn }) => ({ ChannelArn, AppInstanceUserArn: bobArn, ChimeBearer: bobArn }),
    check: (output, { ChannelArn }) => {
      expect(output.ChannelMembership.ChannelSummary).toMatchObject({ ChannelArn, Name: 'support-eu' });
      expect(output.ChannelMembership.AppInstanceUserMembershipSummary.ReadMarkerTimestamp).toBeInstanceOf(
        Date,
      );
      expect(output.ChannelMembership.AppInstanceUserMembershipSummary).not.toHaveProperty('SubChannelId');
    },
  },
  {
    operation: 'ListChannelMembershipsForAppInstanceUser',
    input: ({ bobArn }) => ({ AppInstanceUserArn: bobArn }),
    check: (output, { ChannelArn }) => {
      expect(output.ChannelMemberships.map((m: any) => m.ChannelSummary.ChannelArn)).toEqual([ChannelArn]);
    },
  },
  {
    operation: 'DescribeChannelModeratedByAppInstanceUser',
    input: ({ ChannelArn, aliceArn }) => ({
      ChannelArn,
      AppInstanceUserArn: aliceArn,
      ChimeBearer: aliceArn,
    }),
    check: (output, { ChannelArn }) => expect(output.Channel.ChannelSummary.ChannelArn).toBe(ChannelArn),
  },
  {
    operation: 'ListChannelsModeratedByAppInstanceUser',
    input: ({ aliceArn }) => ({ ChimeBearer: aliceArn }),
    check: (output, { ChannelArn }) => {
      expect(output.Channels.map((c: any) => c.ChannelSummary.ChannelArn)).toEqual([ChannelArn]);
    },
  },
  {
    operation: 'DescribeChannelMembership',
    input: ({ ChannelArn, bobArn }) => ({ ChannelArn, MemberArn: bobArn }),
    check: (output, { adminArn, bobArn }) => {
      expect(output.ChannelMembership).toMatchObject({
        Member: { Arn: bobArn },
        InvitedBy: { Arn: adminArn },
      });
      expect(output.ChannelMembership).not.toHaveProperty('SubChannelId');
    },
  },
  {
    operation: 'ListChannelMemberships',
    input: ({ ChannelArn }) => ({ ChannelArn }),
    check: (output, { adminArn, aliceArn, bobArn }) => {
      expect(output.ChannelMemberships.map((m: any) => m.Member.Arn)).toEqual([adminArn, aliceArn, bobArn]);
    },
  },
  {
    operation: 'DescribeChannelModerator',
    input: ({ ChannelArn, aliceArn }) => ({ ChannelArn, ChannelModeratorArn: aliceArn }),
    check: (output, { aliceArn }) => expect(output.ChannelModerator.Moderator.Arn).toBe(aliceArn),
  },
  {
    operation: 'ListChannelModerators',
    input: ({ ChannelArn }) => ({ ChannelArn }),
    check: (output, { adminArn, aliceArn }) => {
      expect(output.ChannelModerators.map((m: any) => m.Moderator.Arn)).toEqual([adminArn, aliceArn]);
    },
  },
  {
    operation: 'CreateChannelBan',
    input: ({ ChannelArn, bobArn, aliceArn }) => ({ ChannelArn, MemberArn: bobArn, ChimeBearer: aliceArn }),
  },
  {
    operation: 'DescribeChannelBan',
    input: ({ ChannelArn, bobArn }) => ({ ChannelArn, MemberArn: bobArn }),
    check: (output, { bobArn, aliceArn }) => {
      expect(output.ChannelBan).toMatchObject({ Member: { Arn: bobArn }, CreatedBy: { Arn: aliceArn } });
    },
  },
  {
    operation: 'ListChannelBans',
    input: ({ ChannelArn }) => ({ ChannelArn }),
    check: (output, { bobArn }) =>
      expect(output.ChannelBans).toEqual([{ Member: { Arn: bobArn, Name: 'Bob' } }]),
  },
  {
    operation: 'DeleteChannelBan',
    input: ({ ChannelArn, bobArn }) => ({ ChannelArn, MemberArn: bobArn }),
  },
  {
    operation: 'DeleteChannelModerator',
    input: ({ ChannelArn, aliceArn }) => ({ ChannelArn, ChannelModeratorArn: aliceArn }),
  },
  {
    operation: 'DeleteChannelMembership',
    input: ({ ChannelArn, aliceArn }) => ({ ChannelArn, MemberArn: aliceArn, ChimeBearer: aliceArn }),
  },
  {
    // Tag operations on a channel ARN go to the messaging namespace.
    operation: 'TagResource',
    input: ({ ChannelArn }) => ({ ResourceARN: ChannelArn, Tags: [{ Key: 'sla', Value: 'gold' }] }),
  },
  {
    operation: 'ListTagsForResource',
    input: ({ ChannelArn }) => ({ ResourceARN: ChannelArn }),
    check: (output) => {
      expect(output.Tags).toEqual([
        { Key: 'team', Value: 'billing' },
        { Key: 'sla', Value: 'gold' },
      ]);
    },
  },
  {
    operation: 'UntagResource',
    input: ({ ChannelArn }) => ({ ResourceARN: ChannelArn, TagKeys: ['sla'] }),
  },
  {
    operation: 'GetMessagingSessionEndpoint',
    input: () => ({}),
    check: (output) => expect(output.Endpoint.Url).toBe('wss://127.0.0.1/messaging-session/eu-central-1'),
  },
  {
    operation: 'PutAppInstanceStreamingConfigurations',
    input: ({ AppInstanceArn }) => ({
      AppInstanceArn,
      AppInstanceStreamingConfigurations: [{ AppInstanceDataType: 'ChannelMessage', ResourceArn: STREAM }],
    }),
    check: (output) => {
      expect(output.AppInstanceStreamingConfigurations).toEqual([
        { AppInstanceDataType: 'ChannelMessage', ResourceArn: STREAM },
      ]);
    },
  },
  {
    operation: 'GetAppInstanceStreamingConfigurations',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn }),
    check: (output) => {
      expect(output.AppInstanceStreamingConfigurations).toEqual([
        { AppInstanceDataType: 'ChannelMessage', ResourceArn: STREAM },
      ]);
      expect(output).not.toHaveProperty('StreamingConfigurations');
    },
  },
  {
    operation: 'DeleteAppInstanceStreamingConfigurations',
    input: ({ AppInstanceArn }) => ({ AppInstanceArn }),
  },
  {
    operation: 'DeleteChannel',
    input: ({ ChannelArn }) => ({ ChannelArn }),
  },
];

/** The operations the flow calls (messaging's 33, the tag operations and the identity set-up). */
export const MESSAGING_FLOW_OPERATIONS: ReadonlySet<string> = new Set(
  MESSAGING_FLOW.map(({ operation }) => operation),
);

/**
 * What the emulator must see for each step: the counterpart's name, after the documented read of
 * UpdateChannelMessage without Content.
 */
export function servedAs(operation: string, input: Record<string, unknown>): string[] {
  if (operation === 'UpdateChannelMessage' && input.Content === undefined) {
    return ['GetChannelMessage', 'UpdateChannelMessage'];
  }
  const renamed = /^(Put|Get|Delete)AppInstanceStreamingConfigurations$/.exec(operation);
  return [renamed ? `${renamed[1]}MessagingStreamingConfigurations` : operation];
}

/**
 * Runs the flow through one surface, in an emulator holding `AppInstanceArn` (eu-central-1), and
 * returns each step's operation and the operations the emulator must have seen.
 */
export async function runMessagingFlow(
  surface: Surface,
  AppInstanceArn: string,
): Promise<{ ran: string[]; served: string[] }> {
  const state: MessagingFlowState = {
    AppInstanceArn,
    adminArn: messagingAdminArn(AppInstanceArn),
    aliceArn: '',
    bobArn: '',
    ChannelArn: '',
    messageIds: [],
  };
  const ran: string[] = [];
  const served: string[] = [];
  for (const step of MESSAGING_FLOW) {
    const input = step.input(state);
    const output = await surface(step.operation, input);
    expect(output.$metadata?.httpStatusCode, step.operation).toBeGreaterThanOrEqual(200);
    step.check?.(output, state);
    ran.push(step.operation);
    served.push(...servedAs(step.operation, input));
  }
  return { ran, served };
}

/** The flow's admin user, who is the `chimeBearer` option of every surface. */
export function messagingAdminArn(AppInstanceArn: string): string {
  return `${AppInstanceArn}/user/admin`;
}
