// Untrusted strings cannot drive the terminal: they render as the plain text they contain.
import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import type { DiagnoseEvent } from '../../src/core/events.js';
import { FinishedStepLine } from '../../src/ui/diagnose/StepList.js';
import { diagnoseReducer, initialDiagnoseState } from '../../src/ui/diagnose/state.js';
import { sanitize, sanitizeDeep } from '../../src/core/sanitize.js';

const ESC = '\u001B';
const BEL = '\u0007';

describe('sanitize', () => {
  test.each([
    ['SGR colour', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['clear screen and home', `a${ESC}[2J${ESC}[Hb`, 'ab'],
    ['cursor movement', `a${ESC}[10;20Hb${ESC}[3Ac`, 'abc'],
    ['OSC title, BEL-terminated', `${ESC}]0;pwned${BEL}name`, 'name'],
    ['OSC hyperlink, ST-terminated', `${ESC}]8;;http://evil${ESC}\\link${ESC}]8;;${ESC}\\`, 'link'],
    ['DCS', `${ESC}P1$qm${ESC}\\ok`, 'ok'],
    ['8-bit CSI and OSC', `\u009B2Ja\u009D0;t\u0007b`, 'ab'],
    ['C1 controls', `a\u0085b\u008Dc\u009Cd`, 'abcd'],
    ['C0 controls and DEL', `a\u0000b\u0008c\rd\u007F`, 'abcd'],
    ['keeps newline and tab, folds CRLF', `one\ttwo\r\nthree\n`, 'one\ttwo\nthree\n'],
    ['single-character escapes', `${ESC}cre${ESC}7set${ESC}(B`, 'reset'],
    ['unterminated OSC swallows to the end', `ok${ESC}]0;never ends`, 'ok'],
    ['bidi override', `file\u202Etxt.exe`, 'filetxt.exe'],
    ['plain unicode is untouched', 'Falco ✔ 0.41 — ⚠ ü 日本', 'Falco ✔ 0.41 — ⚠ ü 日本'],
  ])('%s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  test('sanitizeDeep reaches every string and keeps the shape', () => {
    const dirty = { a: `${ESC}[1mx`, b: [1, `${ESC}]0;t${BEL}y`, null], c: { d: true } };
    expect(sanitizeDeep(dirty)).toEqual({ a: 'x', b: [1, 'y', null], c: { d: true } });
  });

  test('a hostile step line renders as plain text on screen', () => {
    const hostile = `falco${ESC}[31m-red${ESC}[0m${ESC}[2J${ESC}[H${ESC}]0;pwned${BEL}\u009B31m\u0085-x`;
    const events: DiagnoseEvent[] = [
      { type: 'step-started', id: 's', title: hostile },
      { type: 'step-finished', id: 's', status: 'warn', detail: `log: ${hostile}` },
    ];
    const state = events.reduce((s, event) => diagnoseReducer(s, { type: 'event', event }), initialDiagnoseState);
    const step = state.finished[0];
    if (step === undefined) throw new Error('no finished step');
    const frame = render(<FinishedStepLine step={step} />).lastFrame();
    expect(frame).toBe('⚠ falco-red-x — log: falco-red-x');
    expect(frame).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  });
});
