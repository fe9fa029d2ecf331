/**
 * Starts and stops a Prism mock server (`@stoplight/prism-cli`) for end-to-end tests.
 *
 * Prism runs as a child process in its own process group (so stopping it also
 * stops anything it forks), on a free 127.0.0.1 port, with `--errors` so that a
 * request that violates the spec gets a 4xx/422 instead of a mocked 2xx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';

export interface PrismOptions {
  /** Path to the OpenAPI document. */
  spec: string;
  host?: string;
  /** A fixed port; by default a free one is picked. */
  port?: number;
  /** `-d`: generate responses from the schemas instead of returning the spec's examples. */
  dynamic?: boolean;
  /** `--seed` for dynamic mode (deterministic generation). */
  seed?: string;
  /** `--errors`: reject requests that violate the spec (default true). */
  errors?: boolean;
  /** How long to wait for Prism to answer, in ms (default 30 s). */
  readyTimeoutMs?: number;
  cwd?: string;
}

export interface PrismServer {
  baseURL: string;
  port: number;
  pid: number;
  /** The last lines Prism printed (stdout and stderr). */
  output(): string;
  /** Stops the whole process group; safe to call more than once. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago: listen on port 0, read it, close. */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close((err) => (err ? reject(err) : resolvePort(port)));
    });
  });
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@stoplight/prism-cli/package.json');
  const pkg = require(pkgPath) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['prism'];
  if (!bin) throw new Error('@stoplight/prism-cli has no "prism" bin');
  return resolve(dirname(pkgPath), bin);
}

/** Runs `node <argv...>` and takes its whole process group down when stdin closes. */
const SUPERVISOR = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
const down = () => { try { process.kill(0, 'SIGKILL'); } catch { process.exit(1); } };
process.stdin.on('end', down);
process.stdin.on('close', down);
process.stdin.on('error', down);
process.stdin.resume();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
`;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Group already gone; fall back to the process itself.
    try {
      child.kill(signal);
    } catch {
      /* already exited */
    }
  }
}

/** Starts Prism and resolves once it answers HTTP requests. */
export async function startPrism(opts: PrismOptions): Promise<PrismServer> {
  const host = opts.host ?? '127.0.0.1';
  const attempts = opts.port === undefined ? 3 : 1;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = opts.port ?? (await findFreePort(host));
    try {
      return await startOnce(opts, host, port);
    } catch (err) {
      lastError = err;
      // The port may have been taken between findFreePort and Prism's listen: retry on another one.
      if (!/EADDRINUSE/.test(String((err as Error).message))) break;
    }
  }
  throw lastError;
}

async function startOnce(opts: PrismOptions, host: string, port: number): Promise<PrismServer> {
  const args = [prismBin(), 'mock', opts.spec, '-h', host, '-p', String(port)];
  if (opts.errors ?? true) args.push('--errors');
  if (opts.dynamic) args.push('--dynamic');
  if (opts.seed !== undefined) args.push('--seed', opts.seed);
  // Only warnings and errors: per-request info lines would be noise.
  args.push('-v', 'warn');

  // Prism runs under a tiny supervisor, in a process group of its own, so that
  // stop() can kill the whole group, and so that Prism also goes away when this
  // process dies without running stop() (even on SIGKILL): the supervisor's
  // stdin is a pipe from us, and it kills its group when that pipe closes.
  const child = spawn(process.execPath, ['-e', SUPERVISOR, '--', ...args], {
    cwd: opts.cwd ?? process.cwd(),
    detached: true, // own process group, so stop() can kill -pgid
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let exited = false;
  let exitInfo = '';
  const exitedPromise = new Promise<void>((r) =>
    child.once('exit', (code, signal) => {
      exited = true;
      exitInfo = `code ${code}, signal ${signal}`;
      r();
    }),
  );
  child.once('error', (err) => {
    exited = true;
    exitInfo = err.message;
  });

  // Safety net: if this process exits without calling stop(), do not leave Prism behind.
  const onExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', onExit);

  const baseURL = `http://${host}:${port}`;
  const output = () => lines.join('\n');
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.off('exit', onExit);
      if (exited) return;
      killGroup(child, 'SIGTERM');
      const timer = sleep(5000).then(() => 'timeout' as const);
      if ((await Promise.race([exitedPromise.then(() => 'exited' as const), timer])) === 'timeout') {
        killGroup(child, 'SIGKILL');
        await exitedPromise;
      }
      child.stdin?.destroy();
      child.stdout?.destroy();
      child.stderr?.destroy();
    })());

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`Prism exited before it was ready (${exitInfo}):\n${output()}`);
    }
    try {
      // Any HTTP answer (Prism says 404 for an unknown route) means it is listening.
      await fetch(`${baseURL}/__prism_ready__`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not answer on ${baseURL} within ${opts.readyTimeoutMs ?? 30_000} ms:\n${output()}`);
    }
    await sleep(150);
  }
  return { baseURL, port, pid: child.pid ?? -1, output, stop };
}
