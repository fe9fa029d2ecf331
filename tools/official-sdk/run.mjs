/** Runs the TypeScript compiler and vitest over a prepared work directory and reads their results back. */
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `tsc --noEmit -p <tsconfig>`; returns the errors, one string each (with their elaboration).
 * @param {string} repo apiforge's root (for its typescript)
 * @param {string} tsconfig
 */
export function typecheck(repo, tsconfig) {
  const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  const res = spawnSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', tsconfig], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // An error's elaboration ("Types of property 'x' are incompatible.") follows on indented lines: keep it with it.
  const errors = [];
  for (const l of `${res.stdout}${res.stderr}`.split('\n')) {
    if (/error TS\d+/.test(l)) errors.push(l);
    else if (/^\s+\S/.test(l) && errors.length > 0) errors[errors.length - 1] += ` / ${l.trim()}`;
  }
  return { errors };
}

/**
 * Runs vitest in `root` with a JSON report; returns pass/fail counts and the failures' messages.
 * @param {string} repo
 * @param {string} root
 * @param {Record<string, string>} env
 * @param {string[]} [files] test files (default: all under root)
 */
export function vitest(repo, root, env, files = []) {
  const bin = join(repo, 'node_modules', 'vitest', 'vitest.mjs');
  const report = join(root, 'vitest-report.json');
  const args = [bin, 'run', '--root', root, '--reporter=json', `--outputFile=${report}`, ...files];
  const res = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!existsSync(report)) throw new Error(`vitest wrote no report:\n${res.stdout}\n${res.stderr}`);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const results = json.testResults.flatMap((f) =>
    f.assertionResults.map((a) => ({
      file: f.name,
      name: a.fullName,
      status: a.status,
      messages: a.failureMessages,
    })),
  );
  const suiteErrors = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  return {
    passed: results.filter((r) => r.status === 'passed').length,
    failed: results.filter((r) => r.status === 'failed'),
    skipped: results.filter((r) => r.status !== 'passed' && r.status !== 'failed').length,
    suiteErrors: suiteErrors.map((f) => ({ file: f.name, message: f.message })),
  };
}
