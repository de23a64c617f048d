// Ring-buffer size presets, from the comments in upstream falco.yaml (identical in 0.36.2, 0.38.0, 0.44.1):
// preset 0 is reserved, 1 = 1 MB ... 10 = 512 MB, each step doubles. The default is 4 (8 MB).
export const MIN_PRESET = 1;
export const MAX_PRESET = 10;
export const DEFAULT_PRESET = 4;

const MB = 1024 * 1024;

/** Bytes of one ring buffer for a preset, or null when the preset is not valid. */
export function presetBytes(preset: number): number | null {
  if (!Number.isInteger(preset) || preset < MIN_PRESET || preset > MAX_PRESET) return null;
  return MB * 2 ** (preset - 1);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / (1024 * MB)).toFixed(bytes % (1024 * MB) === 0 ? 0 : 1)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${bytes} B`;
}
