/**
 * Pagination detection (issue 5): decides, per operation, whether a list
 * pages and how, from its query parameters, success response body and
 * declared response headers; config overrides win. Rules: docs/pagination.md.
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { ModelOptions } from './build-model.js';
import { analyze } from './pagination/analyze.js';
import { infer } from './pagination/infer.js';
import { applyOverride } from './pagination/override.js';
import type { SchemaResolver } from './pagination/schema-view.js';
import type { Operation, Pagination } from './types.js';

export type { SchemaResolver } from './pagination/schema-view.js';

/**
 * The pagination of one operation, or undefined when it does not page.
 * Order: an override of `false` turns it off; an override object declares it
 * (checked against the spec, problems reported as `config-error`); otherwise,
 * unless `options.pagination` is `off`, GET operations are inferred, and a
 * half match is reported as `pagination-ambiguous`.
 */
export function detectPagination(
  op: Operation,
  options: ModelOptions,
  bag: DiagnosticBag,
  file: string,
  resolve: SchemaResolver,
): Pagination | undefined {
  const override = options.operations?.[op.id]?.pagination;
  if (override === false) return undefined;
  const location = { file, pointer: op.pointer };
  if (override) {
    const { pagination, problems } = applyOverride(override, analyze(op, resolve), resolve);
    for (const p of problems) {
      const message = `${op.id}: ${p.message}`;
      if (p.severity === 'error') bag.error('config-error', message, location);
      else bag.warn('config-error', message, location);
    }
    return pagination;
  }
  if (options.pagination === 'off' || op.method !== 'get') return undefined;
  const result = infer(analyze(op, resolve), resolve);
  if ('ambiguous' in result) {
    const key = `operations["${op.id}"].pagination`;
    const advice = `declare ${key} to page it, or set ${key} to false to silence this warning`;
    bag.warn(
      'pagination-ambiguous',
      `${op.method.toUpperCase()} ${op.path} (${op.id}) is ${result.ambiguous}; ${advice}`,
      location,
    );
  }
  return 'pagination' in result ? result.pagination : undefined;
}
