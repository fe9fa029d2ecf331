/**
 * GLOBAL_TYPE_NAMES (names a generated type must not take) covers every runtime name that a
 * generated client imports or re-exports, taken from the committed clients themselves.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { GLOBAL_TYPE_NAMES } from '../../generator/model/naming.js';
import { tsFilesUnder } from '../helpers/typecheck.js';
import { repoRoot } from '../emit/helpers.js';

const RUNTIME_FILE = /[\\/]src[\\/](core|internal)[\\/]/;

/** Runtime names used by a generated client: named imports of runtime modules, and index exports declared in the runtime. */
function runtimeNamesUsed(clientDir: string): Set<string> {
  const files = tsFilesUnder(path.join(clientDir, 'src'));
  const program = ts.createProgram(files, {
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  });
  const checker = program.getTypeChecker();
  const names = new Set<string>();
  for (const sf of program
    .getSourceFiles()
    .filter((f) => files.includes(f.fileName) && !RUNTIME_FILE.test(f.fileName))) {
    for (const st of sf.statements) {
      if (
        !ts.isImportDeclaration(st) ||
        !ts.isStringLiteral(st.moduleSpecifier) ||
        !/\/(core|internal)\//.test(st.moduleSpecifier.text)
      )
        continue;
      const bindings = st.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const el of bindings.elements) names.add((el.propertyName ?? el.name).text);
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    }
  }
  const index = program.getSourceFile(path.join(clientDir, 'src/index.ts'))!;
  for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(index)!)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (target.declarations?.some((d) => RUNTIME_FILE.test(d.getSourceFile().fileName)) && /^[A-Z]/.test(symbol.name))
      names.add(symbol.name);
  }
  return names;
}

describe('GLOBAL_TYPE_NAMES', () => {
  it.each([
    ['output/stigg', 'StiggError'],
    ['test/__snapshots__/constructs', 'ConstructsError'],
  ])(
    'covers every runtime name %s imports or re-exports',
    (client, errorBase) => {
      const used = [...runtimeNamesUsed(path.join(repoRoot, client))].filter((n) => n !== errorBase).sort();
      expect(used.length).toBeGreaterThan(20);
      // Page classes re-exported under a configured name (`MyCursorIDPage`) are reserved by the config instead.
      const config = JSON.parse(readFileSync(path.join(repoRoot, 'specs/stigg/apiforge.config.json'), 'utf8')) as {
        pageClassNames?: Record<string, string>;
      };
      const configured = new Set(Object.values(config.pageClassNames ?? {}));
      expect(used.filter((n) => !GLOBAL_TYPE_NAMES.has(n) && !configured.has(n))).toEqual([]);
    },
    60_000,
  );
});
