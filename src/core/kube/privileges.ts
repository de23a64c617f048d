// What the driver needs from the Falco container's securityContext, as chart falco renders it
// (pod-template.tpl falco.securityContext @548458c, chart 9.1.0): kmod (and the loader's auto) run
// privileged: true (the kernel module is inserted); modern_ebpf runs privileged, or least-privileged
// with the capabilities BPF, SYS_RESOURCE, PERFMON, SYS_PTRACE (driver.modernEbpf.leastPrivileged);
// SYS_ADMIN stands in for BPF and PERFMON (kernels before 5.8 have neither); nodriver, replay and
// plugins-only Falco need none of these.
import type { FalcoWorkload, KubeIssue } from './types.js';

export const MODERN_EBPF_CAPS = ['BPF', 'SYS_RESOURCE', 'PERFMON', 'SYS_PTRACE'];
const CODE = 'FD-KUBE-PRIVILEGES';

export function privilegeIssues(w: FalcoWorkload, kind: string | null): KubeIssue[] {
  const { privileged, capabilities } = w.securityContext;
  const at = { file: w.controller.file, line: w.lines.securityContext ?? w.controller.line, key: 'securityContext' };
  if (kind === 'kmod' && !privileged)
    return [
      { code: CODE, severity: 'error', ...at, message: 'engine.kind kmod loads a kernel module: the Falco container needs securityContext.privileged: true' },
    ];
  if (kind !== 'modern_ebpf') return [];
  if (privileged)
    return [
      {
        code: CODE,
        severity: 'info',
        ...at,
        message: `modern_ebpf runs privileged here; it also runs with only the capabilities ${MODERN_EBPF_CAPS.join(', ')} (chart: driver.modernEbpf.leastPrivileged: true)${w.driverLoader?.args.includes('auto') ? ', once the driver is modern_ebpf rather than auto' : ''}`,
      },
    ];
  const missing = MODERN_EBPF_CAPS.filter((c) => !capabilities.includes(c) && !(['BPF', 'PERFMON'].includes(c) && capabilities.includes('SYS_ADMIN')));
  return missing.length === 0
    ? []
    : [
        {
          code: CODE,
          severity: 'error',
          ...at,
          message: `modern_ebpf needs privileged: true or the capabilities ${MODERN_EBPF_CAPS.join(', ')}; missing: ${missing.join(', ')}: Falco cannot open the probe`,
        },
      ];
}
