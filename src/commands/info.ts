// info: the target, versions, and every path the tool uses, as text or (--json) one object with the
// same facts. Reaching Docker is optional here: what cannot be reached is said, not an error.
import { connectDocker, ensureReachable } from '../adapters/docker/client.js';
import { dockerEndpoint } from '../adapters/docker/endpoint.js';
import { findFalcoContainer } from '../adapters/docker/discover.js';
import { inspectContainer, toContainerInfo } from '../adapters/docker/inspect.js';
import { hostPathFor } from '../adapters/docker/container-fs.js';
import { shippedFolderLocation } from '../adapters/shipped-files.js';
import { stateDir } from '../adapters/paths.js';
import { parseFalcoCmdline } from '../core/diagnosis/cmdline.js';
import { errorMessage } from '../core/errors.js';

export interface InfoFacts {
  schemaVersion: 1;
  tool: { name: 'falco-doctor'; version: string };
  node: string;
  /** runbooks/ and checklists/: folders, or `embedded:…` in the standalone executable */
  paths: { runbooks: string; checklists: string; stateDir: string };
  docker: { endpoint: string; reachable: boolean; engine: { version: string; apiVersion: string } | null };
  target: {
    name: string;
    /** how it was found: the --container flag, image, label or name */
    foundBy: string;
    image: string;
    state: string;
    configPath: string;
    /** the host file behind configPath; null: not bind-mounted (read from inside the container) */
    configHostPath: string | null;
    overrides: string[];
  } | null;
  /** why there is no target (Docker unreachable, no Falco container…); null when there is one */
  unavailable: string | null;
}

export async function collectInfo(container: string | null, version: string): Promise<InfoFacts> {
  const facts: InfoFacts = {
    schemaVersion: 1,
    tool: { name: 'falco-doctor', version },
    node: process.version,
    paths: { runbooks: shippedFolderLocation('runbooks'), checklists: shippedFolderLocation('checklists'), stateDir: stateDir() },
    docker: { endpoint: dockerEndpoint(), reachable: false, engine: null },
    target: null,
    unavailable: null,
  };
  try {
    const docker = connectDocker();
    await ensureReachable(docker);
    facts.docker.reachable = true;
    const v = await docker.version();
    facts.docker.engine = { version: v.Version, apiVersion: v.ApiVersion };
    const c = await findFalcoContainer(docker, container);
    const info = toContainerInfo(await inspectContainer(docker, c.id));
    const { configPath, overrides } = parseFalcoCmdline(info.cmd);
    facts.target = {
      name: info.name,
      foundBy: c.why,
      image: info.image,
      state: info.state.status,
      configPath,
      configHostPath: hostPathFor(configPath, info.mounts) ?? null,
      overrides,
    };
  } catch (e) {
    facts.unavailable = errorMessage(e);
  }
  return facts;
}

export function formatInfo(i: InfoFacts): string {
  const lines = [
    `falco-doctor ${i.tool.version} (node ${i.node})`,
    `runbooks:    ${i.paths.runbooks}`,
    `checklists:  ${i.paths.checklists}`,
    `state dir:   ${i.paths.stateDir}`,
    `docker:      ${i.docker.endpoint}`,
  ];
  if (i.docker.engine) lines.push(`engine:      Docker ${i.docker.engine.version} (API ${i.docker.engine.apiVersion})`);
  const t = i.target;
  if (t)
    lines.push(
      `target:      ${t.name} (${t.foundBy}), image ${t.image}, ${t.state}`,
      `falco.yaml:  ${t.configPath} → ${t.configHostPath ?? 'not bind-mounted (read from the container)'}`,
      `overrides:   ${t.overrides.length ? t.overrides.join(' ') : 'none'}`,
    );
  else lines.push(`target:      unavailable (${i.unavailable})`);
  return `${lines.join('\n')}\n`;
}

export async function runInfo(args: { container: string | null; json: boolean }, version: string): Promise<string> {
  const facts = await collectInfo(args.container, version);
  return args.json ? `${JSON.stringify(facts, null, 2)}\n` : formatInfo(facts);
}
