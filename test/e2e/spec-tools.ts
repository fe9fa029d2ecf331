/**
 * Spec helpers for the Prism end-to-end test: load the Stigg OpenAPI document
 * and the official call surface, and validate values against schemas with Ajv. Example values come from the
 * generator's own sample-value builder (the one the generated tests use), re-exported here.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import yaml from 'js-yaml';

// ajv-formats is CommonJS; depending on the interop the plugin is the default export or its `.default`.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

import type { SchemaObject } from '../../generator/emit/sample-values.js';

export { deref, exampleFor, type ExampleOptions, type Json, type SchemaObject } from '../../generator/emit/sample-values.js';

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
  style?: string;
  explode?: boolean;
}

export interface OperationObject {
  operationId?: string;
  parameters?: SchemaObject[];
  requestBody?: SchemaObject;
  responses: Record<string, SchemaObject>;
}

export interface OpenAPIDocument {
  openapi: string;
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, SchemaObject>; parameters?: Record<string, SchemaObject> };
}

export interface SurfaceRow {
  method: string;
  path: string;
  operationId: string;
  /** e.g. `v1.customers.paymentMethod.attach` */
  sdkCall: string;
  paginated: boolean;
}

export function loadSpec(file: string): OpenAPIDocument {
  return yaml.load(readFileSync(file, 'utf8')) as OpenAPIDocument;
}

export function loadSurface(file: string): SurfaceRow[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const cols = (header ?? '').split('\t');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`surface file has no "${name}" column`);
    return i;
  };
  const [m, p, o, c, g] = ['method', 'path', 'operationId', 'sdk_call', 'paginated'].map(at) as [number, number, number, number, number];
  return lines.map((line) => {
    const f = line.split('\t');
    return {
      method: f[m]!.toUpperCase(),
      path: f[p]!,
      operationId: f[o]!,
      sdkCall: f[c]!,
      paginated: f[g] === 'yes',
    };
  });
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

const SPEC_ID = 'openapi-doc';

/**
 * OpenAPI 3.0 schema -> JSON Schema (draft-07, as Ajv reads it): `nullable`
 * becomes a `null` type (or an `anyOf` with `{type: null}` when there is no
 * `type`), local `$ref`s point into the registered document.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') out[key] = value;
    else if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out[key] = `${SPEC_ID}${value}`;
    else out[key] = toJsonSchema(value);
  }
  if (out['nullable'] === true) {
    delete out['nullable'];
    if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
    if (typeof out['type'] === 'string') {
      out['type'] = [out['type'], 'null'];
    } else if (out['type'] === undefined) {
      const { description, ...rest } = out;
      return { ...(description !== undefined ? { description } : {}), anyOf: [{ type: 'null' }, rest] };
    }
  } else if ('nullable' in out) {
    delete out['nullable'];
  }
  return out;
}

export interface SchemaValidator {
  /** Returns a readable list of errors, or [] when `value` is valid. */
  validate(schema: SchemaObject, value: unknown, cacheKey: string): string[];
}

export function createValidator(doc: OpenAPIDocument): SchemaValidator {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: SPEC_ID, components: toJsonSchema(doc.components) } as object);
  const cache = new Map<string, ValidateFunction>();
  return {
    validate(schema, value, cacheKey) {
      let fn = cache.get(cacheKey);
      if (!fn) {
        fn = ajv.compile(toJsonSchema(schema) as object);
        cache.set(cacheKey, fn);
      }
      if (fn(value)) return [];
      return (fn.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    },
  };
}
