import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { checklistReducer, initialChecklistState } from '../../../src/ui/checklist/state.js';
import { ItemDetail } from '../../../src/ui/checklist/ItemDetail.js';
import { ItemList } from '../../../src/ui/checklist/ItemList.js';
import type { ItemResult } from '../../../src/core/checklist/results.js';

const item = (id: string, status: ItemResult['status'], confirm: string | null = null): ItemResult => ({
  id,
  title: `Item ${id}`,
  status,
  automatic: status === 'confirmed' ? 'fail' : status,
  evidence: [{ label: 'Enabled rules', observed: '100', expected: 'lte 50', source: 'rules files' }],
  fixes:
    status === 'pass' ? [] : [{ id: 'disable-noncritical-rules', title: 'Disable rules below Warning priority', summary: 'disable 75 rules', refused: null }],
  remedy: null,
  confirm,
  confirmation: null,
});
const results = [item('a', 'pass'), item('b', 'fail', 'Reviewed?'), item('c', 'unknown')];

describe('checklist screen', () => {
  it('moves, opens, goes back, and quits on q', () => {
    let s = initialChecklistState(results);
    s = checklistReducer(s, { type: 'key', intent: 'down' });
    s = checklistReducer(s, { type: 'key', intent: 'down' });
    s = checklistReducer(s, { type: 'key', intent: 'down' });
    expect(s.selected).toBe(2);
    s = checklistReducer(s, { type: 'key', intent: 'open' });
    expect(s.view).toBe('detail');
    s = checklistReducer(s, { type: 'key', intent: 'back' });
    expect(s.view).toBe('list');
    expect(checklistReducer(s, { type: 'key', intent: 'quit' }).quitRequested).toBe(true);
  });

  it('c opens the note prompt only for items the operator may confirm; q typed in a note does not quit', () => {
    const onA = checklistReducer(initialChecklistState(results), { type: 'confirm' });
    expect(onA.view).toBe('list');
    expect(onA.message).toContain('checked automatically only');
    let s = checklistReducer(checklistReducer(initialChecklistState(results), { type: 'key', intent: 'down' }), { type: 'confirm' });
    expect(s.view).toBe('confirm');
    expect(checklistReducer(s, { type: 'key', intent: 'down' }).view).toBe('confirm');
    s = checklistReducer(s, { type: 'saved', results: [results[0]!, { ...results[1]!, status: 'confirmed' }, results[2]!] });
    expect(s).toMatchObject({ view: 'detail', message: 'confirmation saved' });
    expect(s.results[1]!.status).toBe('confirmed');
  });

  it('renders the list with marks and the detail with evidence and fixes', () => {
    expect(render(createElement(ItemList, { results, selected: 1 })).lastFrame()).toBe(
      ['  ✔ pass      Item a', '› ✖ fail      Item b', '  ? unknown   Item c'].join('\n'),
    );
    const frame = render(createElement(ItemDetail, { item: results[1]! })).lastFrame() ?? '';
    expect(frame).toContain('Enabled rules: 100 (expected lte 50) — rules files');
    expect(frame).toContain('falco-doctor fix disable-noncritical-rules — Disable rules below Warning priority:');
    expect(frame).toContain('Press c to confirm: Reviewed?');
  });
});
