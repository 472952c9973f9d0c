import { OPERATIONS } from '../../generated/meetings.js';
import type { Namespace } from '../namespace.js';
import { HANDLERS } from './handlers.js';

/** Chime SDK Meetings: meetings and their attendees, transcription state. */
export const meetings: Namespace = {
  family: 'meetings',
  operations: OPERATIONS,
  handlers: HANDLERS,
};
