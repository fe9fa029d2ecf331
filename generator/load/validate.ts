import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import type { Diagnostic, DiagnosticCode, SourceLocation } from '../diagnostics.js';
import { danglingRefDiagnostics, type UnresolvedUse } from './dangling-refs.js';
import { resolvePointer } from './pointer.js';
import { displayPath } from './read-source.js';

export interface ValidateInput {
  /** Absolute path or URL of the root document. */
  ref: string;
  text: string;
  /** The parsed root, with any fixes the loader already made (numeric versions, `$id` references). */
  parsed: unknown;
  /** Report dangling `$ref`s as warnings (they are typed `unknown`) instead of errors. */
  allowUnresolvedRefs: boolean;
}

type Problem = Awaited<ReturnType<typeof import('@redocly/openapi-core').lintDocument>>[number];
type Location = Problem['location'][number];

/**
 * Checks the document's structure against the OpenAPI (or Swagger 2.0) object
 * model with Redocly's `struct` rule, and every `$ref` (across files) with its
 * `no-unresolved-refs` rule. Problems that leave nothing sensible to generate
 * (a wrong container type, a value outside an enum, a missing `url`/`name`/`in`)
 * are errors; the rest are warnings. Each carries file, JSON pointer and line:column.
 */
export async function validateDocument(input: ValidateInput): Promise<Diagnostic[]> {
  // Loaded on demand, like the bundler: it is a large import.
  const { BaseResolver, Source, createConfig, getLineColLocation, lintDocument } = await import('@redocly/openapi-core');
  const config = await createConfig({ rules: { struct: 'error', 'no-unresolved-refs': 'error' } });
  const problems = await lintDocument({
    document: { source: new Source(input.ref, input.text), parsed: input.parsed },
    config: config.styleguide,
    externalRefResolver: new BaseResolver(),
  });
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
    const diagnostic = classify(problem.message, where(loc));
    if (diagnostic) out.push(diagnostic);
  }
  return [...danglingRefDiagnostics(unresolved, input.allowUnresolvedRefs), ...out];
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

function unresolvedUse(loc: Location, location: SourceLocation, documents: Map<string, unknown>): UnresolvedUse | undefined {
  const source = loc.source.absoluteRef;
  let doc = documents.get(source);
  if (doc === undefined) {
    doc = parseQuietly(loc.source.body);
    documents.set(source, doc);
  }
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

/** Fields whose absence leaves the object unusable: a server without `url`, a parameter without `name`... */
const REQUIRED_FOR_GENERATION = new Set(['url', 'name', 'in', 'propertyName', 'openapi', 'swagger', '$ref']);

function classify(message: string, location: SourceLocation): Diagnostic | undefined {
  const issue = (code: DiagnosticCode, severity: 'error' | 'warning', text = message): Diagnostic => ({ code, severity, message: tidy(text), location });
  // The model reads `nullable` without `type` and warns about it itself.
  if (/must be defined when the `nullable` field is used/.test(message)) return undefined;
  if (/is not expected here/.test(message)) return issue('unknown-field', 'warning');
  // `Expected type \`Paths\` (object) but got \`array\``: a whole object of the wrong kind.
  if (/^Expected type `[^`]+` \((object|array)\) but got/.test(message)) return issue('invalid-document', 'error');
  if (/can be one of the following only/.test(message)) return issue('invalid-document', 'error');
  const missing = /^The field `([^`]+)` must be present on this level/.exec(message);
  if (missing) return issue('invalid-document', REQUIRED_FOR_GENERATION.has(missing[1] ?? '') ? 'error' : 'warning');
  return issue('invalid-document', 'warning');
}

/** Redocly's sentences end with a period; ours do not. */
function tidy(message: string): string {
  return message.replace(/\.$/, '');
}

function displaySource(ref: string): string {
  return displayPath(ref.startsWith('file:') ? fileURLToPath(ref) : ref);
}
