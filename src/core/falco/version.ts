// Which Falco version the doctor is looking at, and how sure it is.
import { parseStartupLog } from './parse/startup.js';
import { compareVersions, isVersion } from './version-compare.js';
import { parseDocument } from 'yaml';
import { hostileYaml } from '../yaml/hostile.js';

export type VersionSource = 'falco --version' | 'startup-log' | 'image-tag' | 'inferred-from-config' | 'unknown';

export interface DetectedVersion {
  version: string | null;
  source: VersionSource;
  note: string;
}

/** "falcosecurity/falco:0.41.3", "falcosecurity/falco-no-driver:0.38.0-debian", "reg:5000/falco:v0.40.0@sha256:..." */
export function versionFromImage(image: string): string | null {
  const noDigest = image.split('@')[0] ?? '';
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  if (colon < 0) return null;
  const tag = noDigest.slice(colon + 1);
  const m = /^v?(\d+\.\d+\.\d+)/.exec(tag);
  return m ? (m[1] as string) : null;
}

// Markers from the shipped falco.yaml files and falco-facts.md: [key, lower bound, upper bound (exclusive)].
const MARKERS: [string, string | null, string | null][] = [
  ['engine.modern_ebpf.disable_iterators', '0.44.1', null],
  ['capture', '0.42.0', null],
  ['plugins_hostinfo', '0.42.0', null],
  ['json_include_output_fields_property', '0.42.0', null],
  ['append_output', '0.40.0', null],
  ['json_include_message_property', '0.40.0', null],
  ['config_files', '0.38.0', null],
  ['rules_files', '0.38.0', null],
  ['falco_libs', '0.38.0', null],
  ['engine', '0.37.0', null],
  ['grpc', null, '0.44.0'],
  ['engine.ebpf', null, '0.44.0'],
  ['syscall_buf_size_preset', null, '0.38.0'],
  ['modern_bpf', null, '0.38.0'],
  ['metadata_download', null, '0.38.0'],
];

function inferFromConfig(text: string): DetectedVersion | null {
  if (hostileYaml(text)) return null;
  const doc = parseDocument(text);
  let lo: string | null = null;
  let hi: string | null = null;
  const seen: string[] = [];
  for (const [key, min, max] of MARKERS) {
    if (!doc.hasIn(key.split('.'))) continue;
    seen.push(key);
    if (min && (lo === null || compareVersions(min, lo) > 0)) lo = min;
    if (max && (hi === null || compareVersions(max, hi) < 0)) hi = max;
  }
  if (seen.length === 0) return null;
  const range = `${lo ? `>= ${lo}` : ''}${lo && hi ? ' and ' : ''}${hi ? `< ${hi}` : ''}`;
  return {
    version: lo,
    source: 'inferred-from-config',
    note: `inferred from config keys (${seen.join(', ')}): Falco ${range}; the version shown is the lower bound, not a measurement`,
  };
}

export function detectVersion(input: {
  image: string | null;
  versionOutput: string | null;
  startupLines: string[];
  configText: string | null;
}): DetectedVersion {
  const fromCli = input.versionOutput ? /Falco version:\s*(\S+)/.exec(input.versionOutput)?.[1] : undefined;
  if (fromCli && isVersion(fromCli)) return { version: fromCli, source: 'falco --version', note: 'reported by falco --version' };
  const startup = parseStartupLog(input.startupLines);
  if (startup.version && isVersion(startup.version)) return { version: startup.version, source: 'startup-log', note: 'from the "Falco version:" startup line' };
  if (input.image) {
    const v = versionFromImage(input.image);
    if (v) return { version: v, source: 'image-tag', note: `from the image tag of ${input.image}; a retagged image could differ` };
  }
  if (input.configText) {
    const inferred = inferFromConfig(input.configText);
    if (inferred) return inferred;
  }
  const latest = input.image && /:latest$|^[^:]+$/.test(input.image.split('@')[0] ?? '') ? ` (image ${input.image} has no version tag)` : '';
  return { version: null, source: 'unknown', note: `no version found${latest}` };
}
