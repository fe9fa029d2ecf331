/**
 * The template view-model: the data every built-in template renders from,
 * and the public contract for template overrides. Templates never see the
 * raw spec. Fields are never absent: optional values are `null`, so
 * strict-mode templates can test them with `{{#if}}`.
 *
 * Versioned by {@link VIEW_MODEL_VERSION} (`major.minor`): a major bump
 * removes or changes a field; a minor bump only adds fields.
 */

/** Contract version of this view-model. */
export const VIEW_MODEL_VERSION = '2.4';

/** Context of `partials/file-header`. */
export interface FileHeaderView {
  /** Generator name, `apiforge`. */
  generator: string;
  /** The spec's `info.title`. */
  title: string;
}

/** Context of `partials/jsdoc`: the lines of one JSDoc block, already escaped (spec text can never close the comment). */
export interface JsDocView {
  /** One entry per line, without ` * `; empty strings are blank lines; tags such as `@deprecated` are lines too. */
  lines: string[];
}

/**
 * A type expression as a tree (`partials/type-expr`, which recurses into
 * itself and into `partials/member`). Every kind has `kind`, `grouped` and
 * `breakBefore`, so templates can test them on any node.
 */
export type TypeView =
  | NameTypeView
  | UnionTypeView
  | IntersectionTypeView
  | ArrayTypeView
  | TupleTypeView
  | ObjectTypeView
  | GenericTypeView;

/** Fields every {@link TypeView} node has. */
export interface TypeViewBase {
  /** Wrap in parentheses: the node sits where a bare union or intersection would bind wrongly (`(A | B)[]`). */
  grouped: boolean;
  /** The type starts on the next line (a long union, one variant per line); the holder leaves out the space before it. */
  breakBefore: boolean;
}

/** A name: a keyword (`string`, `unknown`), a literal (`'active'`, `3`), a named type or a runtime type (`Uploadable`). */
export interface NameTypeView extends TypeViewBase {
  kind: 'name';
  /** Which kind of name: `ref` names a model, operation or runtime type the file imports. */
  nameKind: 'keyword' | 'literal' | 'ref';
  /** The text as written, e.g. `'active'` for a string literal. */
  text: string;
}

/** `A | B`; printed one variant per line when `breakBefore` is set (inside its parentheses when `grouped`). */
export interface UnionTypeView extends TypeViewBase {
  kind: 'union';
  variants: TypeView[];
}

/** `A & B`. */
export interface IntersectionTypeView extends TypeViewBase {
  kind: 'intersection';
  parts: TypeView[];
}

/** `T[]`. */
export interface ArrayTypeView extends TypeViewBase {
  kind: 'array';
  element: TypeView;
}

/** `[A, B, ...C[]]`. */
export interface TupleTypeView extends TypeViewBase {
  kind: 'tuple';
  elements: TypeView[];
  /** Element type of a rest element (`...C[]`), or null for a closed tuple. */
  rest: TypeView | null;
}

/** An inline object type; its members render through `partials/member`, at any depth. */
export interface ObjectTypeView extends TypeViewBase {
  kind: 'object';
  members: MemberView[];
  /** Value type of a `[key: string]` index signature, or null. */
  indexSignature: TypeView | null;
  /** One member per line (schema objects); false for short pins such as `{ kind: 'cat' }`. */
  multiline: boolean;
}

/** A generic instantiation, e.g. `APIPromise<Customer>`, `CursorPage<Plan>`. */
export interface GenericTypeView extends TypeViewBase {
  kind: 'generic';
  name: string;
  args: TypeView[];
}

/** One property of an interface or inline object type (`partials/member`), at any depth. */
export interface MemberView {
  /** JSDoc lines for the member. */
  doc: JsDocView;
  /** Property key as written: bare or quoted (`'X-ACCOUNT-ID'`). */
  key: string;
  optional: boolean;
  type: TypeView;
}

/** A named type (`partials/type-declaration`): an interface when it is an object with members, an alias otherwise. */
export interface TypeDeclarationView {
  name: string;
  doc: JsDocView;
  kind: 'interface' | 'alias';
  /** For interfaces: the members, in spec order. */
  members: MemberView[];
  /** For interfaces: an index signature value type such as `unknown`, or null. */
  indexSignature: TypeView | null;
  /** For aliases: the aliased type; null for interfaces. */
  type: TypeView | null;
  /** Type parameters (`MyCursorIDPageResponse<Item>`); empty for most declarations. @since 2.1 */
  typeParameters: string[];
}

/** One parameter of a generated method (`partials/argument`). */
export interface ArgumentView {
  name: string;
  /** Type annotation. */
  type: TypeView;
  optional: boolean;
  /** Default value expression (e.g. `{}`), or null. */
  defaultValue: string | null;
}

/** An endpoint method on a resource class (`partials/method`, `partials/method-signature`). */
export interface MethodView {
  name: string;
  doc: JsDocView;
  httpMethod: string;
  path: string;
  operationId: string | null;
  args: ArgumentView[];
  /** Declared return type, e.g. `APIPromise<CustomerResponse>`. */
  returnType: TypeView;
  /** Print one argument per line: the signature would not fit on one line. */
  multiline: boolean;
  /** `_request` or `_requestPage` on the client. */
  clientCall: '_request' | '_requestPage';
  /**
   * Explicit type arguments of the client call (`IssueComment`; `Item, Page` for `_requestPage`), so tsc need not
   * infer them at every call; null when they are left to inference (streaming methods). @since 2.4
   */
  typeArguments: string | null;
  /** The same type arguments, one per entry (empty when left to inference). @since 2.4 */
  typeArgumentList: string[];
  /** The type arguments one per line: `return this._client._requestPage<Item, Page>(` would not fit. @since 2.4 */
  typeArgumentsMultiline: boolean;
  /** Name of the module-level OperationSpec constant. */
  specConst: string;
  /** Name of the module-level PaginationSpec constant, or null. */
  paginationConst: string | null;
  /** Expression passed as `params` (e.g. `{ ...params, id }`). */
  paramsExpr: string;
  /** One argument per line in the client call: it would not fit on one line. */
  callMultiline: boolean;
  /** Overload signatures printed before the implementation (streaming operations with a selector). */
  overloads: MethodSignatureView[];
}

/** A method signature without a body (`partials/method-signature`): an overload of a method. */
export interface MethodSignatureView {
  name: string;
  args: ArgumentView[];
  returnType: TypeView;
  /** Print one argument per line: the signature would not fit on one line. */
  multiline: boolean;
}

/** A module-level constant (`partials/constant`): an OperationSpec, PaginationSpec or ClientConfig literal. */
export interface ConstantView {
  name: string;
  /** The contract type the constant is declared with, e.g. `OperationSpec`. */
  type: string;
  /** The value, printed as a TypeScript literal by the generator's one literal printer (already indented). */
  value: string;
}

/** A child resource property on a resource or client class. */
export interface ChildResourceView {
  /** Property name, e.g. `customers`. */
  property: string;
  /** Expression naming the child class, e.g. `_customers.Customers`. */
  classRef: string;
  /** The initializer goes on its own line: the declaration would not fit on one. */
  multiline: boolean;
  /** The child class's own name, e.g. `Customers` (the client class exposes it as a static: `Stigg.V1`). */
  className: string;
}

/** A resource class (`partials/resource-class`). */
export interface ResourceClassView {
  className: string;
  /** Dotted path from the client root, e.g. `v1.customers`. */
  path: string;
  doc: JsDocView;
  children: ChildResourceView[];
  methods: MethodView[];
}

/** One error class re-exported as a static member of the client. */
export interface ErrorStaticView {
  name: string;
  /** Type arguments before the body type (`APIError` takes status and headers first), or null. */
  leadingTypeArgs: string | null;
  /** Union of the error bodies the spec declares for this class's statuses, or null. */
  bodyType: TypeView | null;
  /** The value goes on its own line: the declaration would not fit on one. */
  multiline: boolean;
}

/** The client class (`partials/client-class`). */
export interface ClientClassView {
  className: string;
  doc: JsDocView;
  /** The ClientConfig constant passed to BaseClient. */
  config: ConstantView;
  children: ChildResourceView[];
  methods: MethodView[];
  errors: ErrorStaticView[];
}

/** A type or class reached through a child module's namespace (`export type Y = _child.Child.Y;`). */
export interface NamespaceMemberView {
  /** The name inside this namespace. */
  alias: string;
  /** Qualified target, e.g. `_integrations.Integrations` or `_integrations.Integrations.IntegrationListParams`. */
  target: string;
  /** A class (`export import Y = target;`, which carries its value and its namespace), else a type alias. */
  isClass: boolean;
  /** The target goes on the next line: the statement would not fit on one. */
  multiline: boolean;
}

/**
 * `export declare namespace <Class> { … }` merged with a resource or client class (`partials/namespace`), so types
 * are reachable as `Client.V1.Customers.CustomerListParams`. Only re-exports and aliases, so it is erasable.
 * @since 2.1
 */
export interface NamespaceView {
  /** The class the namespace merges with, e.g. `Customers`. */
  name: string;
  /** Names in the file's scope, re-exported (`export { type CustomerListParams as CustomerListParams }`). */
  exports: ExportNameView[];
  /** `exports` one name per line: the statement would not fit on one line. */
  exportsMultiline: boolean;
  /** Names reached through child modules. */
  members: NamespaceMemberView[];
  /** Classes also set at runtime (`Customers.Integrations = _integrations.Integrations;`), so `new` works on them. */
  assignments: Array<{ property: string; value: string }>;
}

/** One name in an export statement. */
export interface ExportNameView {
  name: string;
  /** Exported under another name (`Stigg as default`), or null. */
  alias: string | null;
  /** An inline `type` modifier (`export { toFile, type Uploadable }`). */
  typeOnly: boolean;
}

/** One export statement of an index file (`partials/export`). */
export interface ExportView {
  /** Module specifier, e.g. `./client.js`. */
  from: string;
  /** `export type …`. */
  typeOnly: boolean;
  /** `export * from …` (then `names` is empty). */
  all: boolean;
  names: ExportNameView[];
  /** One name per line: the statement would not fit on one line. */
  multiline: boolean;
}

/** Context of a handlebars runtime override (`runtime/core/client.ts.hbs`); built-in runtime files are plain TypeScript. */
export interface RuntimeView {
  /** The client class name (`Stigg`); the base error class is `<clientName>Error`. */
  clientName: string;
}

/** One method in the generated README and api.md (`docs/README.md`, `docs/api.md`). */
export interface DocsMethodView {
  /** Call path from the client, e.g. `client.v1.customers.list`. */
  call: string;
  /** The method's TypeScript signature, e.g. `list(params?: CustomerListParams, options?: RequestOptions): PagePromise<...>`. */
  signature: string;
  /** Upper-case HTTP verb, e.g. `GET`. */
  httpMethod: string;
  /** Path template as in the spec, e.g. `/api/v1/customers/{id}`. */
  path: string;
  /** The params type, or null when the method takes no params object. */
  paramsType: string | null;
  /** The awaited result type, e.g. `CustomerResponse` (the page alias for paginated lists). */
  responseType: string;
  /** True when the method returns an auto-paginating `PagePromise`. */
  paginated: boolean;
  /** First line of the operation's description, or empty. */
  summary: string;
  /** Arguments of a sample call: required path arguments as placeholders, then a params object when required. */
  exampleArgs: string;
  /** Every argument before `options`, for a sample call that passes options (`'id', {}`); ends with `, ` unless empty. */
  argsBeforeOptions: string;
}

/** A resource (or the client root, path `''`) and its methods, for api.md and the README examples. */
export interface DocsResourceView {
  /** Dotted path, e.g. `v1.customers`; empty for methods on the client itself. */
  path: string;
  /** Heading: the path, or `Client` for the root. */
  title: string;
  methods: DocsMethodView[];
  /** The method the README shows for this resource: a GET without a params object when there is one. */
  example: DocsMethodView;
}

/** Context of the package documentation templates (`docs/README.md`, `docs/api.md`). */
export interface PackageDocsView {
  /** npm package name, e.g. `stigg`. */
  packageName: string;
  /** Client class name, e.g. `Stigg`. */
  clientName: string;
  /** The spec's `info.title` and `info.version`. */
  title: string;
  version: string;
  /** Environment variables the client reads (API key is null when the spec declares no auth). */
  env: { apiKey: string | null; baseURL: string; log: string };
  /** The spec's first server URL, or null when it declares none (then `baseURL` is required). */
  defaultBaseURL: string | null;
  /** Resources that have methods, in call-path order. */
  resources: DocsResourceView[];
  /** A paginated method to show in the pagination section, or null when none pages. */
  paginatedExample: DocsMethodView | null;
  /** A method to show in the errors, retries and timeouts sections (the first one). */
  example: DocsMethodView | null;
  /** Markdown sections on the client's streaming, upload and OAuth2 operations; empty when it has none. */
  featureSections: string;
  /** The package has generated tests (`tests: true`): the README says how to run them. */
  tests: boolean;
}

/** Context of `tests/run.mjs`: the script behind the generated package's `npm test` (starts Prism, runs node:test). */
export interface TestRunnerView {
  /** The spec copy Prism serves, relative to the package root, e.g. `tests/openapi.json`. */
  specFile: string;
  /** Test files to run, relative to the package root, sorted. */
  testFiles: string[];
}

/** Context of `tests/helpers.mjs`: the client factory and the call wrapper every generated test uses. */
export interface TestHelpersView {
  /** The client class name, e.g. `Stigg`. */
  clientName: string;
  /** Import path of the built client from `tests/`, e.g. `../dist/esm/index.js`. */
  clientImport: string;
}

/** Context of `tests/resource.test.mjs`: the tests of one resource's operations. */
export interface TestFileView {
  /** Dotted resource path, empty for the client's own operations. */
  resourcePath: string;
  tests: OperationTestView[];
}

/** One operation's test: the call with its required params, then with all of them. */
export interface OperationTestView {
  /** Test name, e.g. `v1.customers.retrieve (GET /api/v1/customers/{id})`. */
  name: string;
  /** The spec's operationId, or `<method> <path>`. */
  operationId: string;
  /** Property path from the client to the method, e.g. `['v1', 'customers', 'retrieve']`. */
  callPath: string[];
  /** A paginated list: the test also iterates the first items. */
  paginated: boolean;
  /** Arguments with only the required params, as JS source (a JSON array literal). */
  requiredArgs: string;
  /** Arguments with every param, as JS source (a JSON array literal). */
  allArgs: string;
}
