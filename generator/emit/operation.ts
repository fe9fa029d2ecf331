import { isBinaryContentType, PAGE_CLASSES, QUERY_STYLES } from '../../runtime/src/core/contract.js';
import type { QueryStyle } from '../../runtime/src/core/contract.js';
import type { BodyFieldSpec } from '../../runtime/src/core/media-contract.js';
import { toMemberName } from '../model/naming.js';
import { pathTemplateNames, successResponse } from '../model/operations.js';
import type { MediaBody, NamedSchema, Operation, Pagination, Parameter, Property, Schema } from '../model/types.js';
import { docLines } from './docs.js';
import { declarationView, memberView } from './declarations.js';
import type { FileContext } from './file-context.js';
import { streamingSignatures, streamSpecEntry } from './streaming.js';
import { propertyKey, typeExpr } from './type-expr.js';
import type { ConstantView, MemberView, MethodView, TypeDeclarationView } from './view-model.js';

/** Everything one operation contributes to a resource file. */
export interface OperationOutput {
  method: MethodView;
  constants: ConstantView[];
  declarations: TypeDeclarationView[];
  /** Type names this operation declares (for the index). */
  exported: string[];
}

const LOCATION_PREFIX: Record<string, string> = { path: 'Path param: ', query: 'Query param: ', header: 'Header param: ', cookie: 'Cookie param: ', body: 'Body param: ' };

/** Follows refs and merges all-object intersections, to spread a body's fields into `params`. */
export function objectProperties(schema: Schema, lookup: (key: string) => NamedSchema | undefined, depth = 0): Property[] | undefined {
  if (depth > 20 || schema.nullable) return undefined;
  if (schema.kind === 'ref') {
    const named = lookup(schema.target);
    return named ? objectProperties(named.schema, lookup, depth + 1) : undefined;
  }
  if (schema.kind === 'object') return schema.additionalProperties === undefined || schema.properties.length > 0 ? schema.properties : undefined;
  if (schema.kind === 'intersection') {
    const merged: Property[] = [];
    for (const part of schema.parts) {
      const props = objectProperties(part, lookup, depth + 1);
      if (!props) return undefined;
      for (const p of props) {
        const i = merged.findIndex((m) => m.name === p.name);
        if (i >= 0) merged[i] = { ...p, required: p.required || (merged[i]?.required ?? false) };
        else merged.push(p);
      }
    }
    return merged;
  }
  return undefined;
}

export function emitOperation(op: Operation, ctx: FileContext, lookup: (key: string) => NamedSchema | undefined, specConst: string): OperationOutput {
  const declarations: TypeDeclarationView[] = [];
  const exported: string[] = [];
  const constants: ConstantView[] = [];

  // The last path parameter is positional; everything else goes in `params`.
  const templateNames = pathTemplateNames(op.path);
  const positionalName = templateNames[templateNames.length - 1];
  const params = op.parameters;
  interface Member {
    prop: Property;
    location: string;
    /** A ready view for members that do not come from a schema property (a whole body). */
    fixed?: MemberView;
  }
  const members: Member[] = [];
  const seen = new Set<string>();
  for (const loc of ['path', 'query', 'header', 'cookie'] as const) {
    for (const p of params) {
      if (p.in !== loc || (loc === 'path' && p.name === positionalName) || seen.has(p.name)) continue;
      seen.add(p.name);
      const schema = { ...p.schema, ...(p.description !== undefined ? { description: p.description } : {}), ...(p.deprecated ? { deprecated: true } : {}) };
      members.push({ prop: { name: p.name, required: p.required, schema }, location: loc });
    }
  }
  const body = op.requestBody?.content[0];
  // A body field named like a (non-positional) path parameter shares its value: one member, sent in both places.
  const pathNames = new Set(templateNames);
  const alsoInBody: string[] = [];
  let bodyMode: 'fields' | 'whole' | undefined;
  if (body && op.requestBody) {
    const props = body.encoding === 'binary' || body.encoding === 'text' ? undefined : objectProperties(body.schema, lookup);
    // An object body with no fields carries nothing; on GET/HEAD (Stripe declares such bodies) it must not be sent at all.
    const emptyBody = props !== undefined && props.length === 0 && (!op.requestBody.required || op.method === 'get' || op.method === 'head');
    if (props && !emptyBody) {
      bodyMode = 'fields';
      for (const p of props) {
        if (pathNames.has(p.name) && p.name !== positionalName) alsoInBody.push(p.name);
        if (seen.has(p.name) || p.schema.readOnly) continue;
        seen.add(p.name);
        members.push({ prop: { ...p, required: p.required && op.requestBody.required }, location: 'body' });
      }
    } else if (!props) {
      bodyMode = 'whole';
      const type = body.encoding === 'binary' ? (ctx.useRuntime('Uploadable'), 'Uploadable') : typeExpr(body.schema, ctx, 'request');
      const prop: Property = { name: 'body', required: op.requestBody.required, schema: { kind: 'unknown', nullable: false } };
      members.push({ prop, location: 'body', fixed: { doc: { lines: docLines({ description: op.requestBody.description ?? 'The request body.' }) }, key: 'body', optional: !prop.required, type } });
    }
  }
  // Prefixes tell where each member goes only when a params object mixes locations.
  const mixed = new Set(members.map((m) => m.location)).size > 1;
  const views = members.map((m) => m.fixed ?? memberView(m.prop, ctx, 'request', mixed ? (LOCATION_PREFIX[m.location] ?? '') : ''));

  const names = op.typeNames;
  const hasParams = members.length > 0;
  if (hasParams) {
    declarations.push({ name: names.params, doc: { lines: [] }, kind: 'interface', members: views, indexSignature: null, type: '' });
    exported.push(names.params);
  }

  // Response type: a $ref reuses the component's type; inline schemas get `<Resource><Method>Response`.
  const success = successResponse(op);
  const pagination = op.pagination;
  const streaming = pagination ? undefined : op.streaming;
  // A streaming operation's JSON alternative (if any) is its first other media type.
  const media = success?.content.find((m) => m.contentType !== streaming?.contentType);
  let returnType: string;
  let itemType = 'unknown';
  const responseTypeFor = (schema: Schema): string => {
    if (schema.kind === 'ref' && !schema.nullable) return typeExpr(schema, ctx, 'response');
    declarations.push(declarationView(names.response, schema, ctx, 'response', { description: success?.description ?? '' }));
    exported.push(names.response);
    return names.response;
  };
  if (pagination) {
    itemType = responseTypeFor(pagination.itemSchema);
    const pageClass = PAGE_CLASS[pagination.style];
    ctx.useRuntime(pageClass, 'core/pagination');
    ctx.useRuntime('PagePromise', 'core/pagination');
    ctx.useRuntime('PaginationSpec', 'core/pagination');
    declarations.push({ name: names.page, doc: { lines: [`A page of {@link ${itemType}} items (${pagination.style} pagination).`] }, kind: 'alias', members: [], indexSignature: null, type: `${pageClass}<${itemType}>` });
    exported.push(names.page);
    returnType = `PagePromise<${names.page}, ${itemType}>`;
    constants.push({ name: `${specConst}Pagination`, type: 'PaginationSpec', value: paginationLiteral(pagination) });
  } else if (streaming && !streaming.selector) {
    itemType = streaming.itemSchema.kind === 'string' ? 'string' : responseTypeFor(streaming.itemSchema);
    returnType = '';
  } else if (!media) {
    returnType = 'APIPromise<void>';
  } else if (media.encoding === 'binary') {
    // The runtime returns a Blob for byte content types (octet-stream, images, PDF...); other
    // non-JSON, non-text types come back as text, so they stay `unknown`.
    const binary = isBinaryContentType(media.contentType);
    // `Blob` from the runtime's platform types: a client must compile without the DOM lib.
    if (binary) ctx.useRuntime('Blob', 'core/platform');
    returnType = binary ? 'APIPromise<Blob>' : 'APIPromise<unknown>';
  } else {
    returnType = `APIPromise<${media.encoding === 'text' && media.schema.kind === 'unknown' ? 'string' : responseTypeFor(media.schema)}>`;
  }
  ctx.useRuntime('APIPromise', 'core/api-promise');
  ctx.useRuntime('RequestOptions', 'core/types');
  ctx.useRuntime('OperationSpec', 'core/types');

  const required = members.some((m) => m.prop.required);
  const args: MethodView['args'] = [];
  let paramsExpr = hasParams ? 'params' : 'null';
  let pathKey: string | undefined;
  if (positionalName !== undefined) {
    const argName = toMemberName(positionalName);
    const arg = argName === 'params' || argName === 'options' ? `${argName}_` : argName;
    args.push({ name: arg, type: 'string', optional: false, defaultValue: null });
    // A body/query field with the path parameter's name must not be overwritten by it.
    if (seen.has(positionalName)) pathKey = `$path.${positionalName}`;
    const key = literalKey(pathKey ?? positionalName);
    const entry = key === arg ? arg : `${key}: ${arg}`;
    paramsExpr = hasParams ? `{ ...params, ${entry} }` : `{ ${entry} }`;
  }
  if (hasParams) args.push({ name: 'params', type: required ? names.params : `${names.params} | null | undefined`, optional: !required, defaultValue: required ? null : '{}' });
  args.push({ name: 'options', type: 'RequestOptions', optional: true, defaultValue: null });
  let overloads: string[] = [];
  if (streaming) {
    if (streaming.selector) itemType = streamItemType(streaming.itemSchema, `${names.response}StreamItem`, ctx, declarations, exported);
    ({ returnType, overloads } = streamingSignatures({
      streaming,
      ctx,
      methodName: op.methodName,
      args,
      itemType,
      jsonReturn: streaming.selector ? returnType : undefined,
      selectorIsParam: members.some((m) => m.prop.name === streaming.selector?.name && m.location === streaming.selector.in),
      paramsType: hasParams ? names.params : undefined,
    }));
  }

  constants.unshift({ name: specConst, type: 'OperationSpec', value: operationSpecLiteral(op, bodyMode, pathKey, alsoInBody) });
  const docs = docLines({ ...(op.summary !== undefined ? { title: op.summary } : {}), ...(op.description !== undefined ? { description: op.description } : op.summary !== undefined ? { description: op.summary } : {}), deprecated: op.deprecated });
  return {
    method: {
      name: op.methodName,
      doc: { lines: docs },
      httpMethod: op.method.toUpperCase(),
      path: op.path,
      operationId: op.operationId ?? null,
      args,
      returnType,
      overloads,
      clientCall: pagination ? 'requestPage' : 'request',
      specConst,
      paginationConst: pagination ? `${specConst}Pagination` : null,
      paramsExpr,
    },
    constants,
    declarations,
    exported,
  };
}

/** The `fields` of a form or multipart body spec, from the media type's `encoding` object (known styles only). */
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

/** The item type of a stream that can also be JSON: a `$ref` keeps its name, an inline schema gets `name`. */
function streamItemType(schema: Schema, name: string, ctx: FileContext, declarations: TypeDeclarationView[], exported: string[]): string {
  if (schema.kind === 'string') return 'string';
  if (schema.kind === 'ref' && !schema.nullable) return typeExpr(schema, ctx, 'response');
  declarations.push(declarationView(name, schema, ctx, 'response', { description: 'One item of the stream.' }));
  exported.push(name);
  return name;
}

export const PAGE_CLASS: Readonly<Record<Pagination['style'], string>> = PAGE_CLASSES;

/**
 * A key in an object literal expression. `__proto__` must be computed: written
 * plainly it would set the object's prototype instead of adding a key.
 */
function literalKey(name: string): string {
  if (name === '__proto__') return '["__proto__"]';
  return propertyKey(name);
}

function operationSpecLiteral(op: Operation, bodyMode: 'fields' | 'whole' | undefined, positionalKey: string | undefined, alsoInBody: string[]): string {
  const parts: string[] = [`method: ${JSON.stringify(op.method)}`, `path: ${JSON.stringify(op.path)}`];
  const names = pathTemplateNames(op.path);
  if (names.length > 0) parts.push(`pathParams: ${JSON.stringify(names)}`);
  const last = names[names.length - 1];
  if (positionalKey && last !== undefined) parts.push(`pathKeys: { ${literalKey(last)}: ${JSON.stringify(positionalKey)} }`);
  if (alsoInBody.length > 0) parts.push(`alsoInBody: ${JSON.stringify(alsoInBody)}`);
  const query = op.parameters.filter((p) => p.in === 'query');
  if (query.length > 0) {
    const entries = query.map((p) => {
      const spec: Record<string, unknown> = {};
      if (p.style) spec['style'] = p.style;
      if (p.explode !== undefined) spec['explode'] = p.explode;
      return `${literalKey(p.name)}: ${JSON.stringify(spec)}`;
    });
    parts.push(`query: { ${entries.join(', ')} }`);
  }
  for (const [loc, key] of [['header', 'headers'], ['cookie', 'cookies']] as const) {
    const list = op.parameters.filter((p) => p.in === loc).map((p) => p.name);
    if (list.length > 0) parts.push(`${key}: ${JSON.stringify(list)}`);
  }
  const body = op.requestBody?.content[0];
  if (body && bodyMode) parts.push(`body: ${JSON.stringify({ encoding: body.encoding, contentType: body.contentType, mode: bodyMode })}`);
  const fields = body && bodyMode ? bodyFields(body) : undefined;
  if (fields) parts.push(`bodyFields: ${JSON.stringify(fields)}`);
  if (op.streaming && !op.pagination) parts.push(streamSpecEntry(op.streaming));
  if (op.security) parts.push(`security: ${JSON.stringify([...new Set(op.security.flatMap((r) => r.schemes.map((s) => s.name)))].sort())}`);
  return `{ ${parts.join(', ')} }`;
}

function paginationLiteral(p: Pagination): string {
  const spec: Record<string, unknown> = { style: p.style, items: p.items };
  const set = (key: string, value: unknown): void => {
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
  return JSON.stringify(spec);
}
