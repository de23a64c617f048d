// falco-doctor lab: the REAL Falco 0.42.1 image, imported from ../shared/real-falco (built from upstream
// source; see its README) under the lab's own tag, never under falcosecurity/falco (an operator's name).
// The shared import script is idempotent: it compares the tarball's checksum with the image's label.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { docker, dockerMaybe } from '../docker-cli.js';
import { labLabels } from '../lab.js';
import { BUILD_DIR, REPO_ROOT } from '../paths.js';

export const REAL_FALCO_IMAGE = 'falco-doctor-lab/falco:0.42.1';
export const REAL_FALCO_VERSION = '0.42.1';
export const REAL_FALCO_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'real-falco');
const IMPORT_SCRIPT = path.join(REAL_FALCO_DIR, 'import-image.sh');
const ROOTFS = path.join(REAL_FALCO_DIR, 'falco-0.42.1-rootfs.tar.xz');

/** Why real Falco cannot run here, or null when it can (the tests skip with this reason). */
export function realFalcoUnavailable(): string | null {
  if (!fs.existsSync(ROOTFS) || !fs.existsSync(IMPORT_SCRIPT)) return `no real Falco image beside the repo (${path.relative(REPO_ROOT, ROOTFS)} missing)`;
  return null;
}

/** Imports the image when it is missing or stale; returns the tag. */
export async function ensureRealFalcoImage(log: (line: string) => void = () => {}): Promise<string> {
  const why = realFalcoUnavailable();
  if (why) throw new Error(why);
  const r = await execa('bash', [IMPORT_SCRIPT, REAL_FALCO_IMAGE], { reject: false, timeout: 300_000 });
  if (r.exitCode !== 0) throw new Error(`${IMPORT_SCRIPT} failed: ${String(r.stderr).trim()}`);
  log(String(r.stdout).trim());
  return REAL_FALCO_IMAGE;
}

/**
 * The image's own /etc/falco (0.42.1's falco.yaml, falco_rules.yaml 5.0.0, config.d, rules.d), copied out
 * once per image id as an operator does before bind-mounting it (`docker create` + `docker cp`).
 */
export async function imageEtcFalco(): Promise<string> {
  const id = (await docker(['image', 'inspect', '--format', '{{.Id}}', REAL_FALCO_IMAGE])).trim().replace(/^sha256:/, '');
  const dir = path.join(BUILD_DIR, `real-etc-falco-${id.slice(0, 12)}`);
  if (fs.existsSync(path.join(dir, 'falco.yaml'))) return dir;
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  const created = (await docker(['create', ...labLabels('copy'), REAL_FALCO_IMAGE])).trim();
  try {
    const tmp = `${dir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    await docker(['cp', `${created}:/etc/falco`, tmp]);
    fs.renameSync(tmp, dir);
  } finally {
    await dockerMaybe(['rm', '-f', created]);
  }
  return dir;
}
