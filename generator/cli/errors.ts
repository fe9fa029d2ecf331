/** How the CLI turns a thrown value into one readable message. */
import { ApiforgeError, formatDiagnostic } from '../diagnostics.js';

/**
 * An {@link ApiforgeError} prints as its message (which carries its
 * location). Anything else is a bug in apiforge: one line plus a hint, and
 * the stack only with `--debug`.
 */
export function describeError(e: unknown, debug: boolean): string {
  if (e instanceof ApiforgeError) {
    // Several problems found at once: the first is the message, each other one gets its own line.
    const text = [e.message, ...e.diagnostics.slice(1).map((d) => `error: ${formatDiagnostic(d)}`)].join('\n');
    return debug && e.stack ? `${text}\n${stackOnly(e.stack)}` : text;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  if (debug) return err.stack ?? err.message;
  // One line: a library's message may carry a code frame below its first line.
  const first = err.message.split('\n')[0] ?? '';
  return `internal error: ${first} (rerun with --debug for the stack trace, and please report it)`;
}

function stackOnly(stack: string): string {
  return stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
}
