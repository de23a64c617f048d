// The questions put on the terminal (stderr, so stdout stays data): y/N, and one key; without a terminal the answer is no.
import { createInterface } from 'node:readline/promises';

export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/** One key pressed on the terminal (raw mode, no Enter), e.g. u to undo at once; '' without a terminal. */
export function oneKey(question: string): Promise<string> {
  if (!process.stdin.isTTY) return Promise.resolve('');
  process.stderr.write(question);
  return new Promise((resolve) => {
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.once('data', (b: Buffer) => {
      process.stdin.setRawMode(false);
      process.stdin.pause();
      process.stderr.write('\n');
      resolve(b.toString());
    });
  });
}
