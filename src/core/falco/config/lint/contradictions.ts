// Settings that contradict each other. Fatal ones are the checks Falco itself makes in
// userspace/falco/configuration.cpp load_yaml / load_engine_config (quoted in the messages).
import { has, report, valueAt, type LintContext } from './context.js';

const on = (v: unknown): boolean => v === true || v === 'true';

export function lintContradictions(ctx: LintContext): void {
  const v = (p: string): unknown => valueAt(ctx, p);

  if (on(v('webserver.prometheus_metrics_enabled'))) {
    if (has(ctx, 'webserver.enabled') && !on(v('webserver.enabled')))
      report(ctx, {
        class: 'contradiction', severity: 'warning', key: 'webserver.prometheus_metrics_enabled',
        message: 'webserver.prometheus_metrics_enabled is true but webserver.enabled is false: nothing serves /metrics.',
        replacement: 'webserver.enabled', fix: [{ key: 'webserver.enabled', value: true }],
      });
    if (!on(v('metrics.enabled')))
      report(ctx, {
        class: 'contradiction', severity: 'warning', key: 'webserver.prometheus_metrics_enabled',
        message: 'webserver.prometheus_metrics_enabled is true but metrics.enabled is not: /metrics needs metrics.enabled too.',
        replacement: 'metrics.enabled', fix: [{ key: 'metrics.enabled', value: true }],
      });
  }

  if (on(v('metrics.enabled')) && has(ctx, 'metrics.output_rule') && !on(v('metrics.output_rule')) &&
      !v('metrics.output_file') && !on(v('webserver.prometheus_metrics_enabled')))
    report(ctx, {
      class: 'contradiction', severity: 'warning', key: 'metrics.enabled',
      message: 'metrics.enabled is true but no metrics output is on (metrics.output_rule, metrics.output_file, webserver.prometheus_metrics_enabled): metrics are collected and thrown away.',
    });

  if (has(ctx, 'rules_file') && has(ctx, 'rules_files'))
    report(ctx, {
      class: 'contradiction', severity: 'error', key: 'rules_file', replacement: 'rules_files',
      message: "both 'rules_files' and 'rules_file' keys set: Falco refuses to start. Keep rules_files.",
    });

  const actions = v('syscall_event_drops.actions');
  if (Array.isArray(actions) && actions.includes('ignore') && (actions.includes('log') || actions.includes('alert')))
    report(ctx, {
      class: 'contradiction', severity: 'error', key: 'syscall_event_drops.actions',
      message: 'syscall_event_drops.actions: "log"/"alert" do not make sense with the "ignore" action; Falco refuses to start.',
    });

  const needs: [string, string, string][] = [
    ['file_output.enabled', 'file_output.filename', 'file output enabled but no filename in configuration block'],
    ['program_output.enabled', 'program_output.program', 'program output enabled but no program in configuration block'],
    ['http_output.enabled', 'http_output.url', 'http output enabled but no url in configuration block'],
  ];
  for (const [flag, field, falcoMsg] of needs)
    if (on(v(flag)) && (v(field) === undefined || v(field) === '' || v(field) === null) && (has(ctx, field) || has(ctx, flag)))
      report(ctx, { class: 'contradiction', severity: 'error', key: flag, message: `${flag} is true but ${field} is empty: Falco stops with "${falcoMsg}".`, replacement: field });

  if (v('engine.kind') === 'replay' && !v('engine.replay.capture_file'))
    report(ctx, {
      class: 'contradiction', severity: 'error', key: 'engine.kind', replacement: 'engine.replay.capture_file',
      message: "engine.kind is 'replay' but no engine.replay.capture_file specified: Falco refuses to start.",
    });
}
