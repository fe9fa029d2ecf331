/**
 * A stand-in for generator/pipeline.ts with the same contract: the "spec" is
 * a JSON file `{ title, files: {path: content}, refs?: [file], warnings?: [..] }`.
 * Invalid JSON throws a located parse-error, as the real loader does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PipelineApi } from '../../generator/cli/main.js';
import { ApiforgeError, type Diagnostic } from '../../generator/diagnostics.js';

interface FakeSpec {
  title: string;
  files: Record<string, string>;
  refs?: string[];
  warnings?: Diagnostic[];
  crash?: boolean;
}

function load(input: string): FakeSpec {
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch {
    throw new ApiforgeError('file-not-found', 'file not found', { file: input });
  }
  try {
    return JSON.parse(text) as FakeSpec;
  } catch (e) {
    throw new ApiforgeError('parse-error', (e as Error).message, { file: input, line: 1 });
  }
}

export const fakePipeline: PipelineApi & { calls: number } = {
  calls: 0,
  async generateClient(settings) {
    fakePipeline.calls++;
    const spec = load(settings.input);
    if (spec.crash) throw new TypeError('cannot read properties of undefined');
    const refs = (spec.refs ?? []).map((r) => path.resolve(path.dirname(settings.input), r));
    const extra = refs.map((r) => `// ${readFileSync(r, 'utf8').trim()}\n`).join('');
    const header = settings.templates ? `// templates: ${readFileSync(path.join(settings.templates, 'partials/jsdoc.hbs'), 'utf8').trim()}\n` : '';
    return {
      files: Object.entries(spec.files).map(([p, content]) => ({ path: p, content: header + content + extra })),
      warnings: spec.warnings ?? [],
      sourceFiles: [settings.input, ...refs],
      templatesUsed: [{ name: 'partials/jsdoc', file: path.resolve('templates/partials/jsdoc.hbs'), source: 'builtin' }],
      clientName: spec.title,
    };
  },
  async inspectClient(settings) {
    const spec = load(settings.input);
    return { title: spec.title, files: Object.keys(spec.files).length, warnings: spec.warnings ?? [] };
  },
  formatInspect(report: { title: string; files: number }) {
    return `${report.title}: ${report.files} files\n`;
  },
};
