/**
 * Diagnostics shared by every stage. Stages never print: they throw an
 * {@link ApiforgeError} or collect {@link Diagnostic} warnings, and the CLI
 * reports them once, with their locations.
 */

/** Where a problem is: a file and, when known, a line/column and a JSON pointer. */
export interface SourceLocation {
  /** File path (relative to the cwd when possible) or URL. */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** JSON pointer inside the document, e.g. `#/paths/~1pets/get`. */
  pointer?: string;
}

export type DiagnosticCode =
  | 'parse-error'
  | 'not-openapi'
  | 'empty-file'
  | 'binary-file'
  | 'file-not-found'
  | 'url-unreachable'
  | 'dangling-ref'
  | 'invalid-document'
  | 'numeric-version'
  | 'ref-cycle'
  | 'dynamic-ref'
  | 'unsupported-version'
  | 'nullable-without-type'
  | 'nullable-in-3.1'
  | 'undeclared-path-param'
  | 'invalid-query-style'
  | 'duplicate-operation-id'
  | 'no-responses'
  | 'unknown-field'
  | 'ref-sibling-keys'
  | 'name-collision'
  | 'pagination-ambiguous'
  | 'stream-ambiguous'
  | 'config-error'
  | 'template-error'
  | 'override-unused'
  | 'generation-error'
  | 'internal-error';

export interface Diagnostic {
  code: DiagnosticCode;
  /** Errors make the run fail (exit 1) even when output could be produced. Default: warning. */
  severity?: 'error' | 'warning';
  message: string;
  location?: SourceLocation;
}

/** Formats a location as `file:line:column (pointer)`; parts that are unknown are left out. */
export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  let out = loc.file ?? '';
  if (loc.line !== undefined) out += `:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
  if (loc.pointer) out += out ? ` (${loc.pointer})` : loc.pointer;
  return out;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d.location);
  return where ? `${where}: ${d.message}` : d.message;
}

/** An expected failure caused by the user's input; the CLI prints it without a stack trace. */
export class ApiforgeError extends Error {
  readonly code: DiagnosticCode;
  readonly location: SourceLocation | undefined;
  /** Process exit code the CLI should use: 1 for input/generation errors, 2 for usage errors. */
  readonly exitCode: 1 | 2;
  /** Every problem when there are several (the message names the first); each prints on its own line. */
  readonly diagnostics: Diagnostic[];

  constructor(code: DiagnosticCode, message: string, location?: SourceLocation, exitCode: 1 | 2 = 1) {
    super(location ? `${formatLocation(location)}: ${message}` : message);
    this.name = 'ApiforgeError';
    this.code = code;
    this.location = location;
    this.exitCode = exitCode;
    this.diagnostics = [{ code, severity: 'error', message, ...(location ? { location } : {}) }];
  }

  /** One error for several problems found at once: the message is the first, with a count of the rest. */
  static fromDiagnostics(errors: Diagnostic[]): ApiforgeError {
    const [first, ...rest] = errors;
    if (!first) throw new Error('fromDiagnostics needs at least one diagnostic');
    const more = rest.length > 0 ? ` (and ${rest.length} more error${rest.length > 1 ? 's' : ''})` : '';
    const err = new ApiforgeError(first.code, `${first.message}${more}`, first.location);
    err.diagnostics.splice(0, 1, ...errors);
    return err;
  }
}

/** Collects warnings during one run, de-duplicated and in a stable order. */
export class DiagnosticBag {
  private readonly items = new Map<string, Diagnostic>();

  warn(code: DiagnosticCode, message: string, location?: SourceLocation): void {
    this.add({ code, message, severity: 'warning', ...(location ? { location } : {}) });
  }

  /** Records a problem that makes the run fail while still letting it produce what it can. */
  error(code: DiagnosticCode, message: string, location?: SourceLocation): void {
    this.add({ code, message, severity: 'error', ...(location ? { location } : {}) });
  }

  add(d: Diagnostic): void {
    this.items.set(formatDiagnostic(d) + '\u0000' + d.code, d);
  }

  get hasErrors(): boolean {
    return [...this.items.values()].some((d) => d.severity === 'error');
  }

  /** Warnings sorted by location then message, so output does not depend on traversal order. */
  list(): Diagnostic[] {
    return [...this.items.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
  }
}
