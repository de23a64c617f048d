// falco-doctor lab: the docker CLI through execa, argument arrays only (never a shell string).
import { execa } from 'execa';

export class DockerError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(`docker ${args.join(' ')} failed: ${stderr.trim() || 'no stderr'}`);
  }
}

export async function docker(args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<string> {
  const r = await execa('docker', args, { reject: false, timeout: opts.timeoutMs ?? 120_000, ...(opts.input === undefined ? {} : { input: opts.input }) });
  if (r.exitCode !== 0) throw new DockerError(args, String(r.stderr));
  return String(r.stdout);
}

/** Like docker(), but a failure is an answer (e.g. "no such container"), not an exception. */
export async function dockerMaybe(args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const r = await execa('docker', args, { reject: false, timeout: 120_000 });
  return { ok: r.exitCode === 0, stdout: String(r.stdout), stderr: String(r.stderr) };
}
