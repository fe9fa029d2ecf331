/**
 * Request/reply over a worker thread, for work that overlaps the main thread's (validation, printing).
 * One worker per entry file per process, started on first use and reused by later runs (a config with
 * several clients pays for the worker's imports once). It keeps the process alive only while a request
 * is pending, so an idle worker never delays exit.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import { ApiforgeError, type Diagnostic } from '../diagnostics.js';

/** An error as it crosses threads; an {@link ApiforgeError} keeps what the CLI prints and its exit code. */
interface ErrorData {
  message: string;
  stack?: string;
  apiforge?: { diagnostics: Diagnostic[]; exitCode: 1 | 2 };
}

type Reply<T> = { id: number; ok: true; result: T } | { id: number; ok: false; error: ErrorData };

function errorData(err: unknown): ErrorData {
  if (!(err instanceof Error)) return { message: String(err) };
  const data: ErrorData = { message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) };
  if (err instanceof ApiforgeError) data.apiforge = { diagnostics: err.diagnostics, exitCode: err.exitCode };
  return data;
}

function revive(data: ErrorData): Error {
  const err = data.apiforge ? reviveApiforgeError(data.apiforge) : new Error(data.message);
  if (data.stack !== undefined) err.stack = data.stack;
  return err;
}

/** The same error the worker threw: same message (the first diagnostic, with a count of the rest), same exit code. */
function reviveApiforgeError({ diagnostics, exitCode }: NonNullable<ErrorData['apiforge']>): ApiforgeError {
  const [first] = diagnostics;
  if (diagnostics.length > 1 || !first) return ApiforgeError.fromDiagnostics(diagnostics);
  return new ApiforgeError(first.code, first.message, first.location, exitCode);
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The main thread's side of one worker. */
export class WorkerChannel<Request, Result> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Set when the worker died: the next {@link workerChannel} call starts a new one. */
  failed = false;

  constructor(entry: URL) {
    // A small young generation: each worker's heap adds to the process's peak memory, and these workers'
    // allocations are short-lived (GitHub's spec: ~45 MB less at the peak, at no measurable cost in time).
    this.worker = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    this.worker.on('message', (reply: Reply<Result>) => this.settle(reply));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`worker ${fileURLToPath(entry)} exited with code ${code}`)));
    // After the listeners: adding a 'message' listener refs the worker's port again.
    this.worker.unref();
  }

  /** Sends one request; the reply (or the worker's error) settles the promise. */
  request(message: Request): Promise<Result> {
    if (this.failed) return Promise.reject(new Error('worker is gone'));
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, message });
    });
  }

  /** Stops the worker; pending requests fail, and the next {@link workerChannel} call starts a new one. */
  close(): void {
    this.fail(new Error('worker stopped'));
    void this.worker.terminate();
  }

  private settle(reply: Reply<Result>): void {
    const task = this.pending.get(reply.id);
    if (!task) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) task.resolve(reply.result);
    else task.reject(revive(reply.error));
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    for (const task of this.pending.values()) task.reject(err);
    this.pending.clear();
    this.worker.unref();
  }
}

const channels = new Map<string, WorkerChannel<unknown, unknown>>();

/**
 * The channel to the worker running `entry` (started now if needed), or undefined where the compiled entry
 * does not exist: apiforge running from its TypeScript sources (tests) does the work in-thread.
 */
export function workerChannel<Request, Result>(entry: URL): WorkerChannel<Request, Result> | undefined {
  const known = channels.get(entry.href);
  if (known && !known.failed) return known as WorkerChannel<Request, Result>;
  if (!existsSync(fileURLToPath(entry))) return undefined;
  const channel = new WorkerChannel<Request, Result>(entry);
  channels.set(entry.href, channel as WorkerChannel<unknown, unknown>);
  return channel;
}

/** The worker's side: answers each request with `handle`'s result (or its error), in order of completion. */
export function serveRequests<Request, Result>(handle: (request: Request) => Result | Promise<Result>): void {
  parentPort?.on('message', ({ id, message }: { id: number; message: Request }) => {
    void (async () => handle(message))().then(
      (result) => parentPort?.postMessage({ id, ok: true, result }),
      (err: unknown) => parentPort?.postMessage({ id, ok: false, error: errorData(err) }),
    );
  });
}
