/**
 * The one place that talks to ts-morph. Every output file is assembled as a
 * single SourceFile structure (its imports, then the statements templates
 * rendered) and printed once: no node-by-node manipulation, so cost stays linear.
 *
 * ts-morph's writer scans every character it writes (to track strings and
 * comments for indentation). Statement texts come out of the templates
 * already indented, so the structure carries a short placeholder per
 * statement and the texts are put in place after printing: the file layout
 * (import order, blank lines between statements) is still ts-morph's.
 *
 * That split also lets the printing happen in another thread (print-pool.ts):
 * only the skeleton (header, imports, statement count) travels there.
 */
import type { ImportDeclarationStructure, SourceFileStructure } from 'ts-morph';
import { loadTsMorph } from '../util/ts-morph.js';

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

/** What ts-morph prints of a file: everything but the statement texts, which stand as numbered placeholders. */
export interface FileSkeleton {
  header: string;
  imports: ImportSpec[];
  statementCount: number;
  /** A blank line between statements (declarations), else one statement per line (index files). */
  spaced: boolean;
}

/** Prints the files of a client; the worker-backed printer returns a stand-in that is filled later. */
export interface FilePrinter {
  print(header: string, imports: ImportSpec[], statements: string[], spaced?: boolean): string;
}

/** Import lines longer than this are broken one name per line. */
const IMPORT_LINE_WIDTH = 120;

const PLACEHOLDER = /^\$statement(\d+)\$$/gm;

/** Prints a skeleton with ts-morph: imports sorted, placeholders `$statement<i>$` where the statements go. */
export function printSkeleton({ header, imports, statementCount, spaced }: FileSkeleton): string {
  const { printStructure, StructureKind } = loadTsMorph();
  const importStructures: ImportDeclarationStructure[] = [...imports]
    .filter((i) => i.namespace || (i.names && i.names.length > 0))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((i) => {
      const s: ImportDeclarationStructure = {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: i.from,
        isTypeOnly: i.typeOnly ?? false,
      };
      if (i.namespace) s.namespaceImport = i.namespace;
      else
        s.namedImports = [...new Set(i.names)]
          .sort()
          .map((name) => ({ name, isTypeOnly: i.typeNames?.includes(name) ?? false }));
      return s;
    });
  const structure: SourceFileStructure = {
    kind: StructureKind.SourceFile,
    leadingTrivia: header,
    statements: [
      ...importStructures,
      ...Array.from(
        { length: statementCount },
        (_, i) => `${(i === 0 && importStructures.length > 0) || (i > 0 && spaced) ? '\n' : ''}$statement${i}$`,
      ),
    ],
  };
  return wrapLongImports(printStructure(structure, { indentNumberOfSpaces: 2, useSingleQuote: true }));
}

/** Statement texts as they go into a file: without trailing blank lines. */
export function statementTexts(statements: string[]): string[] {
  return statements.map((s) => s.replace(/\n+$/, ''));
}

/** Puts the statement texts in place of a printed skeleton's placeholders. */
export function fillStatements(printed: string, texts: string[]): string {
  return printed.replace(PLACEHOLDER, (_, i: string) => texts[Number(i)] ?? '');
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
 * Prints a whole file from its header, imports and statement texts in this thread;
 * `spaced` puts a blank line between statements (declarations), else one
 * statement per line (index files).
 */
export function printFile(header: string, imports: ImportSpec[], statements: string[], spaced = true): string {
  const texts = statementTexts(statements);
  return fillStatements(printSkeleton({ header, imports, statementCount: texts.length, spaced }), texts);
}

/** Prints in this thread, loading ts-morph on first use. */
export const inlinePrinter: FilePrinter = { print: printFile };
