import { createHash } from 'node:crypto';
import { emulatorError } from '../../errors.js';
import type { Handler } from '../namespace.js';

/**
 * ValidateE911Address without an address database: a deterministic answer from the address's
 * form alone, so tests can reach each of the model's three results.
 *
 * - The address is normalised: every field trimmed, runs of white space made one space, `State`
 *   and `Country` upper-cased.
 * - It is *valid* when, normalised, `Country` is `US`, `State` is two letters, `StreetNumber` is
 *   digits, `PostalCode` is a ZIP code (`12345` or `12345-6789`), and `StreetInfo` and `City`
 *   are not empty.
 * - Valid as given: `ValidationResult: 0` ("Address validation succeeded"), with `Address` and
 *   `AddressExternalId`.
 * - Valid only once normalised: `1` ("The address was a close enough match and has been
 *   corrected as part of the address object"), with the normalised `Address`.
 * - Otherwise: `2` ("Address validation failed"), with no `Address` and an empty
 *   `CandidateAddressList` (the emulator knows no close matches).
 * - `Address`: `streetNumber`, `streetName` (the `StreetInfo`), `city`, `state`, `postalCode`
 *   (5 digits), `postalCodePlus4` (when given), `country`; the street suffix and directions are
 *   not split out. `AddressExternalId` is a UUID-shaped digest of the normalised address: the same
 *   address always gets the same id.
 * - `AwsAccountId` must be the emulator's account (`111122223333`): another is `ForbiddenException`.
 *
 * Every address member is sensitive in the model: no message repeats one.
 */

interface E911Input {
  AwsAccountId: string;
  StreetNumber: string;
  StreetInfo: string;
  City: string;
  State: string;
  Country: string;
  PostalCode: string;
}

const tidy = (value: string) => value.trim().replace(/\s+/g, ' ');

/** The input normalised: what a "close enough match" is corrected to. */
function normalised(input: E911Input): Omit<E911Input, 'AwsAccountId'> {
  return {
    StreetNumber: tidy(input.StreetNumber),
    StreetInfo: tidy(input.StreetInfo),
    City: tidy(input.City),
    State: tidy(input.State).toUpperCase(),
    Country: tidy(input.Country).toUpperCase(),
    PostalCode: tidy(input.PostalCode),
  };
}

const ZIP = /^(\d{5})(?:-(\d{4}))?$/;

/** A UUID-shaped digest: the same normalised address always has the same external id. */
function externalId(address: object): string {
  const hex = createHash('sha256').update(JSON.stringify(address)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** POST /emergency-calling/address -> 202 `{ ValidationResult, AddressExternalId?, Address?, CandidateAddressList? }`. */
const ValidateE911Address: Handler<E911Input> = ({ input, state }) => {
  if (input.AwsAccountId !== state.accountId) {
    throw emulatorError(
      'ForbiddenException',
      `AwsAccountId ${input.AwsAccountId} is not the account of the request's credentials.`,
    );
  }
  const address = normalised(input);
  const zip = ZIP.exec(address.PostalCode);
  const valid =
    address.Country === 'US' &&
    /^[A-Z]{2}$/.test(address.State) &&
    /^\d+$/.test(address.StreetNumber) &&
    zip !== null &&
    address.StreetInfo !== '' &&
    address.City !== '';
  if (!valid) return { body: { ValidationResult: 2, CandidateAddressList: [] } };
  const validated = {
    streetName: address.StreetInfo,
    streetNumber: address.StreetNumber,
    city: address.City,
    state: address.State,
    postalCode: zip[1],
    postalCodePlus4: zip[2],
    country: address.Country,
  };
  const corrected = (Object.keys(address) as (keyof typeof address)[]).some(
    (key) => address[key] !== input[key],
  );
  return {
    body: {
      ValidationResult: corrected ? 1 : 0,
      AddressExternalId: externalId(validated),
      Address: validated,
    },
  };
};

export const E911_HANDLERS: Readonly<Record<string, Handler>> = { ValidateE911Address };
