import type { EngineRefusal, PluginRefusal } from './loading.js';
import type { ConfigError } from '../config/types.js';

export interface RuleInfo {
  name: string;
  file: string;
  line: number | null;
  enabled: boolean;
  priority: string;
  tags: string[];
  source: string;
  condition: string;
  /** null = not restricted by evt.type (evaluated for every event of its source). */
  evtTypes: string[] | null;
  costHints: string[];
  /** Enabled in the files but skipped: its priority is below the `priority` minimum of falco.yaml. */
  belowPriority?: boolean;
}

export interface RulesSummary {
  rules: RuleInfo[];
  enabledCount: number;
  totalCount: number;
  listCount: number;
  macroCount: number;
  errors: ConfigError[];
  /** Union of the evt.type values of the enabled syscall rules. */
  requiredEventTypes: string[];
  /** Files Falco refuses for their required_engine_version (their rules are not counted). */
  refusedFiles: EngineRefusal[];
  /** required_plugin_versions no loaded plugin meets: Falco does not start. */
  pluginRefusals: PluginRefusal[];
  /** Enabled rules skipped for the priority minimum. */
  belowPriorityCount: number;
}
