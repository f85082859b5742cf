import { test } from '@japa/runner'
import { cpuMsPerRequest, parseProcStat, processTree, ticksByPid } from '#bench/proc_stat'

// proc(5): pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
const line = (pid: number, comm: string, ppid: number, utime: number, stime: number) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194304 5000 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 1234 0 0\n`

test.group('Server CPU from /proc/<pid>/stat', () => {
  test('reads utime + stime and the parent, whatever the command name holds', ({ assert }) => {
    assert.deepEqual(parseProcStat(line(42, 'node', 1, 250, 30)), { pid: 42, ppid: 1, ticks: 280 })
    assert.deepEqual(parseProcStat(line(43, 'a) b (c', 42, 7, 3)), { pid: 43, ppid: 42, ticks: 10 })
    assert.throws(() => parseProcStat('garbage'))
  })

  test('sums a cluster primary and its workers, not the other processes', ({ assert }) => {
    const all = [
      parseProcStat(line(10, 'npm run start:cluster', 1, 5, 5)),
      parseProcStat(line(11, 'node', 10, 100, 0)),
      parseProcStat(line(12, 'node', 11, 200, 0)),
      parseProcStat(line(13, 'node', 11, 300, 0)),
      parseProcStat(line(99, 'mariadbd', 1, 9999, 0)),
    ]
    assert.deepEqual(
      processTree(10, all).map((stat) => stat.pid),
      [10, 11, 12, 13]
    )
  })

  test('divides the CPU time spent between two readings by the requests', ({ assert }) => {
    const before = ticksByPid([
      { pid: 11, ppid: 1, ticks: 100 },
      { pid: 12, ppid: 11, ticks: 50 },
    ])
    const after = ticksByPid([
      { pid: 11, ppid: 1, ticks: 130 },
      { pid: 12, ppid: 11, ticks: 60 },
      { pid: 14, ppid: 11, ticks: 10 }, // a worker started in between counts whole
    ])
    // 50 ticks at 100 per second = 500 ms, over 200 requests
    assert.equal(cpuMsPerRequest(before, after, 200, 100), 2.5)
    assert.equal(cpuMsPerRequest(before, after, 0, 100), 0)
  })
})
