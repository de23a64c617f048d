// Drives the TUI as a person would: a real terminal (tmux), keys sent, the screen read back.
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait.js';

export interface TmuxSession {
  name: string;
  screen(): Promise<string>;
  keys(...keys: string[]): Promise<void>;
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<string>;
  alive(): Promise<boolean>;
  /** whether the program has the terminal's alternate screen on (tmux's alternate_on) */
  alternateOn(): Promise<boolean>;
  /** the pid of the program in the pane */
  pid(): Promise<number>;
  /** the program's exit status once it has ended (needs recordExit) */
  exitStatus(): Promise<number | null>;
  kill(): Promise<void>;
}

const RECORDER = fileURLToPath(new URL('./exit-recorder.mjs', import.meta.url));

export async function startTmux(
  argv: string[],
  opts: { cwd: string; cols?: number; rows?: number; env?: Record<string, string>; recordExit?: boolean },
): Promise<TmuxSession> {
  const name = `fd-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const exitFile = path.join(os.tmpdir(), `${name}.exit`);
  if (opts.recordExit) argv = ['node', RECORDER, exitFile, ...argv];
  const envArgs = Object.entries({ CI: 'false', TERM: 'xterm-256color', ...opts.env }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  // more than one word after the options: tmux runs them as argv, with no shell in between
  await execa('tmux', ['new-session', '-d', '-s', name, '-x', String(opts.cols ?? 100), '-y', String(opts.rows ?? 40), '-c', opts.cwd, ...envArgs, ...argv]);
  await execa('tmux', ['set-option', '-t', name, 'remain-on-exit', 'on']);
  const screen = async () => (await execa('tmux', ['capture-pane', '-p', '-t', name], { reject: false })).stdout;
  const session: TmuxSession = {
    name,
    screen,
    async keys(...keys) {
      await execa('tmux', ['send-keys', '-t', name, ...keys]);
    },
    async waitForText(text, timeoutMs = 30_000) {
      let last = '';
      try {
        await waitFor(
          `"${String(text)}" on screen`,
          async () => {
            last = await screen();
            return typeof text === 'string' ? last.includes(text) : text.test(last);
          },
          timeoutMs,
          100,
        );
      } catch (e) {
        throw new Error(`${(e as Error).message}\n--- screen ---\n${last}`);
      }
      // the frame is drawn; give Ink a tick to arm its input handlers before the next key
      await new Promise((r) => setTimeout(r, 50));
      return last;
    },
    async alive() {
      const r = await execa('tmux', ['display-message', '-p', '-t', name, '#{pane_dead}'], { reject: false });
      return r.exitCode === 0 && r.stdout.trim() === '0';
    },
    async alternateOn() {
      return (await execa('tmux', ['display-message', '-p', '-t', name, '#{alternate_on}'])).stdout.trim() === '1';
    },
    async pid() {
      return Number((await execa('tmux', ['display-message', '-p', '-t', name, '#{pane_pid}'])).stdout.trim());
    },
    async exitStatus() {
      if (!opts.recordExit) throw new Error('start the session with recordExit: true to read the exit status');
      const text = await readFile(exitFile, 'utf8').catch(() => null);
      return text === null || !/^\d+$/.test(text.trim()) ? null : Number(text.trim());
    },
    async kill() {
      await execa('tmux', ['kill-session', '-t', name], { reject: false });
    },
  };
  return session;
}
