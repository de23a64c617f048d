// The one reader and parser of Docker's container inspect JSON: every reader of a container's state,
// limits, command, labels, mounts, ports and networks calls inspectContainer (parsed: only the fields we
// use), and toContainerInfo makes the snapshot's ContainerInfo of it. Environment values are dropped in
// toContainerInfo so they can never reach a report or a bundle. The raw body is handed out only by
// inspectWithRaw, for the re-create that copies the whole config into the successor.
import type { ContainerInspectInfo } from 'dockerode';
import { z } from 'zod';
import type { ContainerInfo } from '../../core/snapshot.js';
import type { DockerClient } from './client.js';

const InspectSchema = z.object({
  Id: z.string(),
  Name: z.string(),
  /** the image id the container runs (Config.Image is the name it was created with) */
  Image: z.string(),
  Args: z.array(z.string()).nullish(),
  Path: z.string().nullish(),
  State: z.object({
    Status: z.string(),
    Running: z.boolean(),
    Restarting: z.boolean(),
    OOMKilled: z.boolean(),
    ExitCode: z.number(),
    StartedAt: z.string(),
    /** present only when the image or the run defines a HEALTHCHECK */
    Health: z.object({ Status: z.string() }).nullish(),
  }),
  RestartCount: z.number().default(0),
  Config: z.object({
    Image: z.string(),
    /** the part of the command line a re-create (or a compose `command:`) replaces */
    Cmd: z.array(z.string()).nullish(),
    Labels: z.record(z.string(), z.string()).nullish(),
    Env: z.array(z.string()).nullish(),
    Tty: z.boolean().default(false),
  }),
  HostConfig: z.object({
    Memory: z.number().default(0),
    MemorySwap: z.number().default(0),
    NanoCpus: z.number().default(0),
    CpuQuota: z.number().default(0),
    CpuPeriod: z.number().default(0),
    CpusetCpus: z.string().default(''),
    RestartPolicy: z.object({ Name: z.string() }).nullish(),
    NetworkMode: z.string().nullish(),
  }),
  Mounts: z.array(z.object({ Type: z.string(), Source: z.string(), Destination: z.string(), RW: z.boolean() })).nullish(),
  NetworkSettings: z.object({
    Ports: z.record(z.string(), z.array(z.object({ HostIp: z.string(), HostPort: z.string() })).nullable()).nullish(),
    Networks: z.record(z.string(), z.object({ IPAddress: z.string(), Aliases: z.array(z.string()).nullish() })).nullish(),
  }),
});
export type Inspect = z.infer<typeof InspectSchema>;

export function parseInspect(raw: unknown): Inspect {
  return InspectSchema.parse(raw);
}

/** `docker inspect` of one container (by id or name), parsed. */
export async function inspectContainer(docker: DockerClient, ref: string): Promise<Inspect> {
  return parseInspect(await docker.getContainer(ref).inspect());
}

/** The raw body beside the parsed one: a re-create copies every field Docker has into the successor. */
export async function inspectWithRaw(docker: DockerClient, ref: string): Promise<{ raw: ContainerInspectInfo; i: Inspect }> {
  const raw = await docker.getContainer(ref).inspect();
  return { raw, i: parseInspect(raw) };
}

export function toContainerInfo(i: Inspect): ContainerInfo {
  const ports: ContainerInfo['ports'] = [];
  for (const [spec, bindings] of Object.entries(i.NetworkSettings.Ports ?? {})) {
    const [port, protocol] = spec.split('/');
    for (const b of bindings ?? []) ports.push({ containerPort: Number(port), protocol: protocol ?? 'tcp', hostIp: b.HostIp, hostPort: Number(b.HostPort) });
  }
  return {
    id: i.Id,
    name: i.Name.replace(/^\//, ''),
    image: i.Config.Image,
    labels: i.Config.Labels ?? {},
    state: {
      status: i.State.Status,
      running: i.State.Running,
      restarting: i.State.Restarting,
      restartCount: i.RestartCount,
      startedAt: i.State.StartedAt,
      exitCode: i.State.ExitCode,
      oomKilled: i.State.OOMKilled,
    },
    restartPolicy: i.HostConfig.RestartPolicy?.Name ?? '',
    limits: {
      memoryBytes: i.HostConfig.Memory,
      nanoCpus: i.HostConfig.NanoCpus,
      cpuQuota: i.HostConfig.CpuQuota,
      cpuPeriod: i.HostConfig.CpuPeriod,
      cpusetCpus: i.HostConfig.CpusetCpus,
    },
    cmd: [...(i.Path ? [i.Path] : []), ...(i.Args ?? [])],
    envNames: (i.Config.Env ?? []).map((e) => e.split('=')[0] ?? ''),
    mounts: (i.Mounts ?? []).map((m) => ({ type: m.Type, source: m.Source, destination: m.Destination, rw: m.RW })),
    ports,
    networks: Object.entries(i.NetworkSettings.Networks ?? {}).map(([name, n]) => ({ name, ip: n.IPAddress })),
  };
}
