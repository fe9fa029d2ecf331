/**
 * Helpers shared by the benchmark scripts. Only Node built-ins are imported at the top: the bench's own
 * dependencies (bench/package.json) may not be installed yet when this module loads.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(benchDir, '..');
export const sharedSpecs = path.resolve(repoRoot, '../shared/specs');

/** A command in bench/node_modules/.bin (the peers live there, not in the package's own dependencies). */
export const benchBin = (name) => path.join(benchDir, 'node_modules/.bin', name);

/**
 * Installs bench/package.json's dependencies from its lock file when they are missing or older than the lock
 * (`npm ci` in bench/), so the peers are exactly the pinned versions and never come from the root install.
 */
export function ensureBenchDeps() {
  const lock = path.join(benchDir, 'package-lock.json');
  const installed = path.join(benchDir, 'node_modules/.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.error('bench: installing the benchmark dependencies (npm ci in bench/)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: benchDir, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('bench: `npm ci` in bench/ failed');
}

/** A temp folder removed when the process exits. */
export function tempDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Bundles a generated client's `src/index.ts` with esbuild into `dir` and imports it. */
export async function bundleClient(entry, dir) {
  ensureBenchDeps();
  const esbuild = await import('esbuild');
  const outfile = path.join(dir, 'client.mjs');
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

/** The median; the mean of the middle two for an even count. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** `part / whole` as a multiplier, e.g. `0.42×`; `–` when either side is missing. */
export const ratio = (part, whole) =>
  Number.isFinite(part) && Number.isFinite(whole) && whole > 0 ? `${(part / whole).toFixed(2)}×` : '–';

/** Seconds with two decimals. */
export const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–');

/** Megabytes, rounded. */
export const megabytes = (mb) => (Number.isFinite(mb) ? `${Math.round(mb)} MB` : '–');

/** The value of `--name N` (or `--name=N`) in `argv`, as a positive integer, or `fallback`. */
export function intFlag(argv, name, fallback) {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const raw = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: --${name} takes a positive integer, got ${raw}`);
  return n;
}

/** A Markdown table (GitHub style): first row is the header; the first `left` columns left-aligned, the rest right. */
export function markdownTable(rows, left = 1) {
  const widths = rows[0].map((_, i) => Math.max(3, ...rows.map((r) => String(r[i]).length)));
  const cell = (c, i) => (i < left ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]));
  const line = (r) => `| ${r.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => `${'-'.repeat(w + 1)}${i < left ? '-' : ':'}`).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

/** A plain-text table: first row is the header, first column left-aligned. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r, ri) => {
      const line = r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
      return ri === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** How peak RSS is measured on this machine, for the report. */
export const rssMethod = GNU_TIME
  ? 'GNU time %M (max RSS of the process, worker threads included)'
  : process.platform === 'linux'
    ? 'VmHWM polled from /proc/<pid>/status every 10 ms'
    : 'not measured';

/** The peak RSS (VmHWM) of a live process in MB, or NaN once it has gone. */
function readHighWater(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Runs one command to completion and returns its wall time (spawn to exit, as a user would see it), peak RSS
 * in MB, and whether it exited 0. `cwd` defaults to the repository root.
 */
export function measure(cmd, args, { cwd = repoRoot, env = {} } = {}) {
  const rssFile = GNU_TIME ? path.join(os.tmpdir(), `apiforge-bench-rss-${process.pid}-${Date.now()}`) : undefined;
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      if (output.length < 4000) output += d;
    });
    child.stderr.on('data', (d) => {
      if (output.length < 4000) output += d;
    });
    let polled = NaN;
    const poll =
      !GNU_TIME && process.platform === 'linux'
        ? setInterval(() => {
            const v = readHighWater(child.pid);
            if (!Number.isNaN(v)) polled = v;
          }, 10)
        : undefined;
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (poll) clearInterval(poll);
      let rssMB = polled;
      if (rssFile) {
        rssMB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
        rmSync(rssFile, { force: true });
      }
      resolve({ ms, rssMB, ok: code === 0, output: code === 0 ? '' : output.slice(-1500) });
    });
  });
}

/** The git commit the repository is on, with `+dirty` when the work tree has changes. */
export function commitLabel() {
  const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
  return rev ? `${rev}${dirty ? '+dirty' : ''}` : 'unknown';
}
