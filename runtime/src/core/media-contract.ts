/**
 * The part of the generator/runtime contract about request and response media and OAuth2: how
 * form and multipart fields are encoded (`OperationSpec.bodyFields`), which response media types
 * stream (`OperationSpec.stream`), and the client-credentials fields of an `oauth2` auth scheme.
 * `OperationSpec` and `AuthSchemeSpec` in `contract.ts` extend its interfaces; like that module,
 * it is free of platform APIs.
 */
import type { QueryStyle } from './contract.js';

/** The fields `OperationSpec` takes from this module. */
export interface OperationMediaFields {
  /** Per-field serialization of a form or multipart body, from the media type's `encoding` object. */
  bodyFields?: Readonly<Record<string, BodyFieldSpec>>;
  /** The response is a stream of items (always, or when `stream.selector` asks for it). */
  stream?: StreamSpec;
}

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

/**
 * The fields of an `AuthSchemeSpec` of type `oauth2` (a client-credentials flow). Without
 * clientId / clientSecret the client sends the apiKey option as its bearer token instead.
 */
export interface OAuth2SchemeFields {
  /** The client-credentials token endpoint. */
  tokenUrl?: string;
  /** The scopes requested with the token. */
  scopes?: readonly string[];
}
