import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { fixtureDir } from '../templates/helpers.js';
import { TINY_SPEC } from './tiny-spec.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const trace = path.join(root, 'test/cli/fixtures/trace-cjs-threads.cjs');

/** Libraries a full run needs, but off the main thread (workers read, check and print). */
const offMainThread = /\/node_modules\/(ts-morph|@ts-morph|@redocly|js-yaml|yaml-ast-parser)\//;
/** Libraries a valid 3.x spec with no `.ts` config never needs (`yaml` and jsonc-parser explain parse errors). */
const never = /\/node_modules\/(swagger2openapi|jiti|diff|prettier|yaml|jsonc-parser)\//;

// `npm test` builds dist/ first; worker threads exist only in the build.
it('a cold run loads ts-morph, Redocly and the parsers in workers only, and no library it does not need', () => {
  const dir = fixtureDir({ 'tiny.yaml': TINY_SPEC });
  const r = spawnSync(
    process.execPath,
    ['--require', trace, path.join(root, 'bin/apiforge.js'), 'generate', 'tiny.yaml', '-o', 'out', '-q'],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '1' } },
  );
  expect(r.status).toBe(0);
  const compiled = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('compiled '))
    .map((l) => l.split(' '))
    .map(([, thread, file]) => ({ thread: Number(thread), file: file ?? '' }));
  const main = compiled.filter((c) => c.thread === 0).map((c) => c.file);
  const workers = compiled.filter((c) => c.thread !== 0).map((c) => c.file);
  // The tracer sees the main thread's CommonJS and ES modules.
  expect(main.some((f) => /\/node_modules\/handlebars\//.test(f))).toBe(true);
  expect(main.some((f) => /\/dist\/generator\/pipeline\.js$/.test(f))).toBe(true);
  expect(main.filter((f) => offMainThread.test(f))).toEqual([]);
  for (const library of ['ts-morph', '@redocly/openapi-core', 'js-yaml'])
    expect(
      workers.some((f) => f.includes(`/node_modules/${library}/`)),
      library,
    ).toBe(true);
  expect(compiled.map((c) => c.file).filter((f) => never.test(f))).toEqual([]);
}, 60_000);
