import { kebabCase } from 'change-case';
import { NameAllocator, toTypeName } from '../model/naming.js';
import type { Resource } from '../model/types.js';
import { FileContext, type TypeIndex } from './file-context.js';
import { LINE_WIDTH } from './literal.js';
import { emitOperation } from './operation.js';
import type { ImportSpec } from './ts-printer.js';
import type { ChildResourceView, ConstantView, MethodView, TypeDeclarationView } from './view-model.js';

/** A file's rendered parts before templates turn them into text. */
export interface ResourceFilePlan {
  path: string;
  ctx: FileContext;
  className: string;
  children: ChildResourceView[];
  methods: MethodView[];
  constants: ConstantView[];
  declarations: TypeDeclarationView[];
  exported: string[];
  resourcePath: string;
}

/** `['v1','customers']` -> `src/resources/v1/customers.ts`. */
export function resourceFile(path: string[]): string {
  return `src/resources/${path.map((p) => kebabCase(p) || '_').join('/')}.ts`;
}

/** Width of `  name: Ref = new Ref(this._client);` (the client class passes `this`). */
function childWidth(property: string, classRef: string, filePath: string): number {
  const owner = filePath === 'src/client.ts' ? 'this' : 'this._client';
  return `  ${property}: ${classRef} = new ${classRef}(${owner});`.length;
}

/** Plans one resource (or the client root when `path` is empty). */
export function planResource(
  resource: Resource,
  filePath: string,
  index: TypeIndex,
  classNames: ReadonlyMap<string, string>,
): ResourceFilePlan {
  const classOf = (r: Resource): string => classNames.get(r.path.join('.')) ?? toTypeName(r.name || 'Root');
  const ctx = new FileContext(filePath, index);
  const methods: MethodView[] = [];
  const constants: ConstantView[] = [];
  const declarations: TypeDeclarationView[] = [];
  const exported: string[] = [];
  for (const op of resource.operations) {
    const out = emitOperation(op, ctx, `${op.methodName}Spec`);
    methods.push(out.method);
    constants.push(...out.constants);
    declarations.push(...out.declarations);
    exported.push(...out.exported);
  }
  const children = resource.children.map((child) => {
    const alias = `_${child.name}`;
    const spec: ImportSpec = { from: ctx.relative(resourceFile(child.path)), namespace: alias };
    ctx.addImport(spec);
    const classRef = `${alias}.${classOf(child)}`;
    return {
      property: child.name,
      classRef,
      className: classOf(child),
      multiline: childWidth(child.name, classRef, filePath) > LINE_WIDTH,
    };
  });
  return {
    path: filePath,
    ctx,
    className: classOf(resource),
    children,
    methods,
    constants,
    declarations,
    exported,
    resourcePath: resource.path.join('.'),
  };
}

/**
 * Class names: the property name in PascalCase (`paymentMethod` -> `PaymentMethod`),
 * or `PaymentMethodResource` when a type has that name. A class is only named
 * inside its own file (parents import children as namespaces), so two resources
 * in different places may share a class name.
 */
export function assignClassNames(root: Resource, types: NameAllocator): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of allResources(root)) {
    const base = toTypeName(r.name);
    out.set(r.path.join('.'), types.has(base) ? `${base}Resource` : base);
  }
  return out;
}

/** Walks the tree depth-first in sorted order. */
export function allResources(root: Resource): Resource[] {
  const out: Resource[] = [];
  const visit = (r: Resource): void => {
    for (const c of r.children) {
      out.push(c);
      visit(c);
    }
  };
  visit(root);
  return out;
}
