// The recorded lab bundles in examples/ diagnose offline to the same findings as the live lab.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readBundle } from '../../src/adapters/bundle-file.js';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { REPO } from './helpers/fixtures.js';

const EXPECTED: Record<string, string[]> = {
  healthy: [],
  'high-cpu': ['FD-CPU-RULES'],
  'memory-pressure': ['FD-MEM-RINGBUF'],
  'event-drops': ['FD-DROP-BUFFER'],
};

describe('examples/ bundles', () => {
  for (const [scenario, codes] of Object.entries(EXPECTED)) {
    it(`${scenario} → ${codes.join(', ') || 'no findings'}`, async () => {
      const snapshot = await readBundle(path.join(REPO, 'examples', `${scenario}.bundle.json`));
      const catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
      const { report } = diagnose(snapshot, catalogue, { toolVersion: 't', source: 'bundle', thresholds: {}, only: [], now: new Date() });
      expect(report.findings.filter((f) => f.severity !== 'info').map((f) => f.code)).toEqual(codes);
      expect(report.origin).toBe('lab');
      expect(JSON.stringify(snapshot)).not.toMatch(/\/work\/|\.lab\/etc-falco/);
    });
  }

  it('a malformed bundle is refused with the file and key named', async () => {
    await expect(readBundle(path.join(REPO, 'runbooks', 'codes.yaml'))).rejects.toThrow(/codes\.yaml: not JSON/);
    await expect(readBundle(path.join(REPO, 'package.json'))).rejects.toThrow(/package\.json: schemaVersion: /);
  });
});
