// Whether Falco block-buffers its outputs (issue #13: Falco 0.42.1 under Docker was seen to deliver
// alerts to docker logs in ~4 KB batches unless started with -U), from app/actions/load_config.cpp.
import { describe, expect, it } from 'vitest';
import { outputsBuffering } from '../../../src/core/falco/outputs-buffering.js';
import { diagnoseShape } from '../helpers/diagnose-shape.js';

describe('outputs buffering per release', () => {
  it('up to 0.43: buffered unless -U, whatever buffered_outputs says (load_config.cpp@0.42.1:73)', () => {
    expect(outputsBuffering(['/usr/bin/falco'], '0.42.1', false).buffered).toBe(true);
    expect(outputsBuffering(['/usr/bin/falco', '-U'], '0.42.1', false).buffered).toBe(false);
    expect(outputsBuffering(['/usr/bin/falco', '--unbuffered'], '0.43.1', true).buffered).toBe(false);
    expect(outputsBuffering(['/usr/bin/falco', '-pUv'], '0.42.1', false).buffered).toBe(false); // grouped short flags
  });

  it('from 0.44.0: buffered_outputs is honoured, -U forces it off (load_config.cpp@0.44.0:73-76)', () => {
    expect(outputsBuffering(['/usr/bin/falco'], '0.44.1', false).buffered).toBe(false);
    expect(outputsBuffering(['/usr/bin/falco'], '0.44.1', undefined).buffered).toBe(false);
    expect(outputsBuffering(['/usr/bin/falco'], '0.44.1', true).buffered).toBe(true);
    expect(outputsBuffering(['/usr/bin/falco', '-U'], '0.44.1', true).buffered).toBe(false);
  });

  it('diagnose says why a quiet log is not "no drops" on 0.42.1 without -U and without counters', async () => {
    const r = await diagnoseShape({ cpuPercent: 4, memBytes: 60 * 2 ** 20 });
    expect(r.target.falcoVersion).toBe('0.42.1');
    // a finding now (issue 19: it was an info and a note): FD-DROP-UNMEASURED, with the buffering named
    const f = r.findings.find((x) => x.code === 'FD-DROP-UNMEASURED');
    expect(f?.severity).toBe('warning');
    expect(f?.explanation).toContain('No drop alert in the window, but that does not mean Falco dropped nothing');
    expect(f?.explanation).toContain('buffers its outputs unless started with -U');
    expect(r.findings.find((x) => x.code === 'FD-DROP-LATE')?.fixes.map((x) => x.id)).toEqual(['unbuffered-outputs']);
  });
});
