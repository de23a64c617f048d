// e2e tests' spelling of the one waitFor (test/helpers/wait.ts): a condition, a deadline, a poll.
import { waitFor as poll } from '../../helpers/wait.js';

export async function waitFor(what: string, cond: () => Promise<boolean> | boolean, timeoutMs = 20_000, everyMs = 250): Promise<void> {
  await poll(what, cond, { timeoutMs, everyMs });
}
