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

/** False only when no line ends in a blank (`$` of a multiline pattern is also before `\r`, U+2028 and U+2029). */
function mayHaveTrailingBlanks(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last === 32 || last === 9 || text.includes(' \n') || text.includes('\t\n')) return true;
  return text.includes('\r') || text.includes('\u2028') || text.includes('\u2029');
}

// The regular expressions run only where they can match (printed code is mostly tidy already): scanning
// megabytes of output with a `$`-anchored pattern costs more than the plain substring tests.
function tidy(text: string): string {
  if (mayHaveTrailingBlanks(text)) text = text.replace(/[ \t]+$/gm, '');
  if (text.includes('\n\n\n')) text = text.replace(/\n{3,}/g, '\n\n');
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return `${text.slice(0, end)}\n`;
}
