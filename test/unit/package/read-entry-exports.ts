import { readFileSync } from 'node:fs'
import ts from 'typescript'

export interface EntryExports {
  values: string[]
  types: string[]
  /** Export forms this reader does not list (`export *`, `export const` …): an entry re-exports by name. */
  unread: string[]
}

/**
 * The names an entry file exports, from its `export { … } from` and `export type { … } from`
 * lists: a name is a type when its list or its specifier says `type`.
 */
export function readEntryExports(file: string): EntryExports {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const result: EntryExports = { values: [], types: [], unread: [] }
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause
      if (!clause || !ts.isNamedExports(clause)) {
        result.unread.push(statement.getText(source))
        continue
      }
      for (const element of clause.elements) {
        const list = statement.isTypeOnly || element.isTypeOnly ? result.types : result.values
        list.push(element.name.text)
      }
    } else if (
      ts.isExportAssignment(statement) ||
      (ts.canHaveModifiers(statement) &&
        ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    ) {
      result.unread.push(statement.getText(source).split('\n')[0] ?? '')
    }
  }
  return result
}
