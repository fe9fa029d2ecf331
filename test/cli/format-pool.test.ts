import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { generateClient } from '../../generator/pipeline.js';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const github = path.resolve(repoRoot, '../shared/specs/github/api.github.com.json');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiforge-pool-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The built CLI formats a large spec in worker threads; the sources (as run here) format in-process.
// Both must give the same bytes.
it.runIf(existsSync(github))('formatting in the worker pool gives the same files as formatting in-process', async () => {
  const out = path.join(tmp, 'github');
  await run('node', [path.join(repoRoot, 'bin/apiforge.js'), 'generate', github, '--output', out, '--quiet'], { maxBuffer: 64 * 1024 * 1024 });
  const inProcess = await generateClient({ input: github, output: path.join(tmp, 'unused'), configDir: tmp });
  expect(inProcess.files.length).toBeGreaterThan(1000);
  for (const f of inProcess.files) expect(readFileSync(path.join(out, f.path), 'utf8'), f.path).toBe(f.content);
}, 180_000);
