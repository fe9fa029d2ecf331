/**
 * Streaming detection: an operation streams when its success response offers a sequential
 * media type (server-sent events, JSONL / NDJSON, JSON text sequences). When the same
 * response also offers JSON, a selector parameter chooses between them: a boolean body field
 * `stream` is recognised, and config can declare any other.
 */
import { STREAM_MEDIA_TYPES, type StreamFormat } from '../../runtime/src/core/media-contract.js';
import type { DiagnosticBag } from '../diagnostics.js';
import type { ModelOptions } from './build-model.js';
import { successResponse } from './media.js';
import type { MediaBody, NamedSchema, Operation, Schema, StreamSelector, Streaming } from './types.js';

/** The framing of a streaming media type, or undefined for any other. */
export function streamFormatOf(contentType: string): StreamFormat | undefined {
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.prototype.hasOwnProperty.call(STREAM_MEDIA_TYPES, mime) ? STREAM_MEDIA_TYPES[mime] : undefined;
}

/** Follows refs (and all-object intersections) to a property schema by name. */
function propertyOf(
  schema: Schema,
  name: string,
  lookup: (key: string) => NamedSchema | undefined,
  depth = 0,
): Schema | undefined {
  if (depth > 20) return undefined;
  if (schema.kind === 'ref') {
    const named = lookup(schema.target);
    return named ? propertyOf(named.schema, name, lookup, depth + 1) : undefined;
  }
  if (schema.kind === 'object') return schema.properties.find((p) => p.name === name)?.schema;
  if (schema.kind === 'intersection') {
    for (const part of schema.parts) {
      const found = propertyOf(part, name, lookup, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function isBooleanLike(schema: Schema | undefined, lookup: (key: string) => NamedSchema | undefined): boolean {
  if (!schema) return false;
  if (schema.kind === 'ref') return isBooleanLike(lookup(schema.target)?.schema, lookup);
  if (schema.kind === 'boolean') return true;
  return schema.kind === 'enum' && schema.values.every((v) => typeof v === 'boolean');
}

/** The default selector: a boolean `stream` field in a JSON request body. */
function inferSelector(op: Operation, lookup: (key: string) => NamedSchema | undefined): StreamSelector | undefined {
  const body = op.requestBody?.content[0];
  if (!body || body.encoding !== 'json') return undefined;
  return isBooleanLike(propertyOf(body.schema, 'stream', lookup), lookup)
    ? { in: 'body', name: 'stream', value: true }
    : undefined;
}

function streamingMedia(op: Operation): { media: MediaBody; format: StreamFormat; alsoJSON: boolean } | undefined {
  const content = successResponse(op)?.content ?? [];
  for (const media of content) {
    const format = streamFormatOf(media.contentType);
    if (!format) continue;
    const alsoJSON = content.some((m) => m.encoding === 'json' && streamFormatOf(m.contentType) === undefined);
    return { media, format, alsoJSON };
  }
  return undefined;
}

/**
 * The streaming descriptor of `op`, or undefined. Order: an override of `false` turns it off;
 * an override object declares the selector; otherwise a streaming-only response always
 * streams, and a JSON-or-stream response needs a boolean body field `stream` (else it stays
 * JSON, with a warning that says how to declare the selector).
 */
export function detectStreaming(
  op: Operation,
  options: ModelOptions,
  bag: DiagnosticBag,
  file: string,
  lookup: (key: string) => NamedSchema | undefined,
): Streaming | undefined {
  const override = options.operations?.[op.id]?.stream;
  if (override === false) return undefined;
  const location = { file, pointer: op.pointer };
  const found = streamingMedia(op);
  if (!found) {
    if (override)
      bag.error(
        'config-error',
        `${op.id}: operations["${op.id}"].stream is set, but its success response has no streaming media type`,
        location,
      );
    return undefined;
  }
  const { media, format, alsoJSON } = found;
  const streaming: Streaming = {
    format,
    contentType: media.contentType,
    itemSchema: media.itemSchema ?? media.schema,
    source: override ? 'config' : 'inferred',
  };
  if (override) {
    streaming.selector = {
      in: override.in,
      name: override.name,
      value: override.value ?? (override.in === 'header' ? media.contentType : true),
    };
    return streaming;
  }
  if (!alsoJSON) return streaming;
  const selector = inferSelector(op, lookup);
  if (!selector) {
    bag.warn(
      'stream-ambiguous',
      `${op.method.toUpperCase()} ${op.path} (${op.id}) returns JSON or ${media.contentType} but has no boolean body field "stream"; declare operations["${op.id}"].stream to stream it`,
      location,
    );
    return undefined;
  }
  streaming.selector = selector;
  return streaming;
}
