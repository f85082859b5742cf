import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/**
 * Runs npm in `cwd`, where it reads the app's and the user's configuration
 * (registry, scopes, auth tokens); a failure becomes an Error carrying npm's
 * own summary instead of its whole log.
 */
export async function runNpm(args: string[], cwd: string) {
  try {
    const { stdout } = await execFileAsync('npm', [...args, '--json'], {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
    })
    return stdout
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(npmFailure(stdout, stderr) ?? (error as Error).message)
  }
}

/** Log lines npm adds around the one that says what went wrong. */
const NOISE =
  /^(?:(?:code|errno|syscall|path|dest) |\d{3}$|A complete log|Log files were not written)/

/**
 * What says why npm failed: the summary and detail of its `--json` error, or
 * else its first meaningful "npm error" line; with npm's error code.
 */
export function npmFailure(stdout: string, stderr: string): string | null {
  try {
    const { error } = JSON.parse(stdout)
    if (error?.summary) {
      // The detail's first line names the package when the summary only has its URL.
      const detail = typeof error.detail === 'string' ? error.detail.split('\n')[0].trim() : ''
      const message = detail
        ? `${error.summary}${error.summary.endsWith('.') ? '' : ':'} ${detail}`
        : error.summary
      return error.code ? `${message} (${error.code})` : message
    }
  } catch {
    // Not JSON: read the log lines below.
  }
  const lines = stderr
    .split('\n')
    .map((line) => /^npm (?:error|ERR!) (.*)$/.exec(line.trim())?.[1]?.trim())
    .filter((line): line is string => Boolean(line))
  const code = lines.map((line) => /^code (\S+)$/.exec(line)?.[1]).find(Boolean)
  const message = lines.find((line) => !NOISE.test(line))
  if (!message) return null
  return code ? `${message} (${code})` : message
}
