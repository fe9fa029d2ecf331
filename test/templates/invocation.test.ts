import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { indentLines } from '../../generator/emit/templates/invocation.js';

/** Handlebars' own indentation of a standalone partial, through a string partial it compiles itself. */
function handlebarsIndent(text: string, indent: string): string {
  const hb = Handlebars.create();
  hb.registerPartial('p', '{{{text}}}');
  return hb.compile(`${indent}{{> p}}`)({ text });
}

describe('indentLines', () => {
  const texts = ['', 'x', 'x\n', '\n', '\n\n', 'a\nb', 'a\n\nb\n', 'a\nb\n\n', '  a\n    b\n', 'a\r\nb'];

  it.each(texts)('indents %j as Handlebars indents a standalone partial', (text) => {
    for (const indent of ['  ', '\t', '    ']) expect(indentLines(text, indent)).toBe(handlebarsIndent(text, indent));
  });
});
