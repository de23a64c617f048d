// An idle diagnose screen costs nothing (issue 6: < 1 % of a core left open): once the report is
// shown, a minute with nothing happening commits no React render and writes nothing to the
// terminal. React's <Profiler> counts commits (the development build, as under vitest). Timers are
// fake from before the mount, so every interval or timeout the screen sets is one the fake minute
// runs. The same counter moves while the diagnosis runs (the spinner): a silent counter means idle.
import './helpers/not-ci.js';
import { render } from 'ink';
import { Profiler } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { DiagnoseEvent } from '../../src/core/events.js';
import { DiagnoseApp } from '../../src/ui/diagnose/DiagnoseApp.js';
import { renderOptions } from '../../src/ui/render-options.js';
import { ThemeContext, createTheme } from '../../src/ui/theme.js';
import { diagnosisEvents } from './fixtures/diagnosis.js';
import { Channel } from './helpers/channel.js';
import { FakeStdin, FakeStdout, KEYS } from './helpers/terminal.js';

// setImmediate stays real: React's scheduler runs on it, and the test yields to it
const FAKED = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;

/** Advances fake time in small steps until the screen shows `needle` (at most 5 fake seconds). */
async function until(screen: () => string, needle: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (screen().includes(needle)) return;
    await vi.advanceTimersByTimeAsync(50);
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`no ${JSON.stringify(needle)} on screen:\n${screen()}`);
}

function mount() {
  vi.useFakeTimers({ toFake: [...FAKED] });
  const stdout = new FakeStdout(100, 40);
  const stdin = new FakeStdin();
  const events = new Channel<DiagnoseEvent>();
  let commits = 0;
  const app = render(
    <Profiler id="diagnose" onRender={() => void commits++}>
      <ThemeContext.Provider value={createTheme(true)}>
        <DiagnoseApp events={events} onExit={() => undefined} />
      </ThemeContext.Provider>
    </Profiler>,
    renderOptions(10, { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream }),
  );
  return { stdout, stdin, events, app, commits: () => commits, screen: () => stdout.screen() };
}

/** A minute of fake time, its timers run and its promises settled. */
async function idleMinute(): Promise<void> {
  await vi.advanceTimersByTimeAsync(60_000);
  await new Promise((resolve) => setImmediate(resolve));
}

afterEach(() => vi.useRealTimers());

describe('diagnose screen at rest', () => {
  test('while running, the spinner re-renders it (the counter works)', async () => {
    const s = mount();
    const [inspectStarted] = diagnosisEvents();
    s.events.push(inspectStarted!);
    await until(s.screen, 'Read limits and state');
    const before = s.commits();
    await idleMinute();
    expect(s.commits() - before).toBeGreaterThan(100); // 10 spinner frames a second
    s.app.unmount();
  });

  for (const view of ['the findings', 'a finding’s detail'] as const) {
    test(`showing ${view}, a quiet minute renders nothing and writes nothing`, async () => {
      const s = mount();
      s.events.push(...diagnosisEvents());
      s.events.end();
      await until(s.screen, 'Findings (3)');
      if (view === 'a finding’s detail') {
        s.stdin.write(KEYS.enter);
        // the detail measures itself once (it is taller than the terminal), then is still
        await until(s.screen, 'j/k scroll');
      }
      const commits = s.commits();
      const written = s.stdout.raw.length;
      await idleMinute();
      expect(s.commits()).toBe(commits);
      expect(s.stdout.raw.length).toBe(written);
      // and it still answers: a key after the quiet minute renders again
      s.stdin.write('?');
      await until(s.screen, 'show or hide this help');
      expect(s.commits()).toBeGreaterThan(commits);
      s.app.unmount();
    });
  }
});
