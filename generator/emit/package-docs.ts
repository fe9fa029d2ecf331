/**
 * The generated package's README.md and api.md, rendered from `templates/docs/*.md.hbs` with a
 * {@link PackageDocsView} built from the resource plans (the same method views the client is printed from).
 */
import type { ClientSettings } from '../config/types.js';
import type { ApiModel, Operation } from '../model/types.js';
import type { GeneratedFile } from '../write/types.js';
import { defaultBaseURL, envPrefix } from './client-config.js';
import type { TemplateEngine } from './template-engine.js';
import type { DocsMethodView, DocsResourceView, MethodView, PackageDocsView } from './view-model.js';
import { flatText } from './type-views.js';
import { featureSections } from './client-readme.js';

/** What the docs need of a planned resource file. */
export interface DocsResourcePlan {
  resourcePath: string;
  methods: MethodView[];
}

/** Renders README.md and api.md for a client. */
export function packageDocs(engine: TemplateEngine, view: PackageDocsView): GeneratedFile[] {
  return [
    { path: 'README.md', content: engine.render('docs/README.md', view) },
    { path: 'api.md', content: engine.render('docs/api.md', view) },
  ];
}

/** Builds the docs view-model from the model, the settings and the planned resources. */
export function packageDocsView(
  model: ApiModel,
  settings: ClientSettings,
  clientName: string,
  packageName: string,
  plans: DocsResourcePlan[],
): PackageDocsView {
  const byId = new Map<string, Operation>(model.operations.map((op) => [op.id, op]));
  const resources: DocsResourceView[] = plans
    .filter((plan) => plan.methods.length > 0)
    .map((plan) => {
      const methods = plan.methods.map((m) =>
        methodView(m, plan.resourcePath, m.operationId ? byId.get(m.operationId) : undefined),
      );
      return { path: plan.resourcePath, title: plan.resourcePath || 'Client', methods, example: simplest(methods) };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const prefix = envPrefix(model, settings);
  const hasAuth = model.securitySchemes.length > 0;
  const all = resources.flatMap((r) => r.methods);
  return {
    packageName,
    clientName,
    title: model.title,
    version: model.version,
    env: {
      apiKey: hasAuth ? (settings.env?.apiKey ?? `${prefix}_API_KEY`) : null,
      baseURL: settings.env?.baseURL ?? `${prefix}_BASE_URL`,
      log: settings.env?.log ?? `${prefix}_LOG`,
    },
    defaultBaseURL: defaultBaseURL(model, settings) || null,
    resources,
    paginatedExample:
      all.find((m) => m.paginated && !m.exampleArgs.includes('{')) ?? all.find((m) => m.paginated) ?? null,
    example: all.length > 0 ? simplest(all) : null,
    featureSections: featureSections(model, clientName, prefix).join('\n'),
    tests: settings.tests === true,
  };
}

/** A GET with no required params object when there is one, else a method without one, else the first. */
function simplest(methods: DocsMethodView[]): DocsMethodView {
  const plain = (m: DocsMethodView): boolean => !m.exampleArgs.includes('{');
  return (
    methods.find((m) => m.httpMethod === 'GET' && plain(m)) ?? methods.find(plain) ?? (methods[0] as DocsMethodView)
  );
}

function methodView(m: MethodView, resourcePath: string, op: Operation | undefined): DocsMethodView {
  const params = m.args.find((a) => a.name === 'params');
  const paginated = m.clientCall === '_requestPage';
  const signature = `${m.name}(${m.args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${flatText(a.type).replace(/ \| null \| undefined$/, '')}`).join(', ')}): ${flatText(m.returnType)}`;
  const required = m.args.filter((a) => !a.optional && a.name !== 'options');
  const sample = (a: MethodView['args'][number]): string =>
    a.name !== 'params' ? `'${a.name}'` : a.optional ? '{}' : `{ /* ${flatText(a.type)} */ }`;
  const exampleArgs = required.map(sample).join(', ');
  const before = m.args.filter((a) => a.name !== 'options').map(sample);
  return {
    call: `client.${resourcePath ? `${resourcePath}.` : ''}${m.name}`,
    signature,
    httpMethod: m.httpMethod.toUpperCase(),
    path: m.path,
    paramsType: params ? (op?.typeNames.params ?? flatText(params.type).replace(/ \| null \| undefined$/, '')) : null,
    responseType: awaited(flatText(m.returnType)),
    paginated,
    summary: op?.summary?.split('\n')[0]?.trim() ?? m.doc.lines[0]?.trim() ?? '',
    exampleArgs,
    argsBeforeOptions: before.map((a) => `${a}, `).join(''),
  };
}

/** `APIPromise<T>` → `T`; `PagePromise<Page, Item>` → `Page`. */
function awaited(returnType: string): string {
  const match = /^(?:APIPromise|PagePromise)<(.+)>$/.exec(returnType);
  if (!match?.[1]) return returnType;
  let depth = 0;
  for (let i = 0; i < match[1].length; i++) {
    const c = match[1][i];
    if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (c === ',' && depth === 0) return match[1].slice(0, i).trim();
  }
  return match[1];
}
