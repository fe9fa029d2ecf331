/**
 * Line breaking for type trees, decided before templates print them: a
 * union that would run past {@link LINE_WIDTH} (or holds several multi-line
 * objects) is printed one variant per line. Columns are those the built-in
 * templates produce; an override that prints differently still gets valid code.
 */
import { LINE_WIDTH } from './literal.js';
import type { MemberView, TypeView } from './view-model.js';

/** Width of a tree on its first line; a multi-line object counts as its braces. */
export function typeWidth(v: TypeView): number {
  const paren = v.grouped ? 2 : 0;
  const sum = (list: TypeView[], sep: number): number =>
    list.reduce((n, x) => n + typeWidth(x), 0) + sep * Math.max(0, list.length - 1);
  switch (v.kind) {
    case 'name':
      return paren + v.text.length;
    case 'union':
      return paren + sum(v.variants, 3);
    case 'intersection':
      return paren + sum(v.parts, 3);
    case 'array':
      return paren + typeWidth(v.element) + 2;
    case 'tuple':
      return paren + 2 + sum(v.elements, 2) + (v.rest ? typeWidth(v.rest) + 5 + (v.elements.length > 0 ? 2 : 0) : 0);
    case 'generic':
      return paren + v.name.length + 2 + sum(v.args, 2);
    case 'object':
      return paren + (v.multiline ? 2 : 4 + v.members.reduce((n, m) => n + memberWidth(m) + 1, 0));
  }
}

function memberWidth(m: MemberView): number {
  return m.key.length + (m.optional ? 1 : 0) + 2 + typeWidth(m.type) + 1;
}

/**
 * Sets `breakBefore` on the unions of a tree that starts at `column` on a
 * line indented by `indent`, followed by `trailing` characters (`;`).
 * Only holders that can start a type on the next line (members, aliases,
 * index signatures) pass `canBreak`.
 */
export function layoutType(v: TypeView, column: number, indent: number, trailing: number, canBreak: boolean): void {
  switch (v.kind) {
    case 'union': {
      const tall = v.variants.filter(spansLines).length;
      v.breakBefore = canBreak && (tall >= 2 || column + typeWidth(v) + trailing > LINE_WIDTH);
      // A broken union prints `| ` variants at indent + 2, their own lines indented to the variant's column.
      for (const x of v.variants)
        layoutType(x, v.breakBefore ? indent + 4 : column, v.breakBefore ? indent + 4 : indent, 0, false);
      return;
    }
    case 'object':
      if (v.multiline) for (const m of v.members) layoutMember(m, indent + 2);
      if (v.indexSignature)
        layoutType(v.indexSignature, indent + 2 + '[key: string]: '.length, indent + 2, 1, v.multiline);
      return;
    case 'array':
      // `(\n  | a\n  | b\n)[]`: a long grouped union breaks inside its parentheses.
      layoutType(v.element, column, indent, trailing + 2, canBreak && v.element.grouped);
      return;
    case 'tuple':
      for (const x of [...v.elements, ...(v.rest ? [v.rest] : [])]) layoutType(x, column, indent, 0, false);
      return;
    case 'intersection':
      for (const x of v.parts) layoutType(x, column, indent, 0, false);
      return;
    case 'generic':
      for (const x of v.args) layoutType(x, column, indent, 0, false);
      return;
    default:
      return;
  }
}

/** Whether a tree prints over several lines (it holds a multi-line object). */
export function spansLines(v: TypeView): boolean {
  switch (v.kind) {
    case 'object':
      return v.multiline;
    case 'union':
      return v.variants.some(spansLines);
    case 'intersection':
      return v.parts.some(spansLines);
    case 'array':
      return spansLines(v.element);
    case 'tuple':
      return v.elements.some(spansLines) || (v.rest !== null && spansLines(v.rest));
    case 'generic':
      return v.args.some(spansLines);
    default:
      return false;
  }
}

/** Lays out a member printed at `indent` (`key?: type;`). */
export function layoutMember(m: MemberView, indent: number): void {
  layoutType(m.type, indent + m.key.length + (m.optional ? 1 : 0) + 2, indent, 1, true);
}
