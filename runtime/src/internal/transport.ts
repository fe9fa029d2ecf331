import type { AbortSignal, Fetch, RequestInit, Response } from '../core/platform.js';
import type { APIResponseProps } from '../core/api-promise.js';
import { isJSONContentType } from '../core/api-promise.js';
import {
  ClientError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  castToError,
} from '../core/error.js';
import type { Logger } from '../core/types.js';
import { toHeaders } from './headers.js';
import { redactHeaders, redactURL } from './log.js';
import { isOneShotBody } from './body.js';
import type { BuiltRequest } from './request.js';
import { retryDelayMs, shouldRetryResponse } from './retry.js';
import { AttemptController, sleep } from './sleep.js';
import { logId as newLogId } from './uuid.js';

const NOT_REPLAYABLE =
  'Not retried: the request body is a ReadableStream, which cannot be sent twice; ' +
  'pass a Blob, bytes or toFile() to allow retries.';

/** Client-level inputs to sending. */
export interface TransportContext {
  fetch: Fetch;
  fetchOptions: RequestInit | undefined;
  /** Already levelled: messages above the client's level are dropped. */
  logger: Logger;
  /** Whether `info` / `debug` messages pass; checked before building their arguments. */
  info?: boolean;
  debug?: boolean;
  sensitiveHeaders: ReadonlySet<string>;
  sensitiveQuery: ReadonlySet<string>;
  /** Injectable for tests. */
  random?: () => number;
}

export interface SendOptions {
  timeout: number;
  maxRetries: number;
  signal: AbortSignal | null | undefined;
  fetchOptions: RequestInit | undefined;
  /** Ties the log lines of this request together; generated when logging needs it. */
  logId?: string | undefined;
}

async function readErrorBody(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    if (text === '') return undefined;
    if (isJSONContentType(response.headers.get('content-type'))) {
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    }
    return text;
  } catch {
    return undefined;
  }
}

const NETWORK_ERROR = new RegExp(
  '^(fetch failed|failed to fetch|load failed)$|networkerror|network error|error sending request|' +
    'connection (refused|reset|closed)',
  'i',
);

/**
 * Whether an error thrown by `fetch` is a network failure worth retrying. A `TypeError` is
 * also what fetch throws for a request it cannot build (a GET with a body, a bad header value,
 * an invalid URL); those are deterministic and not retried. Undici reports real network
 * failures as `TypeError('fetch failed')` with a `cause`; browsers and Deno use the messages
 * above. Anything that is not a TypeError (custom fetch implementations) counts as a network error.
 */
export function isNetworkError(err: unknown): boolean {
  if (!(err instanceof TypeError)) return true;
  return NETWORK_ERROR.test(err.message);
}

/**
 * Sends `req`, retrying connection errors, timeouts and retryable statuses with
 * backoff. Resolves once the headers of a successful (2xx/3xx) response arrive;
 * throws an APIError subclass otherwise.
 */
export async function send(ctx: TransportContext, req: BuiltRequest, opts: SendOptions): Promise<APIResponseProps> {
  const { logger } = ctx;
  const info = ctx.info ?? true;
  const debug = ctx.debug ?? true;
  const logId = opts.logId ?? (info ? newLogId() : '');
  const tag = `[${logId}]`;
  const where = (): string => `${req.method.toUpperCase()} ${redactURL(req.url, ctx.sensitiveQuery)}`;
  // A stream body is consumed by the first attempt: there is nothing left to send again.
  const oneShot = isOneShotBody(req.body);
  const maxRetries = oneShot ? 0 : Math.max(0, Math.floor(opts.maxRetries));
  const wouldRetry = oneShot && opts.maxRetries > 0;
  const method = req.method.toUpperCase();
  const startTime = Date.now();
  for (let attempt = 0; ; attempt++) {
    const retriesLeft = maxRetries - attempt;
    if (opts.signal?.aborted) throw new APIUserAbortError();
    if (attempt > 0 && req.retryCountHeader) req.headers[req.retryCountHeader] = String(attempt);
    if (debug) {
      logger.debug(`${tag} sending request (attempt ${attempt + 1} of ${maxRetries + 1})`, {
        method: req.method,
        url: redactURL(req.url, ctx.sensitiveQuery),
        headers: redactHeaders(req.headers, ctx.sensitiveHeaders),
      });
    }

    const control = new AttemptController(opts.timeout, opts.signal);
    const attemptStart = Date.now();
    let response: Response;
    try {
      const init: RequestInit = {
        ...ctx.fetchOptions,
        ...opts.fetchOptions,
        method,
        headers: toHeaders(req.headers),
        signal: control.controller.signal,
      };
      if (req.body !== undefined) init.body = req.body;
      // Required by fetch for a stream body; the type is missing from older DOM typings.
      if (oneShot) (init as { duplex?: string }).duplex = 'half';
      response = await ctx.fetch.call(undefined, req.url, init);
    } catch (err) {
      const timedOut = control.timedOut();
      control.release();
      if (opts.signal?.aborted) throw new APIUserAbortError({ cause: castToError(err) });
      if (!timedOut && !isNetworkError(err)) {
        const cause = castToError(err);
        throw new ClientError(`The request could not be sent: ${cause.message}`, { cause });
      }
      const what = timedOut ? 'timed out' : 'connection failed';
      if (retriesLeft > 0) {
        const delay = retryDelayMs(attempt, undefined, ctx.random);
        if (info)
          logger.info(
            `${tag} ${where()} ${what} - retrying in ${Math.round(delay)}ms, ${retriesLeft} attempts remaining`,
          );
        if (debug) logger.debug(`${tag} ${what}`, { error: castToError(err).message, attempt: attempt + 1 });
        await sleep(delay, opts.signal);
        continue;
      }
      if (info) logger.info(`${tag} ${where()} ${what} - no retries left`);
      const why = wouldRetry ? ` ${NOT_REPLAYABLE}` : '';
      if (timedOut) throw new APIConnectionTimeoutError({ message: `Request timed out.${why}` });
      throw new APIConnectionError({ message: `Connection error.${why}`, cause: castToError(err) });
    }

    const duration = Date.now() - attemptStart;
    if (debug) {
      logger.debug(`${tag} response received`, {
        status: response.status,
        url: redactURL(req.url, ctx.sensitiveQuery),
        headers: redactHeaders(response.headers, ctx.sensitiveHeaders),
        durationMs: duration,
      });
    }

    if (!response.ok && shouldRetryResponse(response) && retriesLeft > 0) {
      control.release();
      await response.body?.cancel().catch(() => {});
      const delay = retryDelayMs(attempt, response.headers, ctx.random);
      if (info) {
        logger.info(
          `${tag} ${where()} failed with status ${response.status} in ${duration}ms - ` +
            `retrying in ${Math.round(delay)}ms, ${retriesLeft} attempts remaining`,
        );
      }
      await sleep(delay, opts.signal);
      continue;
    }

    if (!response.ok) {
      let body: unknown;
      try {
        body = await readErrorBody(response);
      } finally {
        control.release();
      }
      if (info) logger.info(`${tag} ${where()} failed with status ${response.status} in ${duration}ms`);
      const error = APIError.generate(response.status, body, undefined, response.headers);
      if (wouldRetry && shouldRetryResponse(response)) error.message += ` (${NOT_REPLAYABLE})`;
      throw error;
    }

    control.release();
    if (info) logger.info(`${tag} ${where()} succeeded with status ${response.status} in ${duration}ms`);
    return {
      response,
      controller: control.controller,
      startTime,
      requestLogID: logId,
      options: { method: req.method, timeout: opts.timeout, signal: opts.signal },
    };
  }
}
