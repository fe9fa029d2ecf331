/**
 * The one place that talks to ts-morph. Every output file is assembled as a
 * single SourceFile structure (imports + statements rendered by templates)
 * and printed once: no node-by-node manipulation, so cost stays linear.
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

/** Prints a whole file from its header, imports and statement texts. */
export function printFile(header: string, imports: ImportSpec[], statements: string[]): string {
  const importStructures: ImportDeclarationStructure[] = [...imports]
    .filter((i) => i.namespace || (i.names && i.names.length > 0))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((i) => {
      const s: ImportDeclarationStructure = { kind: StructureKind.ImportDeclaration, moduleSpecifier: i.from, isTypeOnly: i.typeOnly ?? false };
      if (i.namespace) s.namespaceImport = i.namespace;
      else s.namedImports = [...new Set(i.names)].sort().map((name) => ({ name, isTypeOnly: i.typeNames?.includes(name) ?? false }));
      return s;
    });
  const structure: SourceFileStructure = {
    kind: StructureKind.SourceFile,
    leadingTrivia: header,
    statements: [...importStructures, ...statements],
  };
  return printStructure(structure);
}
