/**
 * Request bodies and responses of an operation: their media types (sorted by how the client
 * encodes them), schemas, stream item schemas, form encodings and response headers.
 */
import type { DiagnosticBag } from '../diagnostics.js';
import { deref, isRecord, pointerSegment } from './json.js';
import { normalizeSchema, type SchemaContext } from './schema.js';
import type { MediaBody, RequestBody, Response } from './types.js';

/** Maps a media type to how the client encodes it. */
export function encodingOf(contentType: string): MediaBody['encoding'] {
  const ct = contentType.toLowerCase();
  if (ct.includes('json')) return 'json';
  if (ct.startsWith('application/x-www-form-urlencoded')) return 'form';
  if (ct.startsWith('multipart/')) return 'multipart';
  if (ct.startsWith('text/')) return 'text';
  return 'binary';
}

const ENCODING_RANK: Record<MediaBody['encoding'], number> = { json: 0, form: 1, multipart: 2, text: 3, binary: 4 };

function readContent(content: unknown, pointer: string, ctx: SchemaContext): MediaBody[] {
  if (!isRecord(content)) return [];
  return Object.keys(content)
    .map((contentType) => {
      const media = content[contentType];
      const schema = isRecord(media) ? media['schema'] : undefined;
      const mediaPointer = `${pointer}/${pointerSegment(contentType)}`;
      const body: MediaBody = {
        contentType,
        encoding: encodingOf(contentType),
        schema: normalizeSchema(schema ?? {}, ctx, `${mediaPointer}/schema`),
      };
      const item = isRecord(media)
        ? readItemSchema(contentType, media['itemSchema'], `${mediaPointer}/itemSchema`, ctx)
        : undefined;
      if (item) body.itemSchema = item;
      const fields = isRecord(media) ? readEncoding(media['encoding']) : undefined;
      if (fields) body.fields = fields;
      return body;
    })
    .sort((a, b) => ENCODING_RANK[a.encoding] - ENCODING_RANK[b.encoding] || (a.contentType < b.contentType ? -1 : 1));
}

/** A media type's `encoding` object, keeping what the client uses (content type, style, explode). */
function readEncoding(raw: unknown): MediaBody['fields'] {
  if (!isRecord(raw)) return undefined;
  const out: NonNullable<MediaBody['fields']> = {};
  for (const name of Object.keys(raw).sort()) {
    const entry = raw[name];
    if (!isRecord(entry)) continue;
    const field: NonNullable<MediaBody['fields']>[string] = {};
    if (typeof entry['contentType'] === 'string') field.contentType = entry['contentType'];
    if (typeof entry['style'] === 'string') field.style = entry['style'];
    if (typeof entry['explode'] === 'boolean') field.explode = entry['explode'];
    if (Object.keys(field).length > 0) out[name] = field;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * OpenAPI 3.2 `itemSchema`. An event-stream item schema describes the whole event
 * (`{ event, data, id }`); what the client yields is the parsed `data`, whose schema is the
 * `data` property's `contentSchema` when it has one.
 */
function readItemSchema(
  contentType: string,
  raw: unknown,
  pointer: string,
  ctx: SchemaContext,
): MediaBody['itemSchema'] {
  if (!isRecord(raw)) return undefined;
  if (contentType.toLowerCase().startsWith('text/event-stream')) {
    const props = isRecord(raw['properties']) ? raw['properties'] : undefined;
    const data = props && isRecord(props['data']) ? props['data'] : undefined;
    if (data && isRecord(data['contentSchema']))
      return normalizeSchema(data['contentSchema'], ctx, `${pointer}/properties/data/contentSchema`);
    if (data) return normalizeSchema(data, ctx, `${pointer}/properties/data`);
  }
  return normalizeSchema(raw, ctx, pointer);
}

export function readRequestBody(
  raw: unknown,
  pointer: string,
  doc: Record<string, unknown>,
  ctx: SchemaContext,
): RequestBody | undefined {
  const body = deref(raw, doc);
  if (!isRecord(body)) return undefined;
  const content = readContent(body['content'], `${pointer}/content`, ctx);
  if (content.length === 0) return undefined;
  const out: RequestBody = { required: body['required'] === true, content };
  if (typeof body['description'] === 'string') out.description = body['description'];
  return out;
}

export function readResponses(
  op: Record<string, unknown>,
  pointer: string,
  doc: Record<string, unknown>,
  ctx: SchemaContext,
  bag: DiagnosticBag,
): Response[] {
  const responses = op['responses'];
  if (!isRecord(responses) || Object.keys(responses).length === 0) {
    bag.warn('no-responses', 'operation declares no responses; its result is typed as unknown', {
      file: ctx.file,
      pointer,
    });
    return [];
  }
  return Object.keys(responses)
    .sort()
    .map((status) => {
      const r = deref(responses[status], doc);
      const rp = `${pointer}/responses/${pointerSegment(status)}`;
      const res: Response = { status, content: [], headers: [] };
      if (!isRecord(r)) return res;
      if (typeof r['description'] === 'string') res.description = r['description'];
      res.content = readContent(r['content'], `${rp}/content`, ctx);
      if (isRecord(r['content'])) {
        for (const [mediaType, media] of Object.entries(r['content'])) {
          if (
            isRecord(media) &&
            media['schema'] === undefined &&
            (media['example'] !== undefined || media['examples'] !== undefined)
          ) {
            bag.warn(
              'no-responses',
              `response ${status} (${mediaType}) has examples but no schema; its body is typed as unknown`,
              {
                file: ctx.file,
                pointer: `${rp}/content/${pointerSegment(mediaType)}`,
              },
            );
          }
        }
      }
      if (isRecord(r['headers'])) {
        for (const name of Object.keys(r['headers']).sort()) {
          const h = deref(r['headers'][name], doc);
          const header = {
            name,
            schema: normalizeSchema(
              isRecord(h) ? (h['schema'] ?? {}) : {},
              ctx,
              `${rp}/headers/${pointerSegment(name)}/schema`,
            ),
          };
          res.headers.push(
            isRecord(h) && typeof h['description'] === 'string' ? { ...header, description: h['description'] } : header,
          );
        }
      }
      return res;
    });
}

/** The success response the client returns: the lowest 2xx (or `default`) response. */
export function successResponse(op: { responses: Response[] }): Response | undefined {
  return op.responses.find((r) => /^2/.test(r.status)) ?? op.responses.find((r) => r.status === 'default');
}
