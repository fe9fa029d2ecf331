/**
 * Running templates: every template (and every partial call) goes through one delegate that records it as used,
 * keeps the stack of running templates (so an error names the file it happened in, and a runaway recursion stops),
 * and indents a standalone partial's output.
 */
import type Handlebars from 'handlebars';
import { ApiforgeError } from '../../diagnostics.js';
import { displayPath, renderError } from './ast.js';
import type { Entry } from './sources.js';

/** Partial calls nested deeper than this are a runaway recursion (an override calling itself). */
const MAX_DEPTH = 200;

/** What Handlebars passes a partial: `indent` is the whitespace before a standalone `{{> partial}}`. */
interface PartialOptions {
  data?: Record<string, unknown>;
  fn?: unknown;
  indent?: string;
}

/** Renders templates for one engine; rendering is synchronous, so one stack per engine is enough. */
export class TemplateRunner {
  private readonly stack: Entry[] = [];
  /** Templates rendered so far, directly or as partials. */
  readonly used = new Set<Entry>();

  constructor(private readonly hb: typeof Handlebars) {}

  /** Runs `f` as template `entry`: errors inside are attributed to its file. */
  runAs<T>(entry: Entry, f: () => T): T {
    this.enter(entry);
    try {
      return f();
    } catch (err) {
      throw renderError(err, entry.name, entry.file, entry.text, this.hb);
    } finally {
      this.stack.pop();
    }
  }

  /** The function registered for `entry`, as a partial and for direct rendering. */
  delegate(entry: Entry): Handlebars.TemplateDelegate {
    return (context, runtime) => {
      this.used.add(entry);
      const options = runtime as PartialOptions | undefined;
      const caller = this.stack[this.stack.length - 1];
      const block = options?.data?.['partial-block'];
      if (caller && options?.fn && typeof block === 'function') {
        // The `{{#> slot}}…{{/slot}}` body belongs to the caller's file: attribute its errors there.
        const run = block as (c: unknown, o: unknown) => string;
        const data = {
          ...options.data,
          'partial-block': (c: unknown, o: unknown) => this.runAs(caller, () => run(c, o)),
        };
        runtime = { ...runtime, data };
      }
      this.enter(entry);
      let out: string;
      try {
        out = entry.fn!(context, runtime);
      } catch (err) {
        throw renderError(err, entry.name, entry.file, entry.text, this.hb);
      } finally {
        this.stack.pop();
      }
      // Handlebars indents a standalone partial's output (split, prefix, join) once this returns; the same
      // indentation in one scan costs a fraction, and an emptied `indent` tells Handlebars it is done.
      const indent = options?.indent;
      if (!indent) return out;
      options.indent = '';
      return indentLines(out, indent);
    };
  }

  private enter(entry: Entry): void {
    if (this.stack.length >= MAX_DEPTH) {
      throw new ApiforgeError(
        'template-error',
        `template "${entry.name}" recurses more than ${MAX_DEPTH} levels deep (does an override include itself instead of @builtin/${entry.name}?)`,
        { file: displayPath(entry.file) },
      );
    }
    this.stack.push(entry);
  }
}

/**
 * Prefixes every line of `text` with `indent`, empty lines included, except the empty rest after a final
 * newline: exactly what Handlebars does to a standalone partial's output.
 */
export function indentLines(text: string, indent: string): string {
  if (text === '') return '';
  let out = indent;
  let at = 0;
  for (;;) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return out + text.slice(at);
    out += text.slice(at, nl + 1);
    at = nl + 1;
    if (at === text.length) return out;
    out += indent;
  }
}
