// Which plugins Falco loads and what the rules require of them, each from Falco's source at the tag
// cited, on the real shipped falco.yaml and rules releases.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../src/core/falco/index.js';
import { effectiveConfigOfFiles } from '../../../src/core/falco/config/from-files.js';
import { loadedPlugins } from '../../../src/core/falco/config/plugins.js';
import { startupRefusals } from '../../../src/core/falco/config/refusals.js';
import { CONTAINER_PLUGIN_DROP_IN } from '../../lab/scenarios.js';
import { diagnoseShape } from '../helpers/diagnose-shape.js';
import { fixture } from '../helpers/fixtures.js';

const main = (text: string) => ({ path: '/etc/falco/falco.yaml', text });
const dropIn = { path: '/etc/falco/config.d/falco.container_plugin.yaml', text: CONTAINER_PLUGIN_DROP_IN };
const rules500 = { path: '/etc/falco/falco_rules.yaml', text: fixture('rules-releases/falco_rules-5.0.0.yaml') };
const plugins = (files: { path: string; text: string }[]) => loadedPlugins(effectiveConfigOfFiles(files, []));

describe('plugins and the rules that require them', () => {
  it('load_plugins: absent loads every `plugins` entry, [] none, a list only its names (configuration.cpp@0.42.1:702-741)', () => {
    const shipped = fixture('releases/falco-0.42.1.yaml');
    expect(plugins([main(shipped)]).names).toEqual([]); // the shipped `load_plugins: []`
    expect(plugins([main(shipped), dropIn]).names).toEqual(['container']); // + the packages' config.d drop-in
    expect(plugins([main(shipped.replace(/^load_plugins: \[\]$/m, ''))]).names).toEqual(['container']);
    expect(plugins([main(fixture('releases/falco-0.40.0.yaml').replace(/^load_plugins: \[\]$/m, 'load_plugins: [json, k8saudit]'))]).names).toEqual([
      'json',
      'k8saudit',
    ]);
  });

  it('a load_plugins name without a `plugins` entry: Falco refuses to start (configuration.cpp@0.42.1:739 "Cannot load plugin")', () => {
    const cfg = effectiveConfigOfFiles([main(fixture('releases/falco-0.42.1.yaml').replace(/^load_plugins: \[\]$/m, 'load_plugins: [k8saudit]'))], []);
    expect(startupRefusals(cfg, '0.42.1').map((r) => [r.key, r.message])).toEqual([
      ['load_plugins', "Cannot load plugin 'k8saudit': plugin config not found for given name"],
    ]);
  });

  it('falco_rules 5.0.0 requires container >= 0.4.0: unmet with no plugin loaded, met by the drop-in (falco_engine.cpp@0.42.1 check_plugin_requirements)', () => {
    const unmet = loadRules([rules500], undefined, { falcoVersion: '0.42.1', plugins: [] });
    expect(unmet.pluginRefusals).toEqual([expect.objectContaining({ file: rules500.path, line: 30, required: 'container (>= 0.4.0)' })]);
    expect(unmet.pluginRefusals[0]?.message).toContain('Plugin requirement not satisfied, must load one of: container (>= 0.4.0)');
    expect(loadRules([rules500], undefined, { falcoVersion: '0.42.1', plugins: ['container'] }).pluginRefusals).toEqual([]);
    expect(loadRules([rules500], undefined, { falcoVersion: '0.42.1' }).pluginRefusals).toEqual([]); // not known: not judged
  });

  it('alternatives: any one of them loaded meets the requirement (rule_loader_reader.cpp@0.42.1:492)', () => {
    const text =
      '- required_plugin_versions:\n    - name: k8saudit\n      version: 0.7.0\n      alternatives:\n        - name: k8saudit-eks\n          version: 0.4.0\n';
    const f = { path: '/etc/falco/k8s_audit_rules.yaml', text };
    expect(loadRules([f], undefined, { plugins: ['k8saudit-eks'] }).pluginRefusals).toEqual([]);
    expect(loadRules([f], undefined, { plugins: ['json'] }).pluginRefusals.map((r) => r.required)).toEqual(['k8saudit (>= 0.7.0), k8saudit-eks (>= 0.4.0)']);
  });

  it("through diagnose: /etc/falco mounted without config.d is a configErrors entry (exit 2); with Falco's drop-in, none", async () => {
    const without = await diagnoseShape({ cpuPercent: 4, memBytes: 60 * 2 ** 20, dropIns: [] });
    expect(without.configErrors).toEqual([
      expect.stringContaining('Plugin requirement not satisfied, must load one of: container (>= 0.4.0) (no plugin is loaded'),
    ]);
    const withDropIn = await diagnoseShape({ cpuPercent: 4, memBytes: 60 * 2 ** 20 });
    expect(withDropIn.configErrors).toEqual([]);
  });
});
