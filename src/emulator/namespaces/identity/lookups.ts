import { emulatorError } from '../../errors.js';
import type { HandlerContext } from '../namespace.js';
import { parseAppInstanceArn, parseAppInstanceUserArn } from './arn.js';
import type { StoredAppInstance, StoredUser } from './store.js';

/**
 * Finding the resources a request names, with the emulator's answers where AWS publishes none
 * (docs/emulator.md, "Assumptions"):
 * - an ARN for another region than the one the request was signed for: `BadRequestException`.
 *   Chime SDK Identity is regional (identity-chime.<region>.amazonaws.com); an endpoint holds only
 *   its own region's resources, and saying so beats a bare "not found" when a legacy caller
 *   signed for the wrong region;
 * - a parent named in the body or the query (the app instance of CreateAppInstanceUser and
 *   ListAppInstanceUsers) that does not exist: `BadRequestException`, the error those
 *   operations' models list (NotFoundException is not among them);
 * - the resource the URI itself names (Describe*, Delete*) that does not exist:
 *   `NotFoundException` (404), the REST answer for a missing URI, which both SDKs map to their
 *   `NotFoundException` class.
 */

function checkRegion(context: HandlerContext<unknown>, member: string, arn: string, arnRegion: string): void {
  if (arnRegion !== context.region) {
    throw emulatorError(
      'BadRequestException',
      `${member} ${arn} is in region ${arnRegion}, but the request was signed for region ${context.region}.`,
    );
  }
}

/** The app instance a request names as a parent; every miss is a `BadRequestException`. */
export function parentAppInstance(context: HandlerContext<unknown>, arn: string): StoredAppInstance {
  const parts = parseAppInstanceArn(arn);
  if (!parts) throw emulatorError('BadRequestException', `AppInstanceArn ${arn} is not an AppInstance ARN.`);
  checkRegion(context, 'AppInstanceArn', arn, parts.region);
  const instance = context.state.identity.appInstance(arn);
  if (!instance) throw emulatorError('BadRequestException', `AppInstance ${arn} does not exist.`);
  return instance;
}

/** The app instance the URI names; a missing one is a `NotFoundException`. */
export function addressedAppInstance(context: HandlerContext<unknown>, arn: string): StoredAppInstance {
  const parts = parseAppInstanceArn(arn);
  if (!parts) throw emulatorError('BadRequestException', `AppInstanceArn ${arn} is not an AppInstance ARN.`);
  checkRegion(context, 'AppInstanceArn', arn, parts.region);
  const instance = context.state.identity.appInstance(arn);
  if (!instance) throw emulatorError('NotFoundException', `AppInstance ${arn} does not exist.`);
  return instance;
}

/** The user the URI names, with its app instance; a missing one is a `NotFoundException`. */
export function addressedUser(
  context: HandlerContext<unknown>,
  arn: string,
): { instance: StoredAppInstance; user: StoredUser } {
  const parts = parseAppInstanceUserArn(arn);
  if (!parts)
    throw emulatorError('BadRequestException', `AppInstanceUserArn ${arn} is not an AppInstanceUser ARN.`);
  checkRegion(context, 'AppInstanceUserArn', arn, parts.region);
  const instance = context.state.identity.appInstance(parts.appInstanceArn);
  const user = instance?.users.get(parts.appInstanceUserId);
  if (!instance || !user) throw emulatorError('NotFoundException', `AppInstanceUser ${arn} does not exist.`);
  return { instance, user };
}
