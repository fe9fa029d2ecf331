/**
 * The generated package's own tests (`tests: true`): per resource a node:test file with one test per operation,
 * which calls it with its required params and then with all of them against a Prism mock server; `tests/run.mjs`
 * starts Prism on a free loopback port with a copy of the spec and runs the files. Argument values come from the
 * spec's schemas ({@link exampleFor}); everything here is sorted so that a reordered spec gives the same bytes.
 */
import type { ClientSettings } from '../config/types.js';
import type { ApiModel, Operation } from '../model/types.js';
import type { GeneratedFile } from '../write/types.js';
import { deref, exampleFor, type Json, type SchemaObject, type SpecDocument } from './sample-values.js';
import type { TemplateEngine } from './template-engine.js';
import type { OperationTestView, TestFileView, TestHelpersView, TestRunnerView } from './view-model.js';

/** Where the spec copy Prism serves is written. */
const SPEC_FILE = 'tests/openapi.json';
/** Line width under which an argument list stays on one line. */
const INLINE_ARGS = 100;

/** What `tests: true` adds to the generated `package.json`. */
export interface TestPackageFields {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** The scripts and devDependencies the generated package's `package.json` gains with `tests: true`. */
export function testPackageFields(settings: ClientSettings): TestPackageFields {
  if (settings.tests !== true) return { scripts: {}, devDependencies: {} };
  return {
    scripts: { test: 'npm run build && node tests/run.mjs' },
    devDependencies: { '@stoplight/prism-cli': '5.12.0' },
  };
}

/** Every file of `tests/`, or none unless `tests: true` (and a package of the full client). */
export function generatedTests(
  document: SpecDocument,
  model: ApiModel,
  settings: ClientSettings,
  engine: TemplateEngine,
  clientName: string,
): GeneratedFile[] {
  if (settings.tests !== true || settings.package === false || settings.emit === 'types') return [];
  const byResource = new Map<string, OperationTestView[]>();
  for (const op of model.operations) {
    if (op.streaming && !op.streaming.selector) continue; // a stream-only operation has no JSON response to check
    const key = op.resource.join('.');
    byResource.set(key, [...(byResource.get(key) ?? []), operationTest(document, op)]);
  }
  const files: GeneratedFile[] = [];
  for (const [resourcePath, tests] of byResource) {
    const view: TestFileView = { resourcePath, tests: tests.sort((a, b) => compare(a.name, b.name)) };
    const content = engine.render('tests/resource.test.mjs', view);
    files.push({ path: `tests/${resourcePath || 'client'}.test.mjs`, content });
  }
  files.sort((a, b) => compare(a.path, b.path));
  const runner: TestRunnerView = { specFile: SPEC_FILE, testFiles: files.map((f) => f.path) };
  const helpers: TestHelpersView = { clientName, clientImport: '../dist/esm/index.js' };
  files.push({ path: 'tests/run.mjs', content: engine.render('tests/run.mjs', runner) });
  files.push({ path: 'tests/helpers.mjs', content: engine.render('tests/helpers.mjs', helpers) });
  files.push({ path: SPEC_FILE, content: `${JSON.stringify(sortKeys(document), null, 2)}\n` });
  return files;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The document with every object's keys sorted: the spec copy does not depend on the order the spec was written in. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compare(a, b));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

function operationTest(document: SpecDocument, op: Operation): OperationTestView {
  const callPath = [...op.resource, op.methodName];
  return {
    name: `${callPath.join('.')} (${op.method.toUpperCase()} ${op.path})`,
    operationId: op.id,
    callPath,
    paginated: op.pagination !== undefined,
    requiredArgs: argsSource(callArgs(document, op, 'required')),
    allArgs: argsSource(callArgs(document, op, 'all')),
  };
}

function argsSource(args: Json[]): string {
  const inline = JSON.stringify(args);
  return inline.length <= INLINE_ARGS ? inline : JSON.stringify(args, null, 2).replace(/\n/g, '\n    ');
}

/** Follows a JSON pointer (`/paths/~1users/get`) into the document. */
function atPointer(document: SpecDocument, pointer: string): SchemaObject {
  const parts = pointer
    .replace(/^#?\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce<SchemaObject>((node, key) => node?.[key] as SchemaObject, document as SchemaObject);
}

/** The spec's parameter objects of an operation (path-item level first, the operation's own overriding). */
function rawParameters(document: SpecDocument, op: Operation): Map<string, SchemaObject> {
  const raw = atPointer(document, op.pointer);
  const pathItem = atPointer(document, op.pointer.slice(0, op.pointer.lastIndexOf('/')));
  const out = new Map<string, SchemaObject>();
  for (const p of [...(pathItem?.['parameters'] ?? []), ...(raw?.['parameters'] ?? [])]) {
    const param = deref(document, p);
    out.set(`${String(param['in'])}:${String(param['name'])}`, param);
  }
  return out;
}

/** `[positional?, params?]` for one call: path params always, other members when required or `mode` is `all`. */
function callArgs(document: SpecDocument, op: Operation, mode: 'required' | 'all'): Json[] {
  const plan = op.request;
  const raw = rawParameters(document, op);
  // Distinct values per path parameter, so a swapped one shows in the URL.
  const paramValue = (location: string, name: string): Json =>
    exampleFor(document, raw.get(`${location}:${name}`)?.['schema'], {
      stringHint: location === 'path' || location === 'header' ? `${name.toLowerCase()}-1` : undefined,
      allProperties: mode === 'all' && location !== 'path',
      schemaExamples: true,
    });
  const params: Record<string, Json> = {};
  for (const m of plan.members) {
    if (m.location === 'body') continue;
    const wanted = m.location === 'path' || m.property.required || mode === 'all';
    if (wanted) params[m.property.name] = paramValue(m.location, m.property.name);
  }
  Object.assign(params, bodyParams(document, op, mode));
  const args: Json[] = plan.positional ? [paramValue('path', plan.positional.name)] : [];
  const takesParams = plan.members.length > 0 || plan.bodyUnion !== null;
  if (takesParams && (Object.keys(params).length > 0 || plan.paramsRequired)) args.push(params);
  return args;
}

/** The body's share of `params`: its fields spread, or the whole value as `body`. */
function bodyParams(document: SpecDocument, op: Operation, mode: 'required' | 'all'): Record<string, Json> {
  const sent = op.request.body;
  const rawBody = deref(document, atPointer(document, op.pointer)?.['requestBody']);
  if (!sent || !rawBody) return {};
  const schema = rawBody['content']?.[sent.contentType]?.['schema'] as SchemaObject | undefined;
  if (sent.mode === 'whole') {
    const whole = op.request.members.find((m) => m.location === 'body');
    if (!whole?.property.required && mode === 'required') return {};
    if (sent.encoding === 'binary') return { body: 'example' };
    return { body: exampleFor(document, schema, { request: true, schemaExamples: true }) };
  }
  const value = exampleFor(document, schema, { request: true, topLevelOptional: mode === 'all', schemaExamples: true });
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
