// Long lines on the screens that scroll (rollout, a change's detail) wrap at spaces instead of being
// cut: a command the operator must copy, a path, a log message. Pre-wrapped here, so one line is one
// row and scrolling counts rows exactly.
export interface WrappableLine {
  text: string;
  /** a shell command: continued lines end with ` \` so the copied text still runs */
  command?: boolean;
  /** drawn as is (charts): cut at the edge rather than wrapped */
  nowrap?: boolean;
}

export function wrapLines<L extends WrappableLine>(lines: readonly L[], width: number): L[] {
  return lines.flatMap((l) => (l.nowrap ? [l] : wrapWords(l.text, width, l.command ? ' \\' : '').map((text) => ({ ...l, text }))));
}

/** Words onto lines of at most `width` columns; continuation lines are indented under the first. */
export function wrapWords(text: string, width: number, join = ''): string[] {
  const len = (s: string) => [...s].length;
  if (len(text) <= width) return [text];
  const indent = /^ */.exec(text)?.[0] ?? '';
  const cont = `${indent}    `;
  const out: string[] = [];
  let cur = '';
  let start = indent;
  for (const word of text.slice(indent.length).split(/ +/)) {
    if (cur === '') cur = start + word;
    else if (len(cur) + 1 + len(word) + len(join) <= width) cur = `${cur} ${word}`;
    else {
      out.push(cur + join);
      start = cont;
      cur = start + word; // a single word wider than the line stays whole: the Text cuts it
    }
  }
  out.push(cur);
  return out;
}
