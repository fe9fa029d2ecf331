#!/usr/bin/env node
/**
 * Benchmark: full generation from the CLI, apiforge against its peers on the
 * same specs in one run.
 *
 *   npm run build && node bench/generate.mjs [stigg|github|stripe ...]
 *
 * Each tool runs as a child process (cold: process start, module load, work,
 * writes), `RUNS` times per spec, interleaved; we report the median wall time,
 * the peak RSS (GNU time when present) and the ratio to apiforge. apiforge's
 * format cache is cleared before every run so each run formats everything.
 * Then `tsc --noEmit` on apiforge's GitHub client.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared/specs');
const bin = (name) => path.join(repoRoot, 'node_modules/.bin', name);
const RUNS = Number(process.env.RUNS ?? 3);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const SPECS = {
  stigg: { file: path.join(repoRoot, 'specs/stigg/openapi.yaml'), budget: 'apiforge < 1 s cold' },
  github: { file: path.join(shared, 'github/api.github.com.json'), budget: 'apiforge < 3 s, < 500 MB' },
  stripe: { file: path.join(shared, 'stripe/spec3.yaml'), budget: '' },
};

const TOOLS = {
  apiforge: (spec, out) => {
    rmSync(path.join(repoRoot, 'node_modules/.cache/apiforge'), { recursive: true, force: true });
    return ['node', [path.join(repoRoot, 'bin/apiforge.js'), 'generate', spec, '--output', out, '--quiet']];
  },
  'openapi-typescript (types only)': (spec, out) => [bin('openapi-typescript'), [spec, '-o', path.join(out, 'schema.ts')]],
  'hey-api (full client)': (spec, out) => [bin('openapi-ts'), ['-i', spec, '-o', out, '-c', '@hey-api/client-fetch']],
};

function run(cmd, args) {
  const started = performance.now();
  const full = TIME ? [TIME, ['-f', '%M', cmd, ...args]] : [cmd, args];
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', cwd: repoRoot, env: { ...process.env, CI: '1' } });
  const ms = performance.now() - started;
  const kb = TIME ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, mb: kb / 1024, ok: r.status === 0, err: r.status === 0 ? '' : (r.stderr || r.stdout).slice(0, 300) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const names = process.argv.slice(2).length ? process.argv.slice(2) : ['stigg', 'github'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiforge-bench-'));
const rows = [];
let githubOut;
for (const name of names) {
  const spec = SPECS[name];
  if (!spec || !existsSync(spec.file)) continue;
  const results = Object.fromEntries(Object.keys(TOOLS).map((t) => [t, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [tool, make] of Object.entries(TOOLS)) {
      const out = path.join(tmp, `${name}-${tool.split(' ')[0]}`);
      rmSync(out, { recursive: true, force: true });
      const [cmd, args] = make(spec.file, out);
      const r = run(cmd, args);
      if (!r.ok) console.error(`${tool} failed on ${name}: ${r.err}`);
      results[tool].push(r);
      if (tool === 'apiforge' && name === 'github') githubOut = out;
    }
  }
  // The build-step case: regenerate into an existing output with the format cache in place.
  const warmOut = path.join(tmp, `${name}-warm`);
  const warmArgs = [path.join(repoRoot, 'bin/apiforge.js'), 'generate', spec.file, '--output', warmOut, '--quiet'];
  run('node', warmArgs);
  results['apiforge (regenerate, cache warm)'] = Array.from({ length: RUNS }, () => run('node', warmArgs));
  const base = median(results.apiforge.map((r) => r.ms));
  for (const [tool, rs] of Object.entries(results)) {
    const ms = median(rs.map((r) => r.ms));
    rows.push({ spec: name, tool, 'median s': (ms / 1000).toFixed(2), 'peak MB': Math.max(...rs.map((r) => r.mb)).toFixed(0), 'x apiforge': (ms / base).toFixed(2), ok: rs.every((r) => r.ok) ? 'yes' : 'FAILED', budget: tool === 'apiforge' ? spec.budget : '' });
  }
}
console.log(`\nGeneration, cold CLI runs, median of ${RUNS} (${os.cpus().length} cores, Node ${process.version})`);
console.table(rows);

if (githubOut && existsSync(path.join(githubOut, 'tsconfig.json'))) {
  const times = [];
  for (let i = 0; i < 2; i++) times.push(run(bin('tsc'), ['-p', path.join(githubOut, 'tsconfig.json')]));
  const t = times[times.length - 1];
  console.log(`tsc --noEmit on apiforge's GitHub client: ${(t.ms / 1000).toFixed(2)} s, peak ${t.mb.toFixed(0)} MB, ${t.ok ? 'no errors' : 'ERRORS'} (budget < 5 s)`);
}
rmSync(tmp, { recursive: true, force: true });
