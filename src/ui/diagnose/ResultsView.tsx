// The interactive part of a finished diagnosis: the findings list, one finding, or the help.
import type { Finding } from '../../core/findings.js';
import { FindingDetail } from './FindingDetail.js';
import { FindingList } from './FindingList.js';
import { HelpOverlay } from './HelpOverlay.js';
import type { View } from './state.js';

interface ResultsViewProps {
  findings: readonly Finding[];
  selected: number;
  view: View;
  helpOpen: boolean;
  runbookCount: number;
  configErrorCount: number;
  /** the open finding's window (lines, its footer included) and scroll; see FindingDetail */
  detailRows?: number;
  detailScroll?: number;
  onDetailMeasured?: (maxScroll: number) => void;
}

export function ResultsView(props: ResultsViewProps) {
  const { findings, selected, view, helpOpen, runbookCount, configErrorCount, detailRows, detailScroll, onDetailMeasured } = props;
  if (helpOpen) return <HelpOverlay />;
  const finding = findings[selected];
  if (view === 'detail' && finding !== undefined)
    return <FindingDetail finding={finding} rows={detailRows} scroll={detailScroll} onMeasured={onDetailMeasured} />;
  return <FindingList findings={findings} selected={selected} runbookCount={runbookCount} configErrorCount={configErrorCount} />;
}
