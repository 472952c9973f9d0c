import { type EmulatorError, emulatorError } from '../../errors.js';
import type { HandlerContext } from '../namespace.js';
import {
  type AppInstanceMemberArnParts,
  parseAppInstanceArn,
  parseAppInstanceUserArn,
  parseMemberArn,
} from './arn.js';
import type { StoredAdmin, StoredAppInstance, StoredUser } from './store.js';

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
 * - an app instance or user the URI names (Describe*, Update*, Delete*, and the app instance of
 *   the admin and retention operations) that does not exist: `NotFoundException` (404), the REST
 *   answer for a missing URI, which both SDKs map to their `NotFoundException` class;
 * - an `AppInstanceAdminArn` that is not an admin (or, for CreateAppInstanceAdmin, not a user) of
 *   the app instance: the error the operation's model lists for it (`BadRequestException` for
 *   every admin operation). An admin is a role a user holds, not a resource of its own: the app
 *   instance and the user exist, and the request asks for something they do not allow.
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

/**
 * The error for an `AppInstanceAdminArn` that names no admin: `NotFoundException` where the
 * operation's model lists it, otherwise the model's `BadRequestException`.
 */
function missingAdmin(context: HandlerContext<unknown>, message: string): EmulatorError {
  return emulatorError(
    context.operation.errors.includes('NotFoundException') ? 'NotFoundException' : 'BadRequestException',
    message,
  );
}

/** Parses an `AppInstanceAdminArn` (a user or bot ARN) and checks its region. */
function adminArnParts(context: HandlerContext<unknown>, arn: string): AppInstanceMemberArnParts {
  const parts = parseMemberArn(arn);
  if (!parts) {
    throw emulatorError(
      'BadRequestException',
      `AppInstanceAdminArn ${arn} is not an AppInstanceUser or AppInstanceBot ARN.`,
    );
  }
  checkRegion(context, 'AppInstanceAdminArn', arn, parts.region);
  return parts;
}

/**
 * The user CreateAppInstanceAdmin promotes: "Only an AppInstanceUser and AppInstanceBot can be
 * promoted" (the model), and only within their own app instance. The emulator has no bots, so a
 * bot ARN names nothing that exists.
 */
export function userToPromote(
  context: HandlerContext<unknown>,
  instance: StoredAppInstance,
  arn: string,
): StoredUser {
  const parts = adminArnParts(context, arn);
  const user =
    parts.kind === 'user' && parts.appInstanceArn === instance.arn ? instance.users.get(parts.id) : undefined;
  if (!user) {
    throw missingAdmin(
      context,
      `AppInstanceAdminArn ${arn} is not an AppInstanceUser of AppInstance ${instance.arn}.`,
    );
  }
  return user;
}

/** The admin the URI names in its app instance (DescribeAppInstanceAdmin, DeleteAppInstanceAdmin). */
export function addressedAdmin(
  context: HandlerContext<unknown>,
  instance: StoredAppInstance,
  arn: string,
): StoredAdmin {
  adminArnParts(context, arn);
  const admin = instance.admins.get(arn);
  if (!admin) {
    throw missingAdmin(context, `${arn} is not an AppInstanceAdmin of AppInstance ${instance.arn}.`);
  }
  return admin;
}

/** An admin as the model's `Identity`: its ARN and the current name of its user. */
export function adminIdentity(
  instance: StoredAppInstance,
  admin: StoredAdmin,
): { Arn: string; Name: string | undefined } {
  const parts = parseMemberArn(admin.arn);
  const user = parts?.kind === 'user' ? instance.users.get(parts.id) : undefined;
  return { Arn: admin.arn, Name: user?.name };
}
