import type { DiagnosticBag } from '../diagnostics.js';
import type { ModelOptions } from './build-model.js';
import type { Operation, Pagination } from './types.js';

/** Pagination detection lands with issue 5; until then no operation paginates. */
export function detectPagination(_op: Operation, _options: ModelOptions, _bag: DiagnosticBag, _file: string): Pagination | undefined {
  return undefined;
}
