import type { Answer, SendContext, Translation } from './types.js';

// Chime SDK Voice: what differs from the legacy voice operations (docs/operations.md). The other
// voice operations are sent as they are to their same-name counterparts; members only the
// counterpart has (`Tags`, `IntegrationType`, `ArgumentsMap`, `MediaInsightsConfiguration`) are
// accepted on the identity route and refused before any I/O on the legacy route, by the table.

/**
 * Without `StreamingConfiguration.Disabled` (which the counterpart
 * requires), `false` is sent: the legacy namespace's default, streaming on. A given value is sent
 * as it is. The event's `translation` says `streaming-disabled-default`.
 */
export const PutVoiceConnectorStreamingConfiguration: Translation = {
  async send(context: SendContext): Promise<Answer> {
    const { operation, request } = context;
    const configuration = request.StreamingConfiguration as Record<string, unknown>;
    if (configuration.Disabled !== undefined) return context.send(operation.counterpart!, request);
    context.note('streaming-disabled-default');
    return context.send(operation.counterpart!, {
      ...request,
      StreamingConfiguration: { ...configuration, Disabled: false },
    });
  },
};

/**
 * What the shim does for an operation whose only difference is a constraint Chime SDK Voice adds:
 * nothing. The call is sent as it is; the export exists so the generator copies the doc comment
 * into docs/operations.md, where a caller looking for the difference finds it. Validation keeps
 * the legacy model's constraints (the contract): refusing a name the legacy namespace accepted
 * would break callers the namespace itself may still serve.
 */
const namePatternOfTheNamespace: Translation = {};

/**
 * Sent as it is. `Name` is validated with the legacy model (1-256
 * characters); Chime SDK Voice also requires the pattern `^[a-zA-Z0-9 _.-]+$`, so a name with
 * other characters is its `BadRequestException`.
 */
export const CreateVoiceConnector: Translation = namePatternOfTheNamespace;

/**
 * Sent as it is. `Name` is validated with the legacy model (1-256
 * characters); Chime SDK Voice also requires the pattern `^[a-zA-Z0-9 _.-]+$`, so a name with
 * other characters is its `BadRequestException`.
 */
export const UpdateVoiceConnector: Translation = namePatternOfTheNamespace;

/**
 * Sent as it is. `Name` is validated with the legacy model (1-256
 * characters); Chime SDK Voice also requires the pattern `^[a-zA-Z0-9 _.-]+$`, so a name with
 * other characters is its `BadRequestException`.
 */
export const CreateVoiceConnectorGroup: Translation = namePatternOfTheNamespace;

/**
 * Sent as it is. `Name` is validated with the legacy model (1-256
 * characters); Chime SDK Voice also requires the pattern `^[a-zA-Z0-9 _.-]+$`, so a name with
 * other characters is its `BadRequestException`.
 */
export const UpdateVoiceConnectorGroup: Translation = namePatternOfTheNamespace;

/**
 * Sent as it is. `Name` is validated with the legacy model (1-256
 * characters); Chime SDK Voice also requires the pattern `^[a-zA-Z0-9 _.-]+$`, so a name with
 * other characters is its `BadRequestException`.
 */
export const CreateSipMediaApplication: Translation = namePatternOfTheNamespace;

/**
 * Sent as it is. `Name` is validated with the legacy model (1-256
 * characters); Chime SDK Voice also requires the pattern `^[a-zA-Z0-9 _.-]+$`, so a name with
 * other characters is its `BadRequestException`.
 */
export const UpdateSipMediaApplication: Translation = namePatternOfTheNamespace;

/**
 * Sent as it is. `Name` is validated with the legacy model (1-256
 * characters); Chime SDK Voice also requires the pattern `^[a-zA-Z0-9 _.-]+$`, so a name with
 * other characters is its `BadRequestException`.
 */
export const CreateSipRule: Translation = namePatternOfTheNamespace;

/**
 * Sent as it is. `Name` is validated with the legacy model (1-256
 * characters); Chime SDK Voice also requires the pattern `^[a-zA-Z0-9 _.-]+$`, so a name with
 * other characters is its `BadRequestException`.
 */
export const UpdateSipRule: Translation = namePatternOfTheNamespace;
