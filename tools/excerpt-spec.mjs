#!/usr/bin/env node
/**
 * Cuts an excerpt out of a large OpenAPI document: the chosen operations and every component they
 * reach through `$ref`, so the test corpus can carry a few kilobytes of a real spec instead of megabytes.
 *
 *   node tools/excerpt-spec.mjs <spec> <out.json> <operationId>... [--depth N]
 *
 * Multi-file specs are joined first (apiforge's own loader, so run `npm run build` before).
 * `--depth N` keeps component schemas at most N `$ref` hops from an operation; deeper references
 * become an open object `{}` (with `x-excerpt-pruned: <name>`), which keeps Stripe's web of expandable
 * objects from pulling in the whole document.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const args = process.argv.slice(2);
const depthAt = args.indexOf('--depth');
const maxDepth = depthAt >= 0 ? Number(args.splice(depthAt, 2)[1]) : Infinity;
const [input, output, ...ids] = args;
if (!input || !output || ids.length === 0) {
  console.error('usage: excerpt-spec.mjs <spec> <out.json> <operationId>... [--depth N]');
  process.exit(2);
}

async function read(file) {
  const text = readFileSync(file, 'utf8');
  // Only a `$ref` to another file needs the loader; `#/...` refs stay as they are.
  if (!/["']?\$ref["']?\s*:\s*["']?[^#"'\s]/.test(text)) {
    return file.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 });
  }
  const { loadSpec } = await import('../dist/load/load-spec.js');
  return (await loadSpec(file)).document;
}

const doc = await read(input);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const paths = {};
for (const [p, item] of Object.entries(doc.paths ?? {})) {
  for (const m of METHODS) {
    if (!item[m] || !ids.includes(item[m].operationId)) continue;
    paths[p] ??= Object.fromEntries(Object.entries(item).filter(([k]) => !METHODS.includes(k)));
    paths[p][m] = item[m];
  }
}
const found = Object.values(paths).flatMap((item) => METHODS.filter((m) => item[m]).map((m) => item[m].operationId));
const missing = ids.filter((id) => !found.includes(id));
if (missing.length) {
  console.error(`${input}: no operation ${missing.join(', ')}`);
  process.exit(1);
}

/** Component `$ref`s reached from `node`, with the hop count at which each was first met. */
const kept = new Map();
const queue = [];
function visit(node, depth) {
  if (Array.isArray(node)) return node.forEach((n) => visit(n, depth));
  if (!node || typeof node !== 'object') return;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/')) {
    if (!kept.has(node.$ref)) {
      kept.set(node.$ref, depth);
      queue.push(node.$ref);
    }
  }
  for (const v of Object.values(node)) visit(v, depth);
}
const at = (ref) => ref.slice(2).split('/').reduce((n, k) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
visit(paths, 1);
visit(doc.components?.securitySchemes, 1);
while (queue.length) {
  const ref = queue.shift();
  const depth = kept.get(ref);
  if (depth <= maxDepth) visit(at(ref), depth + 1);
}

// Security schemes are named, not `$ref`d, by `security`: all of them stay.
const components = doc.components?.securitySchemes ? { securitySchemes: doc.components.securitySchemes } : {};
for (const [ref, depth] of kept) {
  const [, , section, name] = ref.split('/');
  components[section] ??= {};
  components[section][name] = depth > maxDepth ? { 'x-excerpt-pruned': name } : at(ref);
}
for (const section of Object.values(components)) {
  const sorted = Object.fromEntries(Object.entries(section).sort(([a], [b]) => a.localeCompare(b)));
  for (const k of Object.keys(section)) delete section[k];
  Object.assign(section, sorted);
}
const { paths: _p, components: _c, webhooks: _w, 'x-webhooks': _xw, ...rest } = doc;
const excerpt = { ...rest, paths, components };
writeFileSync(output, `${JSON.stringify(excerpt, null, 2)}\n`);
console.log(`${output}: ${found.length} operations, ${kept.size} components, ${JSON.stringify(excerpt).length} bytes`);
