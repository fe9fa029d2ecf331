/**
 * Choosing how output is formatted. The default needs no formatter: the
 * templates and the literal printer already lay code out (2-space
 * indentation, long unions and signatures broken at 120 columns), so the
 * default pass only trims what a template override may leave behind.
 * Prettier (format.ts) loads only when a config asks for it.
 */
import type { ClientSettings } from '../config/types.js';
import type { GeneratedFile } from '../write/types.js';

/** `printer`: the printer's layout, tidied (default); `prettier`: the user's prettier config; `none`: as printed. */
export type FormatMode = 'printer' | 'prettier' | 'none';

/** The format mode of a client; the deprecated `prettier` flag still works when `format` is not set. */
export function formatMode(settings: Pick<ClientSettings, 'format' | 'prettier'>): FormatMode {
  if (settings.format !== undefined)
    return settings.format === 'prettier' ? 'prettier' : settings.format ? 'printer' : 'none';
  if (settings.prettier !== undefined) return settings.prettier ? 'prettier' : 'none';
  return 'printer';
}

/** The default pass over TypeScript files: no trailing whitespace, at most one blank line in a row, one final newline. */
export function tidyFiles(files: GeneratedFile[]): GeneratedFile[] {
  return files.map((f) => (f.path.endsWith('.ts') ? { path: f.path, content: tidy(f.content) } : f));
}

function tidy(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '')}\n`;
}
