import { emulatorError } from '../../errors.js';
import type { Handler, HandlerContext } from '../namespace.js';
import { page } from '../pagination.js';
import type { Tag } from '../tags.js';
import { addressedGroup, addressedVoiceConnector, overLimit } from './lookups.js';
import {
  isoTimestamp,
  type StoredVoiceConnector,
  type StoredVoiceConnectorGroup,
  type VoiceConnectorItem,
} from './resources.js';

/** Page size when MaxResults is absent (assumed: the model gives only the 1-100 range). */
export const DEFAULT_MAX_RESULTS = 100;

/** "Limit: 3 VoiceConnectorItems per Voice Connector group" (the model's VoiceConnectorItem). */
export const MAX_GROUP_ITEMS = 3;

/** A Voice Connector as the model answers it. */
export function voiceConnectorView(connector: StoredVoiceConnector) {
  return {
    VoiceConnectorId: connector.id,
    AwsRegion: connector.awsRegion,
    Name: connector.name,
    OutboundHostName: connector.outboundHostName,
    RequireEncryption: connector.requireEncryption,
    CreatedTimestamp: isoTimestamp(connector.created),
    UpdatedTimestamp: isoTimestamp(connector.updated),
    VoiceConnectorArn: connector.arn,
    IntegrationType: connector.integrationType,
  };
}

export function groupView(group: StoredVoiceConnectorGroup) {
  return {
    VoiceConnectorGroupId: group.id,
    Name: group.name,
    VoiceConnectorItems: group.items,
    CreatedTimestamp: isoTimestamp(group.created),
    UpdatedTimestamp: isoTimestamp(group.updated),
    VoiceConnectorGroupArn: group.arn,
  };
}

/**
 * POST /voice-connectors -> 201 `{ VoiceConnector }`, in the region the request was signed for,
 * with a generated id and outbound host name. `AwsRegion` is answered as given, or as that
 * region when absent (the model: "Default: us-east-1", the region every legacy call went to).
 */
const CreateVoiceConnector: Handler<{
  Name: string;
  AwsRegion?: string;
  RequireEncryption: boolean;
  Tags?: Tag[];
  IntegrationType?: string;
}> = ({ region, input, state, now }) => {
  const connector = state.voice.addVoiceConnector({
    region,
    awsRegion: input.AwsRegion ?? region,
    name: input.Name,
    requireEncryption: input.RequireEncryption,
    integrationType: input.IntegrationType,
    tags: input.Tags,
    now,
  });
  return { body: { VoiceConnector: voiceConnectorView(connector) } };
};

/** GET /voice-connectors/{VoiceConnectorId} -> 200 `{ VoiceConnector }`. */
const GetVoiceConnector: Handler<{ VoiceConnectorId: string }> = (context) => ({
  body: {
    VoiceConnector: voiceConnectorView(addressedVoiceConnector(context, context.input.VoiceConnectorId)),
  },
});

/** GET /voice-connectors?max-results=&next-token= -> 200 `{ VoiceConnectors, NextToken? }`: the region's, in creation order. */
const ListVoiceConnectors: Handler<{ MaxResults?: number; NextToken?: string }> = ({
  region,
  input,
  state,
}) => {
  const found = page(state.voice.voiceConnectorsIn(region), {
    scope: `voice-connectors in ${region}`,
    nextToken: input.NextToken,
    maxResults: input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation: 'ListVoiceConnectors',
  });
  return { body: { VoiceConnectors: found.items.map(voiceConnectorView), NextToken: found.nextToken } };
};

/** PUT /voice-connectors/{VoiceConnectorId} -> 200 `{ VoiceConnector }`: `Name` and `RequireEncryption` replaced (both required). */
const UpdateVoiceConnector: Handler<{
  VoiceConnectorId: string;
  Name: string;
  RequireEncryption: boolean;
}> = (context) => {
  const { input, now } = context;
  const connector = addressedVoiceConnector(context, input.VoiceConnectorId);
  connector.name = input.Name;
  connector.requireEncryption = input.RequireEncryption;
  connector.updated = now;
  return { body: { VoiceConnector: voiceConnectorView(connector) } };
};

/**
 * DELETE /voice-connectors/{VoiceConnectorId} -> 204, with its settings, credentials, proxy
 * sessions and tags. "Any phone numbers associated with the Amazon Chime SDK Voice Connector
 * must be disassociated from it before it can be deleted" (the model), and a Voice Connector that
 * is an item of a group must leave it first: otherwise `ConflictException`.
 */
const DeleteVoiceConnector: Handler<{ VoiceConnectorId: string }> = (context) => {
  const { state } = context;
  const connector = addressedVoiceConnector(context, context.input.VoiceConnectorId);
  const numbers = state.voice.associationCount({ kind: 'VoiceConnector', id: connector.id });
  if (numbers > 0) {
    throw emulatorError(
      'ConflictException',
      `Voice Connector ${connector.id} has ${numbers} associated phone number(s); disassociate them first.`,
    );
  }
  const groups = state.voice.groupsWith(connector.id);
  if (groups.length > 0) {
    throw emulatorError(
      'ConflictException',
      `Voice Connector ${connector.id} is an item of Voice Connector group ${groups[0]!.id}; remove it from the group first.`,
    );
  }
  state.voice.deleteVoiceConnector(connector);
  return {};
};

/**
 * A group's items: each names an existing Voice Connector of the account ("You can include Voice
 * Connectors from different AWS Regions in a group": any region), once, and there are at most 3.
 * The items are in the body, so a missing Voice Connector is the model's `BadRequestException`.
 */
function checkedItems(
  context: HandlerContext<unknown>,
  items: readonly VoiceConnectorItem[] | undefined,
): VoiceConnectorItem[] {
  const checked = (items ?? []).map(({ VoiceConnectorId, Priority }) => ({ VoiceConnectorId, Priority }));
  if (checked.length > MAX_GROUP_ITEMS) {
    throw overLimit(
      context,
      `A Voice Connector group has at most ${MAX_GROUP_ITEMS} VoiceConnectorItems; this request gives ${checked.length}.`,
    );
  }
  const seen = new Set<string>();
  for (const { VoiceConnectorId } of checked) {
    if (!context.state.voice.voiceConnector(VoiceConnectorId)) {
      throw emulatorError('BadRequestException', `Voice Connector ${VoiceConnectorId} does not exist.`);
    }
    if (seen.has(VoiceConnectorId)) {
      throw emulatorError(
        'BadRequestException',
        `Voice Connector ${VoiceConnectorId} is given more than once in VoiceConnectorItems.`,
      );
    }
    seen.add(VoiceConnectorId);
  }
  return checked;
}

/** POST /voice-connector-groups -> 201 `{ VoiceConnectorGroup }`. */
const CreateVoiceConnectorGroup: Handler<{ Name: string; VoiceConnectorItems?: VoiceConnectorItem[] }> = (
  context,
) => {
  const { region, input, state, now } = context;
  const items = checkedItems(context, input.VoiceConnectorItems);
  const group = state.voice.addGroup({ region, name: input.Name, items, now });
  return { body: { VoiceConnectorGroup: groupView(group) } };
};

/** GET /voice-connector-groups/{VoiceConnectorGroupId} -> 200 `{ VoiceConnectorGroup }`. */
const GetVoiceConnectorGroup: Handler<{ VoiceConnectorGroupId: string }> = (context) => ({
  body: { VoiceConnectorGroup: groupView(addressedGroup(context, context.input.VoiceConnectorGroupId)) },
});

/** GET /voice-connector-groups?max-results=&next-token= -> 200 `{ VoiceConnectorGroups, NextToken? }`, in creation order. */
const ListVoiceConnectorGroups: Handler<{ MaxResults?: number; NextToken?: string }> = ({
  region,
  input,
  state,
}) => {
  const found = page(state.voice.groupsIn(region), {
    scope: `voice-connector-groups in ${region}`,
    nextToken: input.NextToken,
    maxResults: input.MaxResults,
    defaultMax: DEFAULT_MAX_RESULTS,
    operation: 'ListVoiceConnectorGroups',
  });
  return { body: { VoiceConnectorGroups: found.items.map(groupView), NextToken: found.nextToken } };
};

/** PUT /voice-connector-groups/{VoiceConnectorGroupId} -> 202 `{ VoiceConnectorGroup }`: name and items replaced. */
const UpdateVoiceConnectorGroup: Handler<{
  VoiceConnectorGroupId: string;
  Name: string;
  VoiceConnectorItems: VoiceConnectorItem[];
}> = (context) => {
  const { input, now } = context;
  const group = addressedGroup(context, input.VoiceConnectorGroupId);
  group.items = checkedItems(context, input.VoiceConnectorItems);
  group.name = input.Name;
  group.updated = now;
  return { body: { VoiceConnectorGroup: groupView(group) } };
};

/**
 * DELETE /voice-connector-groups/{VoiceConnectorGroupId} -> 204. "Any VoiceConnectorItems and
 * phone numbers associated with the group must be removed before it can be deleted" (the model):
 * otherwise `ConflictException`.
 */
const DeleteVoiceConnectorGroup: Handler<{ VoiceConnectorGroupId: string }> = (context) => {
  const { state } = context;
  const group = addressedGroup(context, context.input.VoiceConnectorGroupId);
  if (group.items.length > 0) {
    throw emulatorError(
      'ConflictException',
      `Voice Connector group ${group.id} has ${group.items.length} VoiceConnectorItems; remove them first (UpdateVoiceConnectorGroup).`,
    );
  }
  const numbers = state.voice.associationCount({ kind: 'VoiceConnectorGroup', id: group.id });
  if (numbers > 0) {
    throw emulatorError(
      'ConflictException',
      `Voice Connector group ${group.id} has ${numbers} associated phone number(s); disassociate them first.`,
    );
  }
  state.voice.deleteGroup(group);
  return {};
};

export const VOICE_CONNECTOR_HANDLERS: Readonly<Record<string, Handler>> = {
  CreateVoiceConnector,
  GetVoiceConnector,
  ListVoiceConnectors,
  UpdateVoiceConnector,
  DeleteVoiceConnector,
  CreateVoiceConnectorGroup,
  GetVoiceConnectorGroup,
  ListVoiceConnectorGroups,
  UpdateVoiceConnectorGroup,
  DeleteVoiceConnectorGroup,
};
