// Sizes derived from the terminal: one column of panels up to 119 columns, two side by side from 120;
// the findings list gets the rows the panels leave.
export const LABEL_WIDTH = 9;
/** the longest note after a sparkline: " last 5 min, of quota" */
const NOTE_WIDTH = 22;
export const TWO_COLUMNS_FROM = 120;

export interface HomeLayout {
  columns: 1 | 2;
  /** width of one panel column */
  panelWidth: number;
  sparkWidth: number;
  findingRows: number;
  logRows: number;
}

/** extraRows: lines shown besides the panels and findings (the last change) */
export function homeLayout(width: number, rows: number, extraRows = 0): HomeLayout {
  const columns = width >= TWO_COLUMNS_FROM ? 2 : 1;
  const panelWidth = columns === 2 ? Math.floor((width - 2) / 2) : width;
  // panels take 10 rows in one column, 6 in two; around them: header 3, three gaps, the findings
  // title, a notice, keys and status: 10
  const panelRows = columns === 2 ? 6 : 10;
  return {
    columns,
    panelWidth,
    sparkWidth: Math.max(10, panelWidth - LABEL_WIDTH - NOTE_WIDTH),
    findingRows: Math.max(1, Math.min(8, rows - panelRows - 10 - extraRows)),
    logRows: Math.max(3, rows - 7),
  };
}

export function windowNote(windowMs: number): string {
  const minutes = Math.round(windowMs / 60_000);
  return minutes >= 1 ? ` last ${minutes} min` : ` last ${Math.round(windowMs / 1000)} s`;
}
