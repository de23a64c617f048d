// Falco STAND-IN (falco-doctor lab), not Falco: `watch_config_files`. Falco uses inotify
// (IN_CLOSE_WRITE on files, IN_CREATE|IN_DELETE on folders) and debounces before a dry run.
// Through a Docker bind mount inotify is unreliable, so this polls mtime+size every 500 ms and acts
// once a change has been stable for one poll (that debounce also avoids half-written files).
import fs from 'node:fs';

function fingerprint(paths: string[]): string {
  return paths
    .map((p) => {
      try {
        const st = fs.statSync(p);
        const listing = st.isDirectory() ? fs.readdirSync(p).sort().join(',') : '';
        return `${p}:${st.mtimeMs}:${st.size}:${listing}`;
      } catch {
        return `${p}:missing`;
      }
    })
    .join('|');
}

export class ConfigWatcher {
  private baseline: string;
  private pending: string | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly paths: string[],
    onStableChange: () => void,
  ) {
    this.baseline = fingerprint(paths);
    this.timer = setInterval(() => {
      const now = fingerprint(this.paths);
      if (now === this.baseline) {
        this.pending = undefined;
        return;
      }
      if (this.pending !== now) {
        this.pending = now;
        return;
      }
      this.baseline = now;
      this.pending = undefined;
      onStableChange();
    }, 500);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
