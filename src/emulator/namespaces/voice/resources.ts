import { randomBytes } from 'node:crypto';

/**
 * Chime SDK Voice's resources as the emulator stores them, their ids and ARNs. The settings
 * documents a voice connector carries are kept as the validated request put them (only the
 * model's members), so a get answers what the put stored.
 *
 * Ids (AWS's formats, from its documentation and answers; the models give none):
 * - Voice Connector: 22 lower-case letters and digits (`abcdef1ghij2klmno3pqr4`), outbound host
 *   name `<id>.voiceconnector.chime.aws`, ARN `arn:aws:chime:<region>:<account>:vc/<id>`;
 * - Voice Connector group: 21 lower-case letters and digits, ARN `...:vcg/<id>`;
 * - SIP media application: a UUID, ARN `...:sma/<id>`; SIP rules, proxy sessions and call
 *   transactions: UUIDs, no ARN.
 */

export interface OriginationRoute {
  readonly Host?: string;
  readonly Port?: number;
  readonly Protocol?: string;
  readonly Priority?: number;
  readonly Weight?: number;
}

export interface Origination {
  readonly Routes?: readonly OriginationRoute[];
  readonly Disabled?: boolean;
}

export interface Termination {
  readonly CpsLimit?: number;
  readonly DefaultPhoneNumber?: string;
  readonly CallingRegions?: readonly string[];
  readonly CidrAllowedList?: readonly string[];
  readonly Disabled?: boolean;
}

export interface LoggingConfiguration {
  readonly EnableSIPLogs: boolean;
  readonly EnableMediaMetricLogs: boolean;
}

export interface StreamingConfiguration {
  readonly DataRetentionInHours: number;
  readonly Disabled: boolean;
  readonly StreamingNotificationTargets?: readonly { readonly NotificationTarget?: string }[];
  readonly MediaInsightsConfiguration?: { readonly Disabled?: boolean; readonly ConfigurationArn?: string };
}

export interface EmergencyCallingConfiguration {
  readonly DNIS?: readonly {
    readonly EmergencyPhoneNumber: string;
    readonly TestPhoneNumber?: string;
    readonly CallingCountry: string;
  }[];
}

/** The proxy configuration as the model answers it (`PhoneNumberCountries`; the put calls it `PhoneNumberPoolCountries`). */
export interface Proxy {
  readonly DefaultSessionExpiryMinutes: number;
  readonly Disabled: boolean;
  readonly FallBackPhoneNumber?: string;
  readonly PhoneNumberCountries: readonly string[];
}

export interface ProxySessionParticipant {
  readonly PhoneNumber: string;
  readonly ProxyPhoneNumber: string;
}

export interface StoredProxySession {
  readonly id: string;
  readonly voiceConnectorId: string;
  readonly name: string | undefined;
  capabilities: readonly string[];
  expiryMinutes: number;
  readonly participants: readonly ProxySessionParticipant[];
  readonly numberSelectionBehavior: string | undefined;
  readonly geoMatchLevel: string | undefined;
  readonly geoMatchParams: { readonly Country: string; readonly AreaCode: string } | undefined;
  readonly created: number;
  updated: number;
  readonly seq: number;
}

export interface StoredVoiceConnector {
  readonly id: string;
  readonly arn: string;
  /** The region whose endpoint created it, and the only one that serves it. */
  readonly region: string;
  readonly awsRegion: string;
  name: string;
  requireEncryption: boolean;
  readonly integrationType: string | undefined;
  readonly outboundHostName: string;
  readonly created: number;
  updated: number;
  readonly seq: number;
  origination: Origination | undefined;
  termination: Termination | undefined;
  /** Termination credentials' user names, in the order they were first put. Passwords are not kept. */
  readonly credentials: Set<string>;
  logging: LoggingConfiguration | undefined;
  streaming: StreamingConfiguration | undefined;
  emergencyCalling: EmergencyCallingConfiguration | undefined;
  proxy: Proxy | undefined;
  /** By id, in creation order. */
  readonly proxySessions: Map<string, StoredProxySession>;
}

export interface VoiceConnectorItem {
  readonly VoiceConnectorId: string;
  readonly Priority: number;
}

export interface StoredVoiceConnectorGroup {
  readonly id: string;
  readonly arn: string;
  readonly region: string;
  name: string;
  items: readonly VoiceConnectorItem[];
  readonly created: number;
  updated: number;
  readonly seq: number;
}

export interface SipMediaApplicationEndpoint {
  readonly LambdaArn?: string;
}

export interface StoredCall {
  readonly transactionId: string;
  /** The `Arguments` of the last UpdateSipMediaApplicationCall, or the `ArgumentsMap` it was created with. */
  arguments: Readonly<Record<string, string>>;
}

export interface StoredSipMediaApplication {
  readonly id: string;
  readonly arn: string;
  readonly region: string;
  readonly awsRegion: string;
  name: string;
  endpoints: readonly SipMediaApplicationEndpoint[];
  readonly created: number;
  updated: number;
  readonly seq: number;
  logging: { readonly EnableSipMediaApplicationMessageLogs: boolean } | undefined;
  /** Call transactions by id. */
  readonly calls: Map<string, StoredCall>;
}

export interface SipRuleTargetApplication {
  readonly SipMediaApplicationId?: string;
  readonly Priority?: number;
  readonly AwsRegion?: string;
}

export interface StoredSipRule {
  readonly id: string;
  readonly region: string;
  name: string;
  disabled: boolean;
  readonly triggerType: string;
  readonly triggerValue: string;
  targets: readonly SipRuleTargetApplication[];
  readonly created: number;
  updated: number;
  readonly seq: number;
}

/** Where a phone number is associated: one Voice Connector or one Voice Connector group at a time. */
export interface PhoneNumberAssociation {
  readonly kind: 'VoiceConnector' | 'VoiceConnectorGroup';
  readonly id: string;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random lower-case letters and digits, as AWS's Voice Connector ids. */
export function voiceId(length: number): string {
  const bytes = randomBytes(length);
  let id = '';
  // 252 = 7 * 36: a byte below it maps evenly onto the alphabet; the rare others are redrawn.
  for (const byte of bytes) id += byte < 252 ? ID_ALPHABET[byte % 36] : voiceId(1);
  return id;
}

export function voiceArn(region: string, accountId: string, type: 'vc' | 'vcg' | 'sma', id: string): string {
  return `arn:aws:chime:${region}:${accountId}:${type}/${id}`;
}

/** A Voice Connector's outbound host name, the value SIP infrastructure sends its calls to. */
export function outboundHostName(voiceConnectorId: string): string {
  return `${voiceConnectorId}.voiceconnector.chime.aws`;
}

/**
 * The model's timestamps in Chime SDK Voice are `date-time` (ISO 8601) on the wire, where the
 * other namespaces use epoch seconds.
 */
export function isoTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * The emulator's proxy phone numbers: `+1 206 555 0100` to `+1 206 555 0199`, the fictitious
 * numbers AWS's own documentation uses, handed out in turn (the 101st session gets the first
 * again). The emulator has no phone number inventory to take them from.
 */
export function proxyPhoneNumber(index: number): string {
  return `+12065550${100 + (index % 100)}`;
}
