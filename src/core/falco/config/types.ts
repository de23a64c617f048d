// Shapes shared by the config loader, lint and edit modules. Plain data: serialisable into a snapshot.

export interface SourceFile {
  path: string;
  text: string;
}

/** A problem found while reading a file, reported as data (never thrown). `line` is 1-based. */
export interface ConfigError {
  file: string;
  line: number | null;
  key: string | null;
  message: string;
}

export interface Provenance {
  /** File path, or "-o key=value" for a command-line override. */
  source: string;
  line: number | null;
}

export interface EffectiveConfig {
  /** The merged plain object, as Falco sees it after drop-ins and -o overrides. */
  value: Record<string, unknown>;
  /** Dotted key path -> who set it, for every leaf (a sequence counts as one leaf). */
  provenance: Record<string, Provenance>;
  errors: ConfigError[];
  /** Files in load order. */
  files: string[];
}

export type MergeStrategy = 'append' | 'override' | 'add-only';
