import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { generateClient } from '../../generator/pipeline.js';
import { findCorpusFile } from '../helpers/corpus.js';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const github = findCorpusFile('github', 'api.github.com.json');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiforge-pool-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Worker threads exist only in the build (dist/); the sources (as run here) format in-process. Both must give
// the same bytes. With GitHub's spec beside the clone, the built CLI picks the pool by itself (a large spec);
// without it, the built pool formats Stigg's client, handed to it explicitly.
if (github) {
  it('formatting in the worker pool gives the same files as formatting in-process (GitHub, through the CLI)', async () => {
    const out = path.join(tmp, 'github');
    await run('node', [path.join(repoRoot, 'bin/apiforge.js'), 'generate', github, '--output', out, '--quiet'], { maxBuffer: 64 * 1024 * 1024 });
    const inProcess = await generateClient({ input: github, output: path.join(tmp, 'unused'), configDir: tmp });
    expect(inProcess.files.length).toBeGreaterThan(1000);
    for (const f of inProcess.files) expect(readFileSync(path.join(out, f.path), 'utf8'), f.path).toBe(f.content);
  }, 180_000);
} else {
  it('formatting in the worker pool gives the same files as formatting in-process (Stigg, built pool)', async () => {
    const dist = (file: string) => pathToFileURL(path.join(repoRoot, 'dist/generator', file)).href;
    const { startFormatPool } = (await import(dist('emit/format-pool.js'))) as typeof import('../../generator/emit/format-pool.js');
    const { formatFiles } = (await import(dist('emit/format.js'))) as typeof import('../../generator/emit/format.js');
    const spec = path.join(repoRoot, 'specs/stigg/openapi.yaml');
    const raw = await generateClient({ input: spec, output: path.join(tmp, 'unused'), configDir: tmp, prettier: false });
    const pool = startFormatPool();
    expect(pool).toBeDefined();
    try {
      const pooled = await formatFiles(raw.files, { pool });
      const inProcess = await formatFiles(raw.files);
      expect(pooled.length).toBeGreaterThan(100);
      expect(pooled).toEqual(inProcess);
    } finally {
      await pool?.close();
    }
  }, 180_000);
}
