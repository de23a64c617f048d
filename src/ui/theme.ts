// Semantic colours: components say what a thing is (critical, ok, muted), never which colour it is.
// Under NO_COLOR / --no-color every colour is undefined and meaning is carried by text alone
// (marks ✔ ⚠ ✖ –, severity words, the › selection marker), so nothing is lost without colour.
import { createContext, useContext } from 'react';

export const TONES = ['critical', 'warning', 'info', 'ok', 'muted', 'accent'] as const;
export type Tone = (typeof TONES)[number];

/** A colour name Ink's <Text color> accepts, or undefined for the terminal's default. */
export type Theme = Readonly<Record<Tone, string | undefined>>;

const COLOURS = {
  critical: 'red',
  warning: 'yellow',
  info: 'blue',
  ok: 'green',
  muted: 'gray',
  accent: 'cyan',
} as const satisfies Theme;

const PLAIN = {
  critical: undefined,
  warning: undefined,
  info: undefined,
  ok: undefined,
  muted: undefined,
  accent: undefined,
} as const satisfies Theme;

export function createTheme(noColor: boolean): Theme {
  return noColor ? PLAIN : COLOURS;
}

/** NO_COLOR (https://no-color.org): set and non-empty disables colour. */
export function noColorFromEnv(env: NodeJS.ProcessEnv): boolean {
  return (env['NO_COLOR'] ?? '') !== '';
}

// Plain by default: a component rendered without a provider (tests, other screens) never emits colour.
export const ThemeContext = createContext<Theme>(PLAIN);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
