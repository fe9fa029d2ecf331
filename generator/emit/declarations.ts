import type { Schema, SchemaDocs } from '../model/types.js';
import { docLines } from './docs.js';
import { layoutMember, layoutType } from './type-layout.js';
import { indexSignatureView, memberView, typeView, visible, type TypeMode, type TypeScope } from './type-expr.js';
import type { TypeDeclarationView } from './view-model.js';

/** An interface for plain objects, a type alias for everything else; laid out for the built-in templates' columns. */
export function declarationView(
  name: string,
  schema: Schema,
  scope: TypeScope,
  mode: TypeMode,
  docs: SchemaDocs = schema,
): TypeDeclarationView {
  const doc = { lines: docLines(docs) };
  if (
    schema.kind === 'object' &&
    !schema.nullable &&
    (schema.properties.length > 0 || schema.additionalProperties !== undefined)
  ) {
    const members = schema.properties.filter((p) => visible(p, mode)).map((p) => memberView(p, scope, mode));
    for (const m of members) layoutMember(m, 2);
    const indexSignature = indexSignatureView(
      schema.additionalProperties,
      schema.patternProperties,
      members.length,
      scope,
      mode,
    );
    if (indexSignature) layoutType(indexSignature, 2 + '[key: string]: '.length, 2, 1, true);
    return { name, doc, kind: 'interface', members, indexSignature, type: null, typeParameters: [] };
  }
  const type = typeView(schema, scope, mode);
  layoutType(type, `export type ${name} = `.length, 0, 1, true);
  return { name, doc, kind: 'alias', members: [], indexSignature: null, type, typeParameters: [] };
}
