// Falco versions are plain semver ("0.44.1"); pre-release or build suffixes ("0.38.0-rc1", "+driver")
// are ignored for ordering because the doctor only needs to know which config keys exist.

function parts(v: string): number[] {
  const core = v.trim().replace(/^v/, '').split(/[-+]/)[0] ?? '';
  return core.split('.').map((p) => Number.parseInt(p, 10) || 0);
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length, 3); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function isVersion(s: string): boolean {
  return /^v?\d+\.\d+(\.\d+)?([-+][\w.+-]*)?$/.test(s.trim());
}

/** True when `version` is within [since, until): `until` is the first release without the thing. */
export function inRange(version: string, since: string | undefined, until: string | undefined): boolean {
  if (since !== undefined && compareVersions(version, since) < 0) return false;
  if (until !== undefined && compareVersions(version, until) >= 0) return false;
  return true;
}
