// Where the tool keeps things (XDG base directories).
import os from 'node:os';
import path from 'node:path';

export function stateDir(env: NodeJS.ProcessEnv = process.env, override: string | null = null): string {
  if (override) return override;
  const base = env['XDG_STATE_HOME'] || path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'falco-doctor');
}
