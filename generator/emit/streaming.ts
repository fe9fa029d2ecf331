/**
 * The emit side of streaming, kept in one place so that it can be re-applied to a different
 * printing path: the `stream` field of the OperationSpec literal, and the method signatures of
 * a streaming operation (one, or overloads when a selector parameter chooses JSON or a stream).
 */
import type { Streaming } from '../model/types.js';
import type { FileContext } from './file-context.js';
import { propertyKey } from './type-expr.js';
import type { ArgumentView } from './view-model.js';

/** The `stream` entry of the OperationSpec literal. */
export function streamSpecEntry(streaming: Streaming): string {
  const spec: Record<string, unknown> = { format: streaming.format };
  if (streaming.itemSchema.kind === 'string') spec['data'] = 'text';
  if (streaming.selector) spec['selector'] = streaming.selector;
  return `stream: ${JSON.stringify(spec)}`;
}

export interface StreamingSignatures {
  /** Return type of the implementation signature. */
  returnType: string;
  /** Overload signatures printed before the implementation (without `;`), or none. */
  overloads: string[];
}

function signature(name: string, args: readonly ArgumentView[], returnType: string): string {
  const list = args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`);
  return `${name}(${list.join(', ')}): ${returnType}`;
}

/**
 * Signatures of a streaming method. Always streaming: `APIPromise<Stream<Item>>`. With a
 * selector that is one of the method's params:
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
  args: readonly ArgumentView[];
  itemType: string;
  /** The JSON response type (`APIPromise<...>`), when the operation can also return JSON. */
  jsonReturn: string | undefined;
  /** Whether `params` carries the selector as a member. */
  selectorIsParam: boolean;
  paramsType: string | undefined;
}): StreamingSignatures {
  const { streaming, ctx, methodName, args, itemType, jsonReturn, paramsType } = input;
  ctx.useRuntime('Stream', 'core/streaming');
  const streamReturn = `APIPromise<Stream<${itemType}>>`;
  if (!streaming.selector || jsonReturn === undefined) return { returnType: streamReturn, overloads: [] };
  const jsonType = jsonReturn.replace(/^APIPromise<([\s\S]*)>$/, '$1');
  const union = `APIPromise<Stream<${itemType}> | ${jsonType}>`;
  if (!input.selectorIsParam || !paramsType) return { returnType: union, overloads: [] };

  const { name, value } = streaming.selector;
  const key = propertyKey(name);
  const withParams = (type: string, optional: boolean): ArgumentView[] =>
    args.map((a) =>
      a.name === 'params' ? { ...a, type, optional, defaultValue: null } : { ...a, defaultValue: null },
    );
  const paramsArg = args.find((a) => a.name === 'params');
  const base = paramsType;
  const streamingArgs = withParams(`${base} & { ${key}: ${JSON.stringify(value)} }`, false);
  const jsonParams = value === true ? `${base} & { ${key}?: false | null }` : base;
  const jsonArgs = withParams(
    paramsArg?.optional ? `(${jsonParams}) | null | undefined` : jsonParams,
    paramsArg?.optional ?? false,
  );
  const eitherArgs = withParams(paramsArg?.type ?? base, paramsArg?.optional ?? false);
  return {
    returnType: union,
    overloads: [
      signature(methodName, streamingArgs, streamReturn),
      signature(methodName, jsonArgs, jsonReturn),
      signature(methodName, eitherArgs, union),
    ],
  };
}
