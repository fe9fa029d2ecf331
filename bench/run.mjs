#!/usr/bin/env node
/**
 * `npm run bench [-- SUBSET... SPEC... --rounds N --tools a,b]`: the benchmark scripts in turn.
 *
 *   SUBSET   generate | runtime | load-model | pagination   (default: these four)
 *            | floors   (what the required parts cost alone, beside Redocly's run; opt-in)
 *   SPEC     stigg | github | stripe   narrows generate and load-model (default: stigg github)
 *   --rounds N         rounds (median of N) for every script (default: 3 for generate, 5 for runtime and pagination)
 *   --tools a,b        generate's peers by name prefix, or `all` (default: all but hey-api; apiforge always runs)
 *
 * The benchmark's own dependencies (the peers, esbuild) are in bench/package.json and are installed there by
 * `npm ci` on first use.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { benchDir, ensureBenchDeps, intFlag } from './lib.mjs';

const DEFAULT_SUBSETS = ['load-model', 'generate', 'runtime', 'pagination'];
const SUBSETS = [...DEFAULT_SUBSETS, 'floors'];
const SPEC_NAMES = ['stigg', 'github', 'stripe'];

const argv = process.argv.slice(2);
const rounds = intFlag(argv, 'rounds', 3);
// The loopback benches are cheap and noisy, so they take more rounds unless told otherwise.
const loopbackRounds = String(argv.some((a) => a.startsWith('--rounds')) ? rounds : 5);
const toolsAt = argv.indexOf('--tools');
const tools = toolsAt >= 0 ? ['--tools', argv[toolsAt + 1]] : argv.filter((a) => a.startsWith('--tools='));
const words = argv.filter((a, i) => !a.startsWith('--') && !/^--(rounds|tools)$/.test(argv[i - 1] ?? ''));
const unknown = words.filter((w) => !SUBSETS.includes(w) && !SPEC_NAMES.includes(w));
if (unknown.length) {
  console.error(
    `bench: unknown argument ${unknown.join(', ')}; subsets: ${SUBSETS.join(', ')}; specs: ${SPEC_NAMES.join(', ')}`,
  );
  process.exit(2);
}
const subsets = words.filter((w) => SUBSETS.includes(w));
const specs = words.filter((w) => SPEC_NAMES.includes(w));

/** The arguments each script takes. */
const ARGS = {
  'load-model': specs,
  generate: [...specs, '--rounds', String(rounds), ...tools],
  runtime: ['--rounds', loopbackRounds],
  pagination: ['--runs', loopbackRounds],
  floors: ['--rounds', String(rounds)],
};

ensureBenchDeps();
const started = performance.now();
for (const subset of subsets.length ? subsets : DEFAULT_SUBSETS) {
  console.log(`\n=== ${subset}`);
  const r = spawnSync('node', [path.join(benchDir, `${subset}.mjs`), ...ARGS[subset]], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
console.log(`\nbench done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
