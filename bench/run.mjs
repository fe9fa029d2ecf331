#!/usr/bin/env node
/** `npm run bench`: every benchmark script in turn. Pass spec names to narrow the generation bench. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const script of ['load-model.mjs', 'generate.mjs', 'runtime.mjs', 'pagination.mjs']) {
  const file = path.join(here, script);
  if (!existsSync(file)) continue;
  console.log(`\n=== ${script}`);
  const r = spawnSync('node', [file, ...(script === 'generate.mjs' ? process.argv.slice(2) : [])], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
