import { PAGE_CLASSES } from '../../runtime/src/core/contract.js';
import { toParameterName } from '../model/naming.js';
import type { Operation, Pagination, Schema, Streaming } from '../model/types.js';
import { declarationView } from './declarations.js';
import { docLines } from './docs.js';
import type { FileContext } from './file-context.js';
import { LINE_WIDTH, literalKey } from './literal.js';
import { constantView, operationSpecValue, paginationSpecValue } from './spec-literals.js';
import { layoutMember, layoutType } from './type-layout.js';
import { callTypeArguments, callWidth, signatureWidth } from './method-call.js';
import { memberView, typeView } from './type-expr.js';
import { generic, keyword, named, unionOf } from './type-views.js';
import { streamingSignatures, streamItemType, type StreamingSignatures } from './streaming.js';
import type {
  ArgumentView,
  ConstantView,
  MethodSignatureView,
  MethodView,
  TypeDeclarationView,
  TypeView,
} from './view-model.js';

/** Everything one operation contributes to a resource file. */
export interface OperationOutput {
  method: MethodView;
  constants: ConstantView[];
  declarations: TypeDeclarationView[];
  /** Type names this operation declares (for the index). */
  exported: string[];
}

const LOCATION_PREFIX: Record<string, string> = {
  path: 'Path param: ',
  query: 'Query param: ',
  header: 'Header param: ',
  cookie: 'Cookie param: ',
  body: 'Body param: ',
};

export const PAGE_CLASS: Readonly<Record<Pagination['style'], string>> = PAGE_CLASSES;

/** The `<Resource><Method>Params` interface from the model's request plan, or null when `params` has no members. */
function paramsDeclaration(op: Operation, ctx: FileContext): TypeDeclarationView | null {
  const members = op.request.members;
  if (op.request.bodyUnion) return unionParamsDeclaration(op, op.request.bodyUnion, ctx);
  if (members.length === 0) return null;
  // Prefixes tell where each member goes only when a params object mixes locations.
  const mixed = new Set(members.map((m) => m.location)).size > 1;
  const views = members.map((m) =>
    memberView(
      m.property,
      ctx,
      'request',
      mixed ? (LOCATION_PREFIX[m.location] ?? '') : '',
      m.docs ?? m.property.schema,
    ),
  );
  for (const v of views) layoutMember(v, 2);
  return {
    name: op.typeNames.params,
    doc: { lines: [] },
    kind: 'interface',
    members: views,
    indexSignature: null,
    type: null,
    typeParameters: [],
  };
}

/**
 * Params of a union body sent field by field: `{ …parameters } & (VariantA | VariantB)`, so each variant's fields
 * (its discriminator pinned) sit beside the path, query and header parameters.
 */
function unionParamsDeclaration(op: Operation, union: Schema, ctx: FileContext): TypeDeclarationView {
  const members = op.request.members.map((m) =>
    memberView(m.property, ctx, 'request', LOCATION_PREFIX[m.location] ?? '', m.docs ?? m.property.schema),
  );
  for (const v of members) layoutMember(v, 2);
  const variants: TypeView = { ...typeView(union, ctx, 'request'), grouped: members.length > 0 };
  const type: TypeView =
    members.length === 0
      ? variants
      : {
          kind: 'intersection',
          parts: [
            { kind: 'object', members, indexSignature: null, multiline: true, grouped: false, breakBefore: false },
            variants,
          ],
          grouped: false,
          breakBefore: false,
        };
  return {
    name: op.typeNames.params,
    doc: { lines: [] },
    kind: 'alias',
    members: [],
    indexSignature: null,
    type,
    typeParameters: [],
  };
}

/** The declared return type; inline response schemas get a `<Resource><Method>Response` declaration. */
function returnType(op: Operation, ctx: FileContext, out: OperationOutput, specConst: string): TypeView {
  const plan = op.response;
  // Every operation with a body names its response `<Resource><Method>Response`: an inline schema is declared
  // under that name, a `$ref` gets an alias of that name and the method keeps returning the component's type.
  const responseType = (schema: Schema, description: string, isNamed: boolean): TypeView => {
    if (isNamed) {
      const target = typeView(schema, ctx, 'response');
      out.declarations.push(aliasDeclaration(op.typeNames.response, target, description));
      out.exported.push(op.typeNames.response);
      return target;
    }
    out.declarations.push(declarationView(op.typeNames.response, schema, ctx, 'response', { description }));
    out.exported.push(op.typeNames.response);
    return named(op.typeNames.response);
  };
  switch (plan.kind) {
    case 'page': {
      const pagination = op.pagination!;
      const item = responseType(plan.schema, plan.description, plan.named);
      const pageClass = PAGE_CLASS[pagination.style];
      for (const name of [pageClass, 'PagePromise', 'PaginationSpec']) ctx.useRuntime(name, 'core/pagination');
      const itemText = item.kind === 'name' ? item.text : op.typeNames.response;
      const page: TypeDeclarationView = {
        name: op.typeNames.page,
        doc: { lines: [`A page of {@link ${itemText}} items (${pagination.style} pagination).`] },
        kind: 'alias',
        members: [],
        indexSignature: null,
        type: generic(pageClass, [item]),
        typeParameters: [],
      };
      out.declarations.push(page);
      out.exported.push(op.typeNames.page);
      out.constants.push(constantView(`${specConst}Pagination`, 'PaginationSpec', paginationSpecValue(pagination)));
      return generic('PagePromise', [named(op.typeNames.page), item]);
    }
    case 'schema':
      return generic('APIPromise', [responseType(plan.schema, plan.description, plan.named)]);
    case 'void':
      return generic('APIPromise', [keyword('void')]);
    case 'blob':
      // `Blob` from the runtime's platform types: a client must compile without the DOM lib.
      ctx.useRuntime('Blob', 'core/platform');
      return generic('APIPromise', [named('Blob')]);
    case 'text':
      return generic('APIPromise', [keyword('string')]);
    case 'unknown':
      return generic('APIPromise', [keyword('unknown')]);
  }
}

/** `export type <name> = <target>;` with the response's description. */
function aliasDeclaration(name: string, target: TypeView, description: string): TypeDeclarationView {
  return {
    name,
    doc: { lines: docLines({ description }) },
    kind: 'alias',
    members: [],
    indexSignature: null,
    type: target,
    typeParameters: [],
  };
}

/** Arguments: the positional path parameter, `params`, `options`; and the expression passed as params. */
function argumentsOf(op: Operation, hasParams: boolean): { args: ArgumentView[]; paramsExpr: string } {
  const args: ArgumentView[] = [];
  let paramsExpr = hasParams ? 'params' : 'null';
  const positional = op.request.positional;
  if (positional) {
    const arg = toParameterName(positional.name, ['params', 'options']);
    args.push({ name: arg, type: keyword('string'), optional: false, defaultValue: null });
    const key = literalKey(positional.key);
    const entry = key === arg ? arg : `${key}: ${arg}`;
    paramsExpr = hasParams ? `{ ...params, ${entry} }` : `{ ${entry} }`;
  }
  if (hasParams) {
    const required = op.request.paramsRequired;
    const type = named(op.typeNames.params);
    args.push({
      name: 'params',
      type: required ? type : unionOf([type, keyword('null'), keyword('undefined')]),
      optional: !required,
      // `{}` is not a member of a union of bodies, so an optional union has no default.
      defaultValue: required || op.request.bodyUnion ? null : '{}',
    });
  }
  args.push({ name: 'options', type: named('RequestOptions'), optional: true, defaultValue: null });
  return { args, paramsExpr };
}

export function emitOperation(op: Operation, ctx: FileContext, specConst: string): OperationOutput {
  const out: OperationOutput = { method: undefined as never, constants: [], declarations: [], exported: [] };
  const params = paramsDeclaration(op, ctx);
  if (params) {
    out.declarations.push(params);
    out.exported.push(params.name);
  }
  let returns = returnType(op, ctx, out, specConst);
  let overloads: MethodSignatureView[] = [];
  ctx.useRuntime('APIPromise', 'core/api-promise');
  ctx.useRuntime('RequestOptions', 'core/types');
  ctx.useRuntime('OperationSpec', 'core/types');
  const { args, paramsExpr } = argumentsOf(op, params !== null);
  const streaming = op.pagination ? undefined : op.streaming;
  if (streaming) ({ returnType: returns, overloads } = streamingMethod(op, streaming, ctx, out, args, returns));
  layoutType(returns, 0, 2, 0, false);
  for (const o of overloads) layoutType(o.returnType, 0, 2, 0, false);
  out.constants.unshift(constantView(specConst, 'OperationSpec', operationSpecValue(op)));
  const typeArgumentList = callTypeArguments(returns, overloads);
  const typeArguments = typeArgumentList.length > 0 ? typeArgumentList.join(', ') : null;
  const clientCall = op.pagination ? '_requestPage' : '_request';
  const summary = op.summary !== undefined ? { title: op.summary } : {};
  const description =
    op.description !== undefined
      ? { description: op.description }
      : op.summary !== undefined
        ? { description: op.summary }
        : {};
  out.method = {
    name: op.methodName,
    doc: { lines: docLines({ ...summary, ...description, deprecated: op.deprecated }) },
    httpMethod: op.method.toUpperCase(),
    path: op.path,
    operationId: op.operationId ?? null,
    args,
    returnType: returns,
    multiline: signatureWidth(op.methodName, args, returns) > LINE_WIDTH,
    clientCall,
    typeArguments,
    typeArgumentList,
    typeArgumentsMultiline: `    return this._client.${clientCall}<${typeArguments ?? ''}>(`.length > LINE_WIDTH,
    specConst,
    paginationConst: op.pagination ? `${specConst}Pagination` : null,
    paramsExpr,
    callMultiline: callWidth(op, specConst, paramsExpr, typeArguments) > LINE_WIDTH,
    overloads,
  };
  return out;
}

/**
 * A streaming operation's signatures: the item type, and the JSON type when the success response also
 * offers JSON (the response plan skips the streaming media type, so `returns` is that JSON alternative).
 */
function streamingMethod(
  op: Operation,
  streaming: Streaming,
  ctx: FileContext,
  out: OperationOutput,
  args: ArgumentView[],
  returns: TypeView,
): StreamingSignatures {
  const itemType = streamItemType(op, streaming, ctx, out);
  const jsonType = op.response.kind === 'void' || returns.kind !== 'generic' ? undefined : returns.args[0];
  const selector = streaming.selector;
  const selectorIsParam = op.request.members.some(
    (m) => m.property.name === selector?.name && m.location === selector.in,
  );
  return streamingSignatures({
    streaming,
    ctx,
    methodName: op.methodName,
    args,
    itemType,
    jsonType,
    selectorParams: selectorIsParam ? op.typeNames.params : undefined,
  });
}
