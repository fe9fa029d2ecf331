import type { ClientSettings } from '../config/types.js';
import type { ApiModel } from '../model/types.js';
import type { GeneratedFile } from '../write/types.js';
import { emitClientFile } from './client-class.js';
import { declarationView } from './declarations.js';
import { Emission } from './emission.js';
import { FileContext } from './file-context.js';
import { exportView, indexExports, typesIndexExports } from './index-exports.js';
import { projectFiles } from './project-files.js';
import { allResources, planResource, resourceFile, type ResourceFilePlan } from './resources.js';
import { runtimeFiles } from './runtime-files.js';
import type { TemplateEngine } from './template-engine.js';
import { inlinePrinter, type FilePrinter } from './ts-printer.js';
import { named } from './type-views.js';
import type { NamespaceView, ResourceClassView, TypeDeclarationView } from './view-model.js';

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
  const e = new Emission(model, settings, engine, printer);
  emitModels(e);
  const { plans, rootPlan } = planResources(e);
  if (e.typesOnly) emitTypesOnly(e, [rootPlan, ...plans]);
  else {
    emitResourceFiles(e, plans);
    emitClientFile(e, rootPlan);
  }
  const written = new Set(e.files.map((f) => f.path));
  const exporting = [rootPlan, ...plans].filter((p) => written.has(p.path) || !e.typesOnly);
  e.emitExports(
    'src/index.ts',
    e.typesOnly ? typesIndexExports(model, exporting, e.usesUploads) : indexExports(e.name, model, exporting, settings),
  );
  const files = e.files;
  if (!e.typesOnly) files.push(...runtimeFiles(engine, e.header, e.name));
  else if (e.usesUploads)
    files.push(...runtimeFiles(engine, e.header, e.name).filter((f) => f.path === 'src/core/uploads.ts'));
  files.push(...projectFiles(model, settings, e.name, { engine, plans: [rootPlan, ...plans] }));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Models: one file per component schema, with its request variant and its aliases beside it; then their index. */
function emitModels(e: Emission): void {
  const modelNames: string[] = [];
  for (const s of e.model.schemas) {
    const path = `src/models/${s.typeName}.ts`;
    const ctx = new FileContext(path, e.index);
    const decls: TypeDeclarationView[] = [declarationView(s.typeName, s.schema, ctx, 'response')];
    const input = e.inputs.get(s.key);
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
    e.emitTs(
      path,
      ctx,
      new Set(decls.map((d) => d.name)),
      decls.map((d) => e.render(d)),
    );
  }
  if (e.model.schemas.length === 0) return;
  const exports = [...modelNames]
    .sort()
    .map((n) => exportView(`./${e.index.fileOf(n)?.replace('src/models/', '').replace(/\.ts$/, '')}.js`, [n], true));
  e.emitExports('src/models/index.ts', exports);
}

/** Resources: one file per node of the tree; the root's own operations go on the client class. */
function planResources(e: Emission): { plans: ResourceFilePlan[]; rootPlan: ResourceFilePlan } {
  const plans: ResourceFilePlan[] = [];
  for (const resource of allResources(e.model.root)) {
    const plan = planResource(resource, resourceFile(resource.path), e.index, e.classNames);
    for (const n of plan.exported) e.register(n, plan.path);
    e.own(plan, resource);
    plans.push(plan);
  }
  const rootPath = e.typesOnly ? 'src/root.ts' : 'src/client.ts';
  const rootPlan = planResource(e.model.root, rootPath, e.index, e.classNames);
  for (const n of rootPlan.exported) e.register(n, rootPlan.path);
  e.own(rootPlan, e.model.root);
  return { plans, rootPlan };
}

/** Types only: each resource's declarations, without page aliases (they name runtime classes it does not have). */
function emitTypesOnly(e: Emission, plans: ResourceFilePlan[]): void {
  const pages = new Set(e.model.operations.map((o) => o.typeNames.page));
  for (const plan of plans) {
    plan.exported = plan.exported.filter((n) => !pages.has(n));
    const decls = plan.declarations.filter((d) => !pages.has(d.name));
    if (decls.length > 0)
      e.emitTs(
        plan.path,
        plan.ctx,
        new Set(plan.exported),
        decls.map((d) => e.render(d)),
      );
  }
}

/** Each resource's file: declarations, spec constants, its class and its namespace. */
function emitResourceFiles(e: Emission, plans: ResourceFilePlan[]): void {
  // Children first: a parent reaches its children's names as their namespaces finally hold them.
  const namespaces = new Map<string, NamespaceView | null>();
  for (const plan of [...plans].reverse()) namespaces.set(plan.path, e.namespaceOf(plan));
  for (const plan of plans) {
    plan.ctx.useRuntime('APIResource', 'core/resource', true);
    const view: ResourceClassView = {
      className: plan.className,
      path: plan.resourcePath,
      doc: { lines: [] },
      children: plan.children,
      methods: plan.methods,
    };
    e.emitTs(plan.path, plan.ctx, new Set(plan.exported), [
      ...plan.declarations.map((d) => e.render(d)),
      ...plan.constants.map((c) => e.renderConstant(c)),
      e.engine.render('partials/resource-class', view),
      ...e.renderNamespace(namespaces.get(plan.path) ?? null),
    ]);
  }
}
