import { PLUGIN_KINDS } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { browserPlugins, createBrowserRegistry } from './index.js';
import { createNodeRegistry, nodePlugins } from './node/index.js';

describe('the catalogue', () => {
  it('createBrowserRegistry() holds a plugin of every kind, each once', () => {
    const registry = createBrowserRegistry();
    for (const kind of PLUGIN_KINDS) expect(registry.list(kind).length, kind).toBeGreaterThan(0);
    expect(registry.list()).toHaveLength(browserPlugins.length);
  });

  it('nodePlugins are the browser-safe plugins and those that read files or load trained networks', () => {
    const names = (plugins: readonly { kind: string; name: string }[]) => plugins.map((plugin) => `${plugin.kind}/${plugin.name}`);
    expect(names(nodePlugins)).toEqual(expect.arrayContaining(names(browserPlugins)));
    expect(names(nodePlugins)).toEqual(expect.arrayContaining(['data-source/csv', 'data-source/arrow', 'score-model/network']));
    expect(names(browserPlugins)).not.toContain('data-source/csv');
    expect(createNodeRegistry().list()).toHaveLength(nodePlugins.length);
  });

  it('takes extra plugins, and refuses one whose kind and name are taken', () => {
    const [sde] = createBrowserRegistry().list('sde');
    expect(() => createBrowserRegistry([sde])).toThrow(/already registered/);
    expect(createBrowserRegistry([{ ...sde, name: 'my-sde' }]).get('sde', 'my-sde').name).toBe('my-sde');
  });
});
