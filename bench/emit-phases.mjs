#!/usr/bin/env node
/**
 * Benchmark: the in-process phases of `generate`, each timed on its own, in fresh processes (cold: modules
 * not loaded, JIT cold, templates not compiled), so a gain in one phase is seen where it happens.
 *
 *   npm run build && node bench/emit-phases.mjs [stigg|github ...] [--rounds 5]
 *
 * Phases: `import` (the pipeline's modules), `engine` (templates read and parsed), `load`, `model`,
 * `emit` (view-models and rendering, generated tests included), `tidy` (the default format pass) and
 * `write` (into a fresh temp folder). Median of `--rounds` child processes per spec: the CPU time of each
 * phase (steadier than wall time on a shared machine), their sum, and the wall time of the whole run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { intFlag, median, repoRoot, sharedSpecs } from './lib.mjs';

const argv = process.argv.slice(2);
const ROUNDS = intFlag(argv, 'rounds', 5);
const flagValues = new Set(argv.filter((a, i) => argv[i - 1] === '--rounds'));
const names = argv.filter((a) => !a.startsWith('--') && !flagValues.has(a));
const dist = path.join(repoRoot, 'dist/generator');
const url = (rel) => JSON.stringify(pathToFileURL(path.join(dist, rel)).href);

const SPECS = {
  stigg: { config: path.join(repoRoot, 'specs/stigg/apiforge.config.json') },
  github: { input: path.join(sharedSpecs, 'github/api.github.com.json') },
};

if (!existsSync(path.join(dist, 'pipeline.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

/** One cold run: the pipeline's steps, as generateClient runs them for the default (printer) format. */
const COLD = `
const [specArg, out] = process.argv.slice(1);
const spec = JSON.parse(specArg);
// Each phase's CPU time (user + system, all threads): less swayed than wall time by other load on the machine.
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t = [cpuNow()];
const wall0 = performance.now();
const { loadConfig, resolveClient } = await import(${url('config/load.js')});
const { loadSpec } = await import(${url('load/load-spec.js')});
const { buildModel } = await import(${url('model/build-model.js')});
const { emitClient } = await import(${url('emit/emit-client.js')});
const { createTemplateEngine } = await import(${url('emit/template-engine.js')});
const { generatedTests } = await import(${url('emit/generated-tests.js')});
const { clientName } = await import(${url('emit/client-config.js')});
const { tidyFiles } = await import(${url('emit/format-mode.js')});
const { VIEW_MODEL_VERSION } = await import(${url('emit/view-model.js')});
const { BUILTIN_TEMPLATES } = await import(${url('pipeline.js')});
const { writeOutput } = await import(${url('write/write-output.js')});
t.push(cpuNow());
const settings = spec.config
  ? (await loadConfig(spec.config)).clients[0]
  : resolveClient({ input: spec.input, output: out }, process.cwd());
settings.output = out;
const engine = createTemplateEngine({ builtinDir: BUILTIN_TEMPLATES, contractVersion: VIEW_MODEL_VERSION });
t.push(cpuNow());
const loaded = await loadSpec(settings.input, { allowUnresolvedRefs: settings.allowUnresolvedRefs === true });
t.push(cpuNow());
const model = buildModel(loaded, settings);
t.push(cpuNow());
const raw = [
  ...emitClient(model, settings, engine),
  ...generatedTests(loaded.document, model, settings, engine, clientName(model, settings)),
];
t.push(cpuNow());
const files = tidyFiles(raw);
t.push(cpuNow());
await writeOutput(out, files);
t.push(cpuNow());
const phases = t.slice(1).map((x, i) => x - t[i]);
process.stdout.write(JSON.stringify({ phases, files: files.length, wall: performance.now() - wall0 }));
`;
const PHASES = ['import', 'engine', 'load', 'model', 'emit', 'tidy', 'write'];

const selected = (names.length ? names : Object.keys(SPECS)).filter((n) => {
  if (!SPECS[n]) throw new Error(`unknown spec ${n}; known: ${Object.keys(SPECS).join(', ')}`);
  const file = SPECS[n].input;
  if (file && !existsSync(file)) {
    console.error(`skipping ${n}: ${file} not found`);
    return false;
  }
  return true;
});

const fmt = (n) => `${Math.round(n)}`.padStart(7);
console.log(`node ${process.version}, median of ${ROUNDS} cold child processes; CPU ms per phase, then wall ms`);
console.log(`spec     files ${PHASES.map((p) => p.padStart(7)).join('')}     cpu   wall`);
for (const name of selected) {
  const runs = [];
  for (let i = 0; i < ROUNDS; i++) {
    // A folder that does not exist yet, as on a first run.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiforge-phases-'));
    const out = path.join(tmp, 'out');
    try {
      const text = execFileSync(
        process.execPath,
        ['--input-type=module', '-e', COLD, JSON.stringify(SPECS[name]), out],
        { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      runs.push(JSON.parse(text));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const cols = PHASES.map((_, i) => median(runs.map((r) => r.phases[i])));
  const total = median(runs.map((r) => r.phases.reduce((a, b) => a + b, 0)));
  const wall = median(runs.map((r) => r.wall));
  console.log(
    `${name.padEnd(8)}${String(runs[0].files).padStart(6)} ${cols.map(fmt).join('')} ${fmt(total)}${fmt(wall)}`,
  );
}
