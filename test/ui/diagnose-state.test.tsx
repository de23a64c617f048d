// The reducer on its own: no Ink, no terminal, just transitions.
import { describe, expect, test } from 'vitest';
import type { DiagnoseEvent } from '../../src/core/events.js';
import { diagnoseReducer, initialDiagnoseState, selectedFinding, visibleWindow, type DiagnoseAction, type DiagnoseState } from '../../src/ui/diagnose/state.js';
import type { KeyIntent } from '../../src/ui/keys.js';
import { diagnosisEvents, report, sample } from './fixtures/diagnosis.js';
import { findingWithFixes } from '../core/helpers/finding.js';

const event = (e: DiagnoseEvent): DiagnoseAction => ({ type: 'event', event: e });
const key = (intent: KeyIntent): DiagnoseAction => ({ type: 'key', intent });
const reduce = (actions: DiagnoseAction[], from: DiagnoseState = initialDiagnoseState) => actions.reduce(diagnoseReducer, from);
const finished = reduce(diagnosisEvents().map(event));

describe('diagnose reducer: events', () => {
  test('steps move from running to finished, in the order they finish', () => {
    const state = reduce([
      event({ type: 'step-started', id: 'a', title: 'A' }),
      event({ type: 'step-started', id: 'b', title: 'B' }),
      event({ type: 'step-finished', id: 'b', status: 'skipped', detail: 'not needed' }),
    ]);
    expect(state.running).toEqual([{ id: 'a', title: 'A' }]);
    expect(state.finished).toEqual([{ id: 'b', title: 'B', status: 'skipped', detail: 'not needed' }]);
  });

  test('a step that finishes without having started is titled by its id', () => {
    const state = reduce([event({ type: 'step-finished', id: 'probe.metrics', status: 'ok', detail: '' })]);
    expect(state.finished[0]?.title).toBe('probe.metrics');
  });

  test('samples track the latest value under the running step, and end with that step', () => {
    const during = reduce([
      event({ type: 'step-started', id: 'sample', title: 'Sample' }),
      event({ type: 'sample', sample: sample(1, 10, 100), elapsedMs: 1000, windowMs: 10_000 }),
      event({ type: 'sample', sample: sample(2, 20, 110), elapsedMs: 2000, windowMs: 10_000 }),
    ]);
    expect(during.sampling).toMatchObject({ stepId: 'sample', elapsedMs: 2000, latest: { cpuPercent: 20 } });
    const after = reduce([event({ type: 'step-finished', id: 'sample', status: 'ok', detail: '' })], during);
    expect(after.sampling).toBeNull();
  });

  test('findings are counted while running; done sorts them worst first', () => {
    expect(finished.findingsSoFar).toBe(3);
    expect(finished.phase.kind).toBe('done');
    expect(finished.phase.kind === 'done' && finished.phase.findings.map((f) => f.code)).toEqual([
      'FD-CPU-RULES',
      'FD-CONF-PERFORMANCE',
      'FD-MEM-PEAK-UNKNOWN',
    ]);
    expect(finished.running).toEqual([]);
  });

  test('untrusted strings are sanitised on the way in', () => {
    const state = reduce([event({ type: 'step-started', id: 'x', title: 'name \u001B[2J\u001B]0;pwned\u0007ok' })]);
    expect(state.running[0]?.title).toBe('name ok');
  });

  test('a stream failure keeps the interrupted steps and the hint', () => {
    const state = reduce([
      event({ type: 'step-started', id: 'inspect', title: 'Inspect' }),
      { type: 'stream-failed', failure: { message: 'no docker', hint: 'start dockerd' } },
    ]);
    expect(state.phase).toEqual({ kind: 'failed', failure: { message: 'no docker', hint: 'start dockerd' } });
    expect(state.finished).toEqual([{ id: 'inspect', title: 'Inspect', status: 'failed', detail: 'interrupted' }]);
    expect(state.running).toEqual([]);
  });
});

describe('diagnose reducer: keys', () => {
  test('j/k move within the list and stop at its ends', () => {
    expect(reduce([key('down')], finished).selected).toBe(1);
    expect(reduce([key('down'), key('down'), key('down')], finished).selected).toBe(2);
    expect(reduce([key('down'), key('up'), key('up')], finished).selected).toBe(0);
  });

  test('Enter opens the selected finding; Esc, Backspace and Enter go back', () => {
    const open = reduce([key('down'), key('open')], finished);
    expect(open.view).toBe('detail');
    expect(selectedFinding(open)?.code).toBe('FD-CONF-PERFORMANCE');
    for (const back of ['escape', 'back', 'open'] as const) {
      const state = reduce([key(back)], open);
      expect(state.view).toBe('list');
      expect(state.quitRequested).toBe(false);
    }
  });

  test('in the detail j/k scroll (up to what the detail measured), not the selection; ignored while help is open', () => {
    const open = reduce([key('open'), key('down')], finished);
    expect(open.selected).toBe(0);
    expect(open.detailScroll).toBe(0); // nothing measured yet: nothing to scroll
    const tall = reduce([{ type: 'detail-measured', maxScroll: 2 }, key('down'), key('down'), key('down')], open);
    expect([tall.selected, tall.detailScroll]).toEqual([0, 2]);
    expect(reduce([key('up')], tall).detailScroll).toBe(1);
    // back to the list and open again: from the top
    expect(reduce([key('back'), key('open')], tall).detailScroll).toBe(0);
    expect(reduce([key('help'), key('down'), key('open')], finished)).toMatchObject({ selected: 0, view: 'list' });
  });

  test('Esc unwinds one level at a time and quits at the top', () => {
    const deep = reduce([key('open'), key('help')], finished);
    const steps = [key('escape'), key('escape'), key('escape')].reduce<DiagnoseState[]>(
      (trail, action) => [...trail, diagnoseReducer(trail.at(-1) ?? deep, action)],
      [],
    );
    expect(steps.map((s) => [s.helpOpen, s.view, s.quitRequested])).toEqual([
      [false, 'detail', false],
      [false, 'list', false],
      [false, 'list', true],
    ]);
  });

  test('Backspace at the top level does not quit; q does, anywhere', () => {
    expect(reduce([key('back')], finished).quitRequested).toBe(false);
    expect(reduce([key('open'), key('quit')], finished).quitRequested).toBe(true);
    expect(reduce([key('quit')]).quitRequested).toBe(true);
  });

  test('quitting closes the help, so the findings are what stays in the scrollback', () => {
    expect(reduce([key('help'), key('quit')], finished)).toMatchObject({ helpOpen: false, quitRequested: true });
  });

  test('Enter with no findings stays on the list', () => {
    const empty = reduce([event({ type: 'done', report: { ...report, findings: [] } }), key('open')]);
    expect(empty.view).toBe('list');
  });
});

describe('visibleWindow', () => {
  test('shows everything when it fits', () => {
    expect(visibleWindow(3, 2, 8)).toEqual({ start: 0, end: 3 });
  });
  test('keeps the selection in view, centred where it can be', () => {
    expect(visibleWindow(20, 0, 8)).toEqual({ start: 0, end: 8 });
    expect(visibleWindow(20, 10, 8)).toEqual({ start: 6, end: 14 });
    expect(visibleWindow(20, 19, 8)).toEqual({ start: 12, end: 20 });
  });
});

describe('f / e / w choose fixes', () => {
  test('picks the first applicable fix per finding, by severity, and ends the screen', async () => {
    const { diagnoseReducer, initialDiagnoseState } = await import('../../src/ui/diagnose/state.js');
    // refused is data: the summary's wording is not read (issue #14)
    const f = (code: string, severity: 'critical' | 'warning', fixes: [string, string][]) =>
      findingWithFixes(
        code,
        severity,
        fixes.map(([id, summary]) => ({ id, summary, refused: summary.startsWith('not applicable') ? summary : null })),
      );
    const findings = [
      f('FD-A', 'critical', [
        ['too-big', 'not applicable: would not fit'],
        ['raise-cpu-limit', 'cpus 0.2 → 0.3'],
      ]),
      f('FD-B', 'warning', [['outputs-queue-capacity', 'outputs_queue.capacity: 0 → 10000']]),
      f('FD-C', 'critical', [['raise-cpu-limit', 'cpus 0.2 → 0.3']]),
    ];
    const report = { findings } as never;
    const done = diagnoseReducer(initialDiagnoseState, { type: 'event', event: { type: 'done', report } });
    const crit = diagnoseReducer(done, { type: 'key', intent: 'fix-critical' });
    expect([crit.fixIds, crit.quitRequested]).toEqual([['raise-cpu-limit'], true]);
    const warn = diagnoseReducer(done, { type: 'key', intent: 'fix-warning' });
    expect(warn.fixIds).toEqual(['outputs-queue-capacity']);
    const running = diagnoseReducer(initialDiagnoseState, { type: 'key', intent: 'fix-all' });
    expect([running.fixIds, running.quitRequested]).toEqual([[], false]);
  });
});
