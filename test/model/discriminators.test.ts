/**
 * Discriminated unions: which value each variant is pinned to, and a client whose
 * every variant accepts a value (checked by tsc, with a ChatCompletion-style call).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel } from '../../generator/model/types.js';
import { generateClient } from '../../generator/pipeline.js';
import { repoRoot, tsc } from '../emit/helpers.js';
import { discriminatorChecks } from '../helpers/discriminator-checks.js';
import { fixture } from '../load/helpers.js';

const SPEC = fixture('discriminators/chat.yaml').file;

const CONSUMER = `import Chat from './index.js';
const client = new Chat({ apiKey: 'k' });
export const chat = client.chat.completions.create({
  model: 'm',
  messages: [
    { role: 'system', content: 'be brief' },
    { role: 'user', content: 'hi' },
    { role: 'user', content: ['a', 'b'] },
    { role: 'assistant', content: null },
    { role: 'tool', content: 'ok', tool_call_id: 't1' },
  ],
});
export const shapes = client.shapes.create({
  shape: { kind: 'Circle', radius: 1 },
  account: { type: 'admin', id: 'a' },
  contradiction: { side: 'left' },
});
export const shapes2 = client.shapes.create({
  shape: { kind: 'Square', side: 2 },
  account: { type: 'guest', id: 'g' },
  contradiction: { side: 'left' },
});
export async function pets(): Promise<number | boolean | undefined> {
  const pet = await chat.then(() => client.chat.completions.create({ model: 'm', messages: [] }));
  return pet.petType === 'cat' ? pet.lives : pet.barks;
}
`;

describe("discriminators: mapping, else the variant's own value, else the schema name", () => {
  let model: ApiModel;
  beforeAll(async () => {
    model = buildModel(await loadSpec(SPEC), { name: 'Chat' });
  });

  it.each<[string, string, Array<[string, string]>]>([
    ['ChatCompletionRequestMessage', 'role', [
      ['system', 'ChatCompletionRequestSystemMessage'],
      ['user', 'ChatCompletionRequestUserMessage'],
      ['assistant', 'ChatCompletionRequestAssistantMessage'],
      ['tool', 'ChatCompletionRequestToolMessage'],
    ]],
    ['Pet', 'petType', [['cat', 'Cat'], ['dog', 'Dog']]],
    ['Shape', 'kind', [['Circle', 'Circle'], ['Square', 'Square']]],
    ['Account', 'type', [['admin', 'AdminAccount'], ['guest', 'GuestAccount']]],
    ['Contradiction', 'side', []],
  ])('%s pins %s', (key, propertyName, pins) => {
    const schema = model.schemas.find((s) => s.key === key)?.schema;
    expect(schema?.kind).toBe('union');
    const d = schema?.kind === 'union' ? schema.discriminator : undefined;
    expect(d).toEqual({ propertyName, mapping: pins.map(([value, target]) => ({ value, target })) });
  });

  it('the generated client accepts a value of every variant (tsc --strict)', async () => {
    const dir = path.join(repoRoot, 'test/.tmp/discriminators', String(process.pid));
    await rm(dir, { recursive: true, force: true });
    const result = await generateClient({ input: SPEC, output: dir, configDir: repoRoot, prettier: false });
    for (const f of result.files) {
      await mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
      await writeFile(path.join(dir, f.path), f.content);
    }
    const checks = discriminatorChecks(result.model);
    expect(checks.count).toBe(10);
    await writeFile(path.join(dir, 'src/discriminators.check.ts'), checks.text);
    await writeFile(path.join(dir, 'src/consumer.ts'), CONSUMER);
    const { output } = await tsc(path.join(dir, 'tsconfig.json'));
    expect(output).toBe('');
    await rm(dir, { recursive: true, force: true });
  }, 120_000);
});
