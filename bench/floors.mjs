#!/usr/bin/env node
/**
 * Benchmark: what the parts the design requires cost on their own, beside Redocly's whole run, so a speed target
 * can be weighed against its floor instead of guessed at.
 *
 *   npm run build && node bench/floors.mjs [--rounds 5]
 *
 * 1. Cold generate. Child processes, alternating, median of `--rounds`: an empty `node`; `node` loading ts-morph
 *    (what the print worker loads before it prints the first file: every cold run pays it, on one core); `node`
 *    loading what the main thread loads before it can model (CLI, pipeline, emit, the templates);
 *    Redocly `generate-client` and apiforge on Stigg (and GitHub when `../shared/specs` has it).
 *    Printed: each target's budget (0.75× Redocly on Stigg, 0.5× on GitHub) and what each thread's fixed loading
 *    leaves of it.
 * 2. `tsc --noEmit` (GitHub, when present). Same compiler options everywhere (the generated tsconfig.json): an
 *    empty project (the lib's cost, which every project pays), the client's runtime alone (`src/core`,
 *    `src/internal`), the whole apiforge client and Redocly's. Printed: the generated code's own cost (whole client
 *    minus runtime) against Redocly's code (its run minus the lib's).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  benchBin,
  ensureBenchDeps,
  intFlag,
  markdownTable,
  measure,
  median,
  ratio,
  repoRoot,
  seconds,
  sharedSpecs,
  tempDir,
} from './lib.mjs';

const ROUNDS = intFlag(process.argv.slice(2), 'rounds', 5);
const work = tempDir('apiforge-floors-');
const apiforgeBin = path.join(repoRoot, 'bin/apiforge.js');
const tsc = path.join(repoRoot, 'node_modules/.bin/tsc');
const stigg = path.join(repoRoot, 'specs/stigg/openapi.yaml');
const github = path.join(sharedSpecs, 'github/api.github.com.json');
const TARGET = { stigg: 0.75, github: 0.5 };
const dist = pathToFileURL(path.join(repoRoot, 'dist/generator')).href;
/** What the main thread of a cold run loads before it can model: the CLI, the pipeline, emit, and the templates. */
const MAIN_THREAD_IMPORTS = `
  await import('${dist}/cli/main.js');
  const { BUILTIN_TEMPLATES } = await import('${dist}/pipeline.js');
  const [{ createTemplateEngine }, { VIEW_MODEL_VERSION }] = await Promise.all([
    import('${dist}/emit/template-engine.js'), import('${dist}/emit/view-model.js'), import('${dist}/emit/emit-client.js'),
    import('${dist}/model/build-model.js'), import('${dist}/load/load-spec.js'),
  ]);
  createTemplateEngine({ builtinDir: BUILTIN_TEMPLATES, contractVersion: VIEW_MODEL_VERSION });`;

ensureBenchDeps();

/** Runs every command `ROUNDS` times, alternating, and returns the median wall time (ms) of each. */
async function medians(commands) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const names = Object.keys(commands);
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
      const { cmd, args, before } = commands[name];
      before?.();
      const r = await measure(cmd, args);
      if (!r.ok) throw new Error(`bench: ${name} failed:\n${r.output}`);
      samples[name].push(r.ms);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

function generators(spec, file) {
  const out = (tool) => path.join(work, `${spec}-${tool}`);
  // Cold, as in generate.mjs: a fresh output folder and no cache for every run.
  const fresh = (dir) => () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(path.join(repoRoot, 'node_modules/.cache/apiforge'), { recursive: true, force: true });
  };
  return {
    [`redocly ${spec}`]: {
      cmd: benchBin('redocly'),
      args: ['generate-client', file, '-o', path.join(out('redocly'), 'client.ts')],
    },
    [`apiforge ${spec}`]: {
      cmd: 'node',
      args: [apiforgeBin, 'generate', file, '--output', out('apiforge'), '--quiet'],
      before: fresh(out('apiforge')),
    },
  };
}

async function generateFloors() {
  const specs = { stigg, ...(existsSync(github) ? { github } : {}) };
  const t = await medians({
    'node (empty)': { cmd: 'node', args: ['-e', '0'] },
    'node + ts-morph': { cmd: 'node', args: ['-e', "require('ts-morph')"] },
    'node + main-thread modules': { cmd: 'node', args: ['--input-type=module', '-e', MAIN_THREAD_IMPORTS] },
    ...Object.assign({}, ...Object.entries(specs).map(([name, file]) => generators(name, file))),
  });
  const rows = [['', 'median'], ...Object.entries(t).map(([k, v]) => [k, seconds(v)])];
  console.log(`\nCold runs, median of ${ROUNDS}, alternating\n\n${markdownTable(rows)}\n`);
  const budget = [
    [
      'Spec',
      'Redocly',
      'target',
      'budget',
      'ts-morph load',
      'left to print',
      'main modules',
      'left on main',
      'apiforge',
      'ratio',
    ],
  ];
  for (const name of Object.keys(specs)) {
    const redocly = t[`redocly ${name}`];
    const limit = redocly * TARGET[name];
    const load = t['node + ts-morph'];
    budget.push([
      name,
      seconds(redocly),
      `${TARGET[name]}×`,
      seconds(limit),
      seconds(load),
      seconds(limit - load),
      seconds(t['node + main-thread modules']),
      seconds(limit - t['node + main-thread modules']),
      seconds(t[`apiforge ${name}`]),
      ratio(t[`apiforge ${name}`], redocly),
    ]);
  }
  console.log(`${markdownTable(budget)}\n`);
  return specs;
}

/** A copy of the client's tsconfig.json in `dir`, including only `include`. */
function project(dir, config, include) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ ...config, include }, null, 2));
  return path.join(dir, 'tsconfig.json');
}

async function tscFloors() {
  const ours = path.join(work, 'github-apiforge');
  const theirs = path.join(work, 'github-redocly');
  const config = JSON.parse(readFileSync(path.join(ours, 'tsconfig.json'), 'utf8'));
  const lib = path.join(work, 'tsc-lib');
  mkdirSync(path.join(lib, 'src'), { recursive: true });
  writeFileSync(path.join(lib, 'src/empty.ts'), 'export {};\n');
  const runtime = path.join(work, 'tsc-runtime');
  for (const part of ['core', 'internal'])
    cpSync(path.join(ours, 'src', part), path.join(runtime, 'src', part), { recursive: true });
  const check = (tsconfig) => ({ cmd: tsc, args: ['--noEmit', '-p', tsconfig] });
  const t = await medians({
    'lib only (empty project)': check(project(lib, config, ['src'])),
    'apiforge runtime alone': check(project(runtime, config, ['src'])),
    'apiforge client': check(path.join(ours, 'tsconfig.json')),
    'Redocly client': check(project(theirs, config, ['client.ts'])),
  });
  const rows = [['tsc --noEmit, GitHub', 'median'], ...Object.entries(t).map(([k, v]) => [k, seconds(v)])];
  const generated = t['apiforge client'] - t['apiforge runtime alone'];
  const redoclyCode = t['Redocly client'] - t['lib only (empty project)'];
  rows.push(['apiforge without its runtime (client − runtime)', seconds(generated)]);
  rows.push(['Redocly without the lib (client − lib)', seconds(redoclyCode)]);
  console.log(`${markdownTable(rows)}\n`);
  console.log(
    `apiforge client / Redocly: ${ratio(t['apiforge client'], t['Redocly client'])}; ` +
      `apiforge's generated code alone / Redocly's code: ${ratio(generated, redoclyCode)}`,
  );
}

const specs = await generateFloors();
if (specs.github) await tscFloors();
else console.log('tsc floors: skipped (GitHub spec not found in ../shared/specs)');
