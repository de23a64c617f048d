// The generated key catalogue (knowledge/falco-config-catalogue.json) and the one question every
// caller asks of it first: which known release stands for the Falco version at hand.
import data from '../../../../knowledge/falco-config-catalogue.json' with { type: 'json' };
import { compareVersions } from '../version-compare.js';
import type { Catalogue, Span, ValueRun } from './types.js';

export type { Catalogue, CatalogueKey, Span, ValueRun } from './types.js';

export const CATALOGUE = data as unknown as Catalogue;
export const KNOWN_RELEASES: readonly string[] = CATALOGUE.releases;
export const NEWEST_RELEASE = KNOWN_RELEASES[KNOWN_RELEASES.length - 1] as string;
export const OLDEST_RELEASE = KNOWN_RELEASES[0] as string;

export interface ResolvedRelease {
  /** The known release the version is judged by. */
  release: string;
  exact: boolean;
  /** Why another release stands in, when it does. */
  note: string | null;
}

/** The version itself when known; else the newest known release before it (or the oldest known one). */
export function resolveRelease(version: string): ResolvedRelease {
  const exact = KNOWN_RELEASES.find((r) => compareVersions(r, version) === 0);
  if (exact) return { release: exact, exact: true, note: null };
  const before = KNOWN_RELEASES.filter((r) => compareVersions(r, version) < 0);
  const release = before[before.length - 1] ?? OLDEST_RELEASE;
  const where =
    compareVersions(version, NEWEST_RELEASE) > 0
      ? `newer than the newest release known (${NEWEST_RELEASE})`
      : compareVersions(version, OLDEST_RELEASE) < 0
        ? `older than the oldest release known (${OLDEST_RELEASE})`
        : `not a release known to the catalogue (${OLDEST_RELEASE}–${NEWEST_RELEASE})`;
  return { release, exact: false, note: `Falco ${version} is ${where}: judged as Falco ${release}, the nearest known release.` };
}

const index = new Map(KNOWN_RELEASES.map((r, i) => [r, i]));

export function inSpans(release: string, spans: Span[] | undefined): boolean {
  const i = index.get(release);
  if (i === undefined || !spans) return false;
  return spans.some(([a, b]) => (index.get(a) ?? Infinity) <= i && i <= (index.get(b) ?? -Infinity));
}

export function runAt(release: string, runs: ValueRun[] | undefined): ValueRun | undefined {
  return runs?.find((r) => inSpans(release, [[r.from, r.to]]));
}

/** The release after `release`, or undefined for the newest. */
export function releaseAfter(release: string): string | undefined {
  const i = index.get(release);
  return i === undefined ? undefined : KNOWN_RELEASES[i + 1];
}
