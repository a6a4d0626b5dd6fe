import { readFileSync } from 'node:fs'

export interface ApiRow {
  name: string
  kind: string
}

/**
 * The README's API section: under each "### `entry`" heading, a table whose rows start
 * "| `name` | kind |". Returns the rows by entry name.
 */
export function readApiTable(readmeFile: string): Map<string, ApiRow[]> {
  const tables = new Map<string, ApiRow[]>()
  let rows: ApiRow[] | undefined
  let isInApi = false
  for (const line of readFileSync(readmeFile, 'utf8').split('\n')) {
    if (line.startsWith('## ')) {
      isInApi = line === '## API'
      rows = undefined
      continue
    }
    if (!isInApi) continue
    const heading = /^### `([^`]+)`\s*$/.exec(line)
    if (heading?.[1] !== undefined) {
      rows = []
      tables.set(heading[1], rows)
      continue
    }
    const row = /^\|\s*`([^`]+)`\s*\|\s*([a-z]+)\s*\|/.exec(line)
    if (row?.[1] !== undefined && row[2] !== undefined && rows) {
      rows.push({ name: row[1], kind: row[2] })
    }
  }
  return tables
}
