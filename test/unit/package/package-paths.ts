import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The package's folder, from this file (test/unit/package/). */
export const PACKAGE_DIR = join(import.meta.dirname, '../../../packages/static-signin')

interface ExportTarget {
  'static-signin:source'?: string
  types?: string
  default?: string
}

export interface PackageJson {
  name: string
  main?: string
  types?: string
  exports: Record<string, ExportTarget | string>
}

export function readPackageJson(): PackageJson {
  return JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as PackageJson
}

/** Each entry point ("static-signin", "static-signin/react", …) and its source file. */
export function listEntryPoints(pkg: PackageJson): { name: string; source: string }[] {
  return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
    if (typeof target === 'string') return [] // ./package.json
    const source = target['static-signin:source']
    if (source === undefined) throw new Error(`exports["${subpath}"] has no source condition`)
    return [{ name: join(pkg.name, subpath), source: join(PACKAGE_DIR, source) }]
  })
}
