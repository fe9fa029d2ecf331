/**
 * The one printer of literal values in generated code: string literals,
 * property keys, and the object/array literals of spec constants and the
 * client config. Short values stay on one line; longer ones break one entry
 * per line, so output is readable without a formatter pass.
 */
import { isValidPropertyName } from '../model/naming.js';

/** Column budget of generated code. */
export const LINE_WIDTH = 120;

/** A value the literal printer can write. `undefined` entries of objects are left out. */
export type LiteralValue =
  string | number | boolean | null | undefined | readonly LiteralValue[] | { readonly [key: string]: LiteralValue };

/**
 * A string literal: single-quoted unless the text holds more single than
 * double quotes. Escapes come from `JSON.stringify`, so control characters
 * and backslashes are always safe.
 */
export function stringLiteral(text: string): string {
  const json = JSON.stringify(text);
  let singles = 0;
  let doubles = 0;
  for (const ch of text) {
    if (ch === "'") singles++;
    else if (ch === '"') doubles++;
  }
  if (singles > doubles) return json;
  let out = "'";
  for (let i = 1; i < json.length - 1; i++) {
    const ch = json[i];
    if (ch === '\\') {
      const next = json[i + 1];
      out += next === '"' ? '"' : `\\${next}`;
      i++;
    } else out += ch === "'" ? "\\'" : ch;
  }
  return `${out}'`;
}

/** A property key as written in a type: bare when it can be, quoted otherwise. */
export function propertyKey(name: string): string {
  return isValidPropertyName(name) && name !== '__proto__' ? name : stringLiteral(name);
}

/**
 * A key in an object literal expression. `__proto__` must be computed: written
 * plainly it would set the object's prototype instead of adding a key.
 */
export function literalKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : propertyKey(name);
}

function isList(value: LiteralValue): value is readonly LiteralValue[] {
  return Array.isArray(value);
}

function entriesOf(value: { readonly [key: string]: LiteralValue }): Array<[string, LiteralValue]> {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

function flat(value: LiteralValue): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value !== 'object') return String(value);
  if (isList(value)) return `[${value.map(flat).join(', ')}]`;
  const entries = entriesOf(value);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${literalKey(k)}: ${flat(v)}`).join(', ')} }`;
}

/**
 * Prints a literal that starts at `column` with `indent` spaces of block
 * indentation; `trailing` is the width of what follows it on its last line
 * (`;`, `,`). Lines after the first carry the indentation.
 */
export function printLiteral(value: LiteralValue, column = 0, indent = 0, trailing = 0): string {
  const oneLine = flat(value);
  if (value === null || typeof value !== 'object' || column + oneLine.length + trailing <= LINE_WIDTH) return oneLine;
  const inner = ' '.repeat(indent + 2);
  const lines = isList(value)
    ? value.map((v) => `${inner}${printLiteral(v, inner.length, indent + 2, 1)},`)
    : entriesOf(value).map(([k, v]) => {
        const key = `${inner}${literalKey(k)}: `;
        return `${key}${printLiteral(v, key.length, indent + 2, 1)},`;
      });
  if (lines.length === 0) return oneLine;
  const [open, close] = isList(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.join('\n')}\n${' '.repeat(indent)}${close}`;
}
