import { OPERATIONS } from '../../generated/messaging.js';
import type { Namespace } from '../namespace.js';
import { HANDLERS } from './handlers.js';

/** Chime SDK Messaging: channels, memberships, moderators, bans, messages, read markers and streaming configurations. */
export const messaging: Namespace = {
  family: 'messaging',
  operations: OPERATIONS,
  handlers: HANDLERS,
};
