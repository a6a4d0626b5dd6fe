/**
 * What the test suites need from Debian, found or installed on demand: as root on a Debian-like
 * system `apt-get install`s the missing packages; anywhere else, says exactly what to install.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** A finder for the first of these paths that exists. */
export const firstExisting =
  (...paths: string[]) =>
  (): string | undefined =>
    paths.find((path) => existsSync(path))

export interface DebianNeed {
  /** Debian package name. */
  pkg: string
  /** Finds the installed program; undefined when it is missing. */
  find: () => string | undefined
  /** What it is for, in the message when it cannot be had. */
  purpose: string
  /** How to point the suite at a copy installed elsewhere. */
  elsewhere: string
}

/** Every need's program, installing the missing ones; exits with a clear message when it can't. */
export function ensureDebianPackages(needs: DebianNeed[]): string[] {
  const missing = needs.filter((need) => need.find() === undefined)
  if (missing.length > 0) install(missing)
  return needs.map((need) => {
    const found = need.find()
    if (found === undefined)
      explainAndExit(missing, 'the packages installed, but a program is still missing.')
    return found
  })
}

function install(missing: DebianNeed[]): void {
  const names = missing.map((need) => need.pkg)
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    explainAndExit(missing, 'not found, and this is not a Debian-like system.')
  }
  if (process.getuid?.() !== 0) explainAndExit(missing, 'not found, and installing needs root.')
  console.log(`Installing the Debian packages ${names.join(', ')} (a minute or two)…`)
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    execFileSync('apt-get', ['install', '-y', '-qq', ...names], {
      stdio: 'inherit',
      env,
    })
  } catch {
    explainAndExit(missing, 'apt-get could not install them.')
  }
}

function explainAndExit(missing: DebianNeed[], reason: string): never {
  const names = missing.map((need) => need.pkg).join(' ')
  console.error(`\nThe tests need ${missing.map((n) => `${n.pkg} (${n.purpose})`).join(', ')}: ${reason}
  - On Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y ${names}
${missing.map((need) => `  - ${need.elsewhere}`).join('\n')}\n`)
  process.exit(1)
}
