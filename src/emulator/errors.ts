/**
 * The errors the emulator answers with, and how each one goes on the wire.
 *
 * Every error response carries `x-amzn-errortype: <type>` and a JSON body `{ "Code", "Message" }`:
 * - the SDKs pick the exception class from `x-amzn-errortype` first (both generations cut it at
 *   `:` and take what follows `#`), so the header is what makes `instanceof` work;
 * - for the errors in the Chime SDK Identity model, `Code` is the model's `ErrorCode` enum value
 *   (`BadRequest`, `Conflict`, ...), which both SDKs copy onto the exception's `Code` field;
 * - for errors outside the model (authentication, routing, serialization), `Code` repeats the
 *   full type: legacy `@aws-sdk/client-chime` 3.699 names an unmodeled error after the body's
 *   `Code` before the header (`withBaseException`), so this keeps the name identical in both SDKs.
 */

/** One row of the error table: the HTTP status and the body `Code`. */
interface ErrorKind {
  readonly status: number;
  readonly code: string;
}

/**
 * Every error type the emulator produces by itself. The first eight (plus NotFound) are the
 * Chime SDK Identity model's errors with their modeled HTTP status (botocore
 * `chime-sdk-identity/2021-04-20`); the rest are what AWS front ends and Smithy restJson1
 * servers answer for authentication, routing and malformed requests.
 */
export const ERROR_KINDS = {
  BadRequestException: { status: 400, code: 'BadRequest' },
  ConflictException: { status: 409, code: 'Conflict' },
  ForbiddenException: { status: 403, code: 'Forbidden' },
  NotFoundException: { status: 404, code: 'NotFound' },
  ResourceLimitExceededException: { status: 400, code: 'ResourceLimitExceeded' },
  ThrottledClientException: { status: 429, code: 'Throttled' },
  UnauthorizedClientException: { status: 401, code: 'Unauthorized' },
  ServiceUnavailableException: { status: 503, code: 'ServiceUnavailable' },
  ServiceFailureException: { status: 500, code: 'ServiceFailure' },
  // Errors of the other namespaces' models. Where the legacy model has the error, `Code` is its
  // error code; where it has not (Chime SDK Meetings' own), the full type, so that a legacy 3.699
  // client, which names an unmodeled error after the body's `Code`, names it as the new client does.
  AccessDeniedException: { status: 403, code: 'AccessDenied' },
  UnprocessableEntityException: { status: 422, code: 'Unprocessable' },
  ThrottlingException: { status: 429, code: 'ThrottlingException' },
  UnauthorizedException: { status: 401, code: 'UnauthorizedException' },
  LimitExceededException: { status: 400, code: 'LimitExceededException' },
  ResourceNotFoundException: { status: 404, code: 'ResourceNotFoundException' },
  TooManyTagsException: { status: 400, code: 'TooManyTagsException' },
  // SigV4 rejections: the names and statuses AWS's front end uses for every SigV4 service.
  MissingAuthenticationTokenException: { status: 403, code: 'MissingAuthenticationTokenException' },
  UnrecognizedClientException: { status: 403, code: 'UnrecognizedClientException' },
  InvalidSignatureException: { status: 403, code: 'InvalidSignatureException' },
  IncompleteSignatureException: { status: 400, code: 'IncompleteSignatureException' },
  // Smithy restJson1 server conventions for requests that never reach an operation.
  UnknownOperationException: { status: 404, code: 'UnknownOperationException' },
  SerializationException: { status: 400, code: 'SerializationException' },
  UnsupportedMediaTypeException: { status: 415, code: 'UnsupportedMediaTypeException' },
  RequestEntityTooLargeException: { status: 413, code: 'RequestEntityTooLargeException' },
} as const satisfies Record<string, ErrorKind>;

export type EmulatorErrorType = keyof typeof ERROR_KINDS;

/**
 * An error answer. Thrown anywhere inside request handling; the server turns it into the
 * response. `type` may be any string for injected faults, which is why it is not narrowed.
 */
export class EmulatorError extends Error {
  override readonly name = 'EmulatorError';
  readonly type: string;
  readonly status: number;
  readonly code: string;

  constructor(type: string, message: string, options: { status?: number; code?: string } = {}) {
    super(message);
    const kind: ErrorKind | undefined = (ERROR_KINDS as Record<string, ErrorKind>)[type];
    this.type = type;
    this.status = options.status ?? kind?.status ?? 500;
    this.code = options.code ?? kind?.code ?? type;
  }

  /** The JSON body AWS sends with an error: `{ "Code": ..., "Message": ... }`. */
  toBody(): string {
    return JSON.stringify({ Code: this.code, Message: this.message });
  }
}

/** Shorthand for an error of a type in the table, with its status and code. */
export function emulatorError(type: EmulatorErrorType, message: string): EmulatorError {
  return new EmulatorError(type, message);
}

/** The HTTP status AWS would use for a known error type, for faults given only a type. */
export function defaultStatusOf(type: string): number | undefined {
  return (ERROR_KINDS as Record<string, ErrorKind>)[type]?.status;
}
