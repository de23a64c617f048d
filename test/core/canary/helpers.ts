// A live-looking context for the canary's reasoning: real Falco 0.42.1's falco.yaml with edits, the real
// stock rules, and Falco's command line (-U or not).
import { parseDocument } from 'yaml';
import { buildContext, type DiagnosisContext } from '../../../src/core/diagnosis/context.js';
import { loadCanaries, type Canary } from '../../../src/core/canary/schema.js';
import { makeSnapshot } from '../helpers/snapshot.js';
import { fixture, repoFile } from '../helpers/fixtures.js';

export const SHIPPED: Canary[] = loadCanaries({ path: 'runbooks/canaries.yaml', text: repoFile('runbooks/canaries.yaml') }).canaries;

export function context(o: { edits?: [string[], unknown][]; unbuffered?: boolean; rules?: string } = {}): DiagnosisContext {
  const doc = parseDocument(fixture('releases/falco-0.42.1.yaml'));
  for (const [path, value] of o.edits ?? []) doc.setIn(path, value);
  const s = makeSnapshot({ cpuPercent: 2, memBytes: 30 * 2 ** 20, falcoYaml: doc.toString() });
  s.target.image = 'falcosecurity/falco:0.42.1';
  s.target.cmd = ['/usr/bin/falco', ...(o.unbuffered === false ? [] : ['-U'])];
  if (o.rules !== undefined) s.falco.rulesFiles = [{ path: '/etc/falco/falco_rules.yaml', hostPath: null, text: o.rules }];
  else s.falco.rulesFiles = [{ path: '/etc/falco/falco_rules.yaml', hostPath: null, text: fixture('rules-releases/falco_rules-5.0.0.yaml') }];
  return buildContext(s);
}
