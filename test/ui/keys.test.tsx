// Key mapping, with the Key objects Ink builds for each press.
import type { Key } from 'ink';
import { describe, expect, test } from 'vitest';
import { toKeyIntent } from '../../src/ui/keys.js';

const none: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('toKeyIntent', () => {
  test.each([
    ['k', {}, 'up'],
    ['', { upArrow: true }, 'up'],
    ['j', {}, 'down'],
    ['', { downArrow: true }, 'down'],
    ['\r', { return: true }, 'open'],
    ['', { escape: true, meta: true }, 'escape'],
    ['', { backspace: true }, 'back'],
    ['', { delete: true }, 'back'],
    ['?', {}, 'help'],
    ['q', {}, 'quit'],
    ['c', { ctrl: true }, 'quit'],
    ['j', { meta: true }, null],
    ['x', {}, null],
  ] as const)('%j %j → %s', (input, flags, intent) => {
    expect(toKeyIntent(input, { ...none, ...flags })).toBe(intent);
  });
});
