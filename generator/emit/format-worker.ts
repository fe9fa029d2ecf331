/** Worker-thread entry: formats a chunk of files and posts them back. */
import { parentPort, workerData } from 'node:worker_threads';
import type prettier from 'prettier';
import type { GeneratedFile } from '../write/types.js';
import { formatInProcess } from './format.js';

const { files, options } = workerData as { files: GeneratedFile[]; options: prettier.Options };
formatInProcess(files, options).then(
  (formatted) => parentPort?.postMessage({ ok: true, files: formatted }),
  (err: unknown) => parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
);
