// The built-in checks: each reads what one probe cannot (several config keys, the rollout state, the
// journal) and returns its verdict with the evidence. Pure: the adapters gather the inputs.
import { getPath } from '../falco/config/effective.js';
import { metricsOutputs } from '../falco/config/metrics-outputs.js';
import type { Refusal } from '../falco/config/refusals.js';
import type { EffectiveConfig } from '../falco/config/types.js';
import { webserverSettings } from '../falco/webserver.js';
import { assertNever } from '../assert-never.js';
import type { RolloutState } from '../rollout/state.js';
import type { BuiltinId } from './schema.js';
import type { ChecklistEvidence } from './results.js';

export interface RollbackReadiness {
  /** the state dir exists, is ours and mode 0700, and is writable */
  stateDirOk: boolean;
  stateDirMode: string;
  /** journal entries whose undo was computed and whose files can be written back (dry run) */
  dryRunChecked: number;
  /** why a dry-run undo would fail, per entry */
  problems: string[];
}

export interface BuiltinInputs {
  config: EffectiveConfig;
  falcoVersion: string | null;
  /** what Falco would refuse to start with: the diagnosis's (config/refusals.ts), never recomputed here */
  refusals: readonly Refusal[];
  rollout: RolloutState | null;
  rollback: RollbackReadiness;
}

export interface BuiltinVerdict {
  status: 'pass' | 'fail' | 'unknown';
  evidence: ChecklistEvidence[];
}

const CHANNELS = ['stdout_output', 'syslog_output', 'file_output', 'program_output', 'http_output', 'grpc_output'] as const;
const NOTIFIER = /(curl|wget|sendmail|mail|slack|teams|pagerduty|opsgenie|ntfy|notify|alert|sidekick)/i;

const ev = (label: string, observed: string, source: string, expected?: string): ChecklistEvidence => ({
  label,
  observed,
  source,
  ...(expected ? { expected } : {}),
});
const on = (cfg: Record<string, unknown>, key: string) => getPath(cfg, `${key}.enabled`) === true;

export function runBuiltin(id: BuiltinId, i: BuiltinInputs): BuiltinVerdict {
  const cfg = i.config.value;
  switch (id) {
    case 'outputs-minimal': {
      const enabled = CHANNELS.filter((c) => on(cfg, c));
      const dupOutput = getPath(cfg, 'json_output') === true && getPath(cfg, 'json_include_output_property') !== false;
      const fileReopen = on(cfg, 'file_output') && getPath(cfg, 'file_output.keep_alive') !== true;
      const ok = enabled.length <= 2 && !dupOutput && !fileReopen;
      return {
        status: ok ? 'pass' : 'fail',
        evidence: [
          ev('Enabled output channels', enabled.join(', ') || 'none', 'effective falco.yaml (*_output.enabled)', 'at most 2'),
          ev('JSON alerts repeat the output text', dupOutput ? 'yes' : 'no', 'json_output, json_include_output_property', 'no'),
          ev('file_output reopens the file per alert', fileReopen ? 'yes' : 'no', 'file_output.keep_alive', 'no'),
        ],
      };
    }
    case 'monitoring': {
      // absent keys take the defaults of Falco's code, as the refusals do (metrics-outputs.ts, webserver.ts)
      const out = metricsOutputs(i.config, i.falcoVersion);
      const ws = webserverSettings(i.config);
      const prom = out.enabled && out.prometheus && ws.enabled && ws.prometheus;
      const rule = out.enabled && out.rule;
      const file = out.enabled ? out.file : null;
      const refused = i.refusals.filter((r) => r.key.startsWith('metrics.') || r.key.startsWith('webserver.'));
      return {
        status: refused.length === 0 && (prom || rule || file !== null) ? 'pass' : 'fail',
        evidence: [
          ev('metrics.enabled', String(out.enabled), 'effective falco.yaml', 'true'),
          ev('Prometheus /metrics', prom ? 'served' : 'off', 'webserver.enabled, webserver.prometheus_metrics_enabled, metrics.enabled'),
          ev('Metrics snapshot alerts', rule ? `every ${String(getPath(cfg, 'metrics.interval') ?? '?')}` : 'off', 'metrics.output_rule, metrics.interval'),
          ev('Metrics file', file ?? 'off', 'metrics.output_file'),
          ...refused.map((r) => ev(`Falco refuses to start (${r.key})`, `refused: ${r.message}`, r.source, 'accepted')),
        ],
      };
    }
    case 'alerting': {
      const url = String(getPath(cfg, 'http_output.url') ?? '');
      const program = String(getPath(cfg, 'program_output.program') ?? '');
      const http = on(cfg, 'http_output') && url !== '';
      const prog = on(cfg, 'program_output') && NOTIFIER.test(program);
      const evidence = [
        ev('http_output', http ? `on → ${url}${/sidekick/i.test(url) ? ' (falcosidekick)' : ''}` : 'off', 'http_output.enabled, http_output.url'),
        ev('program_output', on(cfg, 'program_output') ? `on → ${program}` : 'off', 'program_output.enabled, program_output.program'),
      ];
      // a program that does not look like a notifier may still be one: the operator can confirm it
      return { status: http || prog ? 'pass' : on(cfg, 'program_output') ? 'unknown' : 'fail', evidence };
    }
    case 'rollout-baseline': {
      const b = i.rollout?.baseline;
      return {
        status: b ? 'pass' : 'fail',
        evidence: [
          ev(
            'Rollout baseline',
            b ? `measured ${new Date(b.window.startedAt).toISOString()} (${b.window.series.latencyMs.seen} latency probes)` : 'none',
            'state dir: rollout/state.json',
            'measured',
          ),
        ],
      };
    }
    case 'rollout-gate-passed': {
      const passed = (i.rollout?.phases ?? []).filter((p) => p.gate?.verdict === 'passed');
      return {
        status: passed.length > 0 ? 'pass' : 'fail',
        evidence: [ev('Rollout phases that passed their gate', passed.map((p) => p.id).join(', ') || 'none', 'state dir: rollout/state.json', 'at least one')],
      };
    }
    case 'rollback-ready': {
      const r = i.rollback;
      const ok = r.stateDirOk && r.problems.length === 0;
      return {
        status: ok ? 'pass' : 'fail',
        evidence: [
          ev('State dir (journal)', `${r.stateDirOk ? 'writable' : 'not usable'}, mode ${r.stateDirMode}`, 'stat of the state dir', 'writable, 0700'),
          ev(
            'Dry-run undo of journaled changes',
            r.dryRunChecked === 0
              ? 'journal empty'
              : r.problems.length
                ? r.problems.join('; ')
                : `${r.dryRunChecked} entries: every undo computable, files writable`,
            'journal entries, restore plan (no file written)',
          ),
        ],
      };
    }
    default:
      return assertNever(id);
  }
}
