/**
 * The emit side of streaming, kept in one place: the `stream` entry of the OperationSpec value, the item
 * type, and the method signatures of a streaming operation (one, or overloads when a selector parameter
 * chooses JSON or a stream). Signatures are views, printed by `partials/method-signature` like every method.
 */
import type { StreamSpec } from '../../runtime/src/core/types.js';
import type { Operation, Schema, Streaming } from '../model/types.js';
import { declarationView } from './declarations.js';
import type { FileContext } from './file-context.js';
import { LINE_WIDTH } from './literal.js';
import { propertyKey, typeView } from './type-expr.js';
import { generic, keyword, literalView, named, unionOf } from './type-views.js';
import { typeWidth } from './type-layout.js';
import type { ArgumentView, MethodSignatureView, TypeDeclarationView, TypeView } from './view-model.js';

/** The `stream` entry of the OperationSpec value. */
export function streamSpecValue(streaming: Streaming): StreamSpec {
  return {
    format: streaming.format,
    ...(streaming.itemSchema.kind === 'string' ? { data: 'text' as const } : {}),
    ...(streaming.selector ? { selector: streaming.selector } : {}),
  };
}

/** The item type of a stream: a `$ref` keeps its name, an inline schema gets `<Response>StreamItem`. */
export function streamItemType(
  op: Operation,
  streaming: Streaming,
  ctx: FileContext,
  out: { declarations: TypeDeclarationView[]; exported: string[] },
): TypeView {
  const schema: Schema = streaming.itemSchema;
  if (schema.kind === 'string') return keyword('string');
  if (schema.kind === 'ref' && !schema.nullable) return typeView(schema, ctx, 'response');
  const name = `${op.typeNames.response}StreamItem`;
  out.declarations.push(declarationView(name, schema, ctx, 'response', { description: 'One item of the stream.' }));
  out.exported.push(name);
  return named(name);
}

/** The return type and overloads of a streaming method. */
export interface StreamingSignatures {
  returnType: TypeView;
  overloads: MethodSignatureView[];
}

function signatureView(name: string, args: ArgumentView[], returnType: TypeView): MethodSignatureView {
  const width = args.reduce(
    (n, a) => n + a.name.length + 3 + typeWidth(a.type),
    name.length + 4 + typeWidth(returnType),
  );
  return { name, args, returnType, multiline: width > LINE_WIDTH };
}

/**
 * Signatures of a streaming method. Always streaming: `APIPromise<Stream<Item>>`. With a selector that is
 * one of the method's params:
 *
 *     create(params: P & { stream: true }, options?): APIPromise<Stream<Item>>;
 *     create(params: P & { stream?: false | null }, options?): APIPromise<Json>;
 *     create(params: P, options?): APIPromise<Stream<Item> | Json>;
 *
 * A selector that is not a param (a header set through request options) gives the union.
 */
export function streamingSignatures(input: {
  streaming: Streaming;
  ctx: FileContext;
  methodName: string;
  args: ArgumentView[];
  itemType: TypeView;
  /** The JSON response type (inside `APIPromise<…>`), when the operation can also return JSON. */
  jsonType: TypeView | undefined;
  /** The params type, when the selector is one of its members. */
  selectorParams: string | undefined;
}): StreamingSignatures {
  const { streaming, ctx, methodName, args, itemType, jsonType } = input;
  ctx.useRuntime('Stream', 'core/streaming');
  const stream = generic('Stream', [itemType]);
  const streamReturn = generic('APIPromise', [stream]);
  if (!streaming.selector || jsonType === undefined) return { returnType: streamReturn, overloads: [] };
  const union = generic('APIPromise', [unionOf([stream, jsonType])]);
  const paramsType = input.selectorParams;
  const paramsArg = args.find((a) => a.name === 'params');
  if (!paramsType || !paramsArg) return { returnType: union, overloads: [] };

  const { name, value } = streaming.selector;
  const withParams = (type: TypeView, optional: boolean): ArgumentView[] =>
    args.map((a) =>
      a.name === 'params' ? { ...a, type, optional, defaultValue: null } : { ...a, defaultValue: null },
    );
  const pin = (type: TypeView, optional: boolean): TypeView => ({
    kind: 'intersection',
    parts: [named(paramsType), objectPin(name, type, optional)],
    grouped: false,
    breakBefore: false,
  });
  const jsonParams = value === true ? pin(unionOf([keyword('false'), keyword('null')]), true) : named(paramsType);
  const jsonArg = paramsArg.optional ? unionOf([jsonParams, keyword('null'), keyword('undefined')]) : jsonParams;
  return {
    returnType: union,
    overloads: [
      signatureView(methodName, withParams(pin(literalView(value), false), false), streamReturn),
      signatureView(methodName, withParams(jsonArg, paramsArg.optional), generic('APIPromise', [jsonType])),
      signatureView(methodName, withParams(paramsArg.type, paramsArg.optional), union),
    ],
  };
}

/** `{ stream: true }` / `{ stream?: false | null }` as an inline object type. */
function objectPin(key: string, type: TypeView, optional: boolean): TypeView {
  return {
    kind: 'object',
    members: [{ doc: { lines: [] }, key: propertyKey(key), optional, type }],
    indexSignature: null,
    multiline: false,
    grouped: false,
    breakBefore: false,
  };
}
