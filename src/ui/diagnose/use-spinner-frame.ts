// The spinner's clock. It only ticks while something is running, so a finished screen sits idle.
import { useEffect, useState } from 'react';

export const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;
const INTERVAL_MS = 100;

export function useSpinnerFrame(active: boolean): string {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setIndex((i) => (i + 1) % SPINNER_FRAMES.length), INTERVAL_MS);
    return () => clearInterval(timer);
  }, [active]);
  return SPINNER_FRAMES[index] ?? SPINNER_FRAMES[0];
}
