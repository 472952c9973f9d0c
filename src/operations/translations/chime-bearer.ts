import { badRequest } from '../../errors.js';
import type { PrepareContext, Translation } from './types.js';

/**
 * `ChimeBearer` (the `x-amz-chime-bearer` header): optional in the legacy model, required by every
 * Chime SDK Messaging counterpart of the 29 legacy operations that have it. Taken from the input
 * when given; otherwise from the `chimeBearer` option (an AppInstanceUser or AppInstanceBot ARN;
 * per client, per call or process-wide, with the usual precedence); otherwise a legacy
 * `BadRequestException` naming `chimeBearer`, before any I/O.
 *
 * It runs in `prepare`, before the region and the route are decided, so a bearer from the option
 * is a region source and a stickiness key (`AppInstanceUserId`) like one from the input. Because
 * of that it also runs on the legacy route, where the deprecated namespace did not require it:
 * the route is decided from the bearer, so a call without one cannot be routed.
 */
export async function fillChimeBearer({ request, settings }: PrepareContext): Promise<void> {
  if (request.ChimeBearer !== undefined) return;
  if (settings.chimeBearer !== undefined) {
    request.ChimeBearer = settings.chimeBearer;
    return;
  }
  throw await badRequest([
    {
      path: 'chimeBearer',
      constraint:
        'Member must not be null: Chime SDK Messaging requires it; give ChimeBearer, or the chimeBearer option',
    },
  ]);
}

/** The translation of the channel operations that need nothing but the bearer. */
export const chimeBearer: Translation = { prepare: fillChimeBearer };
