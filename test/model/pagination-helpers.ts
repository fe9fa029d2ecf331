import type { Diagnostic } from '../../generator/diagnostics.js';
import type { LoadedSpec } from '../../generator/load/load-spec.js';
import { buildModel, type ModelOptions } from '../../generator/model/build-model.js';
import type { Operation } from '../../generator/model/types.js';

/** One operation shape: query params (name, or [name, schema]), success body, declared response headers. */
export interface Shape {
  /** A name, or [name, schema, extra parameter fields such as `deprecated`]. */
  params?: Array<string | [string, Record<string, unknown>, Record<string, unknown>?]>;
  body?: Record<string, unknown>;
  /** Media type of the success body (default application/json). */
  contentType?: string;
  headers?: string[];
  method?: 'get' | 'post';
  components?: Record<string, unknown>;
}

export const OP_ID = 'listThings';
export const OP_POINTER = '#/paths/~1things/get';

const PARAM_SCHEMAS: Record<string, Record<string, unknown>> = {
  limit: { type: 'integer' },
  per_page: { type: 'integer' },
  page_size: { type: 'integer' },
  pageSize: { type: 'integer' },
  page: { type: 'integer' },
  offset: { type: 'integer' },
};

export function specFor(shape: Shape): LoadedSpec {
  const method = shape.method ?? 'get';
  const parameters = (shape.params ?? []).map((p) => {
    const [name, schema, extra] = typeof p === 'string' ? [p, PARAM_SCHEMAS[p] ?? { type: 'string' }, {}] : p;
    return { name, in: 'query', required: false, schema, ...extra };
  });
  const response: Record<string, unknown> = { description: 'ok' };
  if (shape.body) response['content'] = { [shape.contentType ?? 'application/json']: { schema: shape.body } };
  if (shape.headers) response['headers'] = Object.fromEntries(shape.headers.map((h) => [h, { schema: { type: 'string' } }]));
  const document = {
    openapi: '3.0.3',
    info: { title: 'Things', version: '1.0.0' },
    paths: { '/things': { [method]: { operationId: OP_ID, parameters, responses: { '200': response } } } },
    components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } }, ...shape.components } },
  };
  return { document, sourceVersion: '3.0', declaredVersion: '3.0.3', display: 'inline.yaml', sourceFiles: [], warnings: [] };
}

/** Builds the model of a one-operation spec and returns that operation and the pagination diagnostics. */
export function detect(shape: Shape, options: ModelOptions = {}): { op: Operation; diagnostics: Diagnostic[] } {
  const model = buildModel(specFor(shape), options);
  const op = model.operations.find((o) => o.id === OP_ID);
  if (!op) throw new Error('operation missing');
  return { op, diagnostics: model.warnings.filter((w) => w.code === 'pagination-ambiguous' || w.code === 'config-error') };
}

export const THING = { $ref: '#/components/schemas/Thing' };
export const THINGS = { type: 'array', items: THING };
export const STR = { type: 'string' };
export const NSTR = { type: 'string', nullable: true };
