import type { AbortController, AbortSignal, Response } from './platform.js';
import { ClientError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, castToError } from './error.js';
import type { HttpMethod, Logger } from './types.js';
import { AttemptController } from '../internal/sleep.js';
import { isBinaryContentType } from './contract.js';

export { isBinaryContentType } from './contract.js';

/** What the transport hands to the parser once response headers have arrived. */
export interface APIResponseProps {
  response: Response;
  method: HttpMethod;
  /** Aborting it cancels the body download. */
  controller: AbortController;
  /** Timeout (ms) applied again while the body is read. */
  timeout: number;
  signal: AbortSignal | null | undefined;
  logId: string;
  logger: Logger;
  /** Whether debug messages pass the logger's level (skips building them otherwise). */
  debug?: boolean;
  startTime: number;
}

export function isJSONContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime === 'application/json' || mime.endsWith('+json');
}

/** Reads the whole body as text, under the timeout and the caller's signal. */
export async function readText(props: APIResponseProps): Promise<string> {
  return readBody(props, (response) => response.text());
}

/** Reads the body with `read`, mapping timeouts, aborts and broken connections to the client's errors. */
async function readBody<B>(props: APIResponseProps, read: (response: Response) => Promise<B>): Promise<B> {
  const attempt = new AttemptController(props.timeout, props.signal, props.controller);
  try {
    return await read(props.response);
  } catch (err) {
    if (attempt.timedOut())
      throw new APIConnectionTimeoutError({ message: 'Timed out while reading the response body.' });
    if (props.signal?.aborted) throw new APIUserAbortError();
    throw new APIConnectionError({
      message: 'Connection error while reading the response body.',
      cause: castToError(err),
    });
  } finally {
    attempt.release();
  }
}

/** 204/205/HEAD or empty -> undefined; JSON content types -> parsed JSON; binary content types -> Blob; anything else -> text. */
export async function defaultParseResponse<T>(props: APIResponseProps): Promise<T> {
  const { response } = props;
  if (response.status === 204 || response.status === 205 || props.method === 'head') {
    await response.body?.cancel().catch(() => {});
    return undefined as T;
  }
  if (isBinaryContentType(response.headers.get('content-type'))) return (await readBody(props, (r) => r.blob())) as T;
  const text = await readText(props);
  if (props.debug ?? true) {
    props.logger.debug(`[${props.logId}] response body read`, {
      status: response.status,
      durationMs: Date.now() - props.startTime,
    });
  }
  if (text === '') return undefined as T;
  if (!isJSONContentType(response.headers.get('content-type'))) return text as T;
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new ClientError(`Could not parse the JSON response body (status ${response.status}).`, {
      cause: castToError(err),
    });
  }
}

/**
 * The promise returned by every API method. The request starts right away; the
 * body is only read and parsed when the promise itself is awaited.
 */
export class APIPromise<T> extends Promise<T> {
  private parsed: Promise<T> | undefined;
  protected readonly responsePromise: Promise<APIResponseProps>;
  private readonly parseResponse: (props: APIResponseProps) => Promise<T>;

  constructor(
    responsePromise: Promise<APIResponseProps>,
    parseResponse: (props: APIResponseProps) => Promise<T> = defaultParseResponse,
  ) {
    super((resolve) => {
      // The real value comes from `parse()`; `then` is overridden below.
      resolve(null as unknown as T);
    });
    this.responsePromise = responsePromise;
    this.parseResponse = parseResponse;
  }

  /** Promise-like methods of subclasses create plain Promises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The raw `Response`, headers only: the body is left unread for you to consume. */
  asResponse(): Promise<Response> {
    return this.responsePromise.then((props) => props.response);
  }

  /** The parsed body together with the raw `Response` (whose body has been read). */
  async withResponse(): Promise<{ data: T; response: Response }> {
    const [data, response] = await Promise.all([this.parse(), this.asResponse()]);
    return { data, response };
  }

  protected parse(): Promise<T> {
    this.parsed ??= this.responsePromise.then((props) => this.parseResponse(props));
    return this.parsed;
  }

  override then<TResult1 = T, TResult2 = never>(
    onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.parse().then(onfulfilled, onrejected);
  }

  override catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<T | TResult> {
    return this.parse().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.parse().finally(onfinally);
  }
}
