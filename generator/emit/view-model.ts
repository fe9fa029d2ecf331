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
export const VIEW_MODEL_VERSION = '1.1';

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

/** One property of an interface (`partials/member`). */
export interface MemberView {
  /** JSDoc lines for the member. */
  doc: JsDocView;
  /** Property key as written: bare or quoted (`'X-ACCOUNT-ID'`). */
  key: string;
  optional: boolean;
  /** TypeScript type expression. */
  type: string;
}

/** A named type (`partials/type-declaration`): an interface when it is an object with members, an alias otherwise. */
export interface TypeDeclarationView {
  name: string;
  doc: JsDocView;
  kind: 'interface' | 'alias';
  /** For interfaces: the members, in spec order. */
  members: MemberView[];
  /** For interfaces: an index signature value type such as `unknown`, or null. */
  indexSignature: string | null;
  /** For aliases: the aliased type expression. */
  type: string;
}

/** One parameter of a generated method. */
export interface ArgumentView {
  name: string;
  /** Type annotation. */
  type: string;
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
  returnType: string;
  /** Overload signatures printed before the implementation (streaming operations with a selector). */
  overloads: string[];
  /** `request` or `requestPage` on the client. */
  clientCall: 'request' | 'requestPage';
  /** Name of the module-level OperationSpec constant. */
  specConst: string;
  /** Name of the module-level PaginationSpec constant, or null. */
  paginationConst: string | null;
  /** Expression passed as `params` (e.g. `{ ...params, id }`). */
  paramsExpr: string;
}

/** A module-level constant (`partials/constant`): an OperationSpec or PaginationSpec literal. */
export interface ConstantView {
  name: string;
  type: string;
  /** The value, as a TypeScript literal. */
  value: string;
}

/** A child resource property on a resource or client class. */
export interface ChildResourceView {
  /** Property name, e.g. `customers`. */
  property: string;
  /** Expression naming the child class, e.g. `_customers.Customers`. */
  classRef: string;
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
  /** Union of the error bodies the spec declares for this class's statuses, or null. */
  bodyType: string | null;
}

/** The client class (`partials/client-class`). */
export interface ClientClassView {
  className: string;
  doc: JsDocView;
  /** ClientConfig literal passed to BaseClient. */
  config: string;
  children: ChildResourceView[];
  methods: MethodView[];
  errors: ErrorStaticView[];
}

/** Context of a handlebars runtime override (`runtime/core/client.ts.hbs`); built-in runtime files are plain TypeScript. */
export interface RuntimeView {
  /** The client class name (`Stigg`); the base error class is `<clientName>Error`. */
  clientName: string;
}
