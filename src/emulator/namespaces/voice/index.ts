import { OPERATIONS } from '../../generated/voice.js';
import type { Namespace } from '../namespace.js';
import { HANDLERS } from './handlers.js';

/** Chime SDK Voice: voice connectors and groups, their settings documents, phone number associations, SIP media applications and rules, proxy sessions. */
export const voice: Namespace = {
  family: 'voice',
  operations: OPERATIONS,
  handlers: HANDLERS,
};
