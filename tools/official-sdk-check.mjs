#!/usr/bin/env node
/**
 * Acceptance check of the generated Stigg client against a local copy of Stigg's official TypeScript SDK:
 *  1. the official resource tests (tests/api-resources) type-check against output/stigg and pass against Prism;
 *  2. every official Response / page item type is satisfied by ours, every official Params type is accepted by ours;
 *  3. the official client tests (tests/index.test.ts) run against our client;
 *  4. with --docs, the per-method docs of the official MCP server: each TypeScript example type-checks and passes
 *     against Prism, our responses are assignable to the official ones, the official params are accepted by ours.
 *
 * Usage: node tools/official-sdk-check.mjs [--sdk <official-checkout>] [--docs <local-docs-search.ts>]
 *   [--surface <official-sdk-surface.tsv>] [--work <dir>] [--json <file>]
 * Nothing of the official SDK is written into this repository: copies go to the work directory (a temp dir).
 */
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareResourceTests, prepareClientTests } from './official-sdk/prepare.mjs';
import { classify, prepareAssignability } from './official-sdk/assignability.mjs';
import { typecheck, vitest } from './official-sdk/run.mjs';
import { withPrism } from './official-sdk/prism.mjs';
import { checkDocs, docsFailures } from './official-sdk/docs-run.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const client = join(repo, 'output', 'stigg');

function parse() {
  const { values } = parseArgs({
    options: {
      sdk: { type: 'string' },
      docs: { type: 'string' },
      surface: { type: 'string' },
      work: { type: 'string' },
      json: { type: 'string' },
    },
  });
  if (!values.sdk && !values.docs) {
    console.error(
      'usage: node tools/official-sdk-check.mjs [--sdk <official-checkout>] [--docs <docs.ts>] [--work <dir>]',
    );
    process.exit(2);
  }
  return {
    sdk: values.sdk && resolve(values.sdk),
    docs: values.docs && resolve(values.docs),
    surface: values.surface && resolve(values.surface),
    work: values.work ? resolve(values.work) : undefined,
    json: values.json,
  };
}

function workDir(given) {
  const dir = given ?? mkdtempSync(join(tmpdir(), 'official-sdk-check-'));
  mkdirSync(dir, { recursive: true });
  // The copies resolve vitest, its globals' types and typescript from apiforge's own node_modules.
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function line(label, value) {
  console.log(`${label.padEnd(44)} ${value}`);
}

async function main() {
  const args = parse();
  const work = workDir(args.work);
  const summary = { work };
  const sdk = args.sdk ? checkSdk(args, work, summary) : undefined;
  const docs = args.docs ? checkDocs({ repo, work, client, docs: args.docs, surface: args.surface }) : undefined;
  if (docs) summary.docs = docs.summary;
  await withPrism(repo, async (baseURL) => {
    sdk?.runResourceTests(baseURL);
    docs?.runExamples(baseURL);
  });
  if (sdk) sdk.runClientTests();
  if (args.json) writeFileSync(args.json, JSON.stringify(summary, null, 2));
  if (failures(summary) + docsFailures(summary.docs) > 0) process.exitCode = 1;
}

/** Type-checks the official resource tests and types; returns functions that run the resource and client tests. */
function checkSdk(args, work, summary) {
  const res = prepareResourceTests({ sdk: args.sdk, work, client });
  summary.resourceTests = { kept: res.kept, dropped: res.dropped };
  const tc = typecheck(repo, res.tsconfig);
  summary.resourceTests.typeErrors = tc.errors;
  line('resource tests (kept / dropped as not in spec)', `${res.kept} / ${res.dropped.length}`);
  line('resource tests: type errors', tc.errors.length);
  for (const e of tc.errors.slice(0, 40)) console.log(`  ${e}`);

  const assign = prepareAssignability({ sdk: args.sdk, work, client });
  if (assign) {
    const { missing, mismatched } = classify(typecheck(repo, assign.tsconfig).errors, assign.checks);
    const { responses, items, params } = assign.counts;
    summary.assignability = { ...assign.counts, missing, mismatched };
    line('assignability: Responses / page items / Params', `${responses} / ${items} / ${params}`);
    line('assignability: missing in ours / mismatched', `${missing.length} / ${mismatched.length}`);
    for (const m of missing) console.log(`  missing ${m.name}`);
    // The last part of the elaboration says which property differs and how.
    for (const m of mismatched) console.log(`  mismatch (${m.kind}) ${m.name}: …${m.error.slice(-240)}`);
  }

  const clientTests = prepareClientTests({ sdk: args.sdk, work, client });
  const runResourceTests = (baseURL) => {
    const run = vitest(repo, work, { TEST_API_BASE_URL: baseURL }, [res.testsDir]);
    summary.resourceTests.run = run;
    line('resource tests against Prism: passed / failed', `${run.passed} / ${run.failed.length}`);
    for (const f of [...run.failed, ...run.suiteErrors]) console.log(`  FAIL ${f.name ?? f.file}: ${firstLine(f)}`);
  };
  const runClientTests = () => {
    if (!clientTests) return;
    const ct = typecheck(repo, clientTests.tsconfig);
    summary.clientTests = { typeErrors: ct.errors };
    line('client tests: type errors', ct.errors.length);
    for (const e of ct.errors.slice(0, 40)) console.log(`  ${e}`);
    const run = vitest(repo, work, {}, clientTests.files);
    summary.clientTests.run = run;
    line('client tests: passed / failed', `${run.passed} / ${run.failed.length}`);
    for (const f of [...run.failed, ...run.suiteErrors]) console.log(`  FAIL ${f.name ?? f.file}: ${firstLine(f)}`);
  };
  return { runResourceTests, runClientTests };
}

/** Everything that keeps our client from being a drop-in, counted. */
function failures({ resourceTests: r, assignability: a, clientTests: c }) {
  if (!r) return 0;
  const run = (x) => (x ? x.failed.length + x.suiteErrors.length : 0);
  const types = (r.typeErrors?.length ?? 0) + (c?.typeErrors?.length ?? 0);
  return types + run(r.run) + run(c?.run) + (a ? a.missing.length + a.mismatched.length : 0);
}

function firstLine(f) {
  return String((f.messages ?? [f.message])[0] ?? '')
    .split('\n')[0]
    .slice(0, 200);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
