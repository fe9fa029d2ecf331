import type { LoadedSpec, SpecVersion } from '../../generator/load/load-spec.js';
import { buildModel, type ModelOptions } from '../../generator/model/build-model.js';
import type { ApiModel, Schema } from '../../generator/model/types.js';

/** A LoadedSpec around an in-memory document, as `loadSpec` would return it. */
export function specFrom(document: Record<string, unknown>, sourceVersion?: SpecVersion): LoadedSpec {
  const declared = String(document['openapi'] ?? document['swagger'] ?? '3.0.3');
  const family = sourceVersion ?? ((declared.startsWith('3.1') ? '3.1' : declared.startsWith('3.2') ? '3.2' : '3.0') as SpecVersion);
  return { document, sourceVersion: family, declaredVersion: declared, display: 'spec.yaml', sourceFiles: [], warnings: [] };
}

/** Builds the model of a document holding only these component schemas. */
export function modelOfSchemas(schemas: Record<string, unknown>, openapi = '3.0.3', options: ModelOptions = {}): ApiModel {
  return buildModel(specFrom({ openapi, info: { title: 't', version: '1' }, paths: {}, components: { schemas } }), options);
}

export function schemaOf(model: ApiModel, key: string): Schema {
  const s = model.schemas.find((x) => x.key === key);
  if (!s) throw new Error(`no schema ${key}; have ${model.schemas.map((x) => x.key).join(', ')}`);
  return s.schema;
}

/** A minimal operation object. */
export const op = (operationId?: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...(operationId ? { operationId } : {}),
  responses: { '200': { description: 'ok' } },
  ...extra,
});

/** A document with these paths (path -> method -> operation). */
export function docWithPaths(paths: Record<string, Record<string, unknown>>, openapi = '3.0.3', components: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi, info: { title: 't', version: '1' }, paths, components };
}
