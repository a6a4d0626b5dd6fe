// The README's API section lists every export of each entry point, and nothing else: this test
// reads the entries' runtime exports (import *) and their type-only exports (the entry files'
// `export type` lists), and names what the table misses, what it lists that is not exported, and
// any row whose kind says type for a value or the other way round.
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import * as core from 'static-signin'
import * as react from 'static-signin/react'
import * as testing from 'static-signin/testing'
import * as vite from 'static-signin/vite'
import { listEntryPoints, PACKAGE_DIR, readPackageJson } from './package-paths.ts'
import { readApiTable } from './read-api-table.ts'
import { readEntryExports } from './read-entry-exports.ts'

const MODULES: Record<string, object> = {
  'static-signin': core,
  'static-signin/react': react,
  'static-signin/testing': testing,
  'static-signin/vite': vite,
}
const entries = listEntryPoints(readPackageJson())
const table = readApiTable(join(PACKAGE_DIR, 'README.md'))

const sorted = (names: Iterable<string>) => [...names].sort()
const minus = (a: Iterable<string>, b: Iterable<string>) => {
  const drop = new Set(b)
  return sorted([...a].filter((name) => !drop.has(name)))
}

test('the README has one API table per entry point of the exports map', () => {
  expect(sorted(table.keys())).toEqual(sorted(entries.map((e) => e.name)))
  expect(sorted(Object.keys(MODULES))).toEqual(sorted(entries.map((e) => e.name)))
})

describe.each(entries)('$name', ({ name, source }) => {
  const parsed = readEntryExports(source)
  const values = Object.keys(MODULES[name] ?? {})
  const rows = table.get(name) ?? []

  test('re-exports by name only, so every export is read', () => {
    expect(parsed.unread).toEqual([])
    // The parse and the module agree on the runtime exports.
    expect(sorted(parsed.values)).toEqual(sorted(values))
  })

  test('the table lists exactly its exports, each once, with its kind', () => {
    const listed = rows.map((row) => row.name)
    const listedTypes = rows.filter((row) => row.kind === 'type').map((row) => row.name)
    const listedValues = rows.filter((row) => row.kind !== 'type').map((row) => row.name)
    const exported = [...values, ...parsed.types]
    expect({
      'exported but not in the table': minus(exported, listed),
      'in the table but not exported': minus(listed, exported),
      'listed twice': sorted(listed.filter((n, i) => listed.indexOf(n) !== i)),
      'a value listed as a type': sorted(listedTypes.filter((n) => values.includes(n))),
      'a type listed as a value': sorted(listedValues.filter((n) => parsed.types.includes(n))),
    }).toEqual({
      'exported but not in the table': [],
      'in the table but not exported': [],
      'listed twice': [],
      'a value listed as a type': [],
      'a type listed as a value': [],
    })
  })
})
