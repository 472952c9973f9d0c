import type { Handler, HandlerContext } from '../namespace.js';
import { addressedGroup, addressedVoiceConnector } from './lookups.js';
import type { PhoneNumberAssociation } from './resources.js';
import type { VoiceStore } from './store.js';

/**
 * Phone number associations. The emulator has no phone number inventory (no ordering, no
 * SearchAvailablePhoneNumbers): every number the model's E.164 pattern accepts is taken as one of
 * the account's numbers. A number is associated with one Voice Connector or one Voice Connector
 * group at a time, account-wide, as in the service. What fails for one number is answered in
 * `PhoneNumberErrors`, the others are done (200 either way):
 * - associating a number associated elsewhere, without `ForceAssociate: true`:
 *   `PhoneNumberAssociationsExist` (with it, the number moves);
 * - disassociating a number that is not associated with this Voice Connector or group: `NotFound`.
 * Associating a number already associated with the same target is not an error. `+12065550100`
 * and `12065550100` are the same number (the pattern makes the `+` optional); errors name the
 * number as the request gave it. Messages never repeat a number: the model marks it sensitive.
 */

interface PhoneNumberError {
  readonly PhoneNumberId: string;
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

/** The number a given string names: `+` and its digits. */
export function phoneNumberKey(number: string): string {
  return number.startsWith('+') ? number : `+${number}`;
}

const NAMES: Readonly<Record<PhoneNumberAssociation['kind'], string>> = {
  VoiceConnector: 'Voice Connector',
  VoiceConnectorGroup: 'Voice Connector group',
};

function associate(
  store: VoiceStore,
  target: PhoneNumberAssociation,
  numbers: readonly string[],
  force: boolean,
): PhoneNumberError[] {
  const errors: PhoneNumberError[] = [];
  for (const number of numbers) {
    const key = phoneNumberKey(number);
    const current = store.association(key);
    if (current && !(current.kind === target.kind && current.id === target.id) && !force) {
      errors.push({
        PhoneNumberId: number,
        ErrorCode: 'PhoneNumberAssociationsExist',
        ErrorMessage: `The phone number is associated with another ${NAMES[current.kind]}; set ForceAssociate to move it.`,
      });
      continue;
    }
    store.associate(key, target);
  }
  return errors;
}

function disassociate(
  store: VoiceStore,
  target: PhoneNumberAssociation,
  numbers: readonly string[],
): PhoneNumberError[] {
  const errors: PhoneNumberError[] = [];
  for (const number of numbers) {
    const key = phoneNumberKey(number);
    const current = store.association(key);
    if (!(current?.kind === target.kind && current.id === target.id)) {
      errors.push({
        PhoneNumberId: number,
        ErrorCode: 'NotFound',
        ErrorMessage: `The phone number is not associated with this ${NAMES[target.kind]}.`,
      });
      continue;
    }
    store.disassociate(key);
  }
  return errors;
}

interface AssociateInput {
  E164PhoneNumbers: string[];
  ForceAssociate?: boolean;
}

function connectorTarget(context: HandlerContext<{ VoiceConnectorId: string }>): PhoneNumberAssociation {
  return { kind: 'VoiceConnector', id: addressedVoiceConnector(context, context.input.VoiceConnectorId).id };
}

function groupTarget(context: HandlerContext<{ VoiceConnectorGroupId: string }>): PhoneNumberAssociation {
  return {
    kind: 'VoiceConnectorGroup',
    id: addressedGroup(context, context.input.VoiceConnectorGroupId).id,
  };
}

/** POST /voice-connectors/{VoiceConnectorId}?operation=associate-phone-numbers -> 200 `{ PhoneNumberErrors }`. */
const AssociatePhoneNumbersWithVoiceConnector: Handler<AssociateInput & { VoiceConnectorId: string }> = (
  context,
) => {
  const { input, state } = context;
  const errors = associate(
    state.voice,
    connectorTarget(context),
    input.E164PhoneNumbers,
    !!input.ForceAssociate,
  );
  return { body: { PhoneNumberErrors: errors } };
};

/** POST /voice-connector-groups/{VoiceConnectorGroupId}?operation=associate-phone-numbers -> 200 `{ PhoneNumberErrors }`. */
const AssociatePhoneNumbersWithVoiceConnectorGroup: Handler<
  AssociateInput & { VoiceConnectorGroupId: string }
> = (context) => {
  const { input, state } = context;
  const errors = associate(state.voice, groupTarget(context), input.E164PhoneNumbers, !!input.ForceAssociate);
  return { body: { PhoneNumberErrors: errors } };
};

/** POST /voice-connectors/{VoiceConnectorId}?operation=disassociate-phone-numbers -> 200 `{ PhoneNumberErrors }`. */
const DisassociatePhoneNumbersFromVoiceConnector: Handler<{
  VoiceConnectorId: string;
  E164PhoneNumbers: string[];
}> = (context) => ({
  body: {
    PhoneNumberErrors: disassociate(
      context.state.voice,
      connectorTarget(context),
      context.input.E164PhoneNumbers,
    ),
  },
});

/** POST /voice-connector-groups/{VoiceConnectorGroupId}?operation=disassociate-phone-numbers -> 200 `{ PhoneNumberErrors }`. */
const DisassociatePhoneNumbersFromVoiceConnectorGroup: Handler<{
  VoiceConnectorGroupId: string;
  E164PhoneNumbers: string[];
}> = (context) => ({
  body: {
    PhoneNumberErrors: disassociate(
      context.state.voice,
      groupTarget(context),
      context.input.E164PhoneNumbers,
    ),
  },
});

export const PHONE_NUMBER_HANDLERS: Readonly<Record<string, Handler>> = {
  AssociatePhoneNumbersWithVoiceConnector,
  AssociatePhoneNumbersWithVoiceConnectorGroup,
  DisassociatePhoneNumbersFromVoiceConnector,
  DisassociatePhoneNumbersFromVoiceConnectorGroup,
};
