// How every screen is mounted: a frame-rate cap, Ctrl-C handled by the screen (so q and Ctrl-C end the
// same way), and the console patched only when drawing on the real terminal — a caller's own streams
// (tests) keep their console.
import type { RenderOptions } from 'ink';

export interface ScreenStreams {
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

export function renderOptions(maxFps: number, streams: ScreenStreams): RenderOptions {
  return {
    maxFps,
    exitOnCtrlC: false,
    patchConsole: streams.stdout === undefined,
    ...(streams.stdout === undefined ? {} : { stdout: streams.stdout }),
    ...(streams.stdin === undefined ? {} : { stdin: streams.stdin }),
  };
}
