import { BODILESS_ERROR_CLASSES, ERROR_CLASSES, errorClassForStatus } from '../../runtime/src/core/contract.js';
import type { ClientSettings } from '../config/types.js';
import { GLOBAL_TYPE_NAMES, NameAllocator } from '../model/naming.js';
import type { ApiModel, NamedSchema } from '../model/types.js';
import type { GeneratedFile } from '../write/types.js';
import { clientConfigValue, clientName } from './client-config.js';
import { declarationView } from './declarations.js';
import { docLines } from './docs.js';
import { FileContext, type TypeIndex } from './file-context.js';
import { namespaceView, ownNames, type ChildNamespace, type LocalName } from './namespaces.js';
import { pageShapeDeclarations } from './page-shapes.js';
import { allResources, assignClassNames, planResource, resourceFile, type ResourceFilePlan } from './resources.js';
import type { TemplateEngine } from './template-engine.js';
import { projectFiles } from './project-files.js';
import { LINE_WIDTH } from './literal.js';
import { constantView } from './spec-literals.js';
import { layoutType, spansLines, typeWidth } from './type-layout.js';
import { errorBaseName, runtimeFiles } from './runtime-files.js';
import {
  clientNamespaceExtras,
  mentionsUploads,
  exportView,
  indexExports,
  pageClassNames,
  pageStyles,
  typesIndexExports,
} from './index-exports.js';
import { inlinePrinter, type FilePrinter, type ImportSpec } from './ts-printer.js';
import { flatText, hasDirectionalMembers, isUnknown, named, typeView, unionOf } from './type-expr.js';
import type {
  ClientClassView,
  ConstantView,
  ErrorStaticView,
  ExportNameView,
  ExportView,
  NamespaceView,
  ResourceClassView,
  TypeDeclarationView,
  TypeView,
} from './view-model.js';

/**
 * Error classes as client statics, each instantiated with the error bodies
 * the spec declares for its status (`Stigg.NotFoundError` has `error: NotFoundErrorResponseDto`).
 */
function errorStatics(model: ApiModel, ctx: FileContext): ErrorStaticView[] {
  const bodies = new Map<string, Map<string, TypeView>>();
  const add = (cls: string, type: TypeView): void => {
    const set = bodies.get(cls) ?? new Map<string, TypeView>();
    set.set(flatText(type), type);
    bodies.set(cls, set);
  };
  for (const op of model.operations) {
    for (const r of op.responses) {
      const media = r.content.find((c) => c.encoding === 'json');
      if (!media || !/^[45]/.test(r.status)) continue;
      const type = typeView(media.schema, ctx, 'response');
      if (isUnknown(type)) continue;
      // `4XX`/`5XX` ranges and `default` add to APIError only; exact statuses also to their class.
      const cls = /^\d{3}$/.test(r.status)
        ? errorClassForStatus(Number(r.status))
        : r.status === '5XX'
          ? 'InternalServerError'
          : 'APIError';
      if (cls !== 'APIError') add(cls, type);
      add('APIError', type);
    }
  }
  return ERROR_CLASSES.map((name) => {
    const types = [...(bodies.get(name) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t);
    const plain = `  static ${name}: typeof Errors.${name} = Errors.${name};`.length;
    if (types.length === 0 || BODILESS_ERROR_CLASSES.includes(name))
      return { name, leadingTypeArgs: null, bodyType: null, multiline: plain > LINE_WIDTH };
    // APIError's parameters are <TStatus, THeaders, TError>; the status subclasses take only TError. The first
    // two are spelled through the class so that no platform type (`Headers`) is needed in client.ts.
    const leadingTypeArgs = name === 'APIError' ? "Errors.APIError['status'], Errors.APIError['headers']" : null;
    const bodyType = unionOf(types);
    // `  static Name: typeof Errors.Name<T> = Errors.Name<T>;`: a union too long for that breaks one body per line.
    const head = `  static ${name}: typeof Errors.${name}<${leadingTypeArgs ? `${leadingTypeArgs}, ` : ''}`.length;
    layoutType(bodyType, head, 2, typeWidth(bodyType) + `> = Errors.${name}<>;`.length, true);
    // Inline error objects make a union tall anyway: one body per line reads better than objects glued by `|`.
    if (bodyType.kind === 'union' && spansLines(bodyType)) bodyType.breakBefore = true;
    const width = typeWidth(bodyType) + 2 + (leadingTypeArgs ? leadingTypeArgs.length + 2 : 0);
    return { name, leadingTypeArgs, bodyType, multiline: !bodyType.breakBefore && plain + 2 * width > LINE_WIDTH };
  });
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

/**
 * Renders every file of a client (unformatted). With `emit: 'types'`, only the types and an index.
 * `printer` prints the TypeScript files (in this thread by default; a worker's printer leaves stand-ins).
 */
export function emitClient(
  model: ApiModel,
  settings: ClientSettings,
  engine: TemplateEngine,
  printer: FilePrinter = inlinePrinter,
): GeneratedFile[] {
  const name = clientName(model, settings);
  const typesOnly = settings.emit === 'types';
  const header = engine.render('partials/file-header', { generator: 'apiforge', title: model.title });
  const { index, inputs, register, classNames } = buildIndex(model, [
    ...GLOBAL_TYPE_NAMES,
    name,
    errorBaseName(name),
    ...ERROR_CLASSES,
  ]);
  const files: GeneratedFile[] = [];
  let usesUploads = false;
  const print = (path: string, imports: ImportSpec[], statements: string[], spaced = true): void => {
    usesUploads ||= mentionsUploads(imports, statements);
    files.push({ path, content: printer.print(header, imports, statements, spaced) });
  };
  const emitTs = (path: string, ctx: FileContext, declared: Set<string>, statements: string[]): void =>
    print(path, ctx.imports(declared, typesOnly), statements);
  const render = (d: TypeDeclarationView): string => engine.render('partials/type-declaration', d);
  const renderConstant = (c: ConstantView): string => engine.render('partials/constant', c);
  const emitExports = (path: string, exports: ExportView[]): void =>
    print(
      path,
      [],
      exports.length > 0 ? exports.map((e) => engine.render('partials/export', e)) : ['export {};\n'],
      false,
    );

  // Models: one file per component schema, with its request variant beside it.
  const modelNames: string[] = [];
  for (const s of model.schemas) {
    const path = `src/models/${s.typeName}.ts`;
    const ctx = new FileContext(path, index);
    const decls = [declarationView(s.typeName, s.schema, ctx, 'response')];
    const input = inputs.get(s.key);
    if (input)
      decls.push(
        declarationView(input, s.schema, ctx, 'request', {
          description: `Request shape of {@link ${s.typeName}} (read-only members left out).`,
        }),
      );
    for (const a of s.aliases ?? [])
      decls.push({
        name: a.name,
        doc: { lines: [`Another name of {@link ${s.typeName}}.`] },
        kind: 'alias',
        members: [],
        indexSignature: null,
        type: named(s.typeName),
        typeParameters: [],
      });
    modelNames.push(...decls.map((d) => d.name));
    emitTs(path, ctx, new Set(decls.map((d) => d.name)), decls.map(render));
  }
  if (model.schemas.length > 0) {
    const exports = [...modelNames]
      .sort()
      .map((n) => exportView(`./${index.fileOf(n)?.replace('src/models/', '').replace(/\.ts$/, '')}.js`, [n], true));
    emitExports('src/models/index.ts', exports);
  }

  // Resources: one file per node of the tree; the root's own operations go on the client class.
  const plans: ResourceFilePlan[] = [];
  const ownByPath = new Map<string, LocalName[]>();
  for (const resource of allResources(model.root)) {
    const plan = planResource(resource, resourceFile(resource.path), index, classNames);
    for (const n of plan.exported) register(n, plan.path);
    ownByPath.set(plan.resourcePath, ownNames(resource, plan.exported, model));
    plans.push(plan);
  }
  const rootPlan = planResource(model.root, typesOnly ? 'src/root.ts' : 'src/client.ts', index, classNames);
  for (const n of rootPlan.exported) register(n, rootPlan.path);
  ownByPath.set('', ownNames(model.root, rootPlan.exported, model));
  const resourceByPath = new Map([model.root, ...allResources(model.root)].map((r) => [r.path.join('.'), r]));
  const namespaceOf = (plan: ResourceFilePlan, extra: ExportNameView[] = []): NamespaceView | null => {
    const own = ownByPath.get(plan.resourcePath) ?? [];
    // Models placed on this resource are re-exported from its file, so the file imports them.
    for (const n of own) if (!plan.exported.includes(n.global)) plan.ctx.use(n.global);
    const children: ChildNamespace[] = (resourceByPath.get(plan.resourcePath)?.children ?? []).map((c) => ({
      module: `_${c.name}`,
      className: classNames.get(c.path.join('.')) ?? c.name,
      own: ownByPath.get(c.path.join('.')) ?? [],
    }));
    const settled = namespaceView(plan.className, own, children, extra);
    ownByPath.set(plan.resourcePath, settled.own);
    return settled.view;
  };
  // Children first: a parent reaches its children's names as their namespaces finally hold them.
  const namespaces = new Map<string, NamespaceView | null>();
  if (!typesOnly) for (const plan of [...plans].reverse()) namespaces.set(plan.path, namespaceOf(plan));
  const renderNamespace = (view: NamespaceView | null): string[] =>
    view ? [engine.render('partials/namespace', view)] : [];
  if (typesOnly) {
    // Page aliases name runtime classes, which a types-only package does not have.
    const pages = new Set(model.operations.map((o) => o.typeNames.page));
    for (const plan of [rootPlan, ...plans]) {
      plan.exported = plan.exported.filter((n) => !pages.has(n));
      const decls = plan.declarations.filter((d) => !pages.has(d.name));
      if (decls.length > 0) emitTs(plan.path, plan.ctx, new Set(plan.exported), decls.map(render));
    }
  } else {
    for (const plan of plans) {
      plan.ctx.useRuntime('APIResource', 'core/resource', true);
      const view: ResourceClassView = {
        className: plan.className,
        path: plan.resourcePath,
        doc: { lines: [] },
        children: plan.children,
        methods: plan.methods,
      };
      const constants = plan.constants.map(renderConstant);
      const namespace = renderNamespace(namespaces.get(plan.path) ?? null);
      emitTs(plan.path, plan.ctx, new Set(plan.exported), [
        ...plan.declarations.map(render),
        ...constants,
        engine.render('partials/resource-class', view),
        ...namespace,
      ]);
    }
    const clientView: ClientClassView = {
      className: name,
      doc: { lines: docLines({ description: `API client for ${model.title} ${model.version}.` }) },
      config: constantView('clientConfig', 'ClientConfig', clientConfigValue(model, settings, name)),
      children: rootPlan.children,
      methods: rootPlan.methods,
      errors: [
        { name: errorBaseName(name), leadingTypeArgs: null, bodyType: null, multiline: false },
        ...errorStatics(model, rootPlan.ctx),
      ],
    };
    rootPlan.ctx.useRuntime('BaseClient', 'core/client', true);
    rootPlan.ctx.useRuntime('ClientOptions', 'core/client');
    rootPlan.ctx.useRuntime('ClientConfig', 'core/types');
    rootPlan.ctx.addImport({ from: './core/error.js', namespace: 'Errors' });
    const constants = rootPlan.constants.map(renderConstant);
    const styles = pageStyles(model);
    const pageShapes = pageClassNames(model, settings).flatMap(({ alias }, i) => {
      const op = model.operations.find((o) => o.pagination?.style === styles[i]);
      return op
        ? pageShapeDeclarations(op, alias ?? '', rootPlan.ctx).filter((d) => index.fileOf(d.name) === undefined)
        : [];
    });
    for (const d of pageShapes) {
      register(d.name, 'src/client.ts');
      rootPlan.exported.push(d.name);
    }
    rootPlan.declarations.push(...pageShapes);
    const shapeExports = pageShapes.map((d) => ({ name: d.name, alias: d.name, typeOnly: true }));
    const rootNamespace = namespaceOf({ ...rootPlan, className: name }, [
      ...clientNamespaceExtras(model, settings, rootPlan.ctx),
      ...shapeExports,
    ]);
    emitTs('src/client.ts', rootPlan.ctx, new Set(rootPlan.exported), [
      ...rootPlan.declarations.map(render),
      ...constants,
      engine.render('partials/client-class', clientView),
      ...renderNamespace(rootNamespace),
    ]);
  }

  const written = new Set(files.map((f) => f.path));
  const exporting = [rootPlan, ...plans].filter((p) => written.has(p.path) || !typesOnly);
  emitExports(
    'src/index.ts',
    typesOnly ? typesIndexExports(model, exporting, usesUploads) : indexExports(name, model, exporting, settings),
  );
  if (!typesOnly) files.push(...runtimeFiles(engine, header, name));
  else if (usesUploads)
    files.push(...runtimeFiles(engine, header, name).filter((f) => f.path === 'src/core/uploads.ts'));
  files.push(...projectFiles(model, settings, name, { engine, plans: [rootPlan, ...plans] }));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
