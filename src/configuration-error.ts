/**
 * A mistake in the shim's own configuration (an option, a rollout plan, the
 * `CHIME_IDENTITY_SHIM_ROUTE` variable). Raised where the setting is made when possible,
 * otherwise before any network I/O of the call that reads it. It is not a service error, so
 * it is not one of the legacy `@aws-sdk/client-chime` classes.
 */
export class ChimeIdentityShimConfigurationError extends Error {
  override readonly name = 'ChimeIdentityShimConfigurationError';
}

/** Type guard that also accepts errors from another copy of this package (different realm or version). */
export function isChimeIdentityShimConfigurationError(
  error: unknown,
): error is ChimeIdentityShimConfigurationError {
  return (
    error instanceof ChimeIdentityShimConfigurationError ||
    (error instanceof Error && error.name === 'ChimeIdentityShimConfigurationError')
  );
}
