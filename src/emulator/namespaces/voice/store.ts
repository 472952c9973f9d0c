import { randomUUID } from 'node:crypto';
import { emulatorError } from '../../errors.js';
import { NamespaceStore } from '../store.js';
import type { Tag } from '../tags.js';
import {
  outboundHostName,
  type PhoneNumberAssociation,
  proxyPhoneNumber,
  type SipMediaApplicationEndpoint,
  type SipRuleTargetApplication,
  type StoredProxySession,
  type StoredSipMediaApplication,
  type StoredSipRule,
  type StoredVoiceConnector,
  type StoredVoiceConnectorGroup,
  type VoiceConnectorItem,
  voiceArn,
  voiceId,
} from './resources.js';

/** Most tags per resource: the voice model's `TagList` maximum. */
export const MAX_TAGS = 50;

/**
 * Most resources of each kind the store holds (voice connectors, groups, SIP media applications,
 * SIP rules, proxy sessions, call transactions, phone number associations), all regions together:
 * memory stays bounded whatever a test does. AWS's own quotas are far lower (3 Voice Connectors
 * per Region by default) and are not emulated, so tests can make as many as they need.
 */
export const MAX_PER_KIND = 10_000;

/**
 * Chime SDK Voice's state (moto's `models`): voice connectors and groups, their settings
 * documents, phone number associations, SIP media applications and their calls, SIP rules, proxy
 * sessions. Handlers own the rules (conflicts, what must exist); the store holds the data and the
 * size limits. Resources live in the region whose endpoint created them.
 */
export class VoiceStore extends NamespaceStore {
  readonly #voiceConnectors = new Map<string, StoredVoiceConnector>();
  readonly #groups = new Map<string, StoredVoiceConnectorGroup>();
  readonly #sipMediaApplications = new Map<string, StoredSipMediaApplication>();
  readonly #sipRules = new Map<string, StoredSipRule>();
  /** By phone number (`+` and its digits). */
  readonly #associations = new Map<string, PhoneNumberAssociation>();
  #proxySessionCount = 0;
  #proxyNumbersIssued = 0;
  #callCount = 0;

  // Voice Connectors ---------------------------------------------------------------------------

  voiceConnector(id: string): StoredVoiceConnector | undefined {
    return this.#voiceConnectors.get(id);
  }

  /** The Voice Connectors of a region, in creation order. */
  *voiceConnectorsIn(region: string): Iterable<StoredVoiceConnector> {
    for (const connector of this.#voiceConnectors.values()) if (connector.region === region) yield connector;
  }

  /** The Voice Connector whose outbound host name this is, in any region. */
  voiceConnectorByHostName(hostName: string): StoredVoiceConnector | undefined {
    for (const connector of this.#voiceConnectors.values()) {
      if (connector.outboundHostName === hostName) return connector;
    }
    return undefined;
  }

  addVoiceConnector(input: {
    region: string;
    awsRegion: string;
    name: string;
    requireEncryption: boolean;
    integrationType: string | undefined;
    tags: readonly Tag[] | undefined;
    now: number;
  }): StoredVoiceConnector {
    checkRoom(this.#voiceConnectors.size, 'Voice Connectors');
    const id = voiceId(22);
    const connector: StoredVoiceConnector = {
      id,
      arn: voiceArn(input.region, this.accountId, 'vc', id),
      region: input.region,
      awsRegion: input.awsRegion,
      name: input.name,
      requireEncryption: input.requireEncryption,
      integrationType: input.integrationType,
      outboundHostName: outboundHostName(id),
      created: input.now,
      updated: input.now,
      seq: this.sequence.next(),
      origination: undefined,
      termination: undefined,
      credentials: new Set(),
      logging: undefined,
      streaming: undefined,
      emergencyCalling: undefined,
      proxy: undefined,
      proxySessions: new Map(),
    };
    this.tags.tag(connector.arn, input.tags, MAX_TAGS);
    this.#voiceConnectors.set(id, connector);
    return connector;
  }

  /** Deletes a Voice Connector with its settings, credentials, proxy sessions and tags. */
  deleteVoiceConnector(connector: StoredVoiceConnector): void {
    if (this.#voiceConnectors.get(connector.id) !== connector) return;
    this.#voiceConnectors.delete(connector.id);
    this.#proxySessionCount -= connector.proxySessions.size;
    this.tags.forget(connector.arn);
  }

  // Voice Connector groups ---------------------------------------------------------------------

  group(id: string): StoredVoiceConnectorGroup | undefined {
    return this.#groups.get(id);
  }

  *groupsIn(region: string): Iterable<StoredVoiceConnectorGroup> {
    for (const group of this.#groups.values()) if (group.region === region) yield group;
  }

  /** The groups that have the Voice Connector as an item. */
  groupsWith(voiceConnectorId: string): StoredVoiceConnectorGroup[] {
    return [...this.#groups.values()].filter((group) =>
      group.items.some((item) => item.VoiceConnectorId === voiceConnectorId),
    );
  }

  addGroup(input: {
    region: string;
    name: string;
    items: readonly VoiceConnectorItem[];
    now: number;
  }): StoredVoiceConnectorGroup {
    checkRoom(this.#groups.size, 'Voice Connector groups');
    const id = voiceId(21);
    const group: StoredVoiceConnectorGroup = {
      id,
      arn: voiceArn(input.region, this.accountId, 'vcg', id),
      region: input.region,
      name: input.name,
      items: input.items,
      created: input.now,
      updated: input.now,
      seq: this.sequence.next(),
    };
    this.#groups.set(id, group);
    return group;
  }

  deleteGroup(group: StoredVoiceConnectorGroup): void {
    if (this.#groups.get(group.id) !== group) return;
    this.#groups.delete(group.id);
    this.tags.forget(group.arn);
  }

  // Phone number associations ------------------------------------------------------------------

  association(phoneNumber: string): PhoneNumberAssociation | undefined {
    return this.#associations.get(phoneNumber);
  }

  associate(phoneNumber: string, to: PhoneNumberAssociation): void {
    if (!this.#associations.has(phoneNumber)) checkRoom(this.#associations.size, 'phone number associations');
    this.#associations.set(phoneNumber, to);
  }

  disassociate(phoneNumber: string): void {
    this.#associations.delete(phoneNumber);
  }

  /** How many phone numbers are associated with the Voice Connector or group. */
  associationCount(to: PhoneNumberAssociation): number {
    let count = 0;
    for (const association of this.#associations.values()) {
      if (association.kind === to.kind && association.id === to.id) count++;
    }
    return count;
  }

  // Proxy sessions -----------------------------------------------------------------------------

  addProxySession(
    connector: StoredVoiceConnector,
    input: Omit<StoredProxySession, 'id' | 'voiceConnectorId' | 'updated' | 'seq'>,
  ): StoredProxySession {
    checkRoom(this.#proxySessionCount, 'proxy sessions');
    const session: StoredProxySession = {
      ...input,
      id: randomUUID(),
      voiceConnectorId: connector.id,
      updated: input.created,
      seq: this.sequence.next(),
    };
    connector.proxySessions.set(session.id, session);
    this.#proxySessionCount++;
    return session;
  }

  /** The next number of the emulator's proxy number pool (resources.ts), walked in order. */
  nextProxyPhoneNumber(): string {
    return proxyPhoneNumber(this.#proxyNumbersIssued++);
  }

  deleteProxySession(connector: StoredVoiceConnector, session: StoredProxySession): void {
    if (connector.proxySessions.get(session.id) !== session) return;
    connector.proxySessions.delete(session.id);
    this.#proxySessionCount--;
  }

  // SIP media applications ---------------------------------------------------------------------

  sipMediaApplication(id: string): StoredSipMediaApplication | undefined {
    return this.#sipMediaApplications.get(id);
  }

  *sipMediaApplicationsIn(region: string): Iterable<StoredSipMediaApplication> {
    for (const application of this.#sipMediaApplications.values()) {
      if (application.region === region) yield application;
    }
  }

  addSipMediaApplication(input: {
    region: string;
    awsRegion: string;
    name: string;
    endpoints: readonly SipMediaApplicationEndpoint[];
    tags: readonly Tag[] | undefined;
    now: number;
  }): StoredSipMediaApplication {
    checkRoom(this.#sipMediaApplications.size, 'SIP media applications');
    const id = randomUUID();
    const application: StoredSipMediaApplication = {
      id,
      arn: voiceArn(input.region, this.accountId, 'sma', id),
      region: input.region,
      awsRegion: input.awsRegion,
      name: input.name,
      endpoints: input.endpoints,
      created: input.now,
      updated: input.now,
      seq: this.sequence.next(),
      logging: undefined,
      calls: new Map(),
    };
    this.tags.tag(application.arn, input.tags, MAX_TAGS);
    this.#sipMediaApplications.set(id, application);
    return application;
  }

  deleteSipMediaApplication(application: StoredSipMediaApplication): void {
    if (this.#sipMediaApplications.get(application.id) !== application) return;
    this.#sipMediaApplications.delete(application.id);
    this.#callCount -= application.calls.size;
    this.tags.forget(application.arn);
  }

  /** A new call transaction of the SIP media application. */
  addCall(application: StoredSipMediaApplication, args: Readonly<Record<string, string>>): string {
    checkRoom(this.#callCount, 'SIP media application calls');
    const transactionId = randomUUID();
    application.calls.set(transactionId, { transactionId, arguments: args });
    this.#callCount++;
    return transactionId;
  }

  // SIP rules ----------------------------------------------------------------------------------

  sipRule(id: string): StoredSipRule | undefined {
    return this.#sipRules.get(id);
  }

  *sipRulesIn(region: string): Iterable<StoredSipRule> {
    for (const rule of this.#sipRules.values()) if (rule.region === region) yield rule;
  }

  /** The SIP rules, in any region, with the SIP media application as a target. */
  sipRulesTargeting(sipMediaApplicationId: string): StoredSipRule[] {
    return [...this.#sipRules.values()].filter((rule) =>
      rule.targets.some((target) => target.SipMediaApplicationId === sipMediaApplicationId),
    );
  }

  addSipRule(input: {
    region: string;
    name: string;
    disabled: boolean;
    triggerType: string;
    triggerValue: string;
    targets: readonly SipRuleTargetApplication[];
    now: number;
  }): StoredSipRule {
    checkRoom(this.#sipRules.size, 'SIP rules');
    const rule: StoredSipRule = {
      id: randomUUID(),
      region: input.region,
      name: input.name,
      disabled: input.disabled,
      triggerType: input.triggerType,
      triggerValue: input.triggerValue,
      targets: input.targets,
      created: input.now,
      updated: input.now,
      seq: this.sequence.next(),
    };
    this.#sipRules.set(rule.id, rule);
    return rule;
  }

  deleteSipRule(rule: StoredSipRule): void {
    if (this.#sipRules.get(rule.id) === rule) this.#sipRules.delete(rule.id);
  }

  clear(): void {
    this.#voiceConnectors.clear();
    this.#groups.clear();
    this.#sipMediaApplications.clear();
    this.#sipRules.clear();
    this.#associations.clear();
    this.#proxySessionCount = 0;
    this.#proxyNumbersIssued = 0;
    this.#callCount = 0;
  }
}

/**
 * A full kind is `ResourceLimitExceededException`, the error the models list for the creates
 * (CreateProxySession and the phone number associations, which list none, answer it too).
 */
function checkRoom(count: number, what: string): void {
  if (count >= MAX_PER_KIND) {
    throw emulatorError(
      'ResourceLimitExceededException',
      `The emulator holds at most ${MAX_PER_KIND} ${what}.`,
    );
  }
}
