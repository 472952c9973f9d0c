import type { Handler } from '../namespace.js';

/** Chime SDK Voice's operations (moto's `responses`): none served yet. */
export const HANDLERS: Readonly<Record<string, Handler>> = {};
