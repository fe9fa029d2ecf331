/**
 * Where `tsc --noEmit` spends its time on generated clients, part by part, in one Node process.
 *
 *   node bench/tsc-parts.mjs [--rounds 7] <project dir> [<project dir> ...]
 *
 * Each round builds every project's program afresh (alternating the order), then checks its files one by one,
 * grouped as the runtime (`core/`, `internal/`), `models/`, `resources/` and the rest, and prints the median
 * milliseconds of each part: program (read + parse + resolve), bind, and the check of each group. Files are checked
 * runtime first, so the first use of the lib's DOM and fetch types is paid there, as in a real run.
 * A project is a folder with a tsconfig.json (apiforge's output, or the Redocly folder the bench leaves).
 * On a shared machine the whole run is noisy; compare projects within one run, never across runs.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 7;
const dirs = args;
const GROUPS = ['core', 'internal', 'models', 'resources', 'other'];
const PARTS = ['program', 'bind', ...GROUPS, 'total'];

function groupOf(file) {
  const match = /\/src\/(resources|models|core|internal)\//.exec(file);
  return match ? match[1] : 'other';
}

function loadProject(dir) {
  const config = ts.readConfigFile(path.join(dir, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
}

/** One fresh program: the milliseconds of each part. */
function measure(project) {
  const times = Object.fromEntries(PARTS.map((p) => [p, 0]));
  let start = performance.now();
  const program = ts.createProgram({ rootNames: project.fileNames, options: project.options });
  times.program = performance.now() - start;
  const rank = (f) => GROUPS.indexOf(groupOf(f.fileName));
  const files = program.getSourceFiles().filter((f) => !f.isDeclarationFile);
  files.sort((a, b) => rank(a) - rank(b));
  start = performance.now();
  program.getTypeChecker();
  times.bind = performance.now() - start;
  let errors = 0;
  for (const file of files) {
    start = performance.now();
    errors += program.getSemanticDiagnostics(file).length;
    times[groupOf(file.fileName)] += performance.now() - start;
  }
  times.total = PARTS.slice(0, -1).reduce((sum, p) => sum + times[p], 0);
  return { times, errors };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const projects = dirs.map(loadProject);
const samples = dirs.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? [...dirs.keys()].reverse() : [...dirs.keys()];
  for (const i of order) {
    const { times, errors } = measure(projects[i]);
    if (errors) console.error(`${dirs[i]}: ${errors} type errors`);
    samples[i].push(times);
  }
}
console.log(`| Project | ${PARTS.join(' | ')} |`);
console.log(`|---|${PARTS.map(() => '--:').join('|')}|`);
for (const [i, dir] of dirs.entries()) {
  const cells = PARTS.map((p) => median(samples[i].map((t) => t[p])).toFixed(0));
  console.log(`| ${path.basename(dir)} | ${cells.join(' | ')} |`);
}
