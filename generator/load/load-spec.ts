import { createRequire } from 'node:module';
import { ApiforgeError, DiagnosticBag, type Diagnostic } from '../diagnostics.js';
import { bundleExternalRefs } from './external-refs.js';
import type { ReadSpec } from './read-spec.js';
import type { SpecVersion } from './version.js';

export type { ReadSpec, SpecVersion };

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
  /** True when every `$ref` was checked here, so the model need not report dangling ones again. */
  refsChecked?: boolean;
}

export interface LoadOptions {
  /** Shared bag for warnings (a fresh one by default). */
  diagnostics?: DiagnosticBag;
  /** Type dangling `$ref`s as `unknown` with a warning per target instead of failing. */
  allowUnresolvedRefs?: boolean;
  /**
   * Reads, parses and prepares the structural check elsewhere (a worker, see read-spec.ts); the check's
   * result is then the caller's to join. By default all of it happens here, the check before going on.
   */
  read?: (input: string) => Promise<ReadSpec>;
}

/** Reads a spec file or URL (YAML or JSON), joins external `$ref`s and converts Swagger 2.0 to OpenAPI 3. */
export async function loadSpec(input: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const bag = options.diagnostics ?? new DiagnosticBag();
  let read: ReadSpec;
  if (options.read) {
    read = await options.read(input);
    for (const w of read.warnings) bag.add(w);
  } else {
    // Imported here: with a worker reading, this thread never loads the parsers or the validator.
    const [{ readSpec }, { applyValidation, runValidation }] = await Promise.all([
      import('./read-spec.js'),
      import('./validation-job.js'),
    ]);
    const here = await readSpec(input, options.allowUnresolvedRefs ?? false);
    read = here.read;
    for (const w of read.warnings) bag.add(w);
    applyValidation(await runValidation(here.job), bag);
  }
  const { source, declared } = read;
  let document = read.document;
  let files = [source.ref];
  if (source.text !== undefined) {
    const bundled = await bundleExternalRefs(source.ref, source.text, document, options.allowUnresolvedRefs ?? false);
    document = bundled.document;
    files = [source.ref, ...bundled.files.filter((f) => f !== source.ref)];
  }
  let doc = document as Record<string, unknown>;
  if (declared.family === '2.0') doc = await convertSwagger2(doc, source.display);
  if (declared.family === '3.2') {
    bag.warn(
      'unsupported-version',
      `OpenAPI ${declared.raw} is read as 3.1 (plus itemSchema); other fields new in 3.2 are ignored`,
      { file: source.display, pointer: '#/openapi' },
    );
    warnUnknownFields(doc, source.display, bag);
  }
  return {
    document: doc,
    sourceVersion: declared.family,
    declaredVersion: declared.raw,
    display: source.display,
    sourceFiles: files,
    warnings: bag.list(),
    refsChecked: true,
  };
}

interface Swagger2OpenApi {
  convertObj(doc: unknown, options: Record<string, unknown>): Promise<{ openapi: Record<string, unknown> }>;
}

async function convertSwagger2(doc: Record<string, unknown>, display: string): Promise<Record<string, unknown>> {
  // swagger2openapi is CommonJS; loaded lazily so 3.x runs never pay for it.
  const converter = createRequire(import.meta.url)('swagger2openapi') as Swagger2OpenApi;
  try {
    // The bundler may reuse one object at two places (a `$ref` into the inside of another `$ref`'s target);
    // swagger2openapi takes shared objects for YAML anchors and refuses them. A JSON copy shares nothing.
    const unshared = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    const result = await converter.convertObj(unshared, { patch: true, warnOnly: true, resolve: false, direct: false });
    return result.openapi;
  } catch (err) {
    throw new ApiforgeError('parse-error', `cannot convert Swagger 2.0 to OpenAPI 3: ${(err as Error).message}`, {
      file: display,
    });
  }
}

const KNOWN_ROOT_FIELDS = new Set([
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
  'externalDocs',
]);
const KNOWN_PATH_ITEM_FIELDS = new Set([
  '$ref',
  'summary',
  'description',
  'servers',
  'parameters',
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
]);

/** 3.2 documents are read as 3.1: fields 3.1 does not know (`$self`, `query`, `additionalOperations`...) are named once each. */
function warnUnknownFields(doc: Record<string, unknown>, display: string, bag: DiagnosticBag): void {
  const unknown = (keys: string[], known: Set<string>): string[] =>
    keys.filter((k) => !known.has(k) && !k.startsWith('x-'));
  for (const key of unknown(Object.keys(doc), KNOWN_ROOT_FIELDS)) {
    bag.warn('unknown-field', `field "${key}" is not part of OpenAPI 3.1; ignored`, {
      file: display,
      pointer: `#/${escapePointer(key)}`,
    });
  }
  const paths = doc['paths'];
  if (paths === null || typeof paths !== 'object') return;
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    if (item === null || typeof item !== 'object') continue;
    for (const key of unknown(Object.keys(item), KNOWN_PATH_ITEM_FIELDS)) {
      bag.warn('unknown-field', `field "${key}" is not part of OpenAPI 3.1; ignored`, {
        file: display,
        pointer: `#/paths/${escapePointer(path)}/${escapePointer(key)}`,
      });
    }
  }
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}
