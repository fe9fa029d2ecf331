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
 */
import { printStructure, StructureKind, type ImportDeclarationStructure, type SourceFileStructure } from 'ts-morph';

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

const PLACEHOLDER = /^\$statement(\d+)\$$/gm;

/**
 * Prints a whole file from its header, imports and statement texts;
 * `spaced` puts a blank line between statements (declarations), else one
 * statement per line (index files).
 */
export function printFile(header: string, imports: ImportSpec[], statements: string[], spaced = true): string {
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
  const texts = statements.map((s) => s.replace(/\n+$/, ''));
  const structure: SourceFileStructure = {
    kind: StructureKind.SourceFile,
    leadingTrivia: header,
    statements: [
      ...importStructures,
      ...texts.map(
        (_, i) => `${(i === 0 && importStructures.length > 0) || (i > 0 && spaced) ? '\n' : ''}$statement${i}$`,
      ),
    ],
  };
  const printed = printStructure(structure, { indentNumberOfSpaces: 2, useSingleQuote: true });
  return printed.replace(PLACEHOLDER, (_, i: string) => texts[Number(i)] ?? '');
}
