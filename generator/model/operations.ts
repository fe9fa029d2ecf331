import { QUERY_STYLES, type QueryStyle } from '../../runtime/src/core/contract.js';
import type { DiagnosticBag } from '../diagnostics.js';
import { deref, isRecord, pointerSegment } from './json.js';
import { readRequestBody, readResponses } from './media.js';
import { normalizeSchema, type SchemaContext } from './schema.js';
import type { HttpMethod, Operation, Parameter, ParameterLocation, SecurityRequirement } from './types.js';

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
