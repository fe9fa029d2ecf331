/**
 * Prettier in worker threads, started before the spec is even loaded: each
 * worker imports prettier and warms its JIT on a sample while the main thread
 * loads, models and emits, so formatting starts at full speed. Work is handed
 * out in small chunks on demand, which balances a few huge files against many
 * small ones.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type prettier from 'prettier';
import type { GeneratedFile } from '../write/types.js';

type Reply = { id: number; ok: true; files: GeneratedFile[] } | { id: number; ok: false; error: string };

/** Characters per chunk: small enough to balance, large enough that messaging costs nothing. */
const CHUNK_CHARS = 150_000;

/** The compiled worker entry; absent when apiforge runs from its TypeScript sources (tests), where formatting stays in-process. */
const WORKER_URL = new URL('./format-worker.js', import.meta.url);

/** Starts a pool when worker threads can be used here, else returns undefined. */
export function startFormatPool(): FormatPool | undefined {
  return existsSync(fileURLToPath(WORKER_URL)) ? new FormatPool() : undefined;
}

export class FormatPool {
  private readonly workers: Worker[];
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (f: GeneratedFile[]) => void; reject: (e: Error) => void }>();

  constructor(size = Math.max(1, Math.min(os.availableParallelism(), 4))) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER_URL);
      worker.on('message', (msg: Reply) => {
        const task = this.pending.get(msg.id);
        if (!task) return;
        this.pending.delete(msg.id);
        if (msg.ok) task.resolve(msg.files);
        else task.reject(new Error(msg.error));
      });
      worker.on('error', (err) => {
        for (const task of this.pending.values()) task.reject(err);
        this.pending.clear();
      });
      return worker;
    });
  }

  /** Formats files across the workers; results are in input order. */
  async format(files: GeneratedFile[], options: prettier.Options): Promise<GeneratedFile[]> {
    const chunks: number[][] = [];
    let current: number[] = [];
    let size = 0;
    files.forEach((f, i) => {
      current.push(i);
      size += f.content.length;
      if (size >= CHUNK_CHARS) {
        chunks.push(current);
        current = [];
        size = 0;
      }
    });
    if (current.length > 0) chunks.push(current);
    const out: GeneratedFile[] = new Array(files.length);
    let next = 0;
    // One loop per worker pulls the next chunk when its previous one is done.
    await Promise.all(
      this.workers.map(async (worker) => {
        while (next < chunks.length) {
          const chunk = chunks[next++] as number[];
          const formatted = await this.run(
            worker,
            chunk.map((i) => files[i] as GeneratedFile),
            options,
          );
          chunk.forEach((fileIndex, k) => (out[fileIndex] = formatted[k] as GeneratedFile));
        }
      }),
    );
    return out;
  }

  private run(worker: Worker, files: GeneratedFile[], options: prettier.Options): Promise<GeneratedFile[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, files, options });
    });
  }

  /** Stops the workers (also safe to call when a run failed). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
