// Status → symbol and semantic tone; the symbol carries the meaning without colour.
import type { ItemStatus } from '../../core/checklist/results.js';
import { statusMark } from '../../core/checklist/format.js';
import type { Tone } from '../theme.js';

const TONES: Record<ItemStatus, Tone> = { pass: 'ok', confirmed: 'ok', fail: 'critical', unknown: 'warning' };

export function itemMark(s: ItemStatus): { symbol: string; tone: Tone } {
  return { symbol: statusMark(s), tone: TONES[s] };
}
