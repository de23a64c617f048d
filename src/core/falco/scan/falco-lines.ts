// Lines Falco itself writes that are not alerts: its log lines (falco_logger: "<ctime>: msg" or an ISO
// time, userspace/engine/logger.cpp@0.42.1) and the summary it prints at shutdown ("Events detected: N",
// "Rule counts by severity:", "Triggered rules by rule name:", "Syscall event drop monitoring:" and their
// indented "name: N" / "- event drop detected: N occurrences" lines; samples/shutdown-summary-*.txt).
// The scanner counts them apart from malformed lines.
const CTIME = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d \d{4}: /;
const ISO_LOG = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}: /;
const SUMMARY =
  /^(Events detected: \d+|Rule counts by severity:|Triggered rules by rule name:|Syscall event drop monitoring:|\s+- (event drop detected: \d+ occurrences|num times actions taken: \d+)|\s+\S.*: \d+)\s*$/;

export function isFalcoOwnLine(line: string): boolean {
  return CTIME.test(line) || ISO_LOG.test(line) || SUMMARY.test(line);
}
