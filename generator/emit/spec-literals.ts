/**
 * The per-operation constants of a resource file, built as typed objects
 * (the shapes the runtime's `OperationSpec` and `PaginationSpec` accept) and
 * printed by the one literal printer, declared with the contract's type so tsc
 * checks every constant against the runtime contract once, where it is declared
 * (a `satisfies` keeps the literal's own type, which tsc then relates to the
 * contract again at every call that passes it).
 */
import {
  QUERY_STYLES,
  type OperationSpec,
  type QueryParamSpec,
  type QueryStyle,
} from '../../runtime/src/core/contract.js';
import type { BodyFieldSpec } from '../../runtime/src/core/media-contract.js';
import type { MediaBody, Operation, Pagination } from '../model/types.js';
import { streamSpecValue } from './streaming.js';
import { printLiteral } from './literal.js';
import type { ConstantView } from './view-model.js';

/** A runtime `OperationSpec` the generator can fill in field by field. */
export type OperationSpecValue = { -readonly [K in keyof OperationSpec]: OperationSpec[K] };

/** The generator's view of the runtime `PaginationSpec` (style-specific keys are optional here). */
export interface PaginationSpecValue {
  style: Pagination['style'];
  items: string[];
  [key: string]: string | string[] | undefined;
}

/** What the runtime needs to send one operation, from the model's request plan. */
export function operationSpecValue(op: Operation): OperationSpecValue {
  const plan = op.request;
  const spec: OperationSpecValue = { method: op.method, path: op.path };
  if (plan.pathParams.length > 0) spec.pathParams = plan.pathParams;
  if (plan.positional && plan.positional.key !== plan.positional.name)
    spec.pathKeys = { [plan.positional.name]: plan.positional.key };
  if (plan.alsoInBody.length > 0) spec.alsoInBody = plan.alsoInBody;
  const query = op.parameters.filter((p) => p.in === 'query');
  if (query.length > 0) {
    const specs: Record<string, QueryParamSpec> = {};
    spec.query = specs;
    for (const p of query)
      specs[p.name] = {
        // The model has already checked query styles (anything else is reported and sent as form).
        ...(p.style ? { style: p.style as QueryStyle } : {}),
        ...(p.explode !== undefined ? { explode: p.explode } : {}),
      };
  }
  const names = (loc: string): string[] => op.parameters.filter((p) => p.in === loc).map((p) => p.name);
  if (names('header').length > 0) spec.headers = names('header');
  if (names('cookie').length > 0) spec.cookies = names('cookie');
  if (plan.body) spec.body = { encoding: plan.body.encoding, contentType: plan.body.contentType, mode: plan.body.mode };
  const media = op.requestBody?.content[0];
  const fields = plan.body && media ? bodyFields(media) : undefined;
  if (fields) spec.bodyFields = fields;
  if (op.streaming && !op.pagination) spec.stream = streamSpecValue(op.streaming);
  if (op.security) spec.security = [...new Set(op.security.flatMap((r) => r.schemes.map((s) => s.name)))].sort();
  return spec;
}

/** The runtime's paging settings for a list operation; style defaults are spelled out so the runtime needs none. */
export function paginationSpecValue(p: Pagination): PaginationSpecValue {
  const spec: PaginationSpecValue = { style: p.style, items: p.items };
  const set = (key: string, value: string | string[] | undefined): void => {
    if (value !== undefined) spec[key] = value;
  };
  switch (p.style) {
    case 'cursor':
      set('next', p.next ?? ['next']);
      set('prev', p.prev);
      set('afterParam', p.afterParam ?? 'after');
      set('beforeParam', p.beforeParam);
      set('limitParam', p.limitParam);
      break;
    case 'cursor-id':
      set('hasMore', p.hasMore);
      set('afterParam', p.afterParam ?? 'starting_after');
      set('beforeParam', p.beforeParam);
      set('limitParam', p.limitParam);
      break;
    case 'next-token':
      set('next', p.next ?? ['next']);
      set('param', p.cursorParam ?? 'cursor');
      set('limitParam', p.limitParam);
      break;
    case 'offset':
      set('offsetParam', p.offsetParam ?? 'offset');
      set('limitParam', p.limitParam);
      set('total', p.total);
      break;
    case 'page-number':
      set('pageParam', p.pageParam ?? 'page');
      set('perPageParam', p.limitParam);
      set('next', p.next);
      set('total', p.total);
      set('totalPages', p.totalPages);
      break;
    case 'link-header':
      break;
  }
  // `has_more`-style flags let every style stop without one more request.
  if (p.style !== 'link-header') set('hasMore', p.hasMore);
  return spec;
}

/** A module-level `const name: Type = <literal>;`, the literal laid out for its column. */
export function constantView(
  name: string,
  type: string,
  value: OperationSpecValue | PaginationSpecValue | object,
): ConstantView {
  const column = `const ${name}: ${type} = `.length;
  return {
    name,
    type,
    value: printLiteral(value as Parameters<typeof printLiteral>[0], column, 0, ';'.length),
  };
}

/** The `bodyFields` of a form or multipart body spec, from the media type's `encoding` object (known styles only). */
function bodyFields(body: MediaBody): Record<string, BodyFieldSpec> | undefined {
  if (!body.fields || (body.encoding !== 'form' && body.encoding !== 'multipart')) return undefined;
  const fields: Record<string, BodyFieldSpec> = {};
  for (const [name, entry] of Object.entries(body.fields)) {
    const field: BodyFieldSpec = {};
    if (entry.contentType !== undefined) field.contentType = entry.contentType;
    if ((QUERY_STYLES as readonly string[]).includes(entry.style ?? '')) field.style = entry.style as QueryStyle;
    if (entry.explode !== undefined) field.explode = entry.explode;
    if (Object.keys(field).length > 0) fields[name] = field;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}
