import { platform, type Headers } from './platform.js';
import { errorClassForStatus, type StatusErrorClassName } from './contract.js';

/** Base class of every error thrown by this client. */
export class ClientError extends Error {
  override name: string = this.constructor.name;

  constructor(message?: string, options?: { cause?: unknown }) {
    super(message);
    // Set by hand: `new Error(message, { cause })` needs the ES2022 lib, which a client must not require.
    if (options && 'cause' in options)
      Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
  }
}

/**
 * An HTTP error response, or (status undefined) a request that got no response. The type
 * parameters narrow the status, the headers and the parsed body (`APIError<404, Headers, NotFoundBody>`).
 */
export class APIError<
  TStatus extends number | undefined = number | undefined,
  THeaders extends Headers | undefined = Headers | undefined,
  TError = unknown,
> extends ClientError {
  /** HTTP status of the response; undefined when there was no response. */
  readonly status: TStatus;
  /** Response headers; undefined when there was no response. */
  readonly headers: THeaders;
  /** Parsed response body (JSON when possible, else text); undefined when there was none. */
  readonly error: TError | undefined;

  constructor(
    status: TStatus,
    error: TError | undefined,
    message: string | undefined,
    headers: THeaders,
    options?: { cause?: unknown },
  ) {
    super(APIError.makeMessage(status, error, message), options);
    this.status = status;
    this.headers = headers;
    this.error = error;
  }

  private static makeMessage(status: number | undefined, error: unknown, message: string | undefined): string {
    const detail = describeErrorBody(error) ?? message;
    if (status !== undefined && detail) return `${status} ${detail}`;
    if (status !== undefined) return `${status} status code (no body)`;
    return detail || '(no status code or body)';
  }

  /** Picks the subclass that matches `status`. */
  static generate(
    status: number | undefined,
    body: unknown,
    message: string | undefined,
    headers: Headers | undefined,
  ): APIError {
    if (status === undefined) {
      return new APIConnectionError({ message, cause: body instanceof Error ? body : undefined });
    }
    headers ??= new platform.Headers();
    // The map gives the class whose literal status is `status` (or `number` for 5xx and others).
    const ErrorClass = ERROR_CLASS_BY_NAME[errorClassForStatus(status)] as StatusErrorClass;
    return new ErrorClass(status, body, message, headers);
  }
}

function describeErrorBody(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body === 'string') return body;
  if (typeof body === 'object') {
    const message = (body as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
    const nested = (body as { error?: unknown }).error;
    if (typeof nested === 'string' && nested) return nested;
    if (nested && typeof nested === 'object') {
      const nestedMessage = (nested as { message?: unknown }).message;
      if (typeof nestedMessage === 'string' && nestedMessage) return nestedMessage;
    }
  }
  try {
    return JSON.stringify(body);
  } catch {
    return String(body);
  }
}

export class BadRequestError<TError = unknown> extends APIError<400, Headers, TError> {}
export class AuthenticationError<TError = unknown> extends APIError<401, Headers, TError> {}
export class PermissionDeniedError<TError = unknown> extends APIError<403, Headers, TError> {}
export class NotFoundError<TError = unknown> extends APIError<404, Headers, TError> {}
export class ConflictError<TError = unknown> extends APIError<409, Headers, TError> {}
export class UnprocessableEntityError<TError = unknown> extends APIError<422, Headers, TError> {}
export class RateLimitError<TError = unknown> extends APIError<429, Headers, TError> {}
export class InternalServerError<TError = unknown> extends APIError<number, Headers, TError> {}

/** The request could not be sent or no response arrived (DNS, refused, reset, ...). */
export class APIConnectionError extends APIError<undefined, undefined, undefined> {
  constructor({ message, cause }: { message?: string | undefined; cause?: Error | undefined } = {}) {
    super(undefined, undefined, message || 'Connection error.', undefined, cause ? { cause } : undefined);
  }
}

/** No response arrived within `timeout` ms (after all retries). */
export class APIConnectionTimeoutError extends APIConnectionError {
  constructor({ message, cause }: { message?: string | undefined; cause?: Error | undefined } = {}) {
    super({ message: message ?? 'Request timed out.', cause });
  }
}

/** The caller aborted the request through its `signal`. Never retried. */
export class APIUserAbortError extends APIError<undefined, undefined, undefined> {
  constructor({ message, cause }: { message?: string | undefined; cause?: Error | undefined } = {}) {
    super(undefined, undefined, message || 'Request was aborted.', undefined, cause ? { cause } : undefined);
  }
}

type StatusErrorClass = new (status: number, body: unknown, message: string | undefined, headers: Headers) => APIError;

/** The classes `APIError.generate` picks from, by the contract's status map (each narrows `status`). */
const ERROR_CLASS_BY_NAME: Record<StatusErrorClassName, new (...args: never[]) => APIError> = {
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
};

/** Turns anything thrown into an Error. */
export function castToError(err: unknown): Error {
  if (err instanceof Error) return err;
  if (typeof err === 'object' && err !== null) {
    try {
      return new Error(JSON.stringify(err));
    } catch {
      // fall through
    }
  }
  return new Error(String(err));
}
