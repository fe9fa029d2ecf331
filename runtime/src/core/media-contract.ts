/**
 * The part of the generator/runtime contract about request and response media: how form and
 * multipart fields are encoded, and which response media types stream. Re-exported by
 * `contract.ts`; like it, free of platform APIs.
 */
import type { QueryStyle } from './contract.js';

/** One entry of an OpenAPI `encoding` object: how a form or multipart field is sent. */
export interface BodyFieldSpec {
  /** Multipart: the part's content type (for files that carry none). */
  contentType?: string;
  /** Form: as for query parameters. Multipart: `deepObject` sends an object as `field[key]` parts. */
  style?: QueryStyle;
  explode?: boolean;
}

/** How a streamed response body is framed. */
export type StreamFormat = 'sse' | 'jsonl' | 'json-seq';

/** Response media types that stream a sequence of items, and how each is framed. */
export const STREAM_MEDIA_TYPES: Readonly<Record<string, StreamFormat>> = {
  'text/event-stream': 'sse',
  'application/jsonl': 'jsonl',
  'application/x-ndjson': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/json-seq': 'json-seq',
};

/** How an operation streams its response. */
export interface StreamSpec {
  format: StreamFormat;
  /** `json` (default): each record is parsed as JSON; `text`: items are the raw strings. */
  data?: 'json' | 'text';
  /**
   * For an operation that returns either JSON or a stream: the call streams only when this
   * parameter equals `value` (default `true`). Without a selector the operation always streams.
   */
  selector?: { in: 'body' | 'query' | 'header'; name: string; value?: string | number | boolean };
}
