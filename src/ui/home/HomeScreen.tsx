// The whole home screen as a function of state and terminal size. One column of panels on an
// 80-column terminal, two side by side from 120; help or the log view replaces the panels when open.
import { Box } from 'ink';
import { CpuPanel } from './CpuPanel.js';
import { EventsPanel } from './EventsPanel.js';
import { FindingsPanel } from './FindingsPanel.js';
import { HomeHelp } from './HomeHelp.js';
import { LastChange } from './LastChange.js';
import { Detection } from './Detection.js';
import { proofView } from '../../core/canary/proof.js';
import { homeLayout, type HomeLayout } from './layout.js';
import { LogView } from './LogView.js';
import { MemoryPanel } from './MemoryPanel.js';
import { ServicePanel } from './ServicePanel.js';
import type { HomeState } from './state.js';
import { StatusBar } from './StatusBar.js';
import { TargetHeader } from './TargetHeader.js';
import { TargetStatusLine } from './TargetStatusLine.js';

interface HomeScreenProps {
  state: HomeState;
  width: number;
  rows: number;
  intervalMs: number;
}

export function HomeScreen({ state, width, rows, intervalMs }: HomeScreenProps) {
  // the last change (when there is one) and the detection line sit above the findings
  const layout = homeLayout(width, rows, (state.lastChange === null ? 0 : 1) + 1);
  const { monitor } = state;
  return (
    <Box flexDirection="column" width={width}>
      <TargetHeader header={monitor.header} />
      <TargetStatusLine status={monitor.status} updatedAt={monitor.now} intervalMs={intervalMs} />
      <Box marginTop={1} flexDirection="column">
        {/* help and the log replace the panels rather than push the screen past the terminal */}
        {state.helpOpen ? (
          <HomeHelp width={width} />
        ) : state.view === 'log' ? (
          <LogView lines={monitor.recentLog} offset={state.logOffset} height={layout.logRows} />
        ) : (
          <Panels state={state} layout={layout} />
        )}
      </Box>
      <Box marginTop={1}>
        <StatusBar self={monitor.self} notice={state.notice} />
      </Box>
    </Box>
  );
}

function Panels({ state, layout }: { state: HomeState; layout: HomeLayout }) {
  const { monitor } = state;
  const stale = monitor.status.state !== 'ok';
  const common = { now: monitor.now, windowMs: monitor.windowMs, width: layout.panelWidth, sparkWidth: layout.sparkWidth };
  const cpu = <CpuPanel cpu={monitor.cpu} hasQuota={monitor.header?.cpuLimitCores != null} stale={stale} {...common} />;
  const memory = <MemoryPanel memory={monitor.memory} stale={stale} {...common} />;
  const events = <EventsPanel events={monitor.events} prometheus={monitor.header?.prometheus ?? null} width={layout.panelWidth} stale={stale} />;
  const service = <ServicePanel service={monitor.service} {...common} />;
  const findings = (
    <Box flexDirection="column">
      {state.lastChange === null ? null : <LastChange change={state.lastChange} />}
      <Detection proof={proofView(state.detection, monitor.now || Date.now())} />
      <FindingsPanel lastDiagnosis={state.lastDiagnosis} selected={state.selected} height={layout.findingRows} />
    </Box>
  );
  if (layout.columns === 2)
    return (
      <Box flexDirection="column">
        <Box gap={2}>
          {cpu}
          {memory}
        </Box>
        <Box gap={2}>
          {events}
          {service}
        </Box>
        <Box marginTop={1}>{findings}</Box>
      </Box>
    );
  return (
    <Box flexDirection="column">
      {cpu}
      {memory}
      {events}
      {service}
      <Box marginTop={1}>{findings}</Box>
    </Box>
  );
}
