// falco-doctor lab: where things are. The shared Falco fixtures live beside the repo
// (CI clones the repo with shared/ next to it), so they are resolved from the repo root, never /work.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAB_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(LAB_DIR, '..', '..');
export const BUILD_DIR = path.join(LAB_DIR, '.build');
export const FIXTURES_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'falco');
export const UPSTREAM_FALCO_YAML = path.join(FIXTURES_DIR, 'falco-0.44.1.yaml');
export const UPSTREAM_RULES_YAML = path.join(FIXTURES_DIR, 'falco_rules-5.1.0.yaml');
export const DEFAULT_LAB_DIR = path.join(REPO_ROOT, '.lab');
export const ENSURE_DOCKER_SCRIPT = path.join(REPO_ROOT, 'scripts', 'ensure-docker.sh');
