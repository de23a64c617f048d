// "Did you mean" suggestions for misspelt keys, rule names and syscalls.

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * Closest candidate within a distance that scales with the word length (a third of it, at least 2),
 * so "listen_prot" finds "listen_port" but "tune" does not find "time".
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | null {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | null = null;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist || (d === bestDist && best !== null && c < best)) {
      best = c;
      bestDist = d;
    }
  }
  return best !== null && bestDist <= limit && bestDist > 0 ? best : null;
}
