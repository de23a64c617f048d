// Public API of the Falco knowledge in falco-doctor's core: config model, effective config, edits,
// lint, engine budget, rules, parsers of Falco output, version detection and the event-log scanner.
export type { ConfigError, EffectiveConfig, MergeStrategy, Provenance, SourceFile } from './config/types.js';
export {
  ALL_KEYS,
  COVERED_VERSIONS,
  LEGACY_KEYS,
  compareVersions,
  engineKindsFor,
  engineOptionsFor,
  isEngineKind,
  keyExistsIn,
  knownBlocksFor,
  knownKeysFor,
  lookupKey,
  lookupLegacy,
  type EngineKind,
  type KeySpec,
  type LegacyKey,
  type ValueType,
} from './config/model.js';
export { computeEffectiveConfig, configFileEntries, getPath, parseOverride, type ConfigFileEntry } from './config/effective.js';
export { parseKeyPath, type PathSegment } from './config/key-path.js';
export { parseYamlSource, type ParsedYaml } from './config/yaml-source.js';
export { EditError, reserialize, setKey, unifiedDiff, unsetKey } from './config/edit.js';
export { explainShellAdvice, lintConfig, type LintClass, type LintIssue, type LintOptions, type LintSeverity, type ShellAdvice } from './config/lint.js';
export { X86_64_SYSCALLS } from './config/syscalls-x86_64.js';
export { engineKind, ringBufferBudget, type RingBufferBudget } from './engine.js';
export { disableRuleOverride, loadRules, matchesWildcard, type RuleInfo, type RulesSummary } from './rules/load.js';
export { parseDropAlert, DROP_RULE, type DropAlert } from './parse/drop-alert.js';
export { parseMetricsSnapshot, METRICS_RULE, type MetricsSnapshot } from './parse/metrics-snapshot.js';
export { parsePrometheus, promValue, type PromSample } from './parse/prometheus.js';
export { parseStartupLog, stripLogPrefix, type StartupInfo } from './parse/startup.js';
export { parseShutdownSummary, type ShutdownSummary } from './parse/shutdown.js';
export { parseAlertLine, PRIORITIES, type AlertLine } from './parse/alert.js';
export { detectVersion, versionFromImage, type DetectedVersion, type VersionSource } from './version.js';
export { EventLogScanner, type ScanResult } from './scan/scanner.js';
export { presetBytes, formatBytes, MIN_PRESET, MAX_PRESET, DEFAULT_PRESET } from './presets.js';
