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

/** An HTTP error response, or (status undefined) a request that got no response. */
export class APIError<TError = unknown> extends ClientError {
  /** HTTP status of the response; undefined when there was no response. */
  readonly status: number | undefined;
  /** Response headers; undefined when there was no response. */
  readonly headers: Headers | undefined;
  /** Parsed response body (JSON when possible, else text). */
  readonly error: TError | undefined;

  constructor(
    status: number | undefined,
    error: TError | undefined,
    message: string | undefined,
    headers: Headers | undefined,
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
    return new ERROR_CLASS_BY_NAME[errorClassForStatus(status)](status, body, message, headers);
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

export class BadRequestError<TError = unknown> extends APIError<TError> {
  declare readonly status: 400;
}
export class AuthenticationError<TError = unknown> extends APIError<TError> {
  declare readonly status: 401;
}
export class PermissionDeniedError<TError = unknown> extends APIError<TError> {
  declare readonly status: 403;
}
export class NotFoundError<TError = unknown> extends APIError<TError> {
  declare readonly status: 404;
}
export class ConflictError<TError = unknown> extends APIError<TError> {
  declare readonly status: 409;
}
export class UnprocessableEntityError<TError = unknown> extends APIError<TError> {
  declare readonly status: 422;
}
export class RateLimitError<TError = unknown> extends APIError<TError> {
  declare readonly status: 429;
}
export class InternalServerError<TError = unknown> extends APIError<TError> {
  declare readonly status: number;
}

/** The request could not be sent or no response arrived (DNS, refused, reset, ...). */
export class APIConnectionError extends APIError<undefined> {
  declare readonly status: undefined;
  declare readonly headers: undefined;

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
export class APIUserAbortError extends APIError<undefined> {
  declare readonly status: undefined;
  declare readonly headers: undefined;

  constructor({ message, cause }: { message?: string | undefined; cause?: Error | undefined } = {}) {
    super(undefined, undefined, message || 'Request was aborted.', undefined, cause ? { cause } : undefined);
  }
}

type StatusErrorClass = new (status: number, body: unknown, message: string | undefined, headers: Headers) => APIError;

/** The classes `APIError.generate` picks from, by the contract's status map. */
const ERROR_CLASS_BY_NAME: Record<StatusErrorClassName, StatusErrorClass> = {
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
