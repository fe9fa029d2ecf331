import { createRequire } from 'node:module';
import { ApiforgeError, DiagnosticBag, type Diagnostic } from '../diagnostics.js';
import { bundleExternalRefs, hasExternalRefs } from './external-refs.js';
import { parseText } from './parse.js';
import { readSource } from './read-source.js';

/** OpenAPI major.minor families apiforge reads. */
export type SpecVersion = '2.0' | '3.0' | '3.1' | '3.2';

/** A spec read, joined across files and converted to OpenAPI 3.x, ready for {@link buildModel}. */
export interface LoadedSpec {
  /** The OpenAPI 3.x document (2.0 input is converted). Only internal `$ref`s remain. */
  document: Record<string, unknown>;
  /** Version of the input document before conversion. */
  sourceVersion: SpecVersion;
  /** The exact `openapi`/`swagger` field of the input. */
  declaredVersion: string;
  /** How messages name the root file (cwd-relative path or URL). */
  display: string;
  /** Every file or URL the spec was read from, root first. */
  sourceFiles: string[];
  /** Quirks tolerated while loading. */
  warnings: Diagnostic[];
}

export interface LoadOptions {
  /** Shared bag for warnings (a fresh one by default). */
  diagnostics?: DiagnosticBag;
}

/** Reads a spec file or URL (YAML or JSON), joins external `$ref`s and converts Swagger 2.0 to OpenAPI 3. */
export async function loadSpec(input: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const bag = options.diagnostics ?? new DiagnosticBag();
  const source = await readSource(input);
  let document = parseText(source.text, source.display);
  const declared = detectVersion(document, source.display);
  let files = [source.ref];
  if (hasExternalRefs(document)) {
    const bundled = await bundleExternalRefs(source.ref, source.text, document);
    document = bundled.document;
    files = [source.ref, ...bundled.files.filter((f) => f !== source.ref)];
  }
  let doc = document as Record<string, unknown>;
  if (declared.family === '2.0') doc = await convertSwagger2(doc, source.display);
  if (declared.family === '3.2') {
    bag.warn('unsupported-version', `OpenAPI ${declared.raw} is read as 3.1 (plus itemSchema); other fields new in 3.2 are ignored`, { file: source.display, pointer: '#/openapi' });
    warnUnknownFields(doc, source.display, bag);
  }
  return {
    document: doc,
    sourceVersion: declared.family,
    declaredVersion: declared.raw,
    display: source.display,
    sourceFiles: files,
    warnings: bag.list(),
  };
}

function detectVersion(doc: unknown, display: string): { family: SpecVersion; raw: string } {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ApiforgeError('not-openapi', `${display} is not an OpenAPI or Swagger document (expected a mapping at the top level)`);
  }
  const record = doc as Record<string, unknown>;
  const swagger = record['swagger'];
  const openapi = record['openapi'];
  if (swagger !== undefined) {
    if (String(swagger) === '2.0') return { family: '2.0', raw: '2.0' };
    throw new ApiforgeError('unsupported-version', `unsupported Swagger version ${JSON.stringify(swagger)} (apiforge reads 2.0)`, { file: display, pointer: '#/swagger' });
  }
  if (typeof openapi === 'string') {
    const m = /^3\.(\d+)/.exec(openapi);
    if (m) {
      const minor = Number(m[1]);
      const family: SpecVersion = minor === 0 ? '3.0' : minor === 1 ? '3.1' : '3.2';
      return { family, raw: openapi };
    }
    throw new ApiforgeError('unsupported-version', `unsupported OpenAPI version ${JSON.stringify(openapi)} (apiforge reads 2.0, 3.0, 3.1 and 3.2)`, { file: display, pointer: '#/openapi' });
  }
  throw new ApiforgeError('not-openapi', `${display} is not an OpenAPI or Swagger document (no "openapi" or "swagger" field)`);
}

interface Swagger2OpenApi {
  convertObj(doc: unknown, options: Record<string, unknown>): Promise<{ openapi: Record<string, unknown> }>;
}

async function convertSwagger2(doc: Record<string, unknown>, display: string): Promise<Record<string, unknown>> {
  // swagger2openapi is CommonJS; loaded lazily so 3.x runs never pay for it.
  const converter = createRequire(import.meta.url)('swagger2openapi') as Swagger2OpenApi;
  try {
    const result = await converter.convertObj(doc, { patch: true, warnOnly: true, resolve: false, direct: false });
    return result.openapi;
  } catch (err) {
    throw new ApiforgeError('parse-error', `cannot convert Swagger 2.0 to OpenAPI 3: ${(err as Error).message}`, { file: display });
  }
}

const KNOWN_ROOT_FIELDS = new Set(['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs']);
const KNOWN_PATH_ITEM_FIELDS = new Set(['$ref', 'summary', 'description', 'servers', 'parameters', 'get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** 3.2 documents are read as 3.1: fields 3.1 does not know (`$self`, `query`, `additionalOperations`...) are named once each. */
function warnUnknownFields(doc: Record<string, unknown>, display: string, bag: DiagnosticBag): void {
  const unknown = (keys: string[], known: Set<string>): string[] => keys.filter((k) => !known.has(k) && !k.startsWith('x-'));
  for (const key of unknown(Object.keys(doc), KNOWN_ROOT_FIELDS)) {
    bag.warn('unknown-field', `field "${key}" is not part of OpenAPI 3.1; ignored`, { file: display, pointer: `#/${escapePointer(key)}` });
  }
  const paths = doc['paths'];
  if (paths === null || typeof paths !== 'object') return;
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    if (item === null || typeof item !== 'object') continue;
    for (const key of unknown(Object.keys(item), KNOWN_PATH_ITEM_FIELDS)) {
      bag.warn('unknown-field', `field "${key}" is not part of OpenAPI 3.1; ignored`, { file: display, pointer: `#/paths/${escapePointer(path)}/${escapePointer(key)}` });
    }
  }
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}
