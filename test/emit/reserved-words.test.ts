/**
 * Every JavaScript/TypeScript reserved word, strict-mode word and contextual keyword as a path
 * segment, path/query/header parameter, property, operationId, tag and schema name: the client
 * generates, parses, formats and type-checks.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVED_WORDS, reservedWordPaths } from '../fixtures/reserved/words.js';
import { emitDoc, formatted, repoRoot, syntaxErrors, tsc } from './helpers.js';

function docFor(words: readonly string[]): Record<string, unknown> {
  const { paths, schemas } = reservedWordPaths(words);
  return { openapi: '3.1.0', info: { title: 'Test', version: '1' }, paths, components: { schemas } };
}

/** Words that cannot name a parameter in strict code: the positional argument gets a trailing `_`. */
const BINDING = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with implements interface let package private ' +
    'protected public static yield await arguments eval').split(' '),
);

describe('reserved words as names', () => {
  it.each(RESERVED_WORDS.map((w) => [w]))('%s: generates, parses and formats', async (word) => {
    const { files, model } = emitDoc(docFor([word]));
    expect(model.schemas.map((s) => s.key)).toEqual([word]);
    for (const f of files.filter((x) => x.path.endsWith('.ts'))) {
      expect(syntaxErrors(f.content, f.path), f.path).toEqual([]);
    }
    const resource = files.find((f) => f.path.startsWith('src/resources/') && f.content.includes(`path: '/${word}/{${word}}'`));
    expect(resource, 'resource file').toBeDefined();
    const arg = BINDING.has(word) || word === 'constructor' ? `${word}_` : word;
    expect(resource!.content).toMatch(new RegExp(`[(\\s]${arg}: string,`));
    await expect(formatted(resource!)).resolves.toContain(`'$path.${word}': ${arg}`);
  }, 30_000);

  it('all of them in one client type-check (tsc --strict)', async () => {
    const { files } = emitDoc(docFor(RESERVED_WORDS));
    // One folder per run: other vitest processes may run this file at once.
    const dir = path.join(repoRoot, 'test/.tmp/reserved-words', String(process.pid));
    rmSync(dir, { recursive: true, force: true });
    for (const f of files) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.content);
    }
    const calls = ['default', 'class', 'new', 'delete', 'in', 'function', 'this', 'import', 'typeof', 'void', 'with', 'switch', 'yield', 'enum', 'get']
      .map((w, i) => `export const r${i} = client.${w === 'delete' || w === 'get' ? `${w}Resource` : w}.update('id', { ${w}: 'v' });`)
      .join('\n');
    writeFileSync(path.join(dir, 'src/consumer.ts'), `import Test from './index.js';\nconst client = new Test({ apiKey: 'k' });\n${calls}\n`);
    const result = await tsc(path.join(dir, 'tsconfig.json'));
    expect(result.output).toBe('');
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
