import { isChimeIdentityShimConfigurationError } from '../configuration-error.js';
import { CommandFailure } from './command-failure.js';
import { UsageError } from './usage-error.js';

/**
 * The `aws` CLI's return codes (https://docs.aws.amazon.com/cli/latest/topic/return-codes.html),
 * which scripts written against `aws chime` already test.
 */
export const EXIT_CODES = {
  success: 0,
  /** The command line is invalid: a missing or unknown argument, or a value that cannot be read. */
  usage: 252,
  /** The environment or configuration is invalid: no credentials, a bad `CHIME_IDENTITY_SHIM_ROUTE`. */
  configuration: 253,
  /** A request was made (or, for the shim's own validation, would have been) and the service answered an error. */
  service: 254,
  /** Anything else: the endpoint cannot be reached, a timeout, a port already in use, ... */
  failure: 255,
} as const;

/** The service call a failure happened in, for the messages `aws` prints. */
export interface FailedCall {
  /** The operation's name in the model: `CreateAppInstanceUser`. */
  readonly operation: string;
  /** The URL the request went to (or would have gone to), when known. */
  readonly url?: string | undefined;
}

/** Node's codes for "the request never reached a server". */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * Puts any error into the words and the exit code `aws` would use:
 * - a service error (any `@aws-sdk/client-chime` exception, the shim's `BadRequestException`
 *   included: it stands for the service's own validation): `An error occurred (ConflictException)
 *   when calling the CreateAppInstanceUser operation: ...`, 254;
 * - no credentials, or a configuration error of the shim: 253;
 * - the endpoint cannot be reached: `Could not connect to the endpoint URL: "..."`, 255;
 * - anything else: its message, 255.
 */
export function describeFailure(error: unknown, call?: FailedCall): CommandFailure {
  if (error instanceof CommandFailure) return error;
  if (error instanceof UsageError)
    return new CommandFailure(error.message, EXIT_CODES.usage, { cause: error });
  if (call && isServiceError(error)) {
    return new CommandFailure(
      `An error occurred (${error.name}) when calling the ${call.operation} operation${retriesNote(error)}: ${error.message}`,
      EXIT_CODES.service,
      { cause: error },
    );
  }
  if (isChimeIdentityShimConfigurationError(error)) {
    return new CommandFailure(error.message, EXIT_CODES.configuration, { cause: error });
  }
  if (error instanceof Error && error.name === 'CredentialsProviderError') {
    return new CommandFailure(
      `Unable to locate credentials (${error.message}). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or choose a profile with --profile or AWS_PROFILE.`,
      EXIT_CODES.configuration,
      { cause: error },
    );
  }
  const code = connectionCodeOf(error);
  if (call?.url !== undefined && code !== undefined) {
    return new CommandFailure(
      `Could not connect to the endpoint URL: "${call.url}" (${messageOf(error) || code})`,
      EXIT_CODES.failure,
      { cause: error },
    );
  }
  if (call?.url !== undefined && error instanceof Error && error.name === 'TimeoutError') {
    return new CommandFailure(
      `Read timeout on endpoint URL: "${call.url}" (${error.message})`,
      EXIT_CODES.failure,
      {
        cause: error,
      },
    );
  }
  return new CommandFailure(messageOf(error) || String(error), EXIT_CODES.failure, { cause: error });
}

interface ServiceErrorLike extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { readonly attempts?: number | undefined };
}

/** Service exceptions carry `$fault` and `$metadata`; network errors and timeouts do not carry `$fault`. */
function isServiceError(error: unknown): error is ServiceErrorLike {
  if (!(error instanceof Error)) return false;
  const { $fault, $metadata } = error as Partial<ServiceErrorLike>;
  return ($fault === 'client' || $fault === 'server') && typeof $metadata === 'object' && $metadata !== null;
}

/** botocore adds `(reached max retries: N)` when the error came after the retries ran out. */
function retriesNote(error: ServiceErrorLike): string {
  const attempts = error.$metadata.attempts ?? 1;
  return attempts > 1 ? ` (reached max retries: ${attempts - 1})` : '';
}

/** Node 20 reports a refused `localhost` (IPv4 and IPv6 both tried) as an AggregateError with the code on it. */
function connectionCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return code;
  const first = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(first)) return connectionCodeOf(first[0]);
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}
