import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import type { Diagnostic, DiagnosticCode, SourceLocation } from '../diagnostics.js';
import { danglingRefDiagnostics, type UnresolvedUse } from './dangling-refs.js';
import { decodeSegment, resolvePointer } from './pointer.js';
import { displayPath } from './read-source.js';
import { pureRefCycles, withoutRefCycles } from './ref-cycles.js';
import type { NodeType } from './struct-rule.js';
import type { StructProblem } from './struct-walk.js';

export interface ValidateInput {
  /** Absolute path or URL of the root document. */
  ref: string;
  text: string;
  /** The parsed root, with any fixes the loader already made (numeric versions, `$id` references). */
  parsed: unknown;
  /** Report dangling `$ref`s as warnings (they are typed `unknown`) instead of errors. */
  allowUnresolvedRefs: boolean;
}

/** How {@link validateDocument} checks. */
export interface CheckOptions {
  /** Check with Redocly's `lintDocument` even when the quick check could (for comparing the two). */
  redoclyOnly?: boolean;
}

type Problem = Awaited<ReturnType<typeof import('@redocly/openapi-core').lintDocument>>[number];
type Location = Problem['location'][number];

/**
 * Checks the document's structure against the OpenAPI (or Swagger 2.0) object
 * model as Redocly's `struct` rule does, and every `$ref` (across files) as its
 * `no-unresolved-refs` rule does: with struct-walk.ts when it can (one file), else
 * with Redocly itself. Problems that leave nothing sensible to generate
 * (a wrong container type, a value outside an enum, a missing `url`/`name`/`in`)
 * are errors; the rest are warnings. Each carries file, JSON pointer and line:column.
 */
export async function validateDocument(input: ValidateInput, options: CheckOptions = {}): Promise<Diagnostic[]> {
  const quick = options.redoclyOnly ? undefined : await quickProblems(input);
  const problems = quick ?? (await redoclyProblems(input, withoutRefCycles(input.parsed, pureRefCycles(input.parsed))));
  if (problems.length === 0) return [];
  const { getLineColLocation } = await import('@redocly/openapi-core/lib/format/codeframes.js');
  const where = (loc: Location): SourceLocation => locate(loc, getLineColLocation);
  const documents = new Map<string, unknown>([[input.ref, input.parsed]]);
  const unresolved: UnresolvedUse[] = [];
  const out: Diagnostic[] = [];
  for (const problem of problems) {
    const loc = problem.location[0];
    if (!loc) continue;
    if (problem.ruleId === 'no-unresolved-refs' && loc.pointer !== undefined) {
      const use = unresolvedUse(loc, where(loc), documents);
      if (use) unresolved.push(use);
      continue;
    }
    // The model reports `nullable` without `type` itself; skip it before paying for a line:column.
    if (/must be defined when the `nullable` field is used/.test(problem.message)) continue;
    // Fields apiforge reads although the validator's version does not define them (3.2's `itemSchema`).
    if (READ_BEYOND_VERSION.some((field) => problem.message.startsWith(`Property \`${field}\` is not expected`)))
      continue;
    const pointer = 'pointer' in loc ? loc.pointer : undefined;
    const doc = pointer ? documentOf(loc, documents) : undefined;
    const value = pointer ? resolvePointer(doc, pointer) : undefined;
    const inList = pointer
      ? Array.isArray(resolvePointer(doc, pointer.slice(0, pointer.lastIndexOf('/')) || '#'))
      : false;
    out.push(classify(problem.message, where(loc), { value, inList, suggest: problem.suggest ?? [] }));
  }
  return [...danglingRefDiagnostics(unresolved, input.allowUnresolvedRefs), ...out];
}

/**
 * The quick check (struct-walk.ts) over Redocly's type tree for the document's version (a small import);
 * undefined when Redocly itself must decide: a `$ref` into another file or to an anchor, a `$ref` cycle, or
 * anything else the walk does not reproduce (it reads the document as is, without ref-cycles.ts's copy).
 */
export async function quickStructProblems(parsed: unknown): Promise<StructProblem[] | undefined> {
  const [{ detectSpec, getTypes }, { normalizeTypes }, { structProblems }] = await Promise.all([
    import('@redocly/openapi-core/lib/oas-types.js'),
    import('@redocly/openapi-core/lib/types/index.js'),
    import('./struct-walk.js'),
  ]);
  try {
    const types = normalizeTypes(getTypes(detectSpec(parsed))) as unknown as Record<string, NodeType>;
    return structProblems(parsed, { root: types.Root!, specExtension: types.SpecExtension! });
  } catch (error) {
    // NeedsRedocly, or a version Redocly's type tree does not know: Redocly decides.
    if (error instanceof Error) return undefined;
    throw error;
  }
}

/** The quick check's problems in Redocly's shape, or undefined when Redocly must check. */
async function quickProblems(input: ValidateInput): Promise<Problem[] | undefined> {
  const found = await quickStructProblems(input.parsed);
  if (found === undefined) return undefined;
  if (found.length === 0) return [];
  const { Source } = await import('@redocly/openapi-core/lib/resolve.js');
  const source = new Source(input.ref, input.text);
  return found.map(({ ruleId, message, suggest, pointer, reportOnKey }) => ({
    ruleId,
    message,
    suggest,
    severity: 'error',
    location: [{ source, pointer, reportOnKey }],
  }));
}

/** Redocly's own lint with only the two rules: the check for what struct-walk.ts hands over. */
async function redoclyProblems(input: ValidateInput, parsed: unknown): Promise<Problem[]> {
  // Loaded on demand, like the bundler: it is a large import.
  const { BaseResolver, Source, createConfig, lintDocument } = await import('@redocly/openapi-core');
  const config = await createConfig({ rules: { struct: 'error', 'no-unresolved-refs': 'error' } });
  return lintDocument({
    document: { source: new Source(input.ref, input.text), parsed },
    config: config.styleguide,
    externalRefResolver: new BaseResolver(),
  });
}

function locate(loc: Location, lineCol: (l: Location) => { start: { line: number; col: number } }): SourceLocation {
  const out: SourceLocation = { file: displaySource(loc.source.absoluteRef) };
  try {
    const { start } = lineCol(loc);
    out.line = start.line;
    out.column = start.col;
  } catch {
    // A location the AST cannot map keeps its pointer.
  }
  if ('pointer' in loc && loc.pointer) out.pointer = loc.pointer;
  return out;
}

/** The parsed file a location points into (the root is already parsed; others are parsed once, on demand). */
function documentOf(loc: Location, documents: Map<string, unknown>): unknown {
  const source = loc.source.absoluteRef;
  let doc = documents.get(source);
  if (doc === undefined) {
    doc = parseQuietly(loc.source.body);
    documents.set(source, doc);
  }
  return doc;
}

function unresolvedUse(
  loc: Location,
  location: SourceLocation,
  documents: Map<string, unknown>,
): UnresolvedUse | undefined {
  const source = loc.source.absoluteRef;
  const doc = documentOf(loc, documents);
  const node = resolvePointer(doc, (loc as { pointer: string }).pointer);
  // A schema `$ref` reports the object that holds it; a discriminator mapping reports the string itself.
  const ref = typeof node === 'string' ? node : (node as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== 'string') return undefined;
  return { ref, source, sourceDocument: doc, location };
}

function parseQuietly(text: string): unknown {
  try {
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true });
  } catch {
    return undefined;
  }
}

/** Media-type fields of OpenAPI 3.2 that apiforge reads in any 3.x document (streaming item schemas). */
const READ_BEYOND_VERSION = ['itemSchema'];

/** Fields whose absence leaves the object unusable: a server without `url`, a parameter without `name`... */
const REQUIRED_FOR_GENERATION = new Set(['url', 'name', 'in', 'propertyName', 'openapi', 'swagger', '$ref']);

/** Turns one of Redocly's `struct` messages into an apiforge diagnostic, worded for the field at hand. */
interface Found {
  /** The offending value. */
  value: unknown;
  /** Whether the value is an item of a list (`servers[0]`) rather than a field (`responses.200`). */
  inList: boolean;
  /** Redocly's suggestions for an unknown field. */
  suggest: string[];
}

function classify(message: string, location: SourceLocation, { value, inList, suggest }: Found): Diagnostic {
  const issue = (code: DiagnosticCode, severity: 'error' | 'warning', text: string): Diagnostic => ({
    code,
    severity,
    message: text,
    location,
  });
  const field = fieldName(location.pointer, inList);
  const unknown = /^Property `([^`]+)` is not expected here/.exec(message);
  if (unknown) {
    const hint = suggest[0] !== undefined ? ` (did you mean "${suggest[0]}"?)` : '';
    return issue('unknown-field', 'warning', `unknown field "${unknown[1]}"${hint}; ignored`);
  }
  // `Expected type \`Paths\` (object) but got \`array\``: a whole object of the wrong kind.
  const container = /^Expected type `([^`]+)` \((object|array)\) but got `([^`]+)`/.exec(message);
  if (container) {
    const expected = container[2] === 'object' ? 'a mapping' : 'a list';
    return issue(
      'invalid-document',
      'error',
      `${field} must be ${expected} (OpenAPI ${container[1]}), got ${kindOf(container[3] ?? '')}`,
    );
  }
  const choices = /can be one of the following only: (.*?)\.?$/.exec(message);
  if (choices)
    return issue('invalid-document', 'error', `${field}: ${JSON.stringify(value)} is not one of ${choices[1]}`);
  const missing = /^The field `([^`]+)` must be present on this level/.exec(message);
  if (missing) {
    const name = missing[1] ?? '';
    return issue(
      'invalid-document',
      REQUIRED_FOR_GENERATION.has(name) ? 'error' : 'warning',
      `${field} has no "${name}" (required)`,
    );
  }
  return issue('invalid-document', 'warning', `${field}: ${tidy(message)}`);
}

/** How messages name the field at a pointer: `#/servers/0` -> `servers[0]`, `#/…/responses/200` -> `responses.200`. */
function fieldName(pointer: string | undefined, inList: boolean): string {
  const segments = (pointer ?? '#').slice(2).split('/').filter(Boolean).map(decodeSegment);
  const last = segments.pop();
  if (last === undefined) return 'the document';
  if (inList) return `${segments.pop() ?? ''}[${last}]`;
  return /^\d+$|^[1-5]XX$|^default$/.test(last) ? `${segments.pop() ?? ''}.${last}` : last;
}

function kindOf(type: string): string {
  return type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : type === 'null' ? 'null' : `a ${type}`;
}

/** Redocly's sentences end with a period; ours do not. */
function tidy(message: string): string {
  return message.replace(/\.$/, '');
}

function displaySource(ref: string): string {
  return displayPath(ref.startsWith('file:') ? fileURLToPath(ref) : ref);
}

/** Adds file and line:column to diagnostics the loader found by pointer in the root document. */
export async function locateInRoot(ref: string, text: string, diagnostics: Diagnostic[]): Promise<Diagnostic[]> {
  if (diagnostics.length === 0) return diagnostics;
  const [{ Source }, { getLineColLocation }] = await Promise.all([
    import('@redocly/openapi-core/lib/resolve.js'),
    import('@redocly/openapi-core/lib/format/codeframes.js'),
  ]);
  const source = new Source(ref, text);
  return diagnostics.map((d) => {
    const pointer = d.location?.pointer;
    const at = { source, pointer, reportOnKey: false } as Location;
    const location = pointer ? locate(at, getLineColLocation) : { file: displaySource(ref) };
    return { ...d, location };
  });
}
