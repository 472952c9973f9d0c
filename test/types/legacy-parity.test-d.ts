/**
 * Contract, "Surfaces, per operation": for every one of the 129 removed operations, the drop-in
 * entry's types are @aws-sdk/client-chime@3.699.0's (devDependency `legacy-chime`), assignable
 * both ways, so code written against 3.699 compiles with only the import specifier changed.
 *
 * This file is checked by `tsc -p tsconfig.json` (the `typecheck` step of `npm test`); vitest does
 * not run it (`*.test-d.ts`). Every check is table-driven over `OperationName`, and a failing
 * check is a compile error in one of the `ExpectNone<...>` lines below, naming the operation and
 * the direction that fails. It is written by hand, not by scripts/generate.mjs, so it checks the
 * generator rather than repeating it.
 *
 * A namespace import can be indexed by a computed name (`Shim[`${Name}Command`]`) only for
 * values: commands, paginators, functions, enum objects. The named types (`OpCommandInput`,
 * `OpCommandOutput`) are reached through the command classes, whose constructor and handler are
 * declared with them; `OpRequest` / `OpResponse` are listed in the `NamedShapes` table, the one
 * place a row is needed per operation.
 */
import type * as Current from '@aws-sdk/client-chime';
import type { MetadataBearer } from '@smithy/types';
import type * as Legacy from 'legacy-chime';
import type * as Shim from '../../src/index.js';
import type { OperationName } from '../../src/operations/generated/index.js';

type ShimExports = typeof Shim;
type LegacyExports = typeof Legacy;

// ---------------------------------------------------------------------------------------------
// The checking machinery
// ---------------------------------------------------------------------------------------------

type IsAny<T> = 0 extends 1 & T ? true : false;

/**
 * `true` when `ShimType` and `LegacyType` are assignable both ways; otherwise a message saying
 * which way fails. `any` and `never` fail: either would make a check pass vacuously.
 */
type Mutual<ShimType, LegacyType> =
  IsAny<ShimType> extends true
    ? 'the shim type is any'
    : IsAny<LegacyType> extends true
      ? 'the 3.699 type is any'
      : [ShimType] extends [never]
        ? 'the shim type is never'
        : [LegacyType] extends [never]
          ? 'the 3.699 type is never'
          : [ShimType] extends [LegacyType]
            ? [LegacyType] extends [ShimType]
              ? true
              : 'a 3.699 value does not fit the shim type'
            : 'a shim value does not fit the 3.699 type';

/** `true` when the two sets of names are the same; otherwise the names missing and extra. */
type SameNames<ShimNames extends string, LegacyNames extends string> = [
  Exclude<LegacyNames, ShimNames>,
  Exclude<ShimNames, LegacyNames>,
] extends [never, never]
  ? true
  : { missing: Exclude<LegacyNames, ShimNames>; extra: Exclude<ShimNames, LegacyNames> };

/** The checks of `Table` (row -> named checks) that did not pass, by row. */
type Failing<Table> = {
  [Row in keyof Table as Table[Row][keyof Table[Row]] extends true ? never : Row]: {
    [Check in keyof Table[Row] as Table[Row][Check] extends true ? never : Check]: Table[Row][Check];
  };
};

/** Compiles only when nothing failed; otherwise the error names each failing row and check. */
type ExpectNone<Failures extends Record<string, never>> = Failures;

/** What a command's handler resolves to: its `OpCommandOutput`. */
type CommandOutput<CommandClass> = CommandClass extends abstract new (
  ...args: any
) => infer Command
  ? Command extends { resolveMiddleware(...args: any): (...args: any) => Promise<{ output: infer Output }> }
    ? Output
    : never
  : never;

/** The input a command is constructed with: its `OpCommandInput`. */
type CommandInput<CommandClass> = CommandClass extends abstract new (
  ...args: any
) => unknown
  ? NonNullable<ConstructorParameters<CommandClass>[0]>
  : never;

type ShimCommand<Name extends OperationName> = ShimExports[`${Name}Command`];
type LegacyCommand<Name extends OperationName> = LegacyExports[`${Name}Command`];
type Method<Name extends OperationName> = Uncapitalize<Name>;

// ---------------------------------------------------------------------------------------------
// Every removed operation
// ---------------------------------------------------------------------------------------------

/** The commands 3.699 had and the installed @aws-sdk/client-chime no longer has. */
type RemovedCommands = Exclude<Extract<keyof LegacyExports, `${string}Command`>, keyof typeof Current>;

/** `OperationName` is exactly the operations AWS removed: none missing, none extra. */
export type EveryRemovedOperation = ExpectNone<
  Failing<{ operations: { names: SameNames<`${OperationName}Command`, RemovedCommands> } }>
>;

// ---------------------------------------------------------------------------------------------
// Drop-in: OpCommand, OpCommandInput, OpCommandOutput
// ---------------------------------------------------------------------------------------------

export type Commands = ExpectNone<
  Failing<{
    [Name in OperationName]: {
      input: Mutual<CommandInput<ShimCommand<Name>>, CommandInput<LegacyCommand<Name>>>;
      output: Mutual<CommandOutput<ShimCommand<Name>>, CommandOutput<LegacyCommand<Name>>>;
      /** Including `new ListAppInstancesCommand()` where 3.699 takes no argument. */
      constructorForms: Mutual<
        ConstructorParameters<ShimCommand<Name>>,
        ConstructorParameters<LegacyCommand<Name>>
      >;
    };
  }>
>;

// ---------------------------------------------------------------------------------------------
// Drop-in: Chime#op in its three forms (promise, callback, options + callback)
// ---------------------------------------------------------------------------------------------

export type AggregatedMethods = ExpectNone<
  Failing<{
    [Name in OperationName]: {
      /** Including `chime.listAppInstances()` where 3.699 has it. */
      forms: Mutual<Shim.Chime[Method<Name>], Legacy.Chime[Method<Name>]>;
    };
  }>
>;

// ---------------------------------------------------------------------------------------------
// Function: op(input, options?) takes OpCommandInput and resolves to OpCommandOutput
// ---------------------------------------------------------------------------------------------

export type Functions = ExpectNone<
  Failing<{
    [Name in OperationName]: {
      input: Mutual<NonNullable<Parameters<ShimExports[Method<Name>]>[0]>, CommandInput<LegacyCommand<Name>>>;
      output: Mutual<Awaited<ReturnType<ShimExports[Method<Name>]>>, CommandOutput<LegacyCommand<Name>>>;
    };
  }>
>;

// ---------------------------------------------------------------------------------------------
// Drop-in: the paginators 3.699 exported, with the package's ChimeClient or Chime
// ---------------------------------------------------------------------------------------------

type LegacyPaginators = Extract<keyof LegacyExports, `paginate${OperationName}`>;
type ShimPaginators = Extract<keyof ShimExports, `paginate${OperationName}`>;
type PaginatorConfiguration<Name extends ShimPaginators> = Parameters<ShimExports[Name]>[0];

export type Paginators = ExpectNone<
  Failing<
    { paginators: { names: SameNames<ShimPaginators, LegacyPaginators> } } & {
      [Name in LegacyPaginators & ShimPaginators]: {
        input: Mutual<Parameters<ShimExports[Name]>[1], Parameters<LegacyExports[Name]>[1]>;
        pages: Mutual<ReturnType<ShimExports[Name]>, ReturnType<LegacyExports[Name]>>;
        chimeClient: [{ client: Shim.ChimeClient }] extends [PaginatorConfiguration<Name>]
          ? true
          : 'the shim ChimeClient is not accepted';
        chime: [{ client: Shim.Chime }] extends [PaginatorConfiguration<Name>]
          ? true
          : 'the shim Chime is not accepted';
      };
    }
  >
>;

// ---------------------------------------------------------------------------------------------
// Drop-in: the enums (const objects) of the removed operations, same values
// ---------------------------------------------------------------------------------------------

/** 3.699's enum objects (`ChannelMode`, ...): the exports that are records of strings. */
type LegacyEnums = {
  [Name in keyof LegacyExports]: LegacyExports[Name] extends (...args: any) => any
    ? never
    : LegacyExports[Name] extends Readonly<Record<string, string>>
      ? Name
      : never;
}[keyof LegacyExports];

/**
 * The enums the installed @aws-sdk/client-chime no longer has; the others it still exports, and
 * this package re-exports them untouched.
 */
type RemovedEnums = Exclude<LegacyEnums, keyof typeof Current>;

export type Enums = ExpectNone<
  Failing<
    {
      enums: {
        /** The enums the contract names are among the ones checked (the set is not empty). */
        named: [
          'ChannelMode' | 'ChannelMessageType' | 'ChannelMessagePersistenceType' | 'ChannelPrivacy',
        ] extends [RemovedEnums]
          ? true
          : 'an enum of the contract is not in the checked set';
      };
    } & {
      [Name in RemovedEnums]: {
        values: Name extends keyof ShimExports
          ? Mutual<ShimExports[Name], LegacyExports[Name]>
          : 'not exported by the shim';
      };
    }
  >
>;

// ---------------------------------------------------------------------------------------------
// Drop-in: OpRequest and OpResponse (a row per operation; `NoResponse` where 3.699 had none)
// ---------------------------------------------------------------------------------------------

/** 3.699 declared no `OpResponse` for this operation (its output is `$metadata` only). */
type NoResponse = Record<string, never>;

/** [OpRequest, OpResponse] as this package exports them. */
interface NamedShapes {
  AssociatePhoneNumbersWithVoiceConnector: [
    Shim.AssociatePhoneNumbersWithVoiceConnectorRequest,
    Shim.AssociatePhoneNumbersWithVoiceConnectorResponse,
  ];
  AssociatePhoneNumbersWithVoiceConnectorGroup: [
    Shim.AssociatePhoneNumbersWithVoiceConnectorGroupRequest,
    Shim.AssociatePhoneNumbersWithVoiceConnectorGroupResponse,
  ];
  BatchCreateAttendee: [Shim.BatchCreateAttendeeRequest, Shim.BatchCreateAttendeeResponse];
  BatchCreateChannelMembership: [
    Shim.BatchCreateChannelMembershipRequest,
    Shim.BatchCreateChannelMembershipResponse,
  ];
  CreateAppInstance: [Shim.CreateAppInstanceRequest, Shim.CreateAppInstanceResponse];
  CreateAppInstanceAdmin: [Shim.CreateAppInstanceAdminRequest, Shim.CreateAppInstanceAdminResponse];
  CreateAppInstanceUser: [Shim.CreateAppInstanceUserRequest, Shim.CreateAppInstanceUserResponse];
  CreateAttendee: [Shim.CreateAttendeeRequest, Shim.CreateAttendeeResponse];
  CreateChannel: [Shim.CreateChannelRequest, Shim.CreateChannelResponse];
  CreateChannelBan: [Shim.CreateChannelBanRequest, Shim.CreateChannelBanResponse];
  CreateChannelMembership: [Shim.CreateChannelMembershipRequest, Shim.CreateChannelMembershipResponse];
  CreateChannelModerator: [Shim.CreateChannelModeratorRequest, Shim.CreateChannelModeratorResponse];
  CreateMediaCapturePipeline: [
    Shim.CreateMediaCapturePipelineRequest,
    Shim.CreateMediaCapturePipelineResponse,
  ];
  CreateMeeting: [Shim.CreateMeetingRequest, Shim.CreateMeetingResponse];
  CreateMeetingWithAttendees: [
    Shim.CreateMeetingWithAttendeesRequest,
    Shim.CreateMeetingWithAttendeesResponse,
  ];
  CreateProxySession: [Shim.CreateProxySessionRequest, Shim.CreateProxySessionResponse];
  CreateSipMediaApplication: [Shim.CreateSipMediaApplicationRequest, Shim.CreateSipMediaApplicationResponse];
  CreateSipMediaApplicationCall: [
    Shim.CreateSipMediaApplicationCallRequest,
    Shim.CreateSipMediaApplicationCallResponse,
  ];
  CreateSipRule: [Shim.CreateSipRuleRequest, Shim.CreateSipRuleResponse];
  CreateVoiceConnector: [Shim.CreateVoiceConnectorRequest, Shim.CreateVoiceConnectorResponse];
  CreateVoiceConnectorGroup: [Shim.CreateVoiceConnectorGroupRequest, Shim.CreateVoiceConnectorGroupResponse];
  DeleteAppInstance: [Shim.DeleteAppInstanceRequest, NoResponse];
  DeleteAppInstanceAdmin: [Shim.DeleteAppInstanceAdminRequest, NoResponse];
  DeleteAppInstanceStreamingConfigurations: [
    Shim.DeleteAppInstanceStreamingConfigurationsRequest,
    NoResponse,
  ];
  DeleteAppInstanceUser: [Shim.DeleteAppInstanceUserRequest, NoResponse];
  DeleteAttendee: [Shim.DeleteAttendeeRequest, NoResponse];
  DeleteChannel: [Shim.DeleteChannelRequest, NoResponse];
  DeleteChannelBan: [Shim.DeleteChannelBanRequest, NoResponse];
  DeleteChannelMembership: [Shim.DeleteChannelMembershipRequest, NoResponse];
  DeleteChannelMessage: [Shim.DeleteChannelMessageRequest, NoResponse];
  DeleteChannelModerator: [Shim.DeleteChannelModeratorRequest, NoResponse];
  DeleteMediaCapturePipeline: [Shim.DeleteMediaCapturePipelineRequest, NoResponse];
  DeleteMeeting: [Shim.DeleteMeetingRequest, NoResponse];
  DeleteProxySession: [Shim.DeleteProxySessionRequest, NoResponse];
  DeleteSipMediaApplication: [Shim.DeleteSipMediaApplicationRequest, NoResponse];
  DeleteSipRule: [Shim.DeleteSipRuleRequest, NoResponse];
  DeleteVoiceConnector: [Shim.DeleteVoiceConnectorRequest, NoResponse];
  DeleteVoiceConnectorEmergencyCallingConfiguration: [
    Shim.DeleteVoiceConnectorEmergencyCallingConfigurationRequest,
    NoResponse,
  ];
  DeleteVoiceConnectorGroup: [Shim.DeleteVoiceConnectorGroupRequest, NoResponse];
  DeleteVoiceConnectorOrigination: [Shim.DeleteVoiceConnectorOriginationRequest, NoResponse];
  DeleteVoiceConnectorProxy: [Shim.DeleteVoiceConnectorProxyRequest, NoResponse];
  DeleteVoiceConnectorStreamingConfiguration: [
    Shim.DeleteVoiceConnectorStreamingConfigurationRequest,
    NoResponse,
  ];
  DeleteVoiceConnectorTermination: [Shim.DeleteVoiceConnectorTerminationRequest, NoResponse];
  DeleteVoiceConnectorTerminationCredentials: [
    Shim.DeleteVoiceConnectorTerminationCredentialsRequest,
    NoResponse,
  ];
  DescribeAppInstance: [Shim.DescribeAppInstanceRequest, Shim.DescribeAppInstanceResponse];
  DescribeAppInstanceAdmin: [Shim.DescribeAppInstanceAdminRequest, Shim.DescribeAppInstanceAdminResponse];
  DescribeAppInstanceUser: [Shim.DescribeAppInstanceUserRequest, Shim.DescribeAppInstanceUserResponse];
  DescribeChannel: [Shim.DescribeChannelRequest, Shim.DescribeChannelResponse];
  DescribeChannelBan: [Shim.DescribeChannelBanRequest, Shim.DescribeChannelBanResponse];
  DescribeChannelMembership: [Shim.DescribeChannelMembershipRequest, Shim.DescribeChannelMembershipResponse];
  DescribeChannelMembershipForAppInstanceUser: [
    Shim.DescribeChannelMembershipForAppInstanceUserRequest,
    Shim.DescribeChannelMembershipForAppInstanceUserResponse,
  ];
  DescribeChannelModeratedByAppInstanceUser: [
    Shim.DescribeChannelModeratedByAppInstanceUserRequest,
    Shim.DescribeChannelModeratedByAppInstanceUserResponse,
  ];
  DescribeChannelModerator: [Shim.DescribeChannelModeratorRequest, Shim.DescribeChannelModeratorResponse];
  DisassociatePhoneNumbersFromVoiceConnector: [
    Shim.DisassociatePhoneNumbersFromVoiceConnectorRequest,
    Shim.DisassociatePhoneNumbersFromVoiceConnectorResponse,
  ];
  DisassociatePhoneNumbersFromVoiceConnectorGroup: [
    Shim.DisassociatePhoneNumbersFromVoiceConnectorGroupRequest,
    Shim.DisassociatePhoneNumbersFromVoiceConnectorGroupResponse,
  ];
  GetAppInstanceRetentionSettings: [
    Shim.GetAppInstanceRetentionSettingsRequest,
    Shim.GetAppInstanceRetentionSettingsResponse,
  ];
  GetAppInstanceStreamingConfigurations: [
    Shim.GetAppInstanceStreamingConfigurationsRequest,
    Shim.GetAppInstanceStreamingConfigurationsResponse,
  ];
  GetAttendee: [Shim.GetAttendeeRequest, Shim.GetAttendeeResponse];
  GetChannelMessage: [Shim.GetChannelMessageRequest, Shim.GetChannelMessageResponse];
  GetMediaCapturePipeline: [Shim.GetMediaCapturePipelineRequest, Shim.GetMediaCapturePipelineResponse];
  GetMeeting: [Shim.GetMeetingRequest, Shim.GetMeetingResponse];
  GetMessagingSessionEndpoint: [
    Shim.GetMessagingSessionEndpointRequest,
    Shim.GetMessagingSessionEndpointResponse,
  ];
  GetProxySession: [Shim.GetProxySessionRequest, Shim.GetProxySessionResponse];
  GetSipMediaApplication: [Shim.GetSipMediaApplicationRequest, Shim.GetSipMediaApplicationResponse];
  GetSipMediaApplicationLoggingConfiguration: [
    Shim.GetSipMediaApplicationLoggingConfigurationRequest,
    Shim.GetSipMediaApplicationLoggingConfigurationResponse,
  ];
  GetSipRule: [Shim.GetSipRuleRequest, Shim.GetSipRuleResponse];
  GetVoiceConnector: [Shim.GetVoiceConnectorRequest, Shim.GetVoiceConnectorResponse];
  GetVoiceConnectorEmergencyCallingConfiguration: [
    Shim.GetVoiceConnectorEmergencyCallingConfigurationRequest,
    Shim.GetVoiceConnectorEmergencyCallingConfigurationResponse,
  ];
  GetVoiceConnectorGroup: [Shim.GetVoiceConnectorGroupRequest, Shim.GetVoiceConnectorGroupResponse];
  GetVoiceConnectorLoggingConfiguration: [
    Shim.GetVoiceConnectorLoggingConfigurationRequest,
    Shim.GetVoiceConnectorLoggingConfigurationResponse,
  ];
  GetVoiceConnectorOrigination: [
    Shim.GetVoiceConnectorOriginationRequest,
    Shim.GetVoiceConnectorOriginationResponse,
  ];
  GetVoiceConnectorProxy: [Shim.GetVoiceConnectorProxyRequest, Shim.GetVoiceConnectorProxyResponse];
  GetVoiceConnectorStreamingConfiguration: [
    Shim.GetVoiceConnectorStreamingConfigurationRequest,
    Shim.GetVoiceConnectorStreamingConfigurationResponse,
  ];
  GetVoiceConnectorTermination: [
    Shim.GetVoiceConnectorTerminationRequest,
    Shim.GetVoiceConnectorTerminationResponse,
  ];
  GetVoiceConnectorTerminationHealth: [
    Shim.GetVoiceConnectorTerminationHealthRequest,
    Shim.GetVoiceConnectorTerminationHealthResponse,
  ];
  ListAppInstanceAdmins: [Shim.ListAppInstanceAdminsRequest, Shim.ListAppInstanceAdminsResponse];
  ListAppInstanceUsers: [Shim.ListAppInstanceUsersRequest, Shim.ListAppInstanceUsersResponse];
  ListAppInstances: [Shim.ListAppInstancesRequest, Shim.ListAppInstancesResponse];
  ListAttendeeTags: [Shim.ListAttendeeTagsRequest, Shim.ListAttendeeTagsResponse];
  ListAttendees: [Shim.ListAttendeesRequest, Shim.ListAttendeesResponse];
  ListChannelBans: [Shim.ListChannelBansRequest, Shim.ListChannelBansResponse];
  ListChannelMemberships: [Shim.ListChannelMembershipsRequest, Shim.ListChannelMembershipsResponse];
  ListChannelMembershipsForAppInstanceUser: [
    Shim.ListChannelMembershipsForAppInstanceUserRequest,
    Shim.ListChannelMembershipsForAppInstanceUserResponse,
  ];
  ListChannelMessages: [Shim.ListChannelMessagesRequest, Shim.ListChannelMessagesResponse];
  ListChannelModerators: [Shim.ListChannelModeratorsRequest, Shim.ListChannelModeratorsResponse];
  ListChannels: [Shim.ListChannelsRequest, Shim.ListChannelsResponse];
  ListChannelsModeratedByAppInstanceUser: [
    Shim.ListChannelsModeratedByAppInstanceUserRequest,
    Shim.ListChannelsModeratedByAppInstanceUserResponse,
  ];
  ListMediaCapturePipelines: [Shim.ListMediaCapturePipelinesRequest, Shim.ListMediaCapturePipelinesResponse];
  ListMeetingTags: [Shim.ListMeetingTagsRequest, Shim.ListMeetingTagsResponse];
  ListMeetings: [Shim.ListMeetingsRequest, Shim.ListMeetingsResponse];
  ListProxySessions: [Shim.ListProxySessionsRequest, Shim.ListProxySessionsResponse];
  ListSipMediaApplications: [Shim.ListSipMediaApplicationsRequest, Shim.ListSipMediaApplicationsResponse];
  ListSipRules: [Shim.ListSipRulesRequest, Shim.ListSipRulesResponse];
  ListTagsForResource: [Shim.ListTagsForResourceRequest, Shim.ListTagsForResourceResponse];
  ListVoiceConnectorGroups: [Shim.ListVoiceConnectorGroupsRequest, Shim.ListVoiceConnectorGroupsResponse];
  ListVoiceConnectorTerminationCredentials: [
    Shim.ListVoiceConnectorTerminationCredentialsRequest,
    Shim.ListVoiceConnectorTerminationCredentialsResponse,
  ];
  ListVoiceConnectors: [Shim.ListVoiceConnectorsRequest, Shim.ListVoiceConnectorsResponse];
  PutAppInstanceRetentionSettings: [
    Shim.PutAppInstanceRetentionSettingsRequest,
    Shim.PutAppInstanceRetentionSettingsResponse,
  ];
  PutAppInstanceStreamingConfigurations: [
    Shim.PutAppInstanceStreamingConfigurationsRequest,
    Shim.PutAppInstanceStreamingConfigurationsResponse,
  ];
  PutSipMediaApplicationLoggingConfiguration: [
    Shim.PutSipMediaApplicationLoggingConfigurationRequest,
    Shim.PutSipMediaApplicationLoggingConfigurationResponse,
  ];
  PutVoiceConnectorEmergencyCallingConfiguration: [
    Shim.PutVoiceConnectorEmergencyCallingConfigurationRequest,
    Shim.PutVoiceConnectorEmergencyCallingConfigurationResponse,
  ];
  PutVoiceConnectorLoggingConfiguration: [
    Shim.PutVoiceConnectorLoggingConfigurationRequest,
    Shim.PutVoiceConnectorLoggingConfigurationResponse,
  ];
  PutVoiceConnectorOrigination: [
    Shim.PutVoiceConnectorOriginationRequest,
    Shim.PutVoiceConnectorOriginationResponse,
  ];
  PutVoiceConnectorProxy: [Shim.PutVoiceConnectorProxyRequest, Shim.PutVoiceConnectorProxyResponse];
  PutVoiceConnectorStreamingConfiguration: [
    Shim.PutVoiceConnectorStreamingConfigurationRequest,
    Shim.PutVoiceConnectorStreamingConfigurationResponse,
  ];
  PutVoiceConnectorTermination: [
    Shim.PutVoiceConnectorTerminationRequest,
    Shim.PutVoiceConnectorTerminationResponse,
  ];
  PutVoiceConnectorTerminationCredentials: [Shim.PutVoiceConnectorTerminationCredentialsRequest, NoResponse];
  RedactChannelMessage: [Shim.RedactChannelMessageRequest, Shim.RedactChannelMessageResponse];
  SendChannelMessage: [Shim.SendChannelMessageRequest, Shim.SendChannelMessageResponse];
  StartMeetingTranscription: [Shim.StartMeetingTranscriptionRequest, Shim.StartMeetingTranscriptionResponse];
  StopMeetingTranscription: [Shim.StopMeetingTranscriptionRequest, Shim.StopMeetingTranscriptionResponse];
  TagAttendee: [Shim.TagAttendeeRequest, NoResponse];
  TagMeeting: [Shim.TagMeetingRequest, NoResponse];
  TagResource: [Shim.TagResourceRequest, NoResponse];
  UntagAttendee: [Shim.UntagAttendeeRequest, NoResponse];
  UntagMeeting: [Shim.UntagMeetingRequest, NoResponse];
  UntagResource: [Shim.UntagResourceRequest, NoResponse];
  UpdateAppInstance: [Shim.UpdateAppInstanceRequest, Shim.UpdateAppInstanceResponse];
  UpdateAppInstanceUser: [Shim.UpdateAppInstanceUserRequest, Shim.UpdateAppInstanceUserResponse];
  UpdateChannel: [Shim.UpdateChannelRequest, Shim.UpdateChannelResponse];
  UpdateChannelMessage: [Shim.UpdateChannelMessageRequest, Shim.UpdateChannelMessageResponse];
  UpdateChannelReadMarker: [Shim.UpdateChannelReadMarkerRequest, Shim.UpdateChannelReadMarkerResponse];
  UpdateProxySession: [Shim.UpdateProxySessionRequest, Shim.UpdateProxySessionResponse];
  UpdateSipMediaApplication: [Shim.UpdateSipMediaApplicationRequest, Shim.UpdateSipMediaApplicationResponse];
  UpdateSipMediaApplicationCall: [
    Shim.UpdateSipMediaApplicationCallRequest,
    Shim.UpdateSipMediaApplicationCallResponse,
  ];
  UpdateSipRule: [Shim.UpdateSipRuleRequest, Shim.UpdateSipRuleResponse];
  UpdateVoiceConnector: [Shim.UpdateVoiceConnectorRequest, Shim.UpdateVoiceConnectorResponse];
  UpdateVoiceConnectorGroup: [Shim.UpdateVoiceConnectorGroupRequest, Shim.UpdateVoiceConnectorGroupResponse];
  ValidateE911Address: [Shim.ValidateE911AddressRequest, Shim.ValidateE911AddressResponse];
}

/** 3.699's `OpResponse`: its `OpCommandOutput` without `$metadata`. */
type LegacyResponse<Name extends OperationName> = Omit<
  CommandOutput<LegacyCommand<Name>>,
  keyof MetadataBearer
>;

export type RequestsAndResponses = ExpectNone<
  Failing<
    { table: { rows: SameNames<keyof NamedShapes & string, OperationName> } } & {
      [Name in OperationName & keyof NamedShapes]: {
        request: Mutual<NamedShapes[Name][0], CommandInput<LegacyCommand<Name>>>;
        response: Mutual<NamedShapes[Name][1], LegacyResponse<Name>>;
      };
    }
  >
>;

// ---------------------------------------------------------------------------------------------
// Drop-in: structures and enum types the contract names, by name
// ---------------------------------------------------------------------------------------------

export type NamedTypes = ExpectNone<
  Failing<{
    ChannelMode: { type: Mutual<Shim.ChannelMode, Legacy.ChannelMode> };
    ChannelMessageType: { type: Mutual<Shim.ChannelMessageType, Legacy.ChannelMessageType> };
    ChannelMessagePersistenceType: {
      type: Mutual<Shim.ChannelMessagePersistenceType, Legacy.ChannelMessagePersistenceType>;
    };
    Meeting: { type: Mutual<Shim.Meeting, Legacy.Meeting> };
    Attendee: { type: Mutual<Shim.Attendee, Legacy.Attendee> };
    MediaPlacement: { type: Mutual<Shim.MediaPlacement, Legacy.MediaPlacement> };
    Tag: { type: Mutual<Shim.Tag, Legacy.Tag> };
  }>
>;
