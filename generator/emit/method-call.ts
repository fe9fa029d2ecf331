/**
 * How a method prints its call to the client: the call's explicit type arguments, and the widths that decide
 * where a signature or a call breaks over lines (the columns the built-in `partials/method` produces).
 */
import type { Operation } from '../model/types.js';
import { typeWidth } from './type-layout.js';
import { flatText } from './type-views.js';
import type { ArgumentView, MethodSignatureView, TypeView } from './view-model.js';

/** Width of `  name(a: A, b: B): R {` on one line. */
export function signatureWidth(name: string, args: ArgumentView[], returns: TypeView): number {
  const argWidth = args.reduce(
    (n, a) =>
      n +
      a.name.length +
      (a.optional && !a.defaultValue ? 1 : 0) +
      2 +
      typeWidth(a.type) +
      (a.defaultValue ? a.defaultValue.length + 3 : 0),
    0,
  );
  return 2 + name.length + 2 + argWidth + 2 * Math.max(0, args.length - 1) + 2 + typeWidth(returns) + 2;
}

/** Width of `    return this._client._request<T>(spec, pagination, params, options);`. */
export function callWidth(op: Operation, specConst: string, paramsExpr: string, typeArguments: string | null): number {
  const call = `${op.pagination ? '_requestPage' : '_request'}${typeArguments ? `<${typeArguments}>` : ''}`;
  const args = [specConst, ...(op.pagination ? [`${specConst}Pagination`] : []), paramsExpr, 'options'];
  return `    return this._client.${call}(${args.join(', ')});`.length;
}

/**
 * The client call's type arguments, read off the declared return type: `T` of `APIPromise<T>`, `Item, Page` of
 * `PagePromise<Page, Item>`. Spelled out, tsc checks each call against them instead of inferring them from the
 * return type, which was a good part of the cost of checking a resource file. None (inference) for overloaded
 * streaming methods and for inline object types, which would only be printed twice.
 */
export function callTypeArguments(returns: TypeView, overloads: MethodSignatureView[]): string[] {
  if (overloads.length > 0 || returns.kind !== 'generic') return [];
  if (returns.args.some((arg) => flatText(arg).includes('{'))) return [];
  const args = returns.args.map(flatText);
  if (returns.name === 'APIPromise' && args.length === 1) return [args[0]!];
  if (returns.name === 'PagePromise' && args.length === 2) return [args[1]!, args[0]!];
  return [];
}
