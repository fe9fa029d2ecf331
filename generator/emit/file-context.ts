import path from 'node:path';
import type { ImportSpec } from './ts-printer.js';
import type { TypeMode, TypeScope } from './type-expr.js';
import { pushTo } from '../util/multimap.js';

/** Where each named type lives, and its request/response variants. */
export interface TypeIndex {
  /** Type name for a schema key in a mode (`Input` variant in request mode when one exists). */
  nameOf(key: string, mode: TypeMode): string;
  /** Output path (e.g. `src/models/Pet.ts`) of the file declaring a type name. */
  fileOf(typeName: string): string | undefined;
}

/**
 * Specifiers already computed (the files of one folder import the same models): folder -> target -> specifier.
 * Two levels rather than one joined key: a joined key is a new string to hash on every lookup.
 */
const specifiers = new Map<string, Map<string, string>>();
let specifierCount = 0;

function relativeSpecifier(dir: string, target: string): string {
  let byTarget = specifiers.get(dir);
  if (byTarget === undefined) specifiers.set(dir, (byTarget = new Map()));
  let rel = byTarget.get(target);
  if (rel === undefined) {
    rel = path.posix.relative(dir, target.replace(/\.ts$/, ''));
    if (!rel.startsWith('.')) rel = `./${rel}`;
    rel = `${rel}.js`;
    if (++specifierCount > 100_000) {
      specifiers.clear();
      specifierCount = 0;
    }
    byTarget.set(target, rel);
  }
  return rel;
}

/**
 * Per-file state while rendering: which named types and runtime names the
 * file uses, turned into import declarations at the end.
 */
export class FileContext implements TypeScope {
  private readonly types = new Set<string>();
  /** Runtime module -> name -> whether only its type is used. */
  private readonly runtime = new Map<string, Map<string, boolean>>();
  private readonly extra: ImportSpec[] = [];
  private readonly dir: string;

  constructor(
    /** Output path of this file, e.g. `src/resources/v1/customers.ts`. */
    readonly filePath: string,
    private readonly index: TypeIndex,
  ) {
    this.dir = path.posix.dirname(filePath);
  }

  nameOf(key: string, mode: TypeMode): string {
    return this.index.nameOf(key, mode);
  }

  use(typeName: string): void {
    this.types.add(typeName);
  }

  /** Imports `name` from a runtime module; `asValue` for classes the file extends or instantiates. */
  useRuntime(name: string, module = 'core/uploads', asValue = false): void {
    const names = this.runtime.get(module) ?? new Map<string, boolean>();
    names.set(name, !asValue && (names.get(name) ?? true));
    this.runtime.set(module, names);
  }

  addImport(spec: ImportSpec): void {
    this.extra.push(spec);
  }

  /** Relative module specifier from this file to another output path (without extension). */
  relative(target: string): string {
    return relativeSpecifier(this.dir, target);
  }

  /**
   * Import declarations for what the file used. `typesOnly` keeps only type
   * imports a types-only package can satisfy (models and `core/uploads`).
   */
  imports(declaredHere: ReadonlySet<string>, typesOnly = false): ImportSpec[] {
    const byFile = new Map<string, string[]>();
    for (const t of this.types) {
      if (declaredHere.has(t)) continue;
      const file = this.index.fileOf(t);
      if (!file || file === this.filePath) continue;
      pushTo(byFile, file, t);
    }
    const out: ImportSpec[] = [...byFile].map(([file, names]) => ({
      from: this.relative(file),
      names,
      typeOnly: true,
    }));
    for (const [module, names] of this.runtime) {
      if (typesOnly && module !== 'core/uploads') continue;
      const typeNames = [...names].filter(([, typeOnly]) => typeOnly).map(([name]) => name);
      const typeOnly = typeNames.length === names.size;
      out.push({
        from: this.relative(`src/${module}.ts`),
        names: [...names.keys()],
        typeOnly,
        ...(typeOnly ? {} : { typeNames }),
      });
    }
    return typesOnly ? out : [...out, ...this.extra];
  }
}
