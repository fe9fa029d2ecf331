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
 * Per-file state while rendering: which named types and runtime names the
 * file uses, turned into import declarations at the end.
 */
export class FileContext implements TypeScope {
  private readonly types = new Set<string>();
  private readonly runtime = new Map<string, Set<string>>();
  private readonly extra: ImportSpec[] = [];

  constructor(
    /** Output path of this file, e.g. `src/resources/v1/customers.ts`. */
    readonly filePath: string,
    private readonly index: TypeIndex,
  ) {}

  nameOf(key: string, mode: TypeMode): string {
    return this.index.nameOf(key, mode);
  }

  use(typeName: string): void {
    this.types.add(typeName);
  }

  useRuntime(name: string, module = 'core/uploads'): void {
    const set = this.runtime.get(module) ?? new Set<string>();
    set.add(name);
    this.runtime.set(module, set);
  }

  addImport(spec: ImportSpec): void {
    this.extra.push(spec);
  }

  /** Relative module specifier from this file to another output path (without extension). */
  relative(target: string): string {
    let rel = path.posix.relative(path.posix.dirname(this.filePath), target.replace(/\.ts$/, ''));
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${rel}.js`;
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
    const out: ImportSpec[] = [...byFile].map(([file, names]) => ({ from: this.relative(file), names, typeOnly: true }));
    for (const [module, names] of this.runtime) {
      if (typesOnly && module !== 'core/uploads') continue;
      out.push({ from: this.relative(`src/${module}.ts`), names: [...names], typeOnly: module !== 'core/resource' && module !== 'core/client' });
    }
    return typesOnly ? out : [...out, ...this.extra];
  }
}
