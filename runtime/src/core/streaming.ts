import type { BaseClient } from './client.js';
import type { APIResponseProps } from './api-promise.js';
import { ClientError } from './error.js';
import type { AbortController, Response } from './platform.js';
import { platform } from './platform.js';
import type { StreamSpec } from './types.js';
import type { StreamReadContext } from '../internal/stream-reader.js';
import { readStream } from '../internal/stream-reader.js';
import type { ReadableByteStream } from '../internal/web-streams.js';
import { newReadableStream } from '../internal/web-streams.js';

export type { ServerSentEvent } from '../internal/decoders.js';
export type { StreamSpec } from './types.js';
export type { ReadableByteStream } from '../internal/web-streams.js';

/**
 * A streamed response: server-sent events, JSONL / NDJSON or JSON text sequences, decoded
 * into items as they arrive.
 *
 * - `for await (const item of stream)` reads it once; breaking out cancels the response body.
 * - An SSE `data: [DONE]` ends the iteration; an `error` event or an `{ "error": ... }` record
 *   throws an `APIError` from the loop.
 * - `stream.controller.abort()` stops the stream: the loop ends without an error.
 * - A connection that breaks mid-stream throws `APIConnectionError`; it is never retried.
 */
export class Stream<Item> implements AsyncIterable<Item> {
  /** Aborting it cancels the underlying request and ends the iteration. */
  readonly controller: AbortController;
  private readonly open: () => AsyncIterator<Item>;
  private consumed = false;

  constructor(open: () => AsyncIterator<Item>, controller: AbortController) {
    this.open = open;
    this.controller = controller;
  }

  /** A stream over a fetch `Response` body. */
  static fromResponse<Item>(response: Response, context: Omit<StreamReadContext, 'headers'>): Stream<Item> {
    const ctx: StreamReadContext = { ...context, headers: response.headers };
    return new Stream<Item>(() => readStream<Item>(response.body, ctx), context.controller);
  }

  /**
   * The reverse of `toReadableStream()`: reads newline-delimited JSON items, for example a
   * stream that crossed a worker or an HTTP boundary.
   */
  static fromReadableStream<Item>(
    readable: ReadableByteStream,
    controller: AbortController = new platform.AbortController(),
  ): Stream<Item> {
    const spec: StreamSpec = { format: 'jsonl' };
    return new Stream<Item>(() => readStream<Item>(readable, { spec, controller }), controller);
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    if (this.consumed) throw new ClientError('This stream has already been read; use tee() to read it twice.');
    this.consumed = true;
    return this.open();
  }

  /**
   * Two streams that each yield every item. Items are buffered until both have read them; the
   * response is cancelled only when both stop early.
   */
  tee(): [Stream<Item>, Stream<Item>] {
    const queues: Array<Array<Promise<IteratorResult<Item>>>> = [[], []];
    let source: AsyncIterator<Item> | undefined;
    const open = [true, true];
    const side = (index: number): AsyncIterator<Item> => ({
      next: () => {
        const queue = queues[index]!;
        if (queue.length === 0) {
          source ??= this[Symbol.asyncIterator]();
          const result = source.next();
          for (let i = 0; i < queues.length; i++) if (open[i]) queues[i]!.push(result);
        }
        return queue.shift()!;
      },
      return: async () => {
        open[index] = false;
        queues[index]!.length = 0;
        if (!open.includes(true)) await source?.return?.();
        return { done: true, value: undefined };
      },
    });
    return [new Stream(() => side(0), this.controller), new Stream(() => side(1), this.controller)];
  }

  /** The items as newline-delimited JSON bytes; `Stream.fromReadableStream()` reads them back. */
  toReadableStream(): ReadableByteStream {
    const encoder = new platform.TextEncoder();
    let iterator: AsyncIterator<Item> | undefined;
    return newReadableStream({
      pull: async (controller) => {
        iterator ??= this[Symbol.asyncIterator]();
        try {
          const { value, done } = await iterator.next();
          if (done) controller.close();
          else controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        } catch (err) {
          controller.error(err);
        }
      },
      cancel: async () => {
        await iterator?.return?.();
      },
    });
  }
}

/** The parser `APIPromise` uses for a streaming call: a `Stream` over the response. */
export function streamParser<Item>(
  spec: StreamSpec,
  idleTimeout: number | undefined,
): (client: BaseClient, props: APIResponseProps) => Promise<Stream<Item>> {
  return (client, props) => {
    const transport = client._transportContext();
    const logId = props.requestLogID ?? '';
    if (transport.info)
      transport.logger.info(`[${logId}] stream opened (${spec.format}, status ${props.response.status})`);
    return Promise.resolve(
      Stream.fromResponse<Item>(props.response, {
        spec,
        controller: props.controller,
        signal: props.options?.signal ?? undefined,
        idleTimeout,
        logger: transport.logger,
        logId,
      }),
    );
  };
}

/** Whether a call with these params streams: always without a selector, else when the selector matches. */
export function selectsStream(
  spec: StreamSpec,
  params: Readonly<Record<string, unknown>> | null | undefined,
  headers: unknown,
): boolean {
  const selector = spec.selector;
  if (!selector) return true;
  const expected = selector.value ?? true;
  if (selector.in === 'header') {
    const name = selector.name.toLowerCase();
    const fromParams = params ? Object.keys(params).find((key) => key.toLowerCase() === name) : undefined;
    const value = fromParams !== undefined ? params?.[fromParams] : headerIn(headers, name);
    return value !== undefined && String(value).includes(String(expected));
  }
  return params?.[selector.name] === expected;
}

function headerIn(headers: unknown, name: string): unknown {
  if (!headers || typeof headers !== 'object') return undefined;
  if (headers instanceof platform.Headers) return headers.get(name) ?? undefined;
  const entries: Iterable<readonly [string, unknown]> = Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [key, value] of entries) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** The `accept` header a streaming call sends. */
export const STREAM_ACCEPT: Readonly<Record<StreamSpec['format'], string>> = {
  sse: 'text/event-stream',
  jsonl: 'application/jsonl, application/x-ndjson',
  'json-seq': 'application/json-seq',
};
