#!/usr/bin/env node
/**
 * Benchmark: generation from the CLI, apiforge against its peers on the same specs in one run.
 *
 *   npm run build && node bench/generate.mjs [stigg|github|stripe ...] [--rounds 3] [--tools apiforge,redocly,...]
 *
 *   --tools: name prefixes (redocly, openapi-typescript, hey-api) or `all`; default: all but hey-api.
 *
 * 1. Cold generate. Every tool runs as a child process (process start, module load, work, writes) into a
 *    fresh output folder; apiforge's cache (node_modules/.cache/apiforge) is deleted before each of its runs.
 *    Tools alternate within a round and the order rotates every round. Median wall time and peak RSS of
 *    `--rounds` runs, with ratios to Redocly and to apiforge.
 * 2. No-op regenerate (apiforge only): the same command again on an unchanged output, cache present.
 * 3. `tsc --noEmit` on the generated GitHub client: apiforge's output against Redocly's, with the same
 *    compiler options (those of apiforge's generated tsconfig.json), alternating.
 *
 * The peers come from bench/package.json (installed on first use), never from the package's dependencies.
 * A spec whose file is absent (the ../shared corpus) is skipped with a note.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  benchBin,
  commitLabel,
  ensureBenchDeps,
  intFlag,
  markdownTable,
  measure,
  median,
  megabytes,
  ratio,
  repoRoot,
  rssMethod,
  seconds,
  sharedSpecs,
  tempDir,
} from './lib.mjs';

const argv = process.argv.slice(2);
const ROUNDS = intFlag(argv, 'rounds', 3);
const toolsFlag = argv.find((a, i) => argv[i - 1] === '--tools' || a.startsWith('--tools='));
const flagValues = new Set(argv.filter((a, i) => /^--(rounds|tools)$/.test(argv[i - 1] ?? '')));
const names = argv.filter((a) => !a.startsWith('--') && !flagValues.has(a));

const apiforgeCache = path.join(repoRoot, 'node_modules/.cache/apiforge');
const apiforgeBin = path.join(repoRoot, 'bin/apiforge.js');

/** Each spec: its file, and the apiforge arguments a user would run (Stigg with its embedded config). */
const SPECS = {
  stigg: {
    file: path.join(repoRoot, 'specs/stigg/openapi.yaml'),
    apiforge: (out) => [
      'generate',
      '--config',
      path.join(repoRoot, 'specs/stigg/apiforge.config.json'),
      '--output',
      out,
    ],
  },
  github: {
    file: path.join(sharedSpecs, 'github/api.github.com.json'),
    apiforge: (out) => ['generate', path.join(sharedSpecs, 'github/api.github.com.json'), '--output', out],
  },
  stripe: {
    file: path.join(sharedSpecs, 'stripe/spec3.yaml'),
    apiforge: (out) => ['generate', path.join(sharedSpecs, 'stripe/spec3.yaml'), '--output', out],
  },
};

/** Redocly and friends print banners and may phone home; keep them quiet and offline. */
const PEER_ENV = { CI: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' };

/** Each tool: how to run it cold into `out` (a folder the bench has just deleted). */
const TOOLS = {
  apiforge: (spec, out) => {
    rmSync(apiforgeCache, { recursive: true, force: true });
    return ['node', [apiforgeBin, ...spec.apiforge(out), '--quiet']];
  },
  'redocly generate-client': (spec, out) => [
    benchBin('redocly'),
    ['generate-client', spec.file, '-o', path.join(out, 'client.ts')],
  ],
  'openapi-typescript (types only)': (spec, out) => [
    benchBin('openapi-typescript'),
    [spec.file, '-o', path.join(out, 'schema.ts')],
  ],
  'hey-api (full client)': (spec, out) => [
    benchBin('openapi-ts'),
    ['-i', spec.file, '-o', out, '-c', '@hey-api/client-fetch'],
  ],
};
const REDOCLY = 'redocly generate-client';

// hey-api is opt-in (`--tools all`, or by name): on GitHub it takes 15 s a run, longer than the rest together.
const DEFAULT_TOOLS = ['apiforge', REDOCLY, 'openapi-typescript (types only)'];
const wanted = toolsFlag
  ?.replace(/^--tools=/, '')
  .split(',')
  .map((x) => x.trim());
const selectedTools = !wanted
  ? DEFAULT_TOOLS
  : wanted.includes('all')
    ? Object.keys(TOOLS)
    : Object.keys(TOOLS).filter((t) => wanted.some((x) => t.startsWith(x)));
if (!selectedTools.includes('apiforge')) selectedTools.unshift('apiforge');

ensureBenchDeps();
const tmp = tempDir('apiforge-bench-generate-');
const outDir = (spec, tool) => path.join(tmp, `${spec}-${tool.split(' ')[0]}`);
const notes = [];

/** Runs every selected tool cold on one spec, `ROUNDS` times, rotating the order each round. */
async function coldRuns(name, spec) {
  const samples = Object.fromEntries(selectedTools.map((t) => [t, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = selectedTools.map((_, i) => selectedTools[(i + round) % selectedTools.length]);
    for (const tool of order) {
      const out = outDir(name, tool);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      const [cmd, args] = TOOLS[tool](spec, out);
      const r = await measure(cmd, args, { env: PEER_ENV });
      if (!r.ok) console.error(`${tool} failed on ${name}:\n${r.output}`);
      samples[tool].push(r);
      process.stderr.write('.');
    }
  }
  return samples;
}

/** apiforge into a primed output with its cache present: nothing changed since the last run. */
async function noopRuns(name, spec) {
  const out = path.join(tmp, `${name}-noop`);
  const args = [apiforgeBin, ...spec.apiforge(out), '--quiet'];
  const prime = await measure('node', args);
  if (!prime.ok) console.error(`apiforge failed on ${name}:\n${prime.output}`);
  const runs = [];
  for (let round = 0; round < ROUNDS; round++) runs.push(await measure('node', args));
  return runs;
}

const summary = (runs) => ({
  ms: median(runs.map((r) => r.ms)),
  rssMB: median(runs.map((r) => r.rssMB)),
  raw: runs.map((r) => (r.ms / 1000).toFixed(2)).join(' '),
  ok: runs.every((r) => r.ok),
});

const coldRows = [['Spec', 'Tool', 'Median wall', 'Peak RSS (median)', 'vs Redocly', 'vs apiforge', 'Runs (s)', 'OK']];
const noopRows = [['Spec', 'apiforge no-op regenerate', 'Peak RSS (median)', 'Runs (s)', 'OK']];
const names_ = names.length ? names : ['stigg', 'github'];
/** Per spec: `cold` (tool -> summary) and `noop` (summary), for the targets below. */
const results = {};
for (const name of names_) {
  const spec = SPECS[name];
  if (!spec) {
    notes.push(`unknown spec "${name}" (known: ${Object.keys(SPECS).join(', ')})`);
    continue;
  }
  if (!existsSync(spec.file)) {
    notes.push(`${name} skipped: ${path.relative(repoRoot, spec.file)} is absent`);
    continue;
  }
  const cold = Object.fromEntries(Object.entries(await coldRuns(name, spec)).map(([t, rs]) => [t, summary(rs)]));
  for (const [tool, s] of Object.entries(cold)) {
    coldRows.push([
      name,
      tool,
      seconds(s.ms),
      megabytes(s.rssMB),
      ratio(s.ms, cold[REDOCLY]?.ms),
      ratio(s.ms, cold.apiforge.ms),
      s.raw,
      s.ok ? 'yes' : 'FAILED',
    ]);
  }
  const noop = summary(await noopRuns(name, spec));
  noopRows.push([name, seconds(noop.ms), megabytes(noop.rssMB), noop.raw, noop.ok ? 'yes' : 'FAILED']);
  results[name] = { cold, noop };
}
process.stderr.write('\n');

/** `tsc --noEmit` on apiforge's and Redocly's GitHub clients under the same compiler options. */
async function typecheck() {
  const ours = outDir('github', 'apiforge');
  const theirs = outDir('github', REDOCLY);
  if (!existsSync(path.join(ours, 'tsconfig.json')) || !existsSync(path.join(theirs, 'client.ts'))) return undefined;
  const config = JSON.parse(readFileSync(path.join(ours, 'tsconfig.json'), 'utf8'));
  writeFileSync(path.join(theirs, 'tsconfig.json'), JSON.stringify({ ...config, include: ['client.ts'] }, null, 2));
  const tsc = path.join(repoRoot, 'node_modules/.bin/tsc');
  const projects = { apiforge: ours, [REDOCLY]: theirs };
  const samples = { apiforge: [], [REDOCLY]: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [REDOCLY, 'apiforge'] : ['apiforge', REDOCLY];
    for (const tool of order) {
      const r = await measure(tsc, ['--noEmit', '-p', path.join(projects[tool], 'tsconfig.json')]);
      if (!r.ok) console.error(`tsc on ${tool}'s GitHub client failed:\n${r.output}`);
      samples[tool].push(r);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([tool, rs]) => [tool, summary(rs)]));
}

function typecheckTable(tsc) {
  return [
    ['GitHub client', 'tsc --noEmit (median)', 'Peak RSS (median)', 'vs Redocly', 'Runs (s)', 'Zero errors'],
    ...Object.entries(tsc).map(([tool, s]) => [
      tool,
      seconds(s.ms),
      megabytes(s.rssMB),
      ratio(s.ms, tsc[REDOCLY].ms),
      s.raw,
      s.ok ? 'yes' : 'NO',
    ]),
  ];
}

/** The emit rework's targets, checked against this run's medians; a target with no data this run is left out. */
function targetsTable(tsc) {
  const { stigg, github } = results;
  const vsRedocly = (r) => (r && r.cold[REDOCLY] ? r.cold.apiforge.ms / r.cold[REDOCLY].ms : undefined);
  const rows = [
    ['GitHub cold: apiforge wall ≤ 0.5× Redocly', vsRedocly(github), (x) => x <= 0.5, (x) => `${x.toFixed(2)}×`],
    ['GitHub cold: apiforge peak RSS < 400 MB', github?.cold.apiforge.rssMB, (x) => x < 400, megabytes],
    ['Stigg cold: apiforge wall ≤ 0.75× Redocly', vsRedocly(stigg), (x) => x <= 0.75, (x) => `${x.toFixed(2)}×`],
    ['Stigg no-op regenerate < 0.3 s', stigg?.noop.ms, (x) => x < 300, seconds],
    ['GitHub no-op regenerate < 0.3 s', github?.noop.ms, (x) => x < 300, seconds],
    [
      'GitHub tsc --noEmit: apiforge ≤ Redocly',
      tsc && tsc.apiforge.ms / tsc[REDOCLY].ms,
      (x) => x <= 1,
      (x) => `${x.toFixed(2)}×`,
    ],
  ].filter(([, value]) => Number.isFinite(value));
  return [
    ['Target', 'Measured (median)', 'Met'],
    ...rows.map(([what, value, met, fmt]) => [what, fmt(value), met(value) ? 'yes' : 'NO']),
  ];
}

const tsc = selectedTools.includes(REDOCLY) && results.github ? await typecheck() : undefined;

const load = os.loadavg()[0];
console.log(`\nGeneration, median of ${ROUNDS} cold CLI runs per tool, tools alternating (order rotated each round)`);
console.log(
  `commit ${commitLabel()}, ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}, ` +
    `load average ${load.toFixed(1)}; peak RSS: ${rssMethod}\n`,
);
if (coldRows.length > 1) console.log(`${markdownTable(coldRows, 2)}\n\n${markdownTable(noopRows)}\n`);
if (tsc) console.log(`${markdownTable(typecheckTable(tsc))}\n`);
const targets = targetsTable(tsc);
if (targets.length > 1) console.log(`${markdownTable(targets)}\n`);
for (const note of notes) console.log(`note: ${note}`);
