/** `apiforge inspect`: what the model makes of a spec, as text or JSON. */
import type { ResolvedClientSettings } from './config/types.js';
import type { Diagnostic } from './diagnostics.js';
import { clientName } from './emit/client-config.js';
import { loadSpec } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';
import type { ApiModel, Resource } from './model/types.js';

/** One method of the client, as `inspect` lists it. */
export interface InspectMethod {
  /** Dotted call path, e.g. `v1.customers.list`. */
  call: string;
  method: string;
  path: string;
  operationId: string | null;
  /** Pagination style, or null when the method returns plain data. */
  pagination: string | null;
  /** `config` when placed by an override, `inferred` otherwise. */
  placement: 'config' | 'inferred';
}

/** The report printed by `apiforge inspect` (and its `--json` form). */
export interface InspectReport {
  title: string;
  apiVersion: string;
  /** OpenAPI/Swagger version of the input, as declared. */
  specVersion: string;
  clientName: string;
  counts: { operations: number; schemas: number; resources: number; paginated: number };
  methods: InspectMethod[];
  warnings: Diagnostic[];
}

function countResources(r: Resource): number {
  return r.children.reduce((n, c) => n + 1 + countResources(c), 0);
}

export function inspectModel(model: ApiModel, settings: Pick<ResolvedClientSettings, 'name'>): InspectReport {
  const methods: InspectMethod[] = model.operations
    .map((op) => ({
      call: [...op.resource, op.methodName].join('.'),
      method: op.method.toUpperCase(),
      path: op.path,
      operationId: op.operationId ?? null,
      pagination: op.pagination?.style ?? null,
      placement: op.placement,
    }))
    .sort((a, b) => (a.call < b.call ? -1 : a.call > b.call ? 1 : 0));
  return {
    title: model.title,
    apiVersion: model.version,
    specVersion: model.declaredVersion,
    clientName: clientName(model, settings),
    counts: {
      operations: model.operations.length,
      schemas: model.schemas.length,
      resources: countResources(model.root),
      paginated: model.operations.filter((o) => o.pagination).length,
    },
    methods,
    warnings: model.warnings,
  };
}

/** Loads a spec and reports on it. */
export async function inspectClient(settings: ResolvedClientSettings): Promise<InspectReport> {
  const model = buildModel(
    await loadSpec(settings.input, { allowUnresolvedRefs: settings.allowUnresolvedRefs === true }),
    settings,
  );
  return inspectModel(model, settings);
}

/** Text form: a summary, then the resource tree one method per line. Warnings are printed by the CLI. */
export function formatInspect(report: InspectReport): string {
  const width = Math.max(0, ...report.methods.map((m) => m.call.length)) + 2;
  const lines = [
    `${report.title} ${report.apiVersion} (OpenAPI ${report.specVersion}) -> client ${report.clientName}`,
    `${report.counts.operations} operations, ${report.counts.schemas} schemas, ${report.counts.resources} resources, ${report.counts.paginated} paginated, ${report.warnings.length} warnings`,
    '',
    ...report.methods.map(
      (m) =>
        `${m.call.padEnd(width)}${m.method.padEnd(7)} ${m.path}${m.pagination ? `  [paginated: ${m.pagination}]` : ''}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
