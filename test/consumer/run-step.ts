import { spawn } from 'node:child_process'

/** A step of the consumer harness that failed: what ran, where, and the end of what it printed. */
export class HarnessStepError extends Error {
  override name = 'HarnessStepError'
}

export interface StepOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  /** Prints the step's output as it comes (else only on failure). */
  isVerbose?: boolean
}

const TAIL_CHARS = 4000

/**
 * Runs one command of the harness to its end. Resolves with its output and duration; rejects with
 * a HarnessStepError that names the step, the command, the folder and the exit status, with the
 * last lines the command printed.
 */
export function runStep(
  label: string,
  command: string,
  args: string[],
  options: StepOptions,
): Promise<{ output: string; ms: number }> {
  const started = Date.now()
  console.log(`consumer: ${label}: ${[command, ...args].join(' ')}`)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      if (options.isVerbose) process.stdout.write(chunk)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.once('error', (error) => {
      reject(new HarnessStepError(`${label} could not start ${command}: ${error.message}`))
    })
    child.once('close', (code, signal) => {
      const ms = Date.now() - started
      if (code === 0) {
        resolve({ output, ms })
        return
      }
      const status = signal ? `signal ${signal}` : `exit code ${String(code)}`
      reject(
        new HarnessStepError(
          `consumer harness: ${label} failed (${status}).\n  command: ${[command, ...args].join(' ')}\n  in: ${options.cwd}\n--- last output ---\n${output.slice(-TAIL_CHARS)}`,
        ),
      )
    })
  })
}
