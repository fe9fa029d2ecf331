/**
 * `apiforge generate --watch`: regenerate when the config, a spec, a
 * `$ref`'d file or an override template changes. Debounced, serialized (one
 * run at a time), and a broken intermediate state only prints its error.
 *
 * Uses `fs.watch` on folders rather than files: editors often save by
 * writing a new file and renaming it over the old one, which a file watch
 * loses track of.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { ApiforgeError } from '../diagnostics.js';
import type { CliContext } from './context.js';
import { describeError } from './errors.js';
import { runGenerate, type GenerateFlags, type GenerateRun } from './generate.js';

export async function watchCommand(flags: GenerateFlags, ctx: CliContext): Promise<number> {
  const files = new Set<string>();
  const templateDirs = new Set<string>();
  const watchers = new Map<string, FSWatcher>();

  /** One run; returns false only for a usage error on the first run (nothing to watch then). */
  const runOnce = async (first: boolean): Promise<boolean> => {
    let run: GenerateRun | undefined;
    try {
      run = await runGenerate(flags, ctx);
    } catch (e) {
      if (first && e instanceof ApiforgeError && e.exitCode === 2) throw e;
      ctx.err(`✘ ${describeError(e, flags.debug ?? false)}`);
    }
    // Never shrink the set after a failure: a broken spec still has to be watched to see it fixed.
    for (const f of run?.watched ?? []) files.add(f);
    for (const d of run?.templateDirs ?? []) templateDirs.add(d);
    if (first && files.size === 0) {
      // The config itself failed to load: watch the explicit --config or the cwd's candidates.
      if (flags.config) files.add(path.resolve(ctx.cwd, flags.config));
      else templateDirs.add(ctx.cwd);
    }
    return true;
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending = false;
  let changed = new Set<string>();
  const trigger = (file: string): void => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void rerun(), ctx.debounceMs);
  };
  const rerun = async (): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    const what = [...changed].map((f) => ctx.rel(f));
    changed = new Set();
    if (!flags.quiet)
      ctx.out(
        `↻ ${what.slice(0, 3).join(', ')}${what.length > 3 ? ` and ${what.length - 3} more` : ''} changed; regenerating`,
      );
    ctx.resetReported();
    running = runOnce(false).then(() => {
      running = undefined;
      sync();
      if (pending) {
        pending = false;
        void rerun();
      }
    });
    await running;
  };

  /** Starts watchers for folders not yet watched. */
  const sync = (): void => {
    for (const dir of new Set([...files].map((f) => path.dirname(f)))) {
      const key = `file:${dir}`;
      if (watchers.has(key)) continue;
      watchers.set(
        key,
        safeWatch(dir, false, (name) => {
          // Names are re-read from `files` on every event, so later additions in the same folder count.
          if (name && [...files].some((f) => path.dirname(f) === dir && path.basename(f) === name))
            trigger(path.join(dir, name));
          else if (!name) trigger(dir);
        }),
      );
    }
    for (const dir of templateDirs) {
      const key = `tree:${dir}`;
      if (watchers.has(key)) continue;
      watchers.set(
        key,
        safeWatch(dir, true, (name) => {
          if (!name || /\.hbs$|apiforge-templates\.json$|^apiforge\.config\./.test(name))
            trigger(path.join(dir, name ?? ''));
        }),
      );
    }
  };

  await runOnce(true);
  sync();
  if (!flags.quiet)
    ctx.out(`👀 watching ${files.size} file(s) and ${templateDirs.size} template folder(s); Ctrl-C to stop`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      ctx.signal?.removeEventListener('abort', stop);
      resolve();
    };
    if (ctx.signal?.aborted) return stop();
    ctx.signal?.addEventListener('abort', stop);
    process.on('SIGINT', stop);
  });
  clearTimeout(timer);
  for (const w of watchers.values()) w.close();
  await running;
  return 0;
}

/** `fs.watch` that never throws (a missing folder is simply not watched) and ignores watcher errors. */
function safeWatch(dir: string, recursive: boolean, onChange: (name: string | null) => void): FSWatcher {
  try {
    const w = watch(dir, { recursive, persistent: true }, (_event, name) =>
      onChange(name === null ? null : String(name)),
    );
    w.on('error', () => undefined);
    return w;
  } catch {
    return { close: () => undefined } as unknown as FSWatcher;
  }
}
