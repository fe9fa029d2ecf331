import { ApiforgeError, type DiagnosticBag, type SourceLocation } from '../diagnostics.js';

/** OpenAPI major.minor families apiforge reads. */
export type SpecVersion = '2.0' | '3.0' | '3.1' | '3.2';

export interface DetectedVersion {
  family: SpecVersion;
  /** The version as written (`3.1.0`, or `3.1` for an unquoted YAML number). */
  raw: string;
}

/**
 * Reads `openapi` / `swagger`. An unquoted `openapi: 3.1` or `swagger: 2.0` is a YAML number:
 * it is read from the source text as written, the document is fixed to hold the string,
 * and a warning says what was read.
 */
export function detectVersion(doc: unknown, text: string, display: string, bag: DiagnosticBag): DetectedVersion {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ApiforgeError(
      'not-openapi',
      `${display} is not an OpenAPI or Swagger document (expected a mapping at the top level)`,
    );
  }
  const record = doc as Record<string, unknown>;
  const field = record['swagger'] !== undefined ? 'swagger' : record['openapi'] !== undefined ? 'openapi' : undefined;
  if (field === undefined) {
    throw new ApiforgeError(
      'not-openapi',
      `${display} is not an OpenAPI or Swagger document (no "openapi" or "swagger" field)`,
    );
  }
  let value = record[field];
  if (typeof value === 'number') {
    const match = new RegExp(`^["']?${field}["']?\\s*:\\s*([0-9][0-9.]*)`, 'm').exec(text);
    const asString = match?.[1] ?? (Number.isInteger(value) ? value.toFixed(1) : String(value));
    const where: SourceLocation = { file: display, pointer: `#/${field}` };
    if (match) {
      const valueOffset = match.index + match[0].length - asString.length;
      where.line = text.slice(0, valueOffset).split('\n').length;
      where.column = valueOffset - text.lastIndexOf('\n', valueOffset - 1);
    }
    const message = `${field}: ${asString} is a number in YAML; read as the version "${asString}" (quote it: ${field}: "${asString}")`;
    bag.warn('numeric-version', message, where);
    record[field] = asString;
    value = asString;
  }
  const pointer = { file: display, pointer: `#/${field}` };
  if (field === 'swagger') {
    if (value === '2.0' || value === '2') {
      record[field] = '2.0';
      return { family: '2.0', raw: String(value) };
    }
    throw new ApiforgeError(
      'unsupported-version',
      `unsupported Swagger version ${JSON.stringify(value)} (apiforge reads 2.0)`,
      pointer,
    );
  }
  const m = typeof value === 'string' ? /^3\.(\d+)/.exec(value) : null;
  if (m && typeof value === 'string') {
    const minor = Number(m[1]);
    return { family: minor === 0 ? '3.0' : minor === 1 ? '3.1' : '3.2', raw: value };
  }
  throw new ApiforgeError(
    'unsupported-version',
    `unsupported OpenAPI version ${JSON.stringify(value)} (apiforge reads 2.0, 3.0, 3.1 and 3.2)`,
    pointer,
  );
}
