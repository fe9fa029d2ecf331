/** The client's own file: its class (config, children, methods, error statics), page shapes and namespace. */
import { BODILESS_ERROR_CLASSES, ERROR_CLASSES, errorClassForStatus } from '../../runtime/src/core/contract.js';
import type { ApiModel } from '../model/types.js';
import { clientConfigValue } from './client-config.js';
import { docLines } from './docs.js';
import type { Emission } from './emission.js';
import type { FileContext } from './file-context.js';
import { clientNamespaceExtras, pageClassNames, pageStyles } from './index-exports.js';
import { LINE_WIDTH } from './literal.js';
import { pageShapeDeclarations } from './page-shapes.js';
import type { ResourceFilePlan } from './resources.js';
import { errorBaseName } from './runtime-files.js';
import { constantView } from './spec-literals.js';
import { layoutType, spansLines, typeWidth } from './type-layout.js';
import { typeView } from './type-expr.js';
import { flatText, isUnknown, unionOf } from './type-views.js';
import type { ClientClassView, ErrorStaticView, TypeView } from './view-model.js';

/** Prints `src/client.ts` from the root resource's plan. */
export function emitClientFile(e: Emission, rootPlan: ResourceFilePlan): void {
  const { model, settings, name } = e;
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
  const constants = rootPlan.constants.map((c) => e.renderConstant(c));
  const styles = pageStyles(model);
  const pageShapes = pageClassNames(model, settings).flatMap(({ alias }, i) => {
    const op = model.operations.find((o) => o.pagination?.style === styles[i]);
    return op
      ? pageShapeDeclarations(op, alias ?? '', rootPlan.ctx).filter((d) => e.index.fileOf(d.name) === undefined)
      : [];
  });
  for (const d of pageShapes) {
    e.register(d.name, 'src/client.ts');
    rootPlan.exported.push(d.name);
  }
  rootPlan.declarations.push(...pageShapes);
  const shapeExports = pageShapes.map((d) => ({ name: d.name, alias: d.name, typeOnly: true }));
  const rootNamespace = e.namespaceOf({ ...rootPlan, className: name }, [
    ...clientNamespaceExtras(model, settings, rootPlan.ctx),
    ...shapeExports,
  ]);
  e.emitTs('src/client.ts', rootPlan.ctx, new Set(rootPlan.exported), [
    ...rootPlan.declarations.map((d) => e.render(d)),
    ...constants,
    e.engine.render('partials/client-class', clientView),
    ...e.renderNamespace(rootNamespace),
  ]);
}

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
