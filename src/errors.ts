import type * as LegacyChime from '@aws-sdk/client-chime';
import type { ResponseMetadata } from '@smithy/types';
import { formatViolations, type Violation } from './model/validate.js';

type LegacyModule = typeof LegacyChime;

/**
 * The legacy error classes a caller's catch blocks test against. They must come from the
 * caller's own copy of `@aws-sdk/client-chime` (a peer dependency, so there is one): an identity
 * `ConflictException` is not `instanceof` the legacy one, because the current runtime's
 * `Symbol.hasInstance` compares namespaced shape ids and 3.699 only walks the prototype chain.
 *
 * Loaded on first need, not at start-up: the success path of the function entry never needs
 * the legacy package, and loading it costs about 100 ms of cold start.
 */
let legacyModule: Promise<LegacyModule> | undefined;
export function loadLegacyModule(): Promise<LegacyModule> {
  legacyModule ??= import('@aws-sdk/client-chime');
  return legacyModule;
}

/**
 * Errors the legacy model does not name (Chime SDK Meetings has them), as the legacy class of the
 * same meaning, so a catch block written for the legacy namespace still catches them.
 */
const SAME_MEANING: Readonly<Record<string, string>> = {
  ThrottlingException: 'ThrottledClientException',
  UnauthorizedException: 'UnauthorizedClientException',
  ResourceNotFoundException: 'NotFoundException',
  LimitExceededException: 'ResourceLimitExceededException',
  TooManyTagsException: 'ResourceLimitExceededException',
};

type LegacyErrorClass = new (options: {
  $metadata: ResponseMetadata;
  message: string;
  Code?: string;
  Message?: string;
}) => Error;

/**
 * The caller's legacy class for an error name: every error shape of the legacy model has one
 * (`AccessDeniedException`, `BadRequestException`, `ConflictException`, `ForbiddenException`,
 * `NotFoundException`, `ResourceLimitExceededException`, `ServiceFailureException`,
 * `ServiceUnavailableException`, `ThrottledClientException`, `UnauthorizedClientException`,
 * `UnprocessableEntityException`), and the names it lacks map by meaning. Only a subclass of
 * `ChimeServiceException` qualifies: a name is the server's word, and must not pick any export.
 */
function legacyClassOf(legacy: LegacyModule, name: string): LegacyErrorClass | undefined {
  const candidate = (legacy as unknown as Record<string, unknown>)[SAME_MEANING[name] ?? name];
  return typeof candidate === 'function' && candidate.prototype instanceof legacy.ChimeServiceException
    ? (candidate as LegacyErrorClass)
    : undefined;
}

interface ServiceErrorLike extends Error {
  $fault: 'client' | 'server';
  $metadata: ResponseMetadata;
  Code?: string;
  Message?: string;
}

function isServiceError(error: unknown): error is ServiceErrorLike {
  return (
    error instanceof Error &&
    ((error as Partial<ServiceErrorLike>).$fault === 'client' ||
      (error as Partial<ServiceErrorLike>).$fault === 'server') &&
    typeof (error as Partial<ServiceErrorLike>).$metadata === 'object'
  );
}

/** The status of an HTTP response the SDK could not parse (it attaches `$metadata` to the parse error). */
function unparsedResponseStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const status = (error as { $metadata?: ResponseMetadata }).$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 300 ? status : undefined;
}

/**
 * Rebuilds a dedicated namespace's error with the caller's legacy classes, keeping `message`,
 * `Code`, `Message`, `$fault`, `$metadata` and the hidden `$response`, with the original as
 * `cause`. The name is the legacy class's (the original's, unless it is one the legacy model
 * lacks). Network errors, timeouts and aborts are returned as they are.
 *
 * @param namespace the namespace that answered, as the docs name it (`Chime SDK Identity`)
 */
export async function toLegacyError(error: unknown, namespace = 'Chime SDK Identity'): Promise<unknown> {
  if (isServiceError(error)) {
    const legacy = await loadLegacyModule();
    // Legacy errors carried the body's `Message` both as `message` and `Message`; the new SDK
    // only fills `message`.
    const options = {
      $metadata: error.$metadata,
      message: error.message,
      ...(error.Code !== undefined && { Code: error.Code }),
      Message: error.Message ?? error.message,
    };
    const LegacyClass = legacyClassOf(legacy, error.name);
    const translated = LegacyClass
      ? new LegacyClass(options)
      : // Unknown codes keep their name on the base class, as both SDKs do for unmodelled errors.
        Object.assign(
          new legacy.ChimeServiceException({ name: error.name, $fault: error.$fault, ...options }),
          {
            ...(error.Code !== undefined && { Code: error.Code }),
          },
        );
    return withOrigin(translated, error);
  }
  const status = unparsedResponseStatus(error);
  if (status !== undefined) {
    // An HTML page from a proxy or load balancer: the SDK raises a parse error, which no legacy
    // catch block expects. It becomes the legacy base class, carrying the status.
    const legacy = await loadLegacyModule();
    const translated = new legacy.ChimeServiceException({
      name: 'ChimeServiceException',
      $fault: status >= 500 ? 'server' : 'client',
      $metadata: (error as { $metadata: ResponseMetadata }).$metadata,
      message: `${namespace} answered HTTP ${status} with a body that is not a JSON error`,
    });
    return withOrigin(translated, error as Error);
  }
  return error;
}

/** The legacy `BadRequestException` for input that broke the model's constraints; nothing was sent. */
export function badRequest(violations: readonly Violation[]): Promise<Error> {
  return refusal(formatViolations(violations));
}

/** A legacy `BadRequestException` with this message, for a call refused before any I/O. */
export async function refusal(message: string): Promise<Error> {
  const legacy = await loadLegacyModule();
  return new legacy.BadRequestException({
    // Shaped as the service's answer would be; `attempts: 0` says that nothing was sent.
    $metadata: { httpStatusCode: 400, attempts: 0, totalRetryDelay: 0 },
    message,
    Code: 'BadRequest',
    Message: message,
  });
}

/**
 * Both properties are hidden, as the SDK hides `$response`: the raw response holds the request
 * it answered, whose `authorization` header names the access key, and loggers print enumerable
 * properties. `enumerable: false` is spelt out because the constructor may already have set them.
 */
function withOrigin<T extends Error>(translated: T, original: Error): T {
  const hidden = { enumerable: false, writable: true, configurable: true } as const;
  Object.defineProperty(translated, 'cause', { ...hidden, value: original });
  const response = (original as { $response?: unknown }).$response;
  Object.defineProperty(translated, '$response', { ...hidden, value: response });
  return translated;
}
