// Runs a program on this terminal and writes its exit status to a file: tmux cannot report a Node
// program's exit status (its pane closes the pty first), so terminal tests read it from here.
// Usage: node exit-recorder.mjs OUTFILE PROGRAM [ARGS...]
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [out, program, ...args] = process.argv.slice(2);
const child = spawn(program, args, { stdio: 'inherit' });
child.on('exit', (code, signal) => {
  writeFileSync(out, signal ? `signal ${signal}\n` : `${code}\n`);
  process.exit(code ?? 1);
});
