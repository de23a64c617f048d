// info: the target, versions, and every path the tool uses. Reaching Docker is optional here.
import path from 'node:path';
import type { CliArgs } from '../cli/args.js';
import { connectDocker, ensureReachable } from '../adapters/docker/client.js';
import { findFalcoContainer } from '../adapters/docker/discover.js';
import { parseInspect, toContainerInfo } from '../adapters/docker/inspect.js';
import { hostPathFor } from '../adapters/docker/container-fs.js';
import { packageRoot } from '../adapters/catalogue-files.js';
import { stateDir } from '../adapters/paths.js';
import { parseFalcoCmdline } from '../core/diagnosis/cmdline.js';
import { errorMessage } from '../core/errors.js';

export async function runInfo(args: CliArgs, version: string): Promise<string> {
  const root = packageRoot();
  const lines = [
    `falco-doctor ${version} (node ${process.version})`,
    `runbooks:    ${path.join(root, 'runbooks')}`,
    `checklists:  ${path.join(root, 'checklists')}`,
    `state dir:   ${stateDir()}`,
    `docker:      ${process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock'}`,
  ];
  try {
    const docker = connectDocker();
    await ensureReachable(docker);
    const v = await docker.version();
    lines.push(`engine:      Docker ${v.Version} (API ${v.ApiVersion})`);
    const c = await findFalcoContainer(docker, args.container);
    const info = toContainerInfo(parseInspect(await docker.getContainer(c.id).inspect()));
    const { configPath, overrides } = parseFalcoCmdline(info.cmd);
    lines.push(
      `target:      ${info.name} (${c.why}), image ${info.image}, ${info.state.status}`,
      `falco.yaml:  ${configPath} → ${hostPathFor(configPath, info.mounts) ?? 'not bind-mounted (read from the container)'}`,
      `overrides:   ${overrides.length ? overrides.join(' ') : 'none'}`,
    );
  } catch (e) {
    lines.push(`target:      unavailable (${errorMessage(e)})`);
  }
  return `${lines.join('\n')}\n`;
}
