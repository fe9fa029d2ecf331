import { createRequire } from 'node:module';
import { ApiforgeError, DiagnosticBag, type Diagnostic } from '../diagnostics.js';
import { bundleExternalRefs, hasExternalRefs } from './external-refs.js';
import { parseText } from './parse.js';
import { readSource } from './read-source.js';
import { nullRefs, resolveSchemaIds } from './schema-ids.js';
import { locateInRoot, validateDocument } from './validate.js';
import { detectVersion, type SpecVersion } from './version.js';

export type { SpecVersion };

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
}

/** Reads a spec file or URL (YAML or JSON), joins external `$ref`s and converts Swagger 2.0 to OpenAPI 3. */
export async function loadSpec(input: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const bag = options.diagnostics ?? new DiagnosticBag();
  const source = await readSource(input);
  let document = parseText(source.text, source.display);
  const declared = detectVersion(document, source.text, source.display, bag);
  await validate(source, document, declared.family, options, bag);
  let files = [source.ref];
  if (hasExternalRefs(document)) {
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

/** Structure and `$ref`s: every error at once (nothing is generated), warnings into the bag. */
async function validate(
  source: { ref: string; text: string },
  parsed: unknown,
  family: SpecVersion,
  options: LoadOptions,
  bag: DiagnosticBag,
): Promise<void> {
  // Redocly knows 3.0 and 3.1; a 3.2 document is checked as 3.1 and its new fields are named by warnUnknownFields.
  const checked = family === '3.2' ? { ...(parsed as Record<string, unknown>), openapi: '3.1.0' } : parsed;
  // Found by the loader itself: `$ref`s with no value, and 2020-12 `$id`/`$anchor` references (rewritten to pointers first).
  const own = [
    ...nullRefs(parsed),
    ...(family === '3.1' || family === '3.2' ? resolveSchemaIds(parsed, source.ref) : []),
  ];
  const found = [
    ...(await locateInRoot(source.ref, source.text, own)),
    ...(await validateDocument({
      ref: source.ref,
      text: source.text,
      parsed: checked,
      allowUnresolvedRefs: options.allowUnresolvedRefs ?? false,
    })),
  ];
  const kept = family === '3.2' ? found.filter((d) => d.code !== 'unknown-field') : found;
  const errors = kept.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw ApiforgeError.fromDiagnostics(errors);
  for (const d of kept) bag.add(d);
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
