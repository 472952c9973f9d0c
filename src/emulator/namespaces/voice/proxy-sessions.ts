import { emulatorError } from '../../errors.js';
import type { Handler } from '../namespace.js';
import { page } from '../pagination.js';
import { addressedProxySession, addressedVoiceConnector } from './lookups.js';
import { isoTimestamp, type StoredProxySession } from './resources.js';
import { DEFAULT_MAX_RESULTS } from './voice-connectors.js';

/**
 * Proxy sessions of a Voice Connector: two participants reach each other through a proxy number.
 * The emulator places no calls and sends no messages: a session is a record that is `Open` from
 * its creation to its deletion (it does not expire after `ExpiryMinutes`, nor end by itself).
 */

export function proxySessionView(session: StoredProxySession) {
  return {
    VoiceConnectorId: session.voiceConnectorId,
    ProxySessionId: session.id,
    Name: session.name,
    Status: 'Open',
    ExpiryMinutes: session.expiryMinutes,
    Capabilities: session.capabilities,
    CreatedTimestamp: isoTimestamp(session.created),
    UpdatedTimestamp: isoTimestamp(session.updated),
    Participants: session.participants,
    NumberSelectionBehavior: session.numberSelectionBehavior,
    GeoMatchLevel: session.geoMatchLevel,
    GeoMatchParams: session.geoMatchParams,
  };
}

/**
 * POST /voice-connectors/{VoiceConnectorId}/proxy-sessions -> 201 `{ ProxySession }`. The Voice
 * Connector needs a proxy configuration (PutVoiceConnectorProxy) that is not `Disabled` ("When
 * true, stops proxy sessions from being created", the model): otherwise `BadRequestException`.
 * Both participants get the same proxy number, the next of the emulator's pool
 * (`+12065550100`-`+12065550199`, resources.ts); `ExpiryMinutes` defaults to the proxy
 * configuration's `DefaultSessionExpiryMinutes`.
 */
const CreateProxySession: Handler<{
  VoiceConnectorId: string;
  ParticipantPhoneNumbers: string[];
  Name?: string;
  ExpiryMinutes?: number;
  Capabilities: string[];
  NumberSelectionBehavior?: string;
  GeoMatchLevel?: string;
  GeoMatchParams?: { Country: string; AreaCode: string };
}> = (context) => {
  const { input, state, now } = context;
  const connector = addressedVoiceConnector(context, input.VoiceConnectorId);
  const proxy = connector.proxy;
  if (!proxy || proxy.Disabled) {
    throw emulatorError(
      'BadRequestException',
      `Voice Connector ${connector.id} ${proxy ? 'has its proxy disabled' : 'has no proxy configuration'}; put one with Disabled: false first (PutVoiceConnectorProxy).`,
    );
  }
  const ProxyPhoneNumber = state.voice.nextProxyPhoneNumber();
  const session = state.voice.addProxySession(connector, {
    name: input.Name,
    capabilities: input.Capabilities,
    expiryMinutes: input.ExpiryMinutes ?? proxy.DefaultSessionExpiryMinutes,
    participants: input.ParticipantPhoneNumbers.map((PhoneNumber) => ({ PhoneNumber, ProxyPhoneNumber })),
    numberSelectionBehavior: input.NumberSelectionBehavior,
    geoMatchLevel: input.GeoMatchLevel,
    geoMatchParams: input.GeoMatchParams,
    created: now,
  });
  return { body: { ProxySession: proxySessionView(session) } };
};

/** GET /voice-connectors/{VoiceConnectorId}/proxy-sessions/{ProxySessionId} -> 200 `{ ProxySession }`. */
const GetProxySession: Handler<{ VoiceConnectorId: string; ProxySessionId: string }> = (context) => {
  const connector = addressedVoiceConnector(context, context.input.VoiceConnectorId);
  return {
    body: {
      ProxySession: proxySessionView(addressedProxySession(context, connector, context.input.ProxySessionId)),
    },
  };
};

/**
 * GET /voice-connectors/{VoiceConnectorId}/proxy-sessions?status=&max-results=&next-token= -> 200
 * `{ ProxySessions, NextToken? }`, in creation order. Every session is `Open`: a `Status` of
 * `InProgress` or `Closed` lists none.
 */
const ListProxySessions: Handler<{
  VoiceConnectorId: string;
  Status?: string;
  MaxResults?: number;
  NextToken?: string;
}> = (context) => {
  const { input } = context;
  const connector = addressedVoiceConnector(context, input.VoiceConnectorId);
  const sessions =
    input.Status === undefined || input.Status === 'Open' ? connector.proxySessions.values() : [];
  const found = page(sessions, {
    scope: `${connector.arn} proxy-sessions ${input.Status ?? ''}`,
    nextToken: input.NextToken,
    maxResults: input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation: 'ListProxySessions',
  });
  return { body: { ProxySessions: found.items.map(proxySessionView), NextToken: found.nextToken } };
};

/** POST /voice-connectors/{VoiceConnectorId}/proxy-sessions/{ProxySessionId} -> 201 `{ ProxySession }`: `Capabilities` replaced, `ExpiryMinutes` where given. */
const UpdateProxySession: Handler<{
  VoiceConnectorId: string;
  ProxySessionId: string;
  Capabilities: string[];
  ExpiryMinutes?: number;
}> = (context) => {
  const { input, now } = context;
  const connector = addressedVoiceConnector(context, input.VoiceConnectorId);
  const session = addressedProxySession(context, connector, input.ProxySessionId);
  session.capabilities = input.Capabilities;
  if (input.ExpiryMinutes !== undefined) session.expiryMinutes = input.ExpiryMinutes;
  session.updated = now;
  return { body: { ProxySession: proxySessionView(session) } };
};

/** DELETE /voice-connectors/{VoiceConnectorId}/proxy-sessions/{ProxySessionId} -> 204. */
const DeleteProxySession: Handler<{ VoiceConnectorId: string; ProxySessionId: string }> = (context) => {
  const connector = addressedVoiceConnector(context, context.input.VoiceConnectorId);
  const session = addressedProxySession(context, connector, context.input.ProxySessionId);
  context.state.voice.deleteProxySession(connector, session);
  return {};
};

export const PROXY_SESSION_HANDLERS: Readonly<Record<string, Handler>> = {
  CreateProxySession,
  GetProxySession,
  ListProxySessions,
  UpdateProxySession,
  DeleteProxySession,
};
