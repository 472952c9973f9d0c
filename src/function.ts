/**
 * `chime-identity-shim/function`: every removed operation as a function (`createChannel(input,
 * options?)`), served by its dedicated namespace, without the drop-in client. The main entry
 * exports the same functions.
 */
import { createAppInstanceUser } from './surfaces/generated/functions.js';

export type * from './operations/generated/types.js';
export * from './shim.js';
export * from './surfaces/generated/functions.js';

/** The boto3 spelling of `createAppInstanceUser`, for code ported from Python. */
export const create_app_instance_user = createAppInstanceUser;
