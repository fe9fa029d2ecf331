import fs from 'node:fs'; import yaml from 'js-yaml';
const spec = yaml.load(fs.readFileSync('specs/stigg/openapi.yaml','utf8'));
const rows = fs.readFileSync('../shared/specs/stigg/official-sdk-surface.tsv','utf8').trim().split('\n').slice(1).map(l=>l.split('\t'));
for (const [m,p,id,call,pag,pt,rt] of rows) {
  const op = spec.paths[p][m.toLowerCase()];
  const ok = Object.entries(op.responses).find(([s])=>/^2/.test(s));
  const sch = ok?.[1]?.content?.['application/json']?.schema;
  const body = op.requestBody?.content?.['application/json']?.schema;
  console.log([call, pt, rt, sch ? (sch.$ref ?? JSON.stringify(sch).slice(0,60)) : '-', body ? (body.$ref ?? Object.keys(body).join(',')) : '-', op.requestBody?.required ?? ''].join('\t'));
}
