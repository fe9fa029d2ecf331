#!/usr/bin/env node
/**
 * `npm run build`'s last step: compiles the built-in templates ahead of time into dist/ (after tsc, from the
 * compiled generator), so a run does not parse and compile them. See generator/emit/templates/precompiled.ts.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const url = (rel) => pathToFileURL(path.join(root, rel)).href;
const { precompiledModule } = await import(url('dist/generator/emit/templates/precompile.js'));
const { PRECOMPILED_FILE } = await import(url('dist/generator/emit/templates/precompiled.js'));
writeFileSync(path.join(root, PRECOMPILED_FILE), precompiledModule(path.join(root, 'templates')));
