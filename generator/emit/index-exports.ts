/**
 * The export statements of the index files (`src/index.ts`, `src/models/index.ts`) and the extras of the client's
 * namespace, as views for `partials/export`.
 */
import type { ClientSettings } from '../config/types.js';
import type { ApiModel } from '../model/types.js';
import type { FileContext } from './file-context.js';
import { LINE_WIDTH } from './literal.js';
import { PAGE_CLASS } from './operation.js';
import type { ResourceFilePlan } from './resources.js';
import type { ImportSpec } from './ts-printer.js';
import type { ExportNameView, ExportView } from './view-model.js';

/** One export statement, broken one name per line when it would not fit on one. */
export function exportView(
  from: string,
  names: Array<string | ExportNameView>,
  typeOnly: boolean,
  all = false,
): ExportView {
  const list = names.map((n) => (typeof n === 'string' ? { name: n, alias: null, typeOnly: false } : n));
  const texts = list.map((n) => `${n.typeOnly ? 'type ' : ''}${n.name}${n.alias ? ` as ${n.alias}` : ''}`);
  const width = `export ${typeOnly ? 'type ' : ''}{ ${texts.join(', ')} } from '${from}';`.length;
  return { from, typeOnly, all, names: all ? [] : list, multiline: list.length > 1 && width > LINE_WIDTH };
}

/** `export type` statements for every model and every operation type, by the file that declares it. */
function typeExports(model: ApiModel, plans: ResourceFilePlan[]): ExportView[] {
  const out = model.schemas.length > 0 ? [exportView('./models/index.js', [], true, true)] : [];
  for (const plan of plans) {
    if (plan.exported.length > 0)
      out.push(
        exportView(`./${plan.path.replace(/^src\//, '').replace(/\.ts$/, '')}.js`, [...plan.exported].sort(), true),
      );
  }
  return out;
}

/** Pagination styles the client's operations use, sorted. */
export function pageStyles(model: ApiModel): Array<NonNullable<ApiModel['operations'][number]['pagination']>['style']> {
  return [...new Set(model.operations.flatMap((o) => (o.pagination ? [o.pagination.style] : [])))].sort();
}

/** Runtime page classes the client's operations use, each under its configured name (`CursorPage` as `MyCursorIDPage`). */
export function pageClassNames(model: ApiModel, settings: ClientSettings): ExportNameView[] {
  return pageStyles(model).map((style) => ({
    name: PAGE_CLASS[style],
    alias: settings.pageClassNames?.[style] ?? PAGE_CLASS[style],
    typeOnly: false,
  }));
}

/** What the client's namespace holds besides resources: request and client options, page classes. */
export function clientNamespaceExtras(model: ApiModel, settings: ClientSettings, ctx: FileContext): ExportNameView[] {
  ctx.useRuntime('RequestOptions', 'core/types');
  const pages = pageClassNames(model, settings);
  for (const p of pages) ctx.useRuntime(p.name, 'core/pagination', true);
  return [
    { name: 'ClientOptions', alias: 'ClientOptions', typeOnly: true },
    { name: 'RequestOptions', alias: 'RequestOptions', typeOnly: true },
    ...pages,
  ];
}

/** The exports of a client's `src/index.ts`: the client, the runtime's public names and every type. */
export function indexExports(
  name: string,
  model: ApiModel,
  plans: ResourceFilePlan[],
  settings: ClientSettings,
): ExportView[] {
  const renamedPages = pageClassNames(model, settings).filter((p) => p.alias !== p.name);
  return [
    exportView('./client.js', [{ name, alias: 'default', typeOnly: false }, name], false),
    exportView('./core/error.js', [], false, true),
    exportView('./core/api-promise.js', ['APIPromise'], false),
    exportView('./core/pagination.js', [], false, true),
    ...(renamedPages.length > 0 ? [exportView('./core/pagination.js', renamedPages, false)] : []),
    exportView('./core/uploads.js', ['toFile', { name: 'Uploadable', alias: null, typeOnly: true }], false),
    exportView('./core/client.js', ['ClientOptions'], true),
    exportView('./core/types.js', ['RequestOptions', 'ClientConfig', 'OperationSpec'], true),
    ...(model.operations.some((op) => op.streaming)
      ? [exportView('./core/streaming.js', ['Stream', { name: 'ServerSentEvent', alias: null, typeOnly: true }], false)]
      : []),
    ...typeExports(model, plans),
  ];
}

/** Whether a file's imports or statements name the uploads runtime (a types-only package then ships it). */
export function mentionsUploads(imports: ImportSpec[], statements: string[]): boolean {
  const uploads = '/core/uploads.js';
  const printed = imports.filter((i) => i.namespace || (i.names && i.names.length > 0));
  return printed.some((i) => i.from.includes(uploads)) || statements.some((s) => s.includes(uploads));
}

/** The exports of a types-only package's `src/index.ts`; `usesUploads`: a file names the uploads runtime. */
export function typesIndexExports(model: ApiModel, plans: ResourceFilePlan[], usesUploads: boolean): ExportView[] {
  const out = typeExports(model, plans);
  if (usesUploads)
    out.push(exportView('./core/uploads.js', ['toFile', { name: 'Uploadable', alias: null, typeOnly: true }], false));
  return out;
}
