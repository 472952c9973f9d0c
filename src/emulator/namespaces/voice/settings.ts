import { emulatorError } from '../../errors.js';
import type { Handler, HandlerContext } from '../namespace.js';
import { addressedVoiceConnector, settingsDocument } from './lookups.js';
import type {
  EmergencyCallingConfiguration,
  LoggingConfiguration,
  Origination,
  StoredVoiceConnector,
  StreamingConfiguration,
  Termination,
} from './resources.js';

/**
 * The settings documents of a Voice Connector: origination, termination and its credentials and
 * health, logging, streaming, emergency calling, proxy. Each is put whole (a put replaces the
 * earlier one), read back as put, and deleted; one that was never put (or was deleted) is
 * `NotFoundException` on get and delete. Logging is the exception: it has no delete, and before
 * any put it reads as off (both flags `false`), as on a new Voice Connector.
 */

type ConnectorContext<Input = object> = HandlerContext<Input & { VoiceConnectorId: string }>;

const connectorOf = (context: ConnectorContext) =>
  addressedVoiceConnector(context, context.input.VoiceConnectorId);

/** "Defaults to 5060" (the model's `OriginationRoute.Port`). */
const DEFAULT_SIP_PORT = 5060;
/** "Default value of 1" (the model's `Termination.CpsLimit`). */
const DEFAULT_CPS_LIMIT = 1;

/**
 * A handler for the get and the delete of one document, from where it is kept on the connector.
 * @param what the document's name in messages (`origination settings`)
 */
function getAndDelete<K extends 'origination' | 'termination' | 'streaming' | 'emergencyCalling' | 'proxy'>(
  key: K,
  answer: string,
  what: string,
  onDelete?: (connector: StoredVoiceConnector) => void,
): { get: Handler<{ VoiceConnectorId: string }>; delete: Handler<{ VoiceConnectorId: string }> } {
  return {
    get: (context) => {
      const connector = connectorOf(context);
      return { body: { [answer]: settingsDocument(context, connector, connector[key], what) } };
    },
    delete: (context) => {
      const connector = connectorOf(context);
      settingsDocument(context, connector, connector[key], what);
      connector[key] = undefined;
      onDelete?.(connector);
      return {};
    },
  };
}

// Origination ----------------------------------------------------------------------------------

/**
 * PUT /voice-connectors/{VoiceConnectorId}/origination -> 200 `{ Origination }`. "The parameters
 * listed below are not required, but you must use at least one" (the model): `Routes` or
 * `Disabled`, else `BadRequestException`. A route without `Port` gets 5060, the model's default.
 */
const PutVoiceConnectorOrigination: Handler<{ VoiceConnectorId: string; Origination: Origination }> = (
  context,
) => {
  const connector = connectorOf(context);
  const { Routes, Disabled } = context.input.Origination;
  if (Routes === undefined && Disabled === undefined) {
    throw emulatorError('BadRequestException', 'Origination needs Routes or Disabled (or both).');
  }
  connector.origination = {
    ...(Routes && { Routes: Routes.map((route) => ({ ...route, Port: route.Port ?? DEFAULT_SIP_PORT })) }),
    ...(Disabled !== undefined && { Disabled }),
  };
  return { body: { Origination: connector.origination } };
};

const origination = getAndDelete('origination', 'Origination', 'origination settings');

// Termination ----------------------------------------------------------------------------------

/**
 * PUT /voice-connectors/{VoiceConnectorId}/termination -> 200 `{ Termination }`; `CpsLimit`
 * defaults to 1, the model's default.
 */
const PutVoiceConnectorTermination: Handler<{ VoiceConnectorId: string; Termination: Termination }> = (
  context,
) => {
  const connector = connectorOf(context);
  const given = context.input.Termination;
  connector.termination = { ...given, CpsLimit: given.CpsLimit ?? DEFAULT_CPS_LIMIT };
  return { body: { Termination: connector.termination } };
};

/** Termination credentials belong to the termination: deleting it deletes them. */
const termination = getAndDelete('termination', 'Termination', 'termination settings', (connector) =>
  connector.credentials.clear(),
);

/**
 * POST /voice-connectors/{VoiceConnectorId}/termination/credentials?operation=put -> 204. The
 * credentials need the termination settings first (`NotFoundException` without them); each needs
 * a `Username` and a `Password` (`BadRequestException`). A user name put again is replaced. Only
 * user names are kept: the emulator never answers a password, so it does not hold one.
 */
const PutVoiceConnectorTerminationCredentials: Handler<{
  VoiceConnectorId: string;
  Credentials?: { Username?: string; Password?: string }[];
}> = (context) => {
  const connector = connectorOf(context);
  settingsDocument(context, connector, connector.termination, 'termination settings');
  const credentials = context.input.Credentials ?? [];
  // Both members are sensitive in the model: the message says which is missing, never a value.
  const incomplete = credentials.findIndex(
    ({ Username, Password }) => Username === undefined || Password === undefined,
  );
  if (incomplete >= 0) {
    throw emulatorError(
      'BadRequestException',
      `Credential ${incomplete + 1} needs both a Username and a Password.`,
    );
  }
  for (const { Username } of credentials) connector.credentials.add(Username!);
  return {};
};

/** POST /voice-connectors/{VoiceConnectorId}/termination/credentials?operation=delete -> 204; user names it does not have are ignored. */
const DeleteVoiceConnectorTerminationCredentials: Handler<{
  VoiceConnectorId: string;
  Usernames: string[];
}> = (context) => {
  const connector = connectorOf(context);
  for (const username of context.input.Usernames) connector.credentials.delete(username);
  return {};
};

/** GET /voice-connectors/{VoiceConnectorId}/termination/credentials -> 200 `{ Usernames }`, in the order they were first put. */
const ListVoiceConnectorTerminationCredentials: Handler<{ VoiceConnectorId: string }> = (context) => ({
  body: { Usernames: [...connectorOf(context).credentials] },
});

/**
 * GET /voice-connectors/{VoiceConnectorId}/termination/health -> 200 `{ TerminationHealth: {} }`.
 * The health is "the last time a SIP OPTIONS ping was received from your SIP infrastructure"
 * (the model); no SIP traffic ever reaches the emulator, so there is no ping to report: an empty
 * `TerminationHealth` (no `Timestamp`, no `Source`). Without termination settings there is no
 * health to ask about: `NotFoundException`.
 */
const GetVoiceConnectorTerminationHealth: Handler<{ VoiceConnectorId: string }> = (context) => {
  const connector = connectorOf(context);
  settingsDocument(context, connector, connector.termination, 'termination settings');
  return { body: { TerminationHealth: {} } };
};

// Logging --------------------------------------------------------------------------------------

const LOGGING_OFF: LoggingConfiguration = { EnableSIPLogs: false, EnableMediaMetricLogs: false };

/** PUT /voice-connectors/{VoiceConnectorId}/logging-configuration -> 200 `{ LoggingConfiguration }`; a flag not given is `false`. */
const PutVoiceConnectorLoggingConfiguration: Handler<{
  VoiceConnectorId: string;
  LoggingConfiguration: Partial<LoggingConfiguration>;
}> = (context) => {
  const connector = connectorOf(context);
  const given = context.input.LoggingConfiguration;
  connector.logging = {
    EnableSIPLogs: given.EnableSIPLogs ?? false,
    EnableMediaMetricLogs: given.EnableMediaMetricLogs ?? false,
  };
  return { body: { LoggingConfiguration: connector.logging } };
};

/** GET /voice-connectors/{VoiceConnectorId}/logging-configuration -> 200 `{ LoggingConfiguration }`: both flags `false` before any put. */
const GetVoiceConnectorLoggingConfiguration: Handler<{ VoiceConnectorId: string }> = (context) => ({
  body: { LoggingConfiguration: connectorOf(context).logging ?? LOGGING_OFF },
});

// Streaming ------------------------------------------------------------------------------------

/**
 * PUT /voice-connectors/{VoiceConnectorId}/streaming-configuration -> 200 `{ StreamingConfiguration }`,
 * stored as given (`MediaInsightsConfiguration` included). `Disabled` is required by this model:
 * the shim sends the legacy default, `false`, when a legacy caller leaves it out.
 */
const PutVoiceConnectorStreamingConfiguration: Handler<{
  VoiceConnectorId: string;
  StreamingConfiguration: StreamingConfiguration;
}> = (context) => {
  const connector = connectorOf(context);
  connector.streaming = context.input.StreamingConfiguration;
  return { body: { StreamingConfiguration: connector.streaming } };
};

const streaming = getAndDelete('streaming', 'StreamingConfiguration', 'streaming configuration');

// Emergency calling ----------------------------------------------------------------------------

/** PUT /voice-connectors/{VoiceConnectorId}/emergency-calling-configuration -> 200 `{ EmergencyCallingConfiguration }`. */
const PutVoiceConnectorEmergencyCallingConfiguration: Handler<{
  VoiceConnectorId: string;
  EmergencyCallingConfiguration: EmergencyCallingConfiguration;
}> = (context) => {
  const connector = connectorOf(context);
  connector.emergencyCalling = context.input.EmergencyCallingConfiguration;
  return { body: { EmergencyCallingConfiguration: connector.emergencyCalling } };
};

const emergencyCalling = getAndDelete(
  'emergencyCalling',
  'EmergencyCallingConfiguration',
  'emergency calling configuration',
);

// Proxy ----------------------------------------------------------------------------------------

/**
 * PUT /voice-connectors/{VoiceConnectorId}/programmable-numbers/proxy -> 200 `{ Proxy }`: the
 * request's `PhoneNumberPoolCountries` is answered as `PhoneNumberCountries` (the model's names);
 * `Disabled` is `false` unless given.
 */
const PutVoiceConnectorProxy: Handler<{
  VoiceConnectorId: string;
  DefaultSessionExpiryMinutes: number;
  PhoneNumberPoolCountries: string[];
  FallBackPhoneNumber?: string;
  Disabled?: boolean;
}> = (context) => {
  const connector = connectorOf(context);
  const { input } = context;
  connector.proxy = {
    DefaultSessionExpiryMinutes: input.DefaultSessionExpiryMinutes,
    Disabled: input.Disabled ?? false,
    ...(input.FallBackPhoneNumber !== undefined && { FallBackPhoneNumber: input.FallBackPhoneNumber }),
    PhoneNumberCountries: input.PhoneNumberPoolCountries,
  };
  return { body: { Proxy: connector.proxy } };
};

const proxy = getAndDelete('proxy', 'Proxy', 'proxy configuration');

export const SETTINGS_HANDLERS: Readonly<Record<string, Handler>> = {
  PutVoiceConnectorOrigination,
  GetVoiceConnectorOrigination: origination.get,
  DeleteVoiceConnectorOrigination: origination.delete,
  PutVoiceConnectorTermination,
  GetVoiceConnectorTermination: termination.get,
  DeleteVoiceConnectorTermination: termination.delete,
  PutVoiceConnectorTerminationCredentials,
  DeleteVoiceConnectorTerminationCredentials,
  ListVoiceConnectorTerminationCredentials,
  GetVoiceConnectorTerminationHealth,
  PutVoiceConnectorLoggingConfiguration,
  GetVoiceConnectorLoggingConfiguration,
  PutVoiceConnectorStreamingConfiguration,
  GetVoiceConnectorStreamingConfiguration: streaming.get,
  DeleteVoiceConnectorStreamingConfiguration: streaming.delete,
  PutVoiceConnectorEmergencyCallingConfiguration,
  GetVoiceConnectorEmergencyCallingConfiguration: emergencyCalling.get,
  DeleteVoiceConnectorEmergencyCallingConfiguration: emergencyCalling.delete,
  PutVoiceConnectorProxy,
  GetVoiceConnectorProxy: proxy.get,
  DeleteVoiceConnectorProxy: proxy.delete,
};
