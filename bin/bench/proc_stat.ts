/**
 * Server CPU time from Linux's /proc/<pid>/stat. Pure: the file's text in,
 * clock ticks out; bin/bench.ts reads the files.
 */
export interface ProcStat {
  pid: number
  ppid: number
  /** user + system CPU time, in clock ticks */
  ticks: number
}

/**
 * The command name (field 2) sits in parentheses and may itself hold spaces and
 * parentheses, so the fields are counted from the LAST ")": state is field 3,
 * ppid 4, utime 14, stime 15 (proc(5)).
 */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(')')
  const open = text.indexOf('(')
  if (open < 0 || close < open) throw new Error('Not a /proc/<pid>/stat line')
  const pid = Number(text.slice(0, open).trim())
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/)
  const field = (n: number) => Number(fields[n - 3])
  const ticks = field(14) + field(15)
  if (!Number.isInteger(pid) || !Number.isFinite(ticks))
    throw new Error('Unreadable /proc/<pid>/stat line')
  return { pid, ppid: field(4), ticks }
}

/**
 * The process and all its descendants (a cluster primary and its workers) among
 * the given processes.
 */
export function processTree(rootPid: number, all: ProcStat[]) {
  const tree = new Set([rootPid])
  for (let grew = true; grew;) {
    grew = false
    for (const stat of all) {
      if (!tree.has(stat.pid) && tree.has(stat.ppid)) {
        tree.add(stat.pid)
        grew = true
      }
    }
  }
  return all.filter((stat) => tree.has(stat.pid))
}

/**
 * Total ticks per process, so a worker that exited between two readings
 * does not make the difference negative.
 */
export function ticksByPid(stats: ProcStat[]) {
  return new Map(stats.map((stat) => [stat.pid, stat.ticks]))
}

/**
 * CPU milliseconds per request between two readings of the same processes;
 * a process present only in the second reading started in between and counts whole.
 */
export function cpuMsPerRequest(
  before: Map<number, number>,
  after: Map<number, number>,
  requests: number,
  ticksPerSecond = 100
) {
  let ticks = 0
  for (const [pid, value] of after) ticks += value - (before.get(pid) ?? 0)
  return requests > 0 ? (ticks * 1000) / ticksPerSecond / requests : 0
}
