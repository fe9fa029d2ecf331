import type { SchemaDocs } from '../model/types.js';

const NEEDS_ESCAPE = /[\r\u2028\u2029]|\*\/|\/\*/;

/**
 * Makes spec text safe inside a `/** … *\/` block: it can never close the
 * comment, and line separators that some parsers treat as newlines are folded.
 */
export function escapeDocText(text: string): string {
  // Most text needs none of the replacements: one scan instead of four.
  if (!NEEDS_ESCAPE.test(text)) return text.trim();
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .trim();
}

/**
 * JSDoc lines for a schema or member, from title/description/default/example/format/deprecated, after
 * `prefix` (given apart so that a caller need not copy a whole schema to add one).
 */
export function docLines(docs: SchemaDocs & { prefix?: string }, prefix = docs.prefix): string[] {
  // Most members have no documentation at all.
  if (
    !docs.title &&
    !docs.description &&
    !prefix &&
    !docs.format &&
    docs.default === undefined &&
    docs.example === undefined &&
    !docs.deprecated
  )
    return [];
  const lines: string[] = [];
  const main = [
    docs.title && docs.description && !docs.description.startsWith(docs.title) ? docs.title : undefined,
    docs.description ?? (docs.description === undefined ? docs.title : undefined),
  ]
    .filter((x): x is string => Boolean(x))
    .join('\n\n');
  if (main || prefix) lines.push(...escapeDocText(`${prefix ?? ''}${main}`).split('\n'));
  const tag = (name: string, value: unknown): void => {
    if (value === undefined) return;
    const text = typeof value === 'string' && name === 'format' ? value : JSON.stringify(value);
    if (text === undefined || text.length > 200) return;
    lines.push(`@${name} ${escapeDocText(text).replace(/\n/g, ' ')}`);
  };
  if (docs.format) tag('format', docs.format);
  tag('default', docs.default);
  tag('example', docs.example);
  if (docs.deprecated) lines.push('@deprecated');
  return lines;
}
