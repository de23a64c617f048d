// Whether Falco block-buffers its outputs (stdout included), from its source:
//  - up to 0.43.x, app/actions/load_config.cpp@0.42.1:73 sets `m_buffered_outputs = !unbuffered_outputs`
//    after the config is read: outputs are buffered unless Falco runs with -U/--unbuffered, whatever
//    `buffered_outputs` says in falco.yaml;
//  - from 0.44.0 (load_config.cpp@0.44.0:73-76) `buffered_outputs` is honoured and -U only forces it off.
// Buffered stdout reaches `docker logs` in blocks (a few KB), so alerts — drop alerts included — can be
// minutes late on a quiet host.
import { compareVersions } from './version-compare.js';
import { isOn } from './config/yaml-cpp-bool.js';

const UNBUFFERED = (a: string): boolean => a === '--unbuffered' || /^-[A-Za-z]*U[A-Za-z]*$/.test(a);

export interface Buffering {
  buffered: boolean;
  why: string;
}

export function outputsBuffering(cmd: readonly string[], version: string | null, bufferedOutputsKey: unknown): Buffering {
  if (cmd.some(UNBUFFERED)) return { buffered: false, why: 'Falco runs with -U (--unbuffered)' };
  if (version !== null && compareVersions(version, '0.44.0') >= 0)
    return isOn(bufferedOutputsKey)
      ? { buffered: true, why: `buffered_outputs: true (Falco ${version} honours it)` }
      : {
          buffered: false,
          why: `buffered_outputs is ${bufferedOutputsKey === undefined ? 'absent (false in code)' : 'false'} and Falco ${version} honours it`,
        };
  return {
    buffered: true,
    why: `Falco ${version ?? '(version unknown)'} buffers its outputs unless started with -U, whatever buffered_outputs says (load_config.cpp@0.42.1:73)`,
  };
}
