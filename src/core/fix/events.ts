// Progress of a fix transaction (and of its undo): the TUI reduces it, the CLI prints it.
import type { StepStatus } from '../events.js';

export type FixEvent = { type: 'step-started'; id: string; title: string } | { type: 'step-finished'; id: string; status: StepStatus; detail: string };
