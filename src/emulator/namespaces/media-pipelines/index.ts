import { OPERATIONS } from '../../generated/mediaPipelines.js';
import type { Namespace } from '../namespace.js';
import { HANDLERS } from './handlers.js';

/** Chime SDK Media Pipelines: media capture pipelines. */
export const mediaPipelines: Namespace = {
  family: 'mediaPipelines',
  operations: OPERATIONS,
  handlers: HANDLERS,
};
