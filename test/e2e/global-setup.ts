/**
 * Vitest global setup for the `e2e` project only: starts Prism mock servers for
 * the Stigg spec before any e2e test file runs, provides their base URLs to
 * tests (`inject('prismStaticURL')`), and stops them after the run, whether the
 * tests passed or failed.
 *
 * Two servers, started in parallel (~2.5 s): static mode (responses are the
 * spec's examples: deterministic) and dynamic mode with a fixed seed
 * (responses generated from the schemas: more shapes, still reproducible).
 * See stigg-prism.test.ts for why both.
 */
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startPrism, type PrismServer } from '../helpers/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Prism in static mode: responses are the spec's examples. */
    prismStaticURL: string;
    /** Prism in dynamic mode (`-d`, fixed seed): responses are generated from the schemas. */
    prismDynamicURL: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const spec = 'specs/stigg/openapi.yaml';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started: PrismServer[] = [];
  const stopAll = async () => {
    await Promise.all(started.map((s) => s.stop()));
  };
  try {
    const results = await Promise.allSettled([
      startPrism({ spec, cwd: root }),
      startPrism({ spec, cwd: root, dynamic: true, seed: 'apiforge' }),
    ]);
    for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const [staticServer, dynamicServer] = started as [PrismServer, PrismServer];
    project.provide('prismStaticURL', staticServer.baseURL);
    project.provide('prismDynamicURL', dynamicServer.baseURL);
  } catch (err) {
    await stopAll();
    throw err;
  }
  return stopAll;
}
