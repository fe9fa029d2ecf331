import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTemplateEngine } from '../../generator/emit/template-engine.js';
import { catchError, fixtureDir } from './helpers.js';

const BUILTINS = {
  'files/resource.hbs': '// {{name}}\n{{#each methods}}{{> partials/method}}{{/each}}',
  'partials/method.hbs': '{{> partials/jsdoc}}{{name}}();\n',
  'partials/jsdoc.hbs': '/** {{doc}} */\n',
  'files/slotted.hbs': 'A{{#> slots/extra}}default {{name}}{{/slots/extra}}B',
  'runtime/core/client.ts.hbs': 'export class {{name}} {}',
};
const VIEW = { name: 'Customers', methods: [{ name: 'list', doc: 'List them.' }, { name: 'retrieve', doc: 'Get one.' }] };
const MANIFEST = { 'apiforge-templates.json': '{"contract": "1.2"}' };

function engine(overrides?: Record<string, string>, contractVersion = '1.2') {
  const builtinDir = fixtureDir(BUILTINS);
  const overrideDir = overrides ? fixtureDir(overrides) : undefined;
  return { builtinDir, overrideDir, engine: createTemplateEngine({ builtinDir, ...(overrideDir ? { overrideDir } : {}), contractVersion }) };
}

describe('template engine: built-ins', () => {
  it('renders templates and partials by path name', () => {
    const { engine: e } = engine();
    expect(e.render('files/resource', VIEW)).toBe('// Customers\n/** List them. */\nlist();\n/** Get one. */\nretrieve();\n');
    expect(e.render('runtime/core/client.ts', { name: 'Stigg' })).toBe('export class Stigg {}');
    expect(e.has('partials/jsdoc')).toBe(true);
    expect(e.has('partials/nope')).toBe(false);
    expect(e.warnings).toEqual([]);
  });

  it('does not HTML-escape', () => {
    const { engine: e } = engine();
    expect(e.render('partials/jsdoc', { doc: '<a & "b">' })).toBe('/** <a & "b"> */\n');
  });

  it('renders the default content of an unfilled slot', () => {
    const { engine: e } = engine();
    expect(e.render('files/slotted', { name: 'x' })).toBe('Adefault xB');
  });

  it('lists the templates used, with their files', () => {
    const { engine: e, builtinDir } = engine();
    e.render('files/resource', VIEW);
    expect(e.usedTemplates()).toEqual([
      { name: 'files/resource', file: path.join(builtinDir, 'files/resource.hbs'), source: 'builtin' },
      { name: 'partials/jsdoc', file: path.join(builtinDir, 'partials/jsdoc.hbs'), source: 'builtin' },
      { name: 'partials/method', file: path.join(builtinDir, 'partials/method.hbs'), source: 'builtin' },
    ]);
  });

  it('names the closest template when asked for an unknown one', () => {
    const { engine: e } = engine();
    expect(catchError(() => e.render('partials/jsdco', {})).message).toContain('closest: "partials/jsdoc"');
  });

  it('provides generic helpers and accepts extra ones', () => {
    const builtinDir = fixtureDir({
      't.hbs': '{{join xs " | "}};{{json s}};{{#if (eq a 1)}}one{{/if}};{{#if (and a (not b))}}and{{/if}};{{#if (or b a)}}or{{/if}};{{shout s}}\n  {{indent body 2}}',
    });
    const e = createTemplateEngine({ builtinDir, contractVersion: '1.0', helpers: { shout: (s: string) => s.toUpperCase() } });
    expect(e.render('t', { xs: [1, 2], s: 'q"', a: 1, b: 0, body: 'x\ny' })).toBe('1 | 2;"q\\"";one;and;or;Q"\n  x\n  y');
  });
});

describe('template engine: overrides', () => {
  it('an override replaces a partial everywhere it is used', () => {
    const { engine: e, overrideDir } = engine({ ...MANIFEST, 'partials/jsdoc.hbs': '// {{doc}}\n' });
    expect(e.render('files/resource', VIEW)).toBe('// Customers\n// List them.\nlist();\n// Get one.\nretrieve();\n');
    expect(e.usedTemplates().find((t) => t.name === 'partials/jsdoc')).toEqual({
      name: 'partials/jsdoc',
      file: path.join(overrideDir!, 'partials/jsdoc.hbs'),
      source: 'override',
    });
  });

  it('an override can wrap the built-in through @builtin/', () => {
    const { engine: e } = engine({ ...MANIFEST, 'partials/jsdoc.hbs': '// before\n{{> @builtin/partials/jsdoc}}// after\n' });
    expect(e.render('partials/method', VIEW.methods[0]!)).toBe('// before\n/** List them. */\n// after\nlist();\n');
    const used = e.usedTemplates().filter((t) => t.name === 'partials/jsdoc').map((t) => t.source);
    expect(used).toEqual(['builtin', 'override']);
  });

  it('an override can fill a slot and reuse its default with @partial-block', () => {
    const { engine: e } = engine({ ...MANIFEST, 'slots/extra.hbs': '[{{> @partial-block}}]' });
    expect(e.render('files/slotted', { name: 'x' })).toBe('A[default x]B');
  });

  it('fails on an override file that matches no built-in, naming the closest', () => {
    const err = catchError(() => engine({ ...MANIFEST, 'partials/jsdco.hbs': 'x' }));
    expect(err.code).toBe('template-error');
    expect(err.exitCode).toBe(1);
    expect(err.location?.file).toContain('partials/jsdco.hbs');
    expect(err.message).toContain('matches no built-in template (closest: "partials/jsdoc")');
  });

  it('warns about non-template files but ignores docs', () => {
    const { engine: e } = engine({ ...MANIFEST, 'README.md': '# mine', 'partials/jsdoc.handlebars': 'x' });
    expect(e.warnings.map((w) => w.message)).toEqual(['not a template (.hbs); ignored']);
    expect(e.warnings[0]!.location?.file).toContain('jsdoc.handlebars');
  });

  it('fails when the overrides folder does not exist', () => {
    const builtinDir = fixtureDir(BUILTINS);
    const err = catchError(() => createTemplateEngine({ builtinDir, overrideDir: path.join(builtinDir, 'nope'), contractVersion: '1.0' }));
    expect(err.message).toContain('template overrides folder not found');
  });

  it('detects an override that includes itself', () => {
    const { engine: e } = engine({ ...MANIFEST, 'partials/jsdoc.hbs': '{{> partials/jsdoc}}' });
    expect(catchError(() => e.render('partials/jsdoc', { doc: 'x' })).message).toContain('@builtin/partials/jsdoc');
  });
});

describe('template engine: errors name the file and line', () => {
  it('syntax error in an override', () => {
    const err = catchError(() => engine({ ...MANIFEST, 'partials/jsdoc.hbs': '/**\n * {{doc}\n */' }));
    expect(err.code).toBe('template-error');
    expect(err.location).toMatchObject({ line: 2 });
    expect(err.location?.file).toMatch(/partials[/\\]jsdoc\.hbs$/);
    expect(err.message).toContain('syntax error in template "partials/jsdoc"');
  });

  it('mismatched block in a built-in', () => {
    const builtinDir = fixtureDir({ 'a.hbs': 'x\n{{#if a}}\n{{/each}}' });
    const err = catchError(() => createTemplateEngine({ builtinDir, contractVersion: '1.0' }));
    expect(err.location).toMatchObject({ line: 2 });
    expect(err.message).toContain("if doesn't match each");
  });

  it('unknown field in an override partial names that file, line and field path', () => {
    const { engine: e } = engine({ ...MANIFEST, 'partials/jsdoc.hbs': '/**\n * {{docs.summary}}\n */\n' });
    const err = catchError(() => e.render('files/resource', VIEW));
    expect(err.location?.file).toMatch(/partials[/\\]jsdoc\.hbs$/);
    expect(err.location).toMatchObject({ line: 2, column: 6 });
    expect(err.message).toContain('template "partials/jsdoc" references field "docs.summary"');
  });

  it('a typo in a helper argument is caught too (#if, #each)', () => {
    const { engine: e } = engine({ ...MANIFEST, 'partials/jsdoc.hbs': '{{#if deprected}}@deprecated{{/if}}' });
    const err = catchError(() => e.render('partials/jsdoc', { doc: 'x', deprecated: true }));
    expect(err.location).toMatchObject({ line: 1 });
    expect(err.message).toContain('"deprected"');
  });

  it('present-but-undefined fields are fine in strict mode', () => {
    const { engine: e } = engine({ ...MANIFEST, 'partials/jsdoc.hbs': '{{#if deprecated}}@deprecated{{/if}}{{doc}}' });
    expect(e.render('partials/jsdoc', { doc: 'x', deprecated: undefined })).toBe('x');
  });

  it('an error in a slot body is attributed to the file that wrote the body', () => {
    const builtinDir = fixtureDir({ 'page.hbs': 'A\n{{#> slot}}\n{{missing}}{{/slot}}', 'slot.hbs': '[{{> @partial-block}}]' });
    const e = createTemplateEngine({ builtinDir, contractVersion: '1.0' });
    const err = catchError(() => e.render('page', {}));
    expect(err.location?.file).toMatch(/page\.hbs$/);
    expect(err.location?.line).toBe(3);
  });
});

describe('template engine: contract version', () => {
  it('major mismatch fails', () => {
    const err = catchError(() => engine({ 'apiforge-templates.json': '{"contract": "1.4"}' }, '2.0'));
    expect(err.message).toContain('written for contract 1.4 but this apiforge provides 2.0');
    expect(err.location?.file).toMatch(/apiforge-templates\.json$/);
  });

  it('minor mismatch warns', () => {
    const { engine: e } = engine({ 'apiforge-templates.json': '{"contract": "1.1"}' }, '1.2');
    expect(e.warnings).toHaveLength(1);
    expect(e.warnings[0]!.message).toContain('written for contract 1.1, this apiforge provides 1.2 (new fields are available)');
  });

  it('missing manifest warns', () => {
    const { engine: e } = engine({ 'partials/jsdoc.hbs': 'x' });
    expect(e.warnings[0]!.message).toContain('no apiforge-templates.json');
  });

  it('malformed manifest fails', () => {
    expect(catchError(() => engine({ 'apiforge-templates.json': '{"contract": 1}' })).message).toContain('"contract" must be');
    expect(catchError(() => engine({ 'apiforge-templates.json': '{' })).message).toContain('invalid JSON');
  });
});

describe('template engine: repeated rendering', () => {
  // Speed is measured by `npm run bench`, never asserted in a test: these machines are noisy.
  it('loads 41 templates and renders each many times with the same output', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`partials/p${i}.hbs`] = `/** {{doc}} */\n{{#each items}}{{name}}: {{type}};\n{{/each}}{{> partials/leaf}}`;
    files['partials/leaf.hbs'] = '{{#if (eq kind "a")}}A{{/if}}';
    const e = createTemplateEngine({ builtinDir: fixtureDir(files), contractVersion: '1.0' });
    const view = { doc: 'd', kind: 'a', items: [{ name: 'a', type: 'string' }, { name: 'b', type: 'number' }] };
    const outputs = new Set<string>();
    for (let i = 0; i < 10_000; i++) outputs.add(e.render(`partials/p${i % 40}`, view));
    expect([...outputs]).toEqual(['/** d */\na: string;\nb: number;\nA']);
  });
});
