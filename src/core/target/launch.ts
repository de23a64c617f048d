// How the container was started, from the labels Docker Compose puts on what it creates: a compose
// service (its files are where a fix must persist limits and the command line, else the next
// `docker compose up` undoes it) or a plain `docker run`.
import path from 'node:path';

export type Launch =
  | {
      kind: 'compose';
      project: string;
      service: string;
      /** the compose files, absolute (relative ones are resolved against the project's folder) */
      files: string[];
    }
  | { kind: 'run' };

export function launchOf(labels: Readonly<Record<string, string>>): Launch {
  const service = labels['com.docker.compose.service'];
  const files = labels['com.docker.compose.project.config_files'];
  if (!service || !files) return { kind: 'run' };
  const workdir = labels['com.docker.compose.project.working_dir'] ?? '';
  return {
    kind: 'compose',
    project: labels['com.docker.compose.project'] ?? '',
    service,
    files: files
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((f) => (path.isAbsolute(f) ? f : path.join(workdir, f))),
  };
}
