import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../generator/config/schema.js';
import { clientShape } from '../../generator/config/shape.js';

const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../schema/apiforge.config.schema.json');
const TYPES_FILE = path.resolve(import.meta.dirname, '../../generator/config/types.ts');

describe('config JSON Schema', () => {
  it('the committed schema equals the one generated from the validator shapes', () => {
    const generated = JSON.stringify(configJsonSchema(), null, 2) + '\n';
    if (process.env.APIFORGE_UPDATE_SCHEMA) writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });

  it('agrees with the ClientSettings type on the top-level keys', () => {
    // tsc already forces shape.ts to list exactly keyof ClientSettings; this also guards the schema file itself.
    const src = readFileSync(TYPES_FILE, 'utf8');
    const body = /export interface ClientSettings \{([\s\S]*?)\n\}/.exec(src)![1]!;
    const typeKeys = [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]).sort();
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    const single = Object.keys(schema.oneOf[0].properties).filter((k) => k !== '$schema').sort();
    expect(single).toEqual(typeKeys);
    expect(Object.keys(schema.$defs.client.properties).sort()).toEqual(typeKeys);
    expect(Object.keys(clientShape.props).sort()).toEqual(typeKeys);
    expect(schema.$defs.client.required).toEqual(['input', 'output']);
  });
});
