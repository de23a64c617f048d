// The report's notes: what the doctor could not measure or should say beside its findings (the
// stand-in, where falco.yaml was read from, a restarting container, what Falco's own startup lines say
// beside the doctor's figures). Drops that cannot be measured are a finding (FD-DROP-UNMEASURED, -BLIND).
import type { DiagnosisContext } from './context.js';
import { formatBytes } from '../falco/presets.js';
import { validateAgainstSchema } from '../falco/config/lint/schema.js';
import { parseYamlSource } from '../falco/config/yaml-source.js';

/** What Falco printed at startup beside what the doctor computes from the files. */
function startupBesideConfig(ctx: DiagnosisContext): string[] {
  const out: string[] = [];
  const st = ctx.startup;
  const rb = ctx.ringBuffer;
  if (rb && st.bufferBytes !== null) {
    const same =
      st.bufferBytes === rb.bytesPerBuffer &&
      (rb.cpusForEachBuffer === null || st.ringBufferEveryCpus === null || st.ringBufferEveryCpus === rb.cpusForEachBuffer);
    const falco = `${formatBytes(st.bufferBytes)} per buffer${st.ringBufferEveryCpus !== null ? `, one buffer every ${st.ringBufferEveryCpus} CPU(s)` : ''}`;
    const doctor = `${formatBytes(rb.bytesPerBuffer)}${rb.cpusForEachBuffer !== null ? `, every ${rb.cpusForEachBuffer} CPU(s)` : ''}`;
    out.push(
      same
        ? `Ring buffers: Falco's startup log says ${falco}, as the doctor computes from ${rb.presetKey}.`
        : `Ring buffers: Falco's startup log says ${falco}, but the files give ${doctor} (${rb.presetKey} = ${rb.preset}): falco.yaml changed since Falco started, or it is not the file Falco reads.`,
    );
  }
  const falcoFailed = st.configFiles.filter((f) => f.validation.startsWith('failed')).map((f) => f.path);
  if (st.configFiles.length > 0) {
    const doctor = ctx.snapshot.falco.configFiles.map((f) => validateAgainstSchema(parseYamlSource(f).value, ctx.version.version));
    const doctorFailed = doctor.filter((d) => d && !d.ok).length;
    out.push(
      `Schema: Falco's own check at startup: ${st.configFiles.map((f) => `${f.path} ${f.validation.split(' ')[0]}`).join(', ')}; the doctor's${doctor.some(Boolean) ? '' : ' (no schema before 0.39)'}: ${doctor.some(Boolean) ? (doctorFailed === 0 ? 'ok' : `${doctorFailed} file(s) failed`) : 'none'}.` +
        (falcoFailed.length > 0 ? ` Falco warned for ${falcoFailed.join(', ')}: see FD-CONF-SCHEMA.` : ''),
    );
  }
  return out;
}

export function notesFor(ctx: DiagnosisContext): string[] {
  const s = ctx.snapshot;
  const notes: string[] = [];
  if (s.origin === 'lab') notes.push("The target is the falco-doctor lab's Falco STAND-IN, not Falco.");
  if (s.falco.configSource === 'container')
    notes.push('falco.yaml was read from inside the container: it is not bind-mounted, so edits there would not persist.');
  if (s.falco.configSource === 'none') notes.push('falco.yaml could not be read: config-based checks are unknown.');
  if (ctx.version.note) notes.push(`Falco version: ${ctx.version.note}`);
  for (const e of s.falco.readErrors) notes.push(e);
  if (ctx.startup.errors.length > 0) notes.push(`Startup log errors: ${ctx.startup.errors.join(' | ')}`);
  if (s.logs.truncated) notes.push('The log look-back was longer than the doctor keeps; the oldest lines were left out.');
  if (s.target.state.restarting) notes.push(`The container is restarting (${s.target.state.restartCount} restarts so far): nothing was sampled.`);
  else if (!s.target.state.running) notes.push(`The container is ${s.target.state.status} (exit code ${s.target.state.exitCode}): nothing was sampled.`);
  if (s.webserver.error) notes.push(`Webserver: ${s.webserver.error}`);
  notes.push(...startupBesideConfig(ctx));
  return notes;
}
