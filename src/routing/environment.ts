import { ChimeIdentityShimConfigurationError } from '../configuration-error.js';
import type { Route } from './types.js';

/** The kill switch: when set, it decides every call, above every other routing setting. */
export const ROUTE_ENVIRONMENT_VARIABLE = 'CHIME_IDENTITY_SHIM_ROUTE';

/**
 * Reads the kill switch. Unset or empty means "not set"; any value other than `identity` or
 * `legacy` is a configuration error rather than a silent default, because a typo in an
 * emergency roll-back must not route traffic somewhere the operator did not ask for.
 */
export function routeFromEnvironment(env: NodeJS.ProcessEnv = process.env): Route | undefined {
  const value = env[ROUTE_ENVIRONMENT_VARIABLE];
  if (value === undefined || value === '') return undefined;
  if (value === 'identity' || value === 'legacy') return value;
  throw new ChimeIdentityShimConfigurationError(
    `${ROUTE_ENVIRONMENT_VARIABLE} must be 'identity' or 'legacy', got '${value}'`,
  );
}
