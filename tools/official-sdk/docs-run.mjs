/** The `--docs` part of official-sdk-check: the official per-method docs checked against our client. */
import { readFileSync } from 'node:fs';
import { compareSurface, readDocMethods } from './docs-read.mjs';
import { classifyDocErrors, prepareDocsChecks } from './docs-check.mjs';
import { clientCalls, writeVitestConfig } from './prepare.mjs';
import { typecheck, vitest } from './run.mjs';

function line(label, value) {
  console.log(`${label.padEnd(44)} ${value}`);
}

/**
 * Reads the docs file and type-checks its examples, responses and params; returns a summary and a function that runs
 * the examples against a mock server.
 * @param {{ repo: string, work: string, client: string, docs: string, surface?: string }} o
 */
export function checkDocs({ repo, work, client, docs, surface }) {
  const methods = readDocMethods(readFileSync(docs, 'utf8'));
  const known = clientCalls(client);
  const summary = {
    methods: methods.length,
    unknown: methods.filter((m) => !known.has(m.call)).map((m) => m.call),
  };
  line('docs: methods / not in our client', `${methods.length} / ${summary.unknown.length}`);
  for (const c of summary.unknown) console.log(`  not in our client: ${c}`);
  if (surface) {
    summary.surface = compareSurface(methods, readFileSync(surface, 'utf8'));
    const { onlyInDocs, onlyInSurface, differing } = summary.surface;
    line(
      'docs vs surface: only docs / only surface / differ',
      `${onlyInDocs.length} / ${onlyInSurface.length} / ${differing.length}`,
    );
    for (const d of differing) console.log(`  differs ${d.call}: docs ${d.docs}, surface ${d.surface}`);
  }
  writeVitestConfig(work);
  const prepared = prepareDocsChecks({ methods, known, work, client });
  const errors = [
    ...typecheck(repo, prepared.examplesTsconfig).errors,
    ...typecheck(repo, prepared.typesTsconfig).errors,
  ];
  const failed = classifyDocErrors(errors, prepared.examples, prepared.checks);
  const count = (kind) => prepared.checks.filter((c) => c.kind === kind).length;
  summary.examples = {
    checked: prepared.examples.length,
    typeErrors: failed.example,
  };
  summary.responses = {
    checked: count('response'),
    mismatched: failed.response,
  };
  summary.params = { checked: count('params'), mismatched: failed.params };
  const report = (label, checked, list) => {
    line(label, `${checked - list.length} / ${checked}`);
    for (const f of list) console.log(`  ${f.call}: …${f.error.slice(-300)}`);
  };
  report('docs: examples type-checking', prepared.examples.length, failed.example);
  report('docs: responses assignable to official', summary.responses.checked, failed.response);
  report('docs: official params accepted', summary.params.checked, failed.params);
  const runExamples = (baseURL) => {
    const env = { STIGG_BASE_URL: baseURL, STIGG_API_KEY: 'My API Key' };
    const run = vitest(repo, work, env, [prepared.dir]);
    summary.examples.run = run;
    line('docs: examples against Prism (passed / run)', `${run.passed} / ${run.passed + run.failed.length}`);
    for (const f of run.failed) console.log(`  FAIL ${f.name}: ${String(f.messages[0] ?? '').split('\n')[0]}`);
    for (const f of run.suiteErrors) console.log(`  FAIL ${f.file}: ${String(f.message).split('\n')[0]}`);
  };
  return { summary, runExamples };
}

/** Failures of the docs part, counted. */
export function docsFailures(d) {
  if (!d) return 0;
  const run = d.examples.run ? d.examples.run.failed.length + d.examples.run.suiteErrors.length : 0;
  return (
    d.unknown.length + d.examples.typeErrors.length + d.responses.mismatched.length + d.params.mismatched.length + run
  );
}
