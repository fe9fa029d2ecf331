import type { Property, Schema, SchemaDocs } from '../model/types.js';
import { docLines } from './docs.js';
import { indexSignatureType, propertyKey, typeExpr, visible, type TypeMode, type TypeScope } from './type-expr.js';
import type { MemberView, TypeDeclarationView } from './view-model.js';

/** View of one member, with an optional JSDoc prefix such as `Query param: `. */
export function memberView(p: Property, scope: TypeScope, mode: TypeMode, prefix = ''): MemberView {
  return { doc: { lines: docLines({ ...p.schema, prefix }) }, key: propertyKey(p.name), optional: !p.required, type: typeExpr(p.schema, scope, mode) };
}

/** An interface for plain objects, a type alias for everything else. */
export function declarationView(name: string, schema: Schema, scope: TypeScope, mode: TypeMode, docs: SchemaDocs = schema): TypeDeclarationView {
  const doc = { lines: docLines(docs) };
  if (schema.kind === 'object' && !schema.nullable && (schema.properties.length > 0 || schema.additionalProperties !== undefined)) {
    const members = schema.properties.filter((p) => visible(p, mode)).map((p) => memberView(p, scope, mode));
    const indexSignature = indexSignatureType(schema.additionalProperties, schema.patternProperties, members.length, scope, mode);
    return { name, doc, kind: 'interface', members, indexSignature, type: '' };
  }
  return { name, doc, kind: 'alias', members: [], indexSignature: null, type: typeExpr(schema, scope, mode) };
}
