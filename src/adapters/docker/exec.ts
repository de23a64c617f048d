// Runs a read-only command inside a container (an argument array, never a shell string) and returns
// its output, or null when it fails or takes too long.
import type { DockerClient } from './client.js';
import { demux } from './logs.js';

export async function execOutput(docker: DockerClient, id: string, argv: string[], timeoutMs = 3000): Promise<string | null> {
  try {
    const exec = await docker.getContainer(id).exec({ Cmd: argv, AttachStdout: true, AttachStderr: true, Tty: false });
    const stream = await exec.start({ hijack: true, stdin: false });
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve) => {
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', resolve);
    });
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
    if ((await Promise.race([done, timer])) === 'timeout') {
      stream.destroy();
      return null;
    }
    const info = await exec.inspect();
    if (info.ExitCode !== 0) return null;
    return demux(Buffer.concat(chunks))
      .map((c) => c.text)
      .join('');
  } catch {
    return null;
  }
}
