/**
 * Building blocks of type-expression trees ({@link TypeView}): keywords, names, generics, literals, unions, and
 * the flat text of a tree (for keys and widths). `type-expr.ts` builds trees from schemas with them.
 */
import type { JsonValue } from '../model/types.js';
import { stringLiteral } from './literal.js';
import type { TypeView } from './view-model.js';

// Spelled out in each literal rather than spread from a shared object: a spread after other keys makes
// V8 copy property by property, about 3x slower for the many small views a large spec creates.

/** A keyword such as `string`, `unknown`, `never` or `{}`. */
export const keyword = (text: string): TypeView => ({
  kind: 'name',
  nameKind: 'keyword',
  text,
  grouped: false,
  breakBefore: false,
});
/** A named type, e.g. a model or a runtime class. */
export const named = (text: string): TypeView => ({
  kind: 'name',
  nameKind: 'ref',
  text,
  grouped: false,
  breakBefore: false,
});
/** `Name<Args>`. */
export const generic = (name: string, args: TypeView[]): TypeView => ({
  kind: 'generic',
  name,
  args,
  grouped: false,
  breakBefore: false,
});

export const isUnknown = (v: TypeView): boolean =>
  v.kind === 'name' && v.nameKind === 'keyword' && v.text === 'unknown';

/** A JSON value as a literal type; objects and arrays have no literal type and widen to `unknown`. */
export function literalView(value: JsonValue): TypeView {
  if (typeof value === 'string')
    return { kind: 'name', nameKind: 'literal', text: stringLiteral(value), grouped: false, breakBefore: false };
  if (typeof value === 'number' || typeof value === 'boolean')
    return { kind: 'name', nameKind: 'literal', text: String(value), grouped: false, breakBefore: false };
  return keyword(value === null ? 'null' : 'unknown');
}

/**
 * Text of a tree on one line. Used only to compare trees (duplicate union
 * variants) and to measure widths for line breaking; output goes through templates.
 */
export function flatText(v: TypeView): string {
  const text = ((): string => {
    switch (v.kind) {
      case 'name':
        return v.text;
      case 'union':
        return v.variants.map(flatText).join(' | ');
      case 'intersection':
        return v.parts.map(flatText).join(' & ');
      case 'array':
        return `${flatText(v.element)}[]`;
      case 'tuple':
        return `[${[...v.elements.map(flatText), ...(v.rest ? [`...${flatText(v.rest)}[]`] : [])].join(', ')}]`;
      case 'generic':
        return `${v.name}<${v.args.map(flatText).join(', ')}>`;
      case 'object': {
        const members = v.members.map((m) => `${m.key}${m.optional ? '?' : ''}: ${flatText(m.type)};`);
        if (v.indexSignature) members.push(`[key: string]: ${flatText(v.indexSignature)};`);
        return `{ ${members.join(' ')} }`;
      }
    }
  })();
  return v.grouped ? `(${text})` : text;
}

/** Marks a child that would bind wrongly without parentheses. */
export function group(v: TypeView, when: ReadonlyArray<TypeView['kind']>): TypeView {
  return when.includes(v.kind) ? { ...v, grouped: true } : v;
}

/** A union of views: nested unions flattened, duplicates merged, `unknown` absorbing everything, one variant bare. */
export function unionOf(views: TypeView[]): TypeView {
  const seen = new Map<string, TypeView>();
  // Nested ungrouped unions are walked in place (no flattened copy): the first `unknown` met wins.
  const add = (v: TypeView): boolean => {
    if (isUnknown(v)) return true;
    const key = flatText(v);
    if (!seen.has(key)) seen.set(key, v);
    return false;
  };
  for (const x of views) {
    if (x.kind !== 'union' || x.grouped) {
      if (add(x)) return x;
    } else for (const v of x.variants) if (add(v)) return v;
  }
  const variants = [...seen.values()].map((v) => group(v, ['intersection']));
  if (variants.length === 0) return keyword('never');
  if (variants.length === 1) return { ...variants[0]!, grouped: false };
  return { kind: 'union', variants, grouped: false, breakBefore: false };
}
