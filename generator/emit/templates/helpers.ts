/**
 * Generic helpers available to every template. Kept small on purpose:
 * anything specific to TypeScript output belongs in the view-model, where it
 * is typed and testable, not in a helper.
 */
import type Handlebars from 'handlebars';

/** Drops Handlebars' trailing `options` argument from a helper's arguments. */
function args(all: unknown[]): unknown[] {
  return all.slice(0, -1);
}

export const builtinHelpers: Record<string, Handlebars.HelperDelegate> = {
  /** `{{join list ", "}}`: joins an array (default separator `, `). */
  join(list: unknown, ...rest: unknown[]) {
    const sep = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : ', ';
    return Array.isArray(list) ? list.join(sep) : '';
  },
  /** `{{#if (eq a b)}}`: strict equality. */
  eq: (a: unknown, b: unknown) => a === b,
  /** `{{#if (ne a b)}}`: strict inequality. */
  ne: (a: unknown, b: unknown) => a !== b,
  /** `{{#if (not a)}}`. */
  not: (a: unknown) => !a,
  /** `{{#if (and a b c)}}`: true when every argument is truthy. */
  and: (...all: unknown[]) => args(all).every(Boolean),
  /** `{{#if (or a b c)}}`: true when some argument is truthy. */
  or: (...all: unknown[]) => args(all).some(Boolean),
  /** `{{json value}}`: `JSON.stringify`, safe for string literals in generated code. */
  json: (value: unknown) => JSON.stringify(value === undefined ? null : value),
  /** `{{#trim}}…{{/trim}}`: the block without surrounding whitespace, to put a line-ending partial inside a line. */
  trim(this: unknown, options: Handlebars.HelperOptions) {
    return options.fn(this).trim();
  },
  /**
   * `{{indent text 2}}` or `{{#indent 4}}…{{/indent}}`: prefixes every
   * non-empty line except the first, so it composes with the column the
   * mustache already sits at.
   */
  indent(this: unknown, ...all: unknown[]) {
    const options = all[all.length - 1] as Handlebars.HelperOptions;
    const block = all.length === 2;
    const text = block ? options.fn(this) : String(all[0] ?? '');
    const width = Number(block ? all[0] : all[1]);
    const pad = ' '.repeat(Number.isFinite(width) ? width : 2);
    return text.replace(/\n(?=[^\n])/g, `\n${pad}`);
  },
};
