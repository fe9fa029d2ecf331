#!/usr/bin/env node
/**
 * Benchmark: load + model for the corpus's large specs.
 *
 *   npx tsc -p tsconfig.json && node bench/load-model.mjs [name...]
 *
 * For each spec: the median of 5 in-process runs (warm: modules loaded, JIT
 * warming up), then one cold CLI-like run in a child process (`node -e`
 * importing dist: process start + module load + load + model) with its wall
 * time and peak RSS (`process.resourceUsage().maxRSS`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared/specs');
const dist = path.join(repoRoot, 'dist', 'generator');

const SPECS = [
  { name: 'stigg', file: path.join(repoRoot, 'specs/stigg/openapi.yaml'), budgetMs: 500 },
  { name: 'github', file: path.join(shared, 'github/api.github.com.json'), budgetMs: 1500, budgetMB: 400 },
  { name: 'digitalocean', file: path.join(shared, 'digitalocean/specification/DigitalOcean-public.v2.yaml') },
  { name: 'stripe', file: path.join(shared, 'stripe/spec3.yaml') },
];
const RUNS = 5;

if (!existsSync(path.join(dist, 'load/load-spec.js'))) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.json` first');
  process.exit(1);
}
const loadUrl = pathToFileURL(path.join(dist, 'load/load-spec.js')).href;
const modelUrl = pathToFileURL(path.join(dist, 'model/build-model.js')).href;
const { loadSpec } = await import(loadUrl);
const { buildModel } = await import(modelUrl);

const only = process.argv.slice(2);
const selected = SPECS.filter((s) => only.length === 0 || only.includes(s.name)).filter((s) => {
  if (existsSync(s.file)) return true;
  console.error(`skipping ${s.name}: ${s.file} not found`);
  return false;
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

// The cold run: a fresh process doing what `apiforge inspect` does before printing.
const COLD = `
const t0 = performance.now();
const { loadSpec } = await import(${JSON.stringify(loadUrl)});
const { buildModel } = await import(${JSON.stringify(modelUrl)});
const t1 = performance.now();
const spec = await loadSpec(process.argv[1]);
const t2 = performance.now();
const model = buildModel(spec, {});
const t3 = performance.now();
process.stdout.write(JSON.stringify({ imports: t1 - t0, load: t2 - t1, model: t3 - t2, ops: model.operations.length,
  uptime: process.uptime() * 1000, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
`;

const rows = [];
for (const spec of selected) {
  const load = [];
  const model = [];
  const total = [];
  let ops = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const loaded = await loadSpec(spec.file);
    const t1 = performance.now();
    const m = buildModel(loaded, {});
    const t2 = performance.now();
    load.push(t1 - t0);
    model.push(t2 - t1);
    total.push(t2 - t0);
    ops = m.operations.length;
  }
  const start = performance.now();
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', COLD, spec.file], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const wall = performance.now() - start;
  const cold = JSON.parse(out);
  rows.push({ ...spec, ops, load: median(load), model: median(model), total: median(total), cold, wall });
}

const fmt = (n) => `${Math.round(n)}`.padStart(6);
console.log(`node ${process.version}, ${RUNS} in-process runs (median) + 1 cold child process`);
console.log('spec           ops   load  model  total | cold: import   load  model process   wall  peakMB | budget');
for (const r of rows) {
  const over = [];
  if (r.budgetMs !== undefined && r.wall > r.budgetMs) over.push(`wall>${r.budgetMs}ms`);
  if (r.budgetMB !== undefined && r.cold.maxRssMB > r.budgetMB) over.push(`rss>${r.budgetMB}MB`);
  const budget =
    r.budgetMs === undefined
      ? '-'
      : over.length
        ? `OVER (${over.join(', ')})`
        : `ok (<${r.budgetMs}ms${r.budgetMB ? `, <${r.budgetMB}MB` : ''})`;
  console.log(
    `${r.name.padEnd(13)}${String(r.ops).padStart(5)} ${fmt(r.load)} ${fmt(r.model)} ${fmt(r.total)} |     ` +
      `${fmt(r.cold.imports)} ${fmt(r.cold.load)} ${fmt(r.cold.model)} ${fmt(r.cold.uptime)} ${fmt(r.wall)}  ` +
      `${fmt(r.cold.maxRssMB)} | ${budget}`,
  );
}
console.log('times in ms; "process" = child uptime at the end, "wall" = spawn to exit as seen by the parent');
