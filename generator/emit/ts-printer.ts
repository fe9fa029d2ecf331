/**
 * Assembles each output file from its header, imports (sorted and de-duplicated) and the statements the
 * templates rendered, already indented: nothing scans the statements again.
 *
 * The layout is the one ts-morph's structure printer produced when apiforge used it for this; printing the
 * few shapes an import takes directly spares loading the TypeScript compiler and scanning every character.
 */

/** One import declaration of a generated file. */
export interface ImportSpec {
  /** Module specifier, e.g. `../core/client.js`. */
  from: string;
  /** Named imports (sorted on print). */
  names?: string[];
  /** `import * as ns from …`. */
  namespace?: string;
  typeOnly?: boolean;
  /** Names imported with an inline `type` modifier (`import { BaseClient, type ClientOptions }`). */
  typeNames?: string[];
}

/** What is printed of a file before its statements: they stand as numbered placeholders. */
export interface FileSkeleton {
  header: string;
  imports: ImportSpec[];
  statementCount: number;
  /** A blank line between statements (declarations), else one statement per line (index files). */
  spaced: boolean;
}

/** Prints the files of a client. */
export interface FilePrinter {
  print(header: string, imports: ImportSpec[], statements: string[], spaced?: boolean): string;
}

/** Import lines longer than this are broken one name per line. */
const IMPORT_LINE_WIDTH = 120;

/**
 * Prints a skeleton: the header on its own line(s), imports sorted by module then name, placeholders
 * `$statement<i>$` where the statements go. The layout is ts-morph's (test/emit/ts-printer.test.ts pins it):
 * a blank line after the imports, between statements when `spaced`, and a final newline.
 */
export function printSkeleton({ header, imports, statementCount, spaced }: FileSkeleton): string {
  return layout(
    header,
    imports,
    Array.from({ length: statementCount }, (_, i) => `$statement${i}$`),
    spaced,
  );
}

function layout(header: string, imports: ImportSpec[], statements: string[], spaced: boolean): string {
  let head = header.replace(/\r\n/g, '\n');
  if (head !== '' && !head.endsWith('\n')) head += '\n';
  const printed = imports
    .filter((i) => i.namespace || (i.names && i.names.length > 0))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const i of printed) head += `${importLine(i)}\n`;
  let out = wrapLongImports(head);
  statements.forEach((text, n) => {
    if ((n === 0 && printed.length > 0) || (n > 0 && spaced)) out += '\n';
    out += `${text}\n`;
  });
  return out;
}

/** `import type { A, type B } from './x.js';` or `import * as ns from './x.js';`. */
function importLine(i: ImportSpec): string {
  const head = i.typeOnly ? 'import type ' : 'import ';
  const from = ` from '${quoted(i.from)}';`;
  if (i.namespace) return `${head}* as ${i.namespace}${from}`;
  const names = [...new Set(i.names)].sort().map((name) => (i.typeNames?.includes(name) ? `type ${name}` : name));
  return `${head}{ ${names.join(', ')} }${from}`;
}

/** Escapes a module specifier for a single-quoted string literal. */
function quoted(text: string): string {
  if (!/[\\'\r\n]/.test(text)) return text;
  return text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/(\r?\n)/g, '\\$1');
}

/** Statement texts as they go into a file: without trailing blank lines. */
function statementTexts(statements: string[]): string[] {
  return statements.map((s) => {
    let end = s.length;
    while (end > 0 && s.charCodeAt(end - 1) === 10) end--;
    return end === s.length ? s : s.slice(0, end);
  });
}

/**
 * `import { A, B } from 'x';` past the line width becomes one name per line, as prettier lays out a list that
 * does not fit. Unlike prettier, which leaves a single name on its line however long, one name is wrapped too:
 * no import line passes the width.
 */
export function wrapLongImports(printed: string): string {
  const namedImport = /^(import (?:type )?)\{ (.+) \}( from '[^']*';)$/gm;
  return printed.replace(namedImport, (line: string, head: string, names: string, tail: string) => {
    if (line.length <= IMPORT_LINE_WIDTH) return line;
    return `${head}{\n${names
      .split(', ')
      .map((name) => `  ${name},\n`)
      .join('')}}${tail}`;
  });
}

/**
 * Prints a whole file from its header, imports and statement texts;
 * `spaced` puts a blank line between statements (declarations), else one
 * statement per line (index files).
 */
export function printFile(header: string, imports: ImportSpec[], statements: string[], spaced = true): string {
  return layout(header, imports, statementTexts(statements), spaced);
}

/** The printer a run uses. */
export const inlinePrinter: FilePrinter = { print: printFile };
