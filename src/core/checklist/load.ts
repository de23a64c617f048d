// Loads production.yaml with the runbooks' machinery (file:line, did-you-mean) and cross-checks the
// names it uses: probes from the catalogue, fixes from fixes.yaml, runbook thresholds, unique item ids.
import { parseDataFile, type DataError, type DataFile } from '../runbook/load.js';
import { isProbeId, PROBES } from '../diagnosis/probes/index.js';
import { didYouMean } from '../text/did-you-mean.js';
import { ChecklistSchema, RECORD_EVIDENCE, isRecordEvidence, type Checklist } from './schema.js';

/** `knownThresholds`: the runbooks' qualified threshold names a test may name as `$runbook.name`. */
export function loadChecklist(
  file: DataFile,
  knownFixes: readonly string[],
  knownThresholds: readonly string[],
): { checklist: Checklist | null; errors: DataError[] } {
  const parsed = parseDataFile(file, ChecklistSchema);
  if (!parsed.value) return { checklist: null, errors: parsed.errors };
  const errors: DataError[] = [];
  const err = (path: (string | number)[], message: string) => errors.push({ file: file.path, line: parsed.lineOf(path), key: path.join('.'), message });
  const unknown = (kind: string, name: string, known: string[]) => {
    const guess = didYouMean(name, known);
    return `unknown ${kind} "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
  };
  const seen = new Set<string>();
  parsed.value.items.forEach((item, i) => {
    if (seen.has(item.id)) err(['items', i, 'id'], `item id "${item.id}" is used twice`);
    seen.add(item.id);
    if ('probes' in item.check)
      item.check.probes.forEach((t, ti) => {
        if (!isProbeId(t.probe)) err(['items', i, 'check', 'probes', ti, 'probe'], unknown('probe', t.probe, Object.keys(PROBES)));
        if (typeof t.value === 'string' && t.value.startsWith('$') && !knownThresholds.includes(t.value.slice(1)))
          err(
            ['items', i, 'check', 'probes', ti, 'value'],
            unknown('threshold', t.value.slice(1), [...knownThresholds]) + ' (a runbook threshold: $runbook.name)',
          );
      });
    item.evidence.forEach(
      (p, ei) => isProbeId(p) || isRecordEvidence(p) || err(['items', i, 'evidence', ei], unknown('probe', p, [...Object.keys(PROBES), ...RECORD_EVIDENCE])),
    );
    item.fixes.forEach((id, fi) => knownFixes.includes(id) || err(['items', i, 'fixes', fi], unknown('fix', id, [...knownFixes])));
  });
  return { checklist: errors.length ? null : parsed.value, errors };
}
