// What a bundle may carry: the snapshot with every free-text field passed through the redactor.
// Env values are never collected in the first place (ContainerInfo keeps names only).
import type { Snapshot } from './snapshot.js';
import { redactText } from './redact.js';

export function redactSnapshot(s: Snapshot): Snapshot {
  const files = (fs: Snapshot['falco']['configFiles']) => fs.map((f) => ({ ...f, text: redactText(f.text) }));
  const lines = (ls: Snapshot['logs']['window']) => ls.map((l) => ({ ...l, text: redactText(l.text) }));
  return {
    ...s,
    target: {
      ...s.target,
      cmd: s.target.cmd.map(redactText),
      labels: Object.fromEntries(Object.entries(s.target.labels).map(([k, v]) => [k, redactText(`${k}=${v}`).slice(k.length + 1)])),
    },
    falco: { ...s.falco, configFiles: files(s.falco.configFiles), rulesFiles: files(s.falco.rulesFiles), overrides: s.falco.overrides.map(redactText) },
    logs: { ...s.logs, startup: lines(s.logs.startup), window: lines(s.logs.window) },
  };
}
