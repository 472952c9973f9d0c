import { OPERATIONS } from '../../generated/identity.js';
import type { Namespace } from '../namespace.js';
import { HANDLERS } from './handlers.js';

/** Chime SDK Identity: app instances, their users, admins and retention settings. */
export const identity: Namespace = {
  family: 'identity',
  operations: OPERATIONS,
  handlers: HANDLERS,
};
