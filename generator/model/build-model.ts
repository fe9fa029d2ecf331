import type { ClientSettings } from '../config/types.js';
import { DiagnosticBag } from '../diagnostics.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { isRecord, pointerSegment, resolvePointer } from './json.js';
import { GLOBAL_TYPE_NAMES, NameAllocator, toTypeName } from './naming.js';
import { avoidMemberCollisions } from './member-collisions.js';
import { collectOperations, readSecurity } from './operations.js';
import { detectPagination } from './pagination.js';
import { planRequest, planResponse } from './request-plan.js';
import { detectStreaming } from './streaming.js';
import { hoistRepeatedEnums } from './shared-enums.js';
import { buildResourceTree, commonPrefix, placeOperations } from './resources.js';
import { breakAliasCycles } from './ref-cycles.js';
import { normalizeSchema, SchemaContext } from './schema.js';
import { assignOperationTypeNames, assignPageName } from './type-names.js';
import { nameSchemas } from './model-names.js';
import { PAGE_CLASSES } from '../../runtime/src/core/contract.js';
import type { ApiModel, NamedSchema, Operation, SecurityScheme, Server } from './types.js';

/** Options that shape the model; a subset of the client settings. */
export type ModelOptions = Pick<
  ClientSettings,
  'operations' | 'stripPrefix' | 'include' | 'exclude' | 'pagination' | 'name' | 'models' | 'pageClassNames'
>;

/** Builds the canonical {@link ApiModel} from a loaded spec. Pure: the same input gives the same model. */
export function buildModel(spec: LoadedSpec, options: ModelOptions = {}): ApiModel {
  const bag = new DiagnosticBag();
  for (const w of spec.warnings) bag.add(w);
  const doc = spec.document;
  const components = isRecord(doc['components']) ? doc['components'] : {};
  const rawSchemas = isRecord(components['schemas']) ? components['schemas'] : {};
  const ctx = new SchemaContext(doc, spec.sourceVersion, bag, spec.display, new Set(Object.keys(rawSchemas)));
  ctx.refsChecked = spec.refsChecked === true;

  // Configured page names are exported from the package root beside the runtime's own names.
  const pageNames = Object.values(options.pageClassNames ?? {}).flatMap((n) => [n, `${n}Params`, `${n}Response`]);
  const reserved = [
    ...GLOBAL_TYPE_NAMES,
    ...pageNames,
    toTypeName(options.name ?? 'Client'),
    `${toTypeName(options.name ?? 'Client')}Error`,
  ];
  const allocator = new NameAllocator(reserved);
  const schemas: NamedSchema[] = Object.keys(rawSchemas)
    .sort()
    .map((key) => {
      const pointer = `#/components/schemas/${pointerSegment(key)}`;
      return { key, typeName: '', pointer, schema: normalizeSchema(rawSchemas[key], ctx, pointer) };
    });

  const rawOps = filterOperations(collectOperations(doc, ctx, bag), options);
  // Schemas reached through non-component pointers are named once every pointer is known.
  for (let pending = ctx.takePending(); pending.length > 0; pending = ctx.takePending()) {
    for (const { key, pointer } of pending) {
      schemas.push({ key, typeName: '', pointer, schema: normalizeSchema(resolvePointer(doc, pointer), ctx, pointer) });
    }
  }
  breakAliasCycles(schemas, bag, spec.display);
  schemas.push(...hoistRepeatedEnums(schemas, rawOps));
  schemas.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Exact-case matches claim first, so `Pet` keeps its name when `pet` also exists.
  const byExactness = [...schemas].sort(
    (a, b) =>
      Number(toTypeName(a.key.split('@')[0] ?? '') !== a.key) -
        Number(toTypeName(b.key.split('@')[0] ?? '') !== b.key) || (a.key < b.key ? -1 : 1),
  );
  nameSchemas(byExactness, options.models ?? {}, allocator, bag, spec.display);

  const prefix =
    options.stripPrefix !== undefined
      ? options.stripPrefix.split('/').filter(Boolean)
      : commonPrefix(rawOps.map((o) => o.path));
  const placed = placeOperations(rawOps, options.operations ?? {}, prefix, bag, spec.display);
  avoidMemberCollisions(placed, bag, spec.display);
  const typeNames = assignOperationTypeNames(placed, allocator);
  const schemaByKey = new Map(schemas.map((s) => [s.key, s.schema]));
  const resolveSchema = (key: string) => schemaByKey.get(key);
  const namedByKey = new Map(schemas.map((s) => [s.key, s]));
  const lookup = (key: string) => namedByKey.get(key);
  const operations: Operation[] = placed.map((op) => {
    const full: Operation = {
      ...op,
      typeNames: typeNames.get(op.id) ?? {
        params: 'Params',
        response: 'Response',
        page: 'Page',
        stem: '',
        localStem: '',
      },
      request: {
        positional: null,
        pathParams: [],
        members: [],
        paramsRequired: false,
        body: null,
        alsoInBody: [],
        bodyUnion: null,
      },
      response: { kind: 'void' },
    };
    full.request = planRequest(full, lookup);
    const pagination = detectPagination(full, options, bag, spec.display, resolveSchema);
    if (pagination) {
      full.pagination = pagination;
      assignPageName(
        full.typeNames,
        options.pageClassNames?.[pagination.style] ?? PAGE_CLASSES[pagination.style],
        allocator,
      );
    }
    const streaming = detectStreaming(full, options, bag, spec.display, lookup);
    if (streaming) full.streaming = streaming;
    full.response = planResponse(full);
    return full;
  });

  const info = isRecord(doc['info']) ? doc['info'] : {};
  const model: ApiModel = {
    title: typeof info['title'] === 'string' ? info['title'] : 'API',
    version: typeof info['version'] === 'string' ? info['version'] : '0.0.0',
    sourceVersion: spec.sourceVersion,
    declaredVersion: spec.declaredVersion,
    servers: readServers(doc['servers']),
    securitySchemes: readSecuritySchemes(components['securitySchemes']),
    security: Array.isArray(doc['security']) ? readSecurity(doc['security']) : [],
    schemas,
    operations,
    root: buildResourceTree(operations),
    warnings: [],
  };
  if (typeof info['description'] === 'string') model.description = info['description'];
  model.warnings = bag.list();
  return model;
}

function matches(op: { tags: string[]; path: string; id: string }, filter: ModelOptions['include']): boolean {
  if (!filter) return false;
  const glob = (pattern: string): RegExp =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return (
    (filter.tags ?? []).some((t) => op.tags.includes(t)) ||
    (filter.paths ?? []).some((p) => glob(p).test(op.path)) ||
    (filter.operationIds ?? []).includes(op.id)
  );
}

function filterOperations<T extends { tags: string[]; path: string; id: string }>(
  ops: T[],
  options: ModelOptions,
): T[] {
  return ops.filter((op) => (!options.include || matches(op, options.include)) && !matches(op, options.exclude));
}

function readServers(raw: unknown): Server[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((s) => {
    const server: Server = { url: String(s['url'] ?? '/'), variables: [] };
    if (typeof s['description'] === 'string') server.description = s['description'];
    if (isRecord(s['variables'])) {
      for (const [name, v] of Object.entries(s['variables'])) {
        if (!isRecord(v)) continue;
        const variable: Server['variables'][number] = { name, default: String(v['default'] ?? '') };
        if (Array.isArray(v['enum'])) variable.enum = v['enum'].map(String);
        if (typeof v['description'] === 'string') variable.description = v['description'];
        server.variables.push(variable);
      }
    }
    return server;
  });
}

function readSecuritySchemes(raw: unknown): SecurityScheme[] {
  if (!isRecord(raw)) return [];
  return Object.keys(raw)
    .sort()
    .flatMap((name) => {
      const s = raw[name];
      if (!isRecord(s) || typeof s['type'] !== 'string') return [];
      const scheme: SecurityScheme = { name, type: s['type'] as SecurityScheme['type'] };
      if (s['in'] === 'header' || s['in'] === 'query' || s['in'] === 'cookie') scheme.in = s['in'];
      if (typeof s['name'] === 'string') scheme.paramName = s['name'];
      if (typeof s['scheme'] === 'string') scheme.scheme = s['scheme'].toLowerCase();
      if (typeof s['description'] === 'string') scheme.description = s['description'];
      const flow = isRecord(s['flows']) ? s['flows']['clientCredentials'] : undefined;
      if (isRecord(flow) && typeof flow['tokenUrl'] === 'string') {
        scheme.clientCredentials = {
          tokenUrl: flow['tokenUrl'],
          scopes: isRecord(flow['scopes']) ? Object.keys(flow['scopes']) : [],
        };
      }
      return [scheme];
    });
}
