import { QUERY_STYLES, type QueryStyle } from '../../runtime/src/core/contract.js';
import type { DiagnosticBag } from '../diagnostics.js';
import { isRecord, pointerSegment, resolvePointer } from './json.js';
import { normalizeSchema, type SchemaContext } from './schema.js';
import type {
  HttpMethod,
  MediaBody,
  Operation,
  Parameter,
  ParameterLocation,
  RequestBody,
  Response,
  SecurityRequirement,
} from './types.js';

export const HTTP_METHODS: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

/** An operation before it is placed in the resource tree. */
export type RawOperation = Omit<
  Operation,
  'resource' | 'methodName' | 'placement' | 'typeNames' | 'request' | 'response'
>;

/** Reads every operation in canonical order (paths sorted, methods in a fixed order). */
export function collectOperations(
  doc: Record<string, unknown>,
  ctx: SchemaContext,
  bag: DiagnosticBag,
): RawOperation[] {
  const paths = isRecord(doc['paths']) ? doc['paths'] : {};
  const out: RawOperation[] = [];
  for (const path of Object.keys(paths).sort()) {
    const itemPointer = `#/paths/${pointerSegment(path)}`;
    const item = deref(paths[path], doc);
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      out.push(readOperation(path, method, item, op, `${itemPointer}/${method}`, doc, ctx, bag));
    }
  }
  dedupeOperationIds(out, ctx.file, bag);
  return out;
}

function deref(node: unknown, doc: Record<string, unknown>, depth = 0): unknown {
  if (depth < 20 && isRecord(node) && typeof node['$ref'] === 'string' && node['$ref'].startsWith('#')) {
    return deref(resolvePointer(doc, node['$ref']), doc, depth + 1);
  }
  return node;
}

function readOperation(
  path: string,
  method: HttpMethod,
  item: Record<string, unknown>,
  op: Record<string, unknown>,
  pointer: string,
  doc: Record<string, unknown>,
  ctx: SchemaContext,
  bag: DiagnosticBag,
): RawOperation {
  const operationId = typeof op['operationId'] === 'string' && op['operationId'] ? op['operationId'] : undefined;
  const result: RawOperation = {
    id: operationId ?? `${method.toUpperCase()} ${path}`,
    method,
    path,
    deprecated: op['deprecated'] === true,
    tags: Array.isArray(op['tags']) ? op['tags'].filter((t): t is string => typeof t === 'string') : [],
    parameters: readParameters(path, item, op, pointer, doc, ctx, bag),
    responses: readResponses(op, pointer, doc, ctx, bag),
    pointer,
  };
  if (operationId) result.operationId = operationId;
  if (typeof op['summary'] === 'string') result.summary = op['summary'];
  if (typeof op['description'] === 'string') result.description = op['description'];
  const body = readRequestBody(op['requestBody'], `${pointer}/requestBody`, doc, ctx);
  if (body) result.requestBody = body;
  if (Array.isArray(op['security'])) result.security = readSecurity(op['security']);
  return result;
}

function readParameters(
  path: string,
  item: Record<string, unknown>,
  op: Record<string, unknown>,
  pointer: string,
  doc: Record<string, unknown>,
  ctx: SchemaContext,
  bag: DiagnosticBag,
): Parameter[] {
  const byKey = new Map<string, Parameter>();
  const lists: Array<[unknown, string]> = [
    [item['parameters'], pointer.replace(/\/[a-z]+$/, '/parameters')],
    [op['parameters'], `${pointer}/parameters`],
  ];
  for (const [list, listPointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((rawParam, i) => {
      const p = deref(rawParam, doc);
      if (!isRecord(p) || typeof p['name'] !== 'string') return;
      const loc = p['in'];
      if (loc !== 'path' && loc !== 'query' && loc !== 'header' && loc !== 'cookie') return;
      // Operation-level parameters override path-level ones with the same name and location.
      byKey.set(`${loc}:${p['name']}`, readParameter(p, loc, `${listPointer}/${i}`, ctx, bag));
    });
  }
  for (const name of pathTemplateNames(path)) {
    if (!byKey.has(`path:${name}`)) {
      bag.warn(
        'undeclared-path-param',
        `path parameter {${name}} is used in the path but not declared; typed as string`,
        { file: ctx.file, pointer },
      );
      byKey.set(`path:${name}`, { name, in: 'path', required: true, schema: { kind: 'string', nullable: false } });
    }
  }
  return [...byKey.values()];
}

/**
 * A query parameter's `style`, checked against the styles OpenAPI defines for queries. Any other
 * (`simple`, `matrix`, `label`, a typo) is reported and sent as `form`, the query default.
 */
function queryStyle(style: string, name: string, pointer: string, file: string, bag: DiagnosticBag): QueryStyle {
  if ((QUERY_STYLES as readonly string[]).includes(style)) return style as QueryStyle;
  bag.warn(
    'invalid-query-style',
    `query parameter "${name}" has style "${style}", which OpenAPI does not define for query parameters (${QUERY_STYLES.join(', ')}); it is sent as form`,
    { file, pointer },
  );
  return 'form';
}

export function pathTemplateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
}

function readParameter(
  p: Record<string, unknown>,
  loc: ParameterLocation,
  pointer: string,
  ctx: SchemaContext,
  bag: DiagnosticBag,
): Parameter {
  let schemaRaw: unknown = p['schema'];
  let schemaPointer = `${pointer}/schema`;
  if (schemaRaw === undefined && isRecord(p['content'])) {
    const [mediaType, media] = Object.entries(p['content'])[0] ?? [];
    if (mediaType && isRecord(media)) {
      schemaRaw = media['schema'];
      schemaPointer = `${pointer}/content/${pointerSegment(mediaType)}/schema`;
    }
  }
  const param: Parameter = {
    name: p['name'] as string,
    in: loc,
    required: loc === 'path' || p['required'] === true,
    schema: normalizeSchema(schemaRaw ?? {}, ctx, schemaPointer),
  };
  if (typeof p['description'] === 'string') param.description = p['description'];
  if (p['deprecated'] === true) param.deprecated = true;
  const style = p['style'];
  if (typeof style === 'string')
    param.style = loc === 'query' ? queryStyle(style, param.name, `${pointer}/style`, ctx.file, bag) : style;
  if (typeof p['explode'] === 'boolean') param.explode = p['explode'];
  if (p['example'] !== undefined) param.example = p['example'] as Parameter['example'] & object;
  return param;
}

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

function readRequestBody(
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

function readResponses(
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

export function readSecurity(list: unknown[]): SecurityRequirement[] {
  return list.filter(isRecord).map((req) => ({
    schemes: Object.keys(req)
      .sort()
      .map((name) => ({ name, scopes: Array.isArray(req[name]) ? (req[name] as unknown[]).map(String) : [] })),
  }));
}

/** Duplicate operationIds break overrides: keep the first (in canonical order) and suffix the rest, with a warning. */
function dedupeOperationIds(ops: RawOperation[], file: string, bag: DiagnosticBag): void {
  const seen = new Set<string>();
  for (const op of ops) {
    if (!seen.has(op.id)) {
      seen.add(op.id);
      continue;
    }
    let n = 2;
    while (seen.has(`${op.id}_${n}`)) n++;
    bag.warn(
      'duplicate-operation-id',
      `operationId "${op.id}" is used more than once; this one is known as "${op.id}_${n}"`,
      { file, pointer: op.pointer },
    );
    op.id = `${op.id}_${n}`;
    seen.add(op.id);
  }
}

/** The success response the client returns: the lowest 2xx (or `default`) response. */
export function successResponse(op: { responses: Response[] }): Response | undefined {
  return op.responses.find((r) => /^2/.test(r.status)) ?? op.responses.find((r) => r.status === 'default');
}
