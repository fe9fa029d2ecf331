import type { AbortController, AbortSignal, Response } from './platform.js';
import type { BaseClient } from './client.js';
import { ClientError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, castToError } from './error.js';
import { AttemptController } from '../internal/sleep.js';
import { isBinaryContentType } from './contract.js';

export { isBinaryContentType } from './contract.js';

/** What the transport hands to the parser once response headers have arrived. */
export interface APIResponseProps {
  response: Response;
  /** Aborting it cancels the body download. */
  controller: AbortController;
  startTime: number;
  /** Ties the log lines of one logical request together (`log_1a2b3c`). */
  requestLogID?: string | undefined;
  retryOfRequestLogID?: string | undefined;
  /** The request as sent. `timeout` (default: the client's) applies again while the body is read. */
  options?: {
    method?: string | undefined;
    path?: string | undefined;
    timeout?: number | undefined;
    signal?: AbortSignal | null | undefined;
  };
}

/** Turns the response into the value an `APIPromise` resolves to. */
export type ResponseParser<T> = (client: BaseClient, props: APIResponseProps) => T | Promise<T>;

export function isJSONContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime === 'application/json' || mime.endsWith('+json');
}

/** Reads the whole body as text, under the timeout and the caller's signal. */
export async function readText(client: BaseClient, props: APIResponseProps): Promise<string> {
  return readBody(client, props, (response) => response.text());
}

/** Reads the body with `read`, mapping timeouts, aborts and broken connections to the client's errors. */
async function readBody<B>(
  client: BaseClient,
  props: APIResponseProps,
  read: (response: Response) => Promise<B>,
): Promise<B> {
  const signal = props.options?.signal;
  const attempt = new AttemptController(props.options?.timeout ?? client.timeout, signal, props.controller);
  try {
    return await read(props.response);
  } catch (err) {
    if (attempt.timedOut())
      throw new APIConnectionTimeoutError({ message: 'Timed out while reading the response body.' });
    if (signal?.aborted) throw new APIUserAbortError();
    throw new APIConnectionError({
      message: 'Connection error while reading the response body.',
      cause: castToError(err),
    });
  } finally {
    attempt.release();
  }
}

/**
 * 204/205/HEAD or empty -> undefined; JSON content types -> parsed JSON; binary content types -> Blob;
 * anything else -> text.
 */
export async function defaultParseResponse<T>(client: BaseClient, props: APIResponseProps): Promise<T> {
  const { response } = props;
  if (response.status === 204 || response.status === 205 || props.options?.method?.toLowerCase() === 'head') {
    await response.body?.cancel().catch(() => {});
    return undefined as T;
  }
  if (isBinaryContentType(response.headers.get('content-type')))
    return (await readBody(client, props, (r) => r.blob())) as T;
  const text = await readText(client, props);
  const log = client._transportContext();
  if (log.debug ?? true) {
    log.logger.debug(`[${props.requestLogID ?? ''}] response body read`, {
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
  readonly #client: BaseClient;
  protected readonly responsePromise: Promise<APIResponseProps>;
  private readonly parseResponse: ResponseParser<T>;

  /** `parse` turns the response into the value; by default the body is parsed per its content type. */
  constructor(
    client: BaseClient,
    responsePromise: Promise<APIResponseProps>,
    parse: ResponseParser<T> = defaultParseResponse,
  ) {
    super((resolve) => {
      // The real value comes from `parse()`; `then` is overridden below.
      resolve(null as unknown as T);
    });
    this.#client = client;
    this.responsePromise = responsePromise;
    this.parseResponse = parse;
  }

  /** Promise-like methods of subclasses create plain Promises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** A promise for the same response whose value is `transform` applied to this one's value. */
  _thenUnwrap<U>(transform: (data: T, props: APIResponseProps) => U): APIPromise<U> {
    return new APIPromise<U>(this.#client, this.responsePromise, async (client, props) =>
      transform(await this.parseResponse(client, props), props),
    );
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
    this.parsed ??= this.responsePromise.then((props) => this.parseResponse(this.#client, props));
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
