/**
 * Printing in a worker thread. The worker loads ts-morph while the main thread loads, models and
 * emits; each file's skeleton (header, imports, statement count) is sent as soon as it is emitted, and
 * the file's content is a stand-in until {@link WorkerPrinter.settle} puts the printed text in place.
 */
import type { GeneratedFile } from '../write/types.js';
import { workerChannel, type WorkerChannel } from '../util/worker-channel.js';
import { fillStatements, statementTexts, type FileSkeleton, type FilePrinter, type ImportSpec } from './ts-printer.js';

/** Skeletons per message: few messages, and the worker starts printing before emit is over. */
const BATCH = 64;

const WORKER_URL = new URL('./print-worker.js', import.meta.url);

const STAND_IN = /^\u0000apiforge-print:(\d+)\u0000$/;

/** The compiled worker's channel, or undefined when running from sources (print in-thread then). */
export function printChannel(): WorkerChannel<FileSkeleton[], string[]> | undefined {
  return workerChannel<FileSkeleton[], string[]>(WORKER_URL);
}

/** A {@link FilePrinter} whose files stay stand-ins until {@link settle}; one per run. */
export class WorkerPrinter implements FilePrinter {
  private readonly texts: string[][] = [];
  private readonly printed: Array<Promise<string[]>> = [];
  private batch: FileSkeleton[] = [];

  constructor(private readonly channel: WorkerChannel<FileSkeleton[], string[]>) {}

  print(header: string, imports: ImportSpec[], statements: string[], spaced = true): string {
    const id = this.texts.length;
    const texts = statementTexts(statements);
    this.texts.push(texts);
    this.batch.push({ header, imports, statementCount: texts.length, spaced });
    if (this.batch.length >= BATCH) this.flush();
    return `\u0000apiforge-print:${id}\u0000`;
  }

  /** The files with every stand-in replaced by its printed text. */
  async settle(files: GeneratedFile[]): Promise<GeneratedFile[]> {
    this.flush();
    const printed = (await Promise.all(this.printed)).flat();
    return files.map((f) => {
      const id = STAND_IN.exec(f.content)?.[1];
      if (id === undefined) return f;
      return { ...f, content: fillStatements(printed[Number(id)] ?? '', this.texts[Number(id)] ?? []) };
    });
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const request = this.channel.request(this.batch);
    // Settled in settle(); until then a failure must not count as unhandled.
    request.catch(() => undefined);
    this.printed.push(request);
    this.batch = [];
  }
}
