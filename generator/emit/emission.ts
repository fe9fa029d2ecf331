/**
 * The state one client's emission shares across its files: names, the type index, the rendered
 * header, the files printed so far, and each resource's namespace (settled children first).
 */
import { ERROR_CLASSES } from '../../runtime/src/core/contract.js';
import type { ClientSettings } from '../config/types.js';
import { GLOBAL_TYPE_NAMES, NameAllocator } from '../model/naming.js';
import type { ApiModel, NamedSchema, Resource } from '../model/types.js';
import type { GeneratedFile } from '../write/types.js';
import { clientName } from './client-config.js';
import type { FileContext, TypeIndex } from './file-context.js';
import { mentionsUploads } from './index-exports.js';
import { namespaceView, ownNames, type ChildNamespace, type LocalName } from './namespaces.js';
import { allResources, assignClassNames, type ResourceFilePlan } from './resources.js';
import { errorBaseName } from './runtime-files.js';
import type { TemplateEngine } from './template-engine.js';
import type { FilePrinter, ImportSpec } from './ts-printer.js';
import { hasDirectionalMembers } from './type-expr.js';
import type { ConstantView, ExportNameView, ExportView, NamespaceView, TypeDeclarationView } from './view-model.js';

export class Emission {
  readonly name: string;
  readonly typesOnly: boolean;
  readonly header: string;
  readonly index: TypeIndex;
  /** Schema key → the name of its request (`…Input`) variant, where it differs. */
  readonly inputs: Map<string, string>;
  /** Resource path → its class name. */
  readonly classNames: Map<string, string>;
  readonly register: (name: string, file: string) => void;
  readonly files: GeneratedFile[] = [];
  /** Whether a printed file refers to the uploads module (a types-only package then ships it). */
  usesUploads = false;
  private readonly ownByPath = new Map<string, LocalName[]>();
  private readonly resourceByPath: Map<string, Resource>;

  constructor(
    readonly model: ApiModel,
    readonly settings: ClientSettings,
    readonly engine: TemplateEngine,
    private readonly printer: FilePrinter,
  ) {
    this.name = clientName(model, settings);
    this.typesOnly = settings.emit === 'types';
    this.header = engine.render('partials/file-header', { generator: 'apiforge', title: model.title });
    const built = buildIndex(model, [...GLOBAL_TYPE_NAMES, this.name, errorBaseName(this.name), ...ERROR_CLASSES]);
    this.index = built.index;
    this.inputs = built.inputs;
    this.classNames = built.classNames;
    this.register = built.register;
    this.resourceByPath = new Map([model.root, ...allResources(model.root)].map((r) => [r.path.join('.'), r]));
  }

  print(path: string, imports: ImportSpec[], statements: string[], spaced = true): void {
    this.usesUploads ||= mentionsUploads(imports, statements);
    this.files.push({ path, content: this.printer.print(this.header, imports, statements, spaced) });
  }

  /** A declarations file: its imports are what `ctx` saw used, less what it declares itself. */
  emitTs(path: string, ctx: FileContext, declared: Set<string>, statements: string[]): void {
    this.print(path, ctx.imports(declared, this.typesOnly), statements);
  }

  /** An index file of export statements (`export {};` when there is nothing to export). */
  emitExports(path: string, exports: ExportView[]): void {
    const statements = exports.map((e) => this.engine.render('partials/export', e));
    this.print(path, [], statements.length > 0 ? statements : ['export {};\n'], false);
  }

  render(d: TypeDeclarationView): string {
    return this.engine.render('partials/type-declaration', d);
  }

  renderConstant(c: ConstantView): string {
    return this.engine.render('partials/constant', c);
  }

  renderNamespace(view: NamespaceView | null): string[] {
    return view ? [this.engine.render('partials/namespace', view)] : [];
  }

  /** Records the names a resource's file exports, for its own and its parent's namespace. */
  own(plan: ResourceFilePlan, resource: Resource): void {
    this.ownByPath.set(plan.resourcePath, ownNames(resource, plan.exported, this.model));
  }

  /** Settles a resource's namespace; call it for children before their parent. */
  namespaceOf(plan: ResourceFilePlan, extra: ExportNameView[] = []): NamespaceView | null {
    const own = this.ownByPath.get(plan.resourcePath) ?? [];
    // Models placed on this resource are re-exported from its file, so the file imports them.
    for (const n of own) if (!plan.exported.includes(n.global)) plan.ctx.use(n.global);
    const children: ChildNamespace[] = (this.resourceByPath.get(plan.resourcePath)?.children ?? []).map((c) => ({
      module: `_${c.name}`,
      className: this.classNames.get(c.path.join('.')) ?? c.name,
      own: this.ownByPath.get(c.path.join('.')) ?? [],
    }));
    const settled = namespaceView(plan.className, own, children, extra);
    this.ownByPath.set(plan.resourcePath, settled.own);
    return settled.view;
  }
}

/** Builds the name index: every named type, its request (`Input`) variant when it differs, and its file. */
function buildIndex(
  model: ApiModel,
  reserved: string[],
): {
  index: TypeIndex;
  inputs: Map<string, string>;
  register: (name: string, file: string) => void;
  lookup: (key: string) => NamedSchema | undefined;
  classNames: Map<string, string>;
} {
  const byKey = new Map(model.schemas.map((s) => [s.key, s]));
  const lookup = (key: string): NamedSchema | undefined => byKey.get(key);
  const files = new Map<string, string>();
  const taken = new NameAllocator([
    ...reserved,
    ...model.schemas.map((s) => s.typeName),
    ...model.operations.flatMap((o) => [o.typeNames.params, o.typeNames.response, o.typeNames.page]),
  ]);
  const inputs = new Map<string, string>();
  for (const s of model.schemas) {
    files.set(s.typeName, `src/models/${s.typeName}.ts`);
    for (const a of s.aliases ?? []) files.set(a.name, `src/models/${s.typeName}.ts`);
    if (hasDirectionalMembers(s.schema, lookup)) {
      const input = taken.claim(`${s.typeName}Input`);
      inputs.set(s.key, input);
      files.set(input, `src/models/${s.typeName}.ts`);
    }
  }
  const classNames = assignClassNames(model.root, taken);
  const index: TypeIndex = {
    nameOf: (key, mode) => (mode === 'request' ? inputs.get(key) : undefined) ?? byKey.get(key)?.typeName ?? 'unknown',
    fileOf: (name) => files.get(name),
  };
  return { index, inputs, register: (name, file) => files.set(name, file), lookup, classNames };
}
