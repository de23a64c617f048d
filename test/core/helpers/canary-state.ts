// A last-canary record (canary.json) as the proof view and the checklist read it; tests override what they check.
import type { CanaryState } from '../../../src/core/canary/pace.js';

export const canaryState = (over: Partial<CanaryState> = {}): CanaryState => ({
  lastAt: '2026-12-07T09:48:00Z',
  marker: 'falco-doctor-canary-x',
  rule: 'Read sensitive file untrusted',
  detected: true,
  target: 'falco',
  channel: 'stdout',
  latencyMs: 84,
  reasons: [],
  by: 'canary',
  ...over,
});
