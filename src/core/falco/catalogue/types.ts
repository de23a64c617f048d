// The config key catalogue: every key path of every Falco release covered, derived from the shipped
// falco.yaml files, the config JSON schemas and the keys configuration.cpp reads (knowledge/).
import type { ValueType } from '../config/keys/spec.js';

/** Releases [first, last] in catalogue order (both inclusive). */
export type Span = [string, string];

/** A value that held over a run of releases, with where it was read (file of `from`, 1-based line). */
export interface ValueRun {
  from: string;
  to: string;
  value: unknown;
  line: number;
}

export interface CatalogueKey {
  type: ValueType;
  /** Releases whose Falco reads the key: shipped in its falco.yaml or read by its configuration.cpp. */
  read: Span[];
  /** Releases whose schema (that of the same minor series) declares the key. */
  schema?: Span[];
  /** The value the shipped falco.yaml sets. */
  shipped?: ValueRun[];
  /** The value configuration.cpp falls back to when the key is absent, where it can be read as a literal. */
  code?: ValueRun[];
  /** Allowed values, from the schema. */
  enum?: string[];
}

export interface CatalogueSource {
  version: string;
  commit: string;
  file: string;
}

export interface Catalogue {
  /** Every release covered, in order. */
  releases: string[];
  /** Schema file used for each release that has one (same minor series). */
  schemaOf: Record<string, string>;
  sources: CatalogueSource[];
  keys: Record<string, CatalogueKey>;
}
