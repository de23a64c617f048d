// One finding in full: why we think so (evidence, with where each value came from) and what
// could be done about it (the fixes that apply). A real finding (seven evidence rows, three fixes) is
// taller than an 80×24 terminal: given `rows`, the detail shows a window of that height, scrolled by
// j/k, and reports how far it overflows (onMeasured) so the scroll stops at the end.
import { Box, Text, measureElement, type DOMElement } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { Finding } from '../../core/findings.js';
import { useTheme } from '../theme.js';
import { EvidenceTable } from './EvidenceTable.js';
import { FixList } from './FixList.js';
import { severityMark } from './marks.js';

interface FindingDetailProps {
  finding: Finding;
  /** lines the detail may take, its footer included; undefined: all it needs */
  rows?: number;
  /** lines scrolled past */
  scroll?: number;
  /** how many lines the content is taller than its window (0 when it fits) */
  onMeasured?: (maxScroll: number) => void;
}

export function FindingDetail({ finding, rows, scroll = 0, onMeasured }: FindingDetailProps) {
  const theme = useTheme();
  const content = useRef<DOMElement>(null);
  const window = rows === undefined ? undefined : Math.max(3, rows - 1);
  // the content's own height (it never shrinks): a short finding takes only the lines it needs
  const [height, setHeight] = useState<number | null>(null);
  // told only when it changes: a quiet screen renders nothing
  const reported = useRef<number | null>(null);
  useEffect(() => {
    if (!content.current || window === undefined) return;
    const measured = measureElement(content.current).height;
    if (measured !== height) setHeight(measured);
    if (reported.current !== measured - window) {
      reported.current = measured - window;
      onMeasured?.(measured - window);
    }
  });
  const overflows = window !== undefined && height !== null && height > window;
  const mark = severityMark(finding.severity);
  const body = (
    <Box ref={content} flexDirection="column" flexShrink={0} marginTop={window === undefined ? 0 : -scroll}>
      <Text>
        <Text bold color={theme[mark.tone]}>
          {mark.symbol.trimEnd()}
        </Text>{' '}
        <Text bold>{finding.code}</Text> <Text color={theme.muted}>(runbook {finding.runbook})</Text>
      </Text>
      <Text bold>{finding.title}</Text>
      <Text>
        <Text color={theme.muted}>cause:</Text> {finding.cause}
      </Text>
      <Box marginTop={1}>
        <Text>{finding.explanation}</Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Evidence</Text>
        <EvidenceTable evidence={finding.evidence} />
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Fixes</Text>
        <FixList fixes={finding.fixes} />
      </Box>
    </Box>
  );
  return (
    <Box flexDirection="column">
      {window === undefined ? (
        body
      ) : (
        <Box height={height === null ? window : Math.min(window, height)} overflow="hidden" flexDirection="column">
          {body}
        </Box>
      )}
      <Box marginTop={overflows ? 0 : 1}>
        <Text color={theme.muted}>
          {overflows ? `j/k scroll (${scroll + window}/${height} lines) · ` : ''}Esc/Backspace/Enter back · f apply its fix · ? help · q quit
        </Text>
      </Box>
    </Box>
  );
}
