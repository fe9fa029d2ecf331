import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig, loadConfigFrom } from '../../generator/config/load.js';
import { fixtureDir } from '../templates/helpers.js';

const TS_CONFIG = `
interface Cfg { clients: Array<{ name: string; input: string; output: string; templates?: string }> }
const config: Cfg = { clients: [{ name: 'A', input: 'specs/a.yaml', output: '../out/a', templates: 'tpl' }, { name: 'B', input: 'https://example.com/b.json', output: 'out/b' }] };
export default config;
`;

describe('config loading', () => {
  it.each([
    ['apiforge.config.ts', TS_CONFIG],
    ['apiforge.config.mts', TS_CONFIG],
    ['apiforge.config.mjs', "export default { clients: [{ name: 'A', input: 'specs/a.yaml', output: '../out/a', templates: 'tpl' }, { name: 'B', input: 'https://example.com/b.json', output: 'out/b' }] };"],
    ['apiforge.config.js', "export default { clients: [{ name: 'A', input: 'specs/a.yaml', output: '../out/a', templates: 'tpl' }, { name: 'B', input: 'https://example.com/b.json', output: 'out/b' }] };"],
    ['apiforge.config.json', JSON.stringify({ clients: [{ name: 'A', input: 'specs/a.yaml', output: '../out/a', templates: 'tpl' }, { name: 'B', input: 'https://example.com/b.json', output: 'out/b' }] })],
  ])('loads %s and resolves paths relative to it', async (name, text) => {
    const dir = fixtureDir({ [`cfg/${name}`]: text });
    const cfgDir = path.join(dir, 'cfg');
    const loaded = await loadConfig(path.join(cfgDir, name));
    expect(loaded.clients).toEqual([
      { name: 'A', input: path.join(cfgDir, 'specs/a.yaml'), output: path.join(dir, 'out/a'), templates: path.join(cfgDir, 'tpl'), configDir: cfgDir, configFile: path.join(cfgDir, name) },
      { name: 'B', input: 'https://example.com/b.json', output: path.join(cfgDir, 'out/b'), configDir: cfgDir, configFile: path.join(cfgDir, name) },
    ]);
  });

  it('finds the config in the cwd, preferring .ts, and warns about extra files', async () => {
    const dir = fixtureDir({ 'apiforge.config.json': '{"input":"a.yaml","output":"o"}', 'apiforge.config.ts': 'export default { input: "b.yaml", output: "o" }' });
    expect(findConfigFile(dir).file).toBe(path.join(dir, 'apiforge.config.ts'));
    const loaded = await loadConfigFrom({ cwd: dir });
    expect(loaded!.clients[0]!.input).toBe(path.join(dir, 'b.yaml'));
    expect(loaded!.warnings[0]!.message).toContain('ignoring apiforge.config.json');
  });

  it('returns undefined when there is no config and none was asked for', async () => {
    expect(await loadConfigFrom({ cwd: fixtureDir({}) })).toBeUndefined();
  });

  it('reports a missing --config file', async () => {
    const dir = fixtureDir({});
    await expect(loadConfigFrom({ cwd: dir, config: 'nope.json' })).rejects.toMatchObject({ code: 'file-not-found', message: `${path.join(dir, 'nope.json')}: config file not found` });
  });

  it('reports invalid JSON with line and column', async () => {
    const dir = fixtureDir({ 'apiforge.config.json': '{\n  "input": "a",\n  "output": "o",\n}' });
    await expect(loadConfigFrom({ cwd: dir })).rejects.toMatchObject({ code: 'config-error', location: { line: 4, column: 1 } });
  });

  it('reports a TS config that does not compile or throws, without a stack', async () => {
    const dir = fixtureDir({ 'apiforge.config.ts': 'throw new Error("boom from config");\nexport default {}' });
    await expect(loadConfigFrom({ cwd: dir })).rejects.toMatchObject({ code: 'config-error', message: expect.stringContaining('could not load config: boom from config') });
  });

  it('validates after loading, naming the key path', async () => {
    const dir = fixtureDir({ 'apiforge.config.mjs': 'export default { clients: [{ input: "a", output: 1 }] }' });
    await expect(loadConfigFrom({ cwd: dir })).rejects.toMatchObject({ message: expect.stringContaining('clients[0].output: expected a string') });
  });

  it('re-reads a changed TS config (no module cache, for watch mode)', async () => {
    const dir = fixtureDir({ 'apiforge.config.ts': 'export default { input: "a.yaml", output: "o" }' });
    expect((await loadConfigFrom({ cwd: dir }))!.clients[0]!.output).toBe(path.join(dir, 'o'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'apiforge.config.ts'), 'export default { input: "a.yaml", output: "p" }');
    expect((await loadConfigFrom({ cwd: dir }))!.clients[0]!.output).toBe(path.join(dir, 'p'));
  });
});
