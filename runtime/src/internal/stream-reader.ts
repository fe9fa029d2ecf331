import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ClientError,
  castToError,
} from '../core/error.js';
import type { AbortController, AbortSignal, Headers } from '../core/platform.js';
import { platform } from '../core/platform.js';
import type { Logger, StreamSpec } from '../core/types.js';
import type { ServerSentEvent } from './decoders.js';
import { JSONSeqDecoder, LineRecordDecoder, SSEDecoder } from './decoders.js';
import type { ByteReadResult } from './web-streams.js';
import { readerOf, utf8Decoder } from './web-streams.js';

/** Everything the reader needs besides the body. */
export interface StreamReadContext {
  spec: StreamSpec;
  /** Aborting it cancels the body (shared with the fetch call). */
  controller: AbortController;
  /** The caller's per-call signal, linked to `controller` for as long as the stream is read. */
  signal?: AbortSignal | null | undefined;
  /** Milliseconds without any received byte before the stream fails; 0 or undefined = off. */
  idleTimeout?: number | undefined;
  headers?: Headers | undefined;
  logger?: Logger | undefined;
  logId?: string | undefined;
}

/** The data of an SSE event that ends the stream (OpenAI-style). */
const DONE = '[DONE]';

/** A decoded record: an SSE event, or the text of one JSONL / json-seq record. */
type RawRecord = ServerSentEvent | string;

interface RecordDecoder {
  push(text: string): void;
  end(): void;
}

function decoderFor(spec: StreamSpec, out: RawRecord[]): RecordDecoder {
  const add = (record: RawRecord): void => {
    out.push(record);
  };
  if (spec.format === 'sse') return new SSEDecoder(add);
  if (spec.format === 'json-seq') return new JSONSeqDecoder(add);
  return new LineRecordDecoder(add);
}

function numericStatus(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 400 && n <= 599 ? n : undefined;
}

/**
 * The error thrown for an `error` event or an `{ "error": ... }` record: an APIError, of the
 * subclass matching an HTTP status found in the payload (`status`, `error.status`, `error.code`).
 */
export function streamError(payload: unknown, headers: Headers | undefined): APIError {
  const body = payload as { status?: unknown; error?: { status?: unknown; code?: unknown } | null } | null;
  const nested = typeof body?.error === 'object' ? body.error : undefined;
  const status = numericStatus(body?.status) ?? numericStatus(nested?.status) ?? numericStatus(nested?.code);
  if (status !== undefined) return APIError.generate(status, payload, 'error event in stream', headers);
  return new APIError(undefined, payload, 'error event in stream', headers);
}

function isErrorPayload(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { error?: unknown }).error != null
  );
}

function parseJSON(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ClientError(`Could not parse the JSON ${what} of a stream record.`, { cause: castToError(err) });
  }
}

type Step<Item> = { item: Item } | { stop: true };

/** Turns one raw record into an item, the end of the stream, or a thrown APIError. */
function toItem<Item>(record: RawRecord, ctx: StreamReadContext): Step<Item> {
  const asText = ctx.spec.data === 'text';
  if (typeof record === 'string') {
    const value = asText ? record : parseJSON(record, 'line');
    if (!asText && isErrorPayload(value)) throw streamError(value, ctx.headers);
    return { item: value as Item };
  }
  if (record.data === DONE) return { stop: true };
  if (record.event === 'error') {
    let payload: unknown = record.data;
    try {
      payload = JSON.parse(record.data);
    } catch {
      // keep the text
    }
    throw streamError(payload, ctx.headers);
  }
  const value = asText ? record.data : parseJSON(record.data, 'data');
  if (!asText && isErrorPayload(value)) throw streamError(value, ctx.headers);
  return { item: value as Item };
}

/** Why reading stopped early, decided by who aborted the controller. */
function readFailure(err: unknown, ctx: StreamReadContext, idled: boolean): Error | undefined {
  if (idled) return new APIConnectionTimeoutError({ message: `The stream sent nothing for ${ctx.idleTimeout} ms.` });
  if (ctx.signal?.aborted) return new APIUserAbortError();
  // `stream.controller.abort()`: the caller asked to stop, so iteration just ends.
  if (ctx.controller.signal.aborted) return undefined;
  return new APIConnectionError({ message: 'Connection error while reading the stream.', cause: castToError(err) });
}

/**
 * Reads `body` and yields items. Never retries: bytes already delivered cannot be taken back,
 * so a broken connection throws APIConnectionError. Leaving early (break, return, throw)
 * cancels the body and aborts the request.
 */
export async function* readStream<Item>(body: unknown, ctx: StreamReadContext): AsyncGenerator<Item, void, undefined> {
  const records: RawRecord[] = [];
  const decoder = decoderFor(ctx.spec, records);
  const text = utf8Decoder();
  const reader = body ? readerOf(body) : undefined;
  const { controller, signal } = ctx;
  const onAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  let count = 0;
  let outcome = 'aborted';
  try {
    while (reader) {
      let idled = false;
      const timer = ctx.idleTimeout
        ? platform.setTimeout(() => ((idled = true), controller.abort()), ctx.idleTimeout)
        : undefined;
      let chunk: ByteReadResult;
      try {
        chunk = await reader.read();
      } catch (err) {
        const failure = readFailure(err, ctx, idled);
        if (failure) throw failure;
        return;
      } finally {
        if (timer !== undefined) platform.clearTimeout(timer);
      }
      if (chunk.done) {
        decoder.push(text.decode());
        decoder.end();
      } else {
        decoder.push(text.decode(chunk.value, { stream: true }));
      }
      for (let i = 0; i < records.length; i++) {
        const step = toItem<Item>(records[i]!, ctx);
        if ('stop' in step) {
          outcome = 'done';
          return;
        }
        count++;
        yield step.item;
      }
      records.length = 0;
      if (chunk.done) break;
    }
    outcome = 'done';
  } catch (err) {
    outcome = 'failed';
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // After `[DONE]` the server may still hold the connection open: let go of the rest of it.
    reader?.cancel().catch(() => {});
    if (outcome !== 'done' && !controller.signal.aborted) controller.abort();
    ctx.logger?.info(`[${ctx.logId ?? ''}] stream ${outcome === 'done' ? 'ended' : outcome} after ${count} events`);
  }
}
