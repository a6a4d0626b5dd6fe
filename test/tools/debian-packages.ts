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

/** The needs still missing after an install was tried, and why they could not be installed. */
export interface Shortfall {
  missing: DebianNeed[]
  reason: string
}

/** Installs what is missing where this machine allows it; returns what is still missing, if any. */
export function installMissing(needs: DebianNeed[]): Shortfall | undefined {
  const missing = needs.filter((need) => need.find() === undefined)
  if (missing.length === 0) return undefined
  const reason = install(missing)
  const still = missing.filter((need) => need.find() === undefined)
  if (still.length === 0) return undefined
  return {
    missing: still,
    reason: reason ?? 'the packages installed, but a program is still missing',
  }
}

/** Every need's program, installing the missing ones; exits with a clear message when it can't. */
export function ensureDebianPackages(needs: DebianNeed[]): string[] {
  const shortfall = installMissing(needs)
  if (shortfall) {
    console.error(describeShortfall(shortfall))
    process.exit(1)
  }
  return needs.map((need) => need.find() ?? '')
}

/** Tries apt-get; returns why it could not, or undefined once it ran. */
function install(missing: DebianNeed[]): string | undefined {
  const names = missing.map((need) => need.pkg)
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    return 'not found, and this is not a Debian-like system'
  }
  if (process.getuid?.() !== 0) return 'not found, and installing needs root'
  console.log(`Installing the Debian packages ${names.join(', ')} (a minute or two)…`)
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    execFileSync('apt-get', ['install', '-y', '-qq', ...names], { stdio: 'inherit', env })
    return undefined
  } catch {
    return 'apt-get could not install them'
  }
}

/** What is missing, what for, and how to get it. */
export function describeShortfall({ missing, reason }: Shortfall): string {
  const names = missing.map((need) => need.pkg).join(' ')
  return `\nThe tests need ${missing.map((n) => `${n.pkg} (${n.purpose})`).join(', ')}: ${reason}.
  - On Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y ${names}
${missing.map((need) => `  - ${need.elsewhere}`).join('\n')}\n`
}
