import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultFs } from '../../generator/write/fs.js';
import { recoverInterruptedWrite, siblings } from '../../generator/write/journal.js';
import { writeOutput } from '../../generator/write/write-output.js';
import { fixtureDir, writeFiles } from '../templates/helpers.js';
import { V1, V2, dyingFs, snapshot } from './helpers.js';

async function seeded(): Promise<string> {
  const out = path.join(fixtureDir({}), 'out');
  await writeOutput(out, V1);
  writeFiles(out, { 'src/lib/custom.ts': 'mine\n', 'README.md': 'user readme\n' });
  return out;
}

/** A folder where the output does not exist yet (its staging folder is renamed into place whole). */
async function fresh(): Promise<string> {
  return path.join(fixtureDir({}), 'out');
}

/** What a clean run produces, to compare a rolled-forward output with. */
async function cleanRun(setup: () => Promise<string>, files: typeof V1): Promise<Record<string, string>> {
  const out = await setup();
  await writeOutput(out, files);
  return snapshot(out);
}

/** V1 -> V2 over an existing output, the V2 files alone for a fresh one. */
const cleanV2 = (): Promise<Record<string, string>> => cleanRun(seeded, V2);

const phaseOf = (out: string): string | undefined => {
  const file = siblings(out, '').journal;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { phase: string }).phase : undefined;
};

/** Temporary siblings left beside the output (the journal, staging or backup folders). */
const leftovers = (out: string): string[] => readdirSync(path.dirname(out)).filter((n) => n !== path.basename(out));

describe('a write killed at any step is recovered by the next run', () => {
  it.each([
    ['an existing output', seeded],
    ['a fresh output folder', fresh],
  ])(
    '%s: rolls back before the commit point and forward after it, leaving nothing behind',
    async (_, setup) => {
      const steps = dyingFs(Number.POSITIVE_INFINITY);
      await writeOutput(await setup(), V2, { fs: steps });
      expect(steps.steps).toBeGreaterThan(8);
      const after = await cleanRun(setup, V2);
      const seen = { rolledBack: 0, rolledForward: 0, halfWritten: 0 };
      for (let killAt = 1; killAt <= steps.steps; killAt++) {
        const out = await setup();
        const before = snapshot(out);
        const outcome = await writeOutput(out, V2, { fs: dyingFs(killAt) }).then(
          () => 'done',
          () => 'failed',
        );
        const phase = phaseOf(out);
        // Past the commit point the run has succeeded; only its clean-up is left to the next run.
        expect(outcome === 'done' ? phase : 'committed', `kill at step ${killAt}`).toBe('committed');
        if (phase === 'commit' && JSON.stringify(snapshot(out)) !== JSON.stringify(before)) seen.halfWritten++;
        // `check` writes nothing: it reports the interrupted write and leaves it for `generate`.
        if (phase)
          expect((await writeOutput(out, V2, { check: true })).interrupted, `kill at step ${killAt}`).toBe(true);
        const warning = await recoverInterruptedWrite(defaultFs, out);
        if (phase === 'committed') {
          seen.rolledForward++;
          expect(snapshot(out), `kill at step ${killAt}`).toEqual(after);
        } else {
          if (phase === 'commit') seen.rolledBack++;
          expect(snapshot(out), `kill at step ${killAt}`).toEqual(before);
          expect(existsSync(out), `kill at step ${killAt}`).toBe(Object.keys(before).length > 0);
        }
        expect(warning === undefined, `kill at step ${killAt}`).toBe(phase === undefined);
        expect(leftovers(out), `kill at step ${killAt}`).toEqual([]);
        // The next real run then completes normally.
        await writeOutput(out, V2);
        expect(snapshot(out)).toEqual(after);
      }
      expect(seen.rolledBack).toBeGreaterThan(0);
      expect(seen.rolledForward).toBeGreaterThan(0);
      expect(seen.halfWritten).toBeGreaterThan(0);
    },
    60_000,
  );

  it('the next write recovers by itself after a killed first run', async () => {
    const out = path.join(fixtureDir({}), 'fresh', 'out');
    await expect(writeOutput(out, V1, { fs: dyingFs(12) })).rejects.toThrow();
    const r = await writeOutput(out, V1);
    expect(r.warnings.map((w) => w.message).join()).toMatch(/recovered a write interrupted by a killed run/);
    expect(Object.keys(snapshot(out)).sort()).toEqual([
      '.apiforge-manifest.json',
      'src/client.ts',
      'src/index.ts',
      'src/resources/old.ts',
    ]);
    expect(readdirSync(path.dirname(out))).toEqual(['out']);
  });

  it('refuses to recover a write whose process is still running', async () => {
    const out = await seeded();
    writeFiles(path.dirname(out), {
      [path.basename(siblings(out, '').journal)]: JSON.stringify({
        version: 1,
        pid: process.ppid,
        phase: 'commit',
        stage: 'x',
        backup: 'y',
        place: [],
        remove: [],
        createdDirs: [],
      }),
    });
    await expect(writeOutput(out, V2)).rejects.toThrow(/another apiforge process \(pid \d+\) is writing this output/);
  });
});

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/generator/write/write-output.js');

/** Kill points spread over the journal, the renames, the commit mark and the clean-up of a V1 -> V2 write. */
// `npm test` builds dist/ first.
describe('a real SIGKILL during the commit', () => {
  it('is recovered by the next run, whichever step it hit', async () => {
    const after = await cleanV2();
    const phases = new Set<string>();
    for (let killAt = 11; killAt <= 27; killAt += 2) {
      const out = await seeded();
      const before = snapshot(out);
      const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kill-child.mjs');
      const child = spawnSync(process.execPath, [script, dist, out, String(killAt)], { encoding: 'utf8' });
      expect(child.signal, `kill at change #${killAt}: ${child.stderr}`).toBe('SIGKILL');
      const phase = phaseOf(out) ?? 'none';
      phases.add(phase);
      const next = await writeOutput(out, phase === 'committed' ? V2 : V1); // recovers, then finds nothing to change
      expect(next.written, `kill at change #${killAt}`).toBe(0);
      expect(snapshot(out), `kill at change #${killAt}`).toEqual(phase === 'committed' ? after : before);
      expect(readdirSync(path.dirname(out)), `kill at change #${killAt}`).toEqual(['out']);
    }
    expect([...phases]).toEqual(expect.arrayContaining(['commit', 'committed']));
  }, 60_000);
});
