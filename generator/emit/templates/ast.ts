/**
 * Handlebars AST utilities for the template engine: stricter lookups,
 * slot discovery, and turning Handlebars exceptions into located errors.
 */
import path from 'node:path';
import type Handlebars from 'handlebars';
import { ApiforgeError } from '../../diagnostics.js';

type Node = { type?: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;
type PathNode = Node & { original: string; parts: string[]; data: boolean; strict?: boolean };

const CALL_NODES = new Set([
  'MustacheStatement',
  'BlockStatement',
  'SubExpression',
  'PartialStatement',
  'PartialBlockStatement',
  'DecoratorBlock',
  'Decorator',
]);

/** Depth-first walk over every AST node (any object carrying a `type`). */
function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const n = node as Node;
  if (typeof n.type === 'string') visit(n);
  for (const key in n) {
    if (key === 'loc') continue;
    const v = n[key];
    if (typeof v === 'object' && v !== null) walk(v, visit);
  }
}

/**
 * Handlebars' `strict` only checks the head of a mustache (`{{a.b}}`), not
 * helper arguments: `{{#if deprected}}` with a typo renders nothing, silently.
 * The compiler honours a `strict` flag on each PathExpression, so setting it
 * on arguments and hash values makes every field lookup strict.
 * `this`, `@data` and `../`-only paths are left alone.
 */
export function makeParamsStrict(ast: hbs.AST.Program): void {
  const mark = (p: unknown): void => {
    const n = p as PathNode;
    if (n?.type === 'PathExpression' && !n.data && n.parts.length > 0) n.strict = true;
  };
  walk(ast, (n) => {
    if (!CALL_NODES.has(n.type!)) return;
    for (const p of (n.params as unknown[] | undefined) ?? []) mark(p);
    const hash = n.hash as { pairs?: Array<{ value: unknown }> } | undefined;
    for (const pair of hash?.pairs ?? []) mark(pair.value);
  });
}

/** Names used as `{{#> name}}default{{/name}}` slots: valid override targets even without a file. */
export function collectSlotNames(ast: hbs.AST.Program): string[] {
  const out: string[] = [];
  walk(ast, (n) => {
    if (n.type !== 'PartialBlockStatement') return;
    const name = n.name as Node & { original?: unknown };
    if (name.type === 'PathExpression' && typeof name.original === 'string') out.push(name.original);
  });
  return out;
}

/** The source text of the field lookup at a location, e.g. `method.docs.summary`. */
function pathAt(ast: hbs.AST.Program, line: number, column: number): string | undefined {
  let found: string | undefined;
  walk(ast, (n) => {
    if (
      found === undefined &&
      n.type === 'PathExpression' &&
      n.loc?.start.line === line &&
      n.loc.start.column === column
    ) {
      found = (n as PathNode).original;
    }
  });
  return found;
}

/** File path for messages: relative to the cwd when inside it, absolute otherwise. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Converts a Handlebars parse/compile exception into a located `template-error`. */
export function syntaxError(e: unknown, name: string, file: string): ApiforgeError {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const raw = String(err.message ?? e);
  let line = err.lineNumber;
  let column = err.column === undefined ? undefined : err.column + 1;
  const m = /^Parse error on line (\d+):\n/.exec(raw);
  if (m) line = Number(m[1]);
  const reason = raw.replace(/^Parse error on line \d+:\n/, '').replace(/ - \d+:\d+$/, '');
  const loc = {
    file: displayPath(file),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  };
  return new ApiforgeError('template-error', `syntax error in template "${name}": ${reason}`, loc);
}

/**
 * Converts an error thrown while rendering `name` into a located
 * `template-error`. Strict-mode misses name the full field path; the source
 * is re-parsed only on this (rare) path to find it.
 */
export function renderError(
  e: unknown,
  name: string,
  file: string,
  source: string,
  hb: typeof Handlebars,
): ApiforgeError {
  if (e instanceof ApiforgeError) return e;
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const raw = String(err.message ?? e);
  const line = err.lineNumber;
  const loc = {
    file: displayPath(file),
    ...(line !== undefined ? { line } : {}),
    ...(err.column !== undefined ? { column: err.column + 1 } : {}),
  };
  const miss = /^"(.+)" not defined in /.exec(raw);
  if (miss) {
    let field = miss[1]!;
    if (line !== undefined && err.column !== undefined) {
      try {
        field = pathAt(hb.parse(source), line, err.column) ?? field;
      } catch {
        // The source parsed once already; keep the short name if it somehow does not now.
      }
    }
    const detail = field === miss[1] ? `"${field}"` : `"${field}" ("${miss[1]}" is missing)`;
    return new ApiforgeError(
      'template-error',
      `template "${name}" references field ${detail}, which the view does not have (strict mode; check the view-model reference in docs/templates.md)`,
      loc,
    );
  }
  const reason = raw.replace(/ - \d+:\d+$/, '');
  return new ApiforgeError('template-error', `error rendering template "${name}": ${reason}`, loc);
}
