/*
| The database checks after a run: `node ace loadtest:invariants`, with this
| process's environment (so DB_* and SQLITE_PATH, or .env, as the server's).
*/

import { spawn } from 'node:child_process'

export function checkInvariants(root, runId, reportPath) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['ace', 'loadtest:invariants', '--run', runId, '--report', reportPath, '--json'], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => {
      const start = stdout.indexOf('{')
      try {
        resolve({ exitCode: code, ...JSON.parse(stdout.slice(start)) })
      } catch {
        resolve({
          exitCode: code,
          passed: false,
          invariants: [{ name: 'invariants_command', passed: false, detail: `loadtest:invariants failed (exit ${code}): ${(stderr || stdout).trim().slice(0, 500)}` }],
        })
      }
    })
  })
}
