import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The package's README: the consumer app's code is taken from it, verbatim. */
export const PACKAGE_README = join(import.meta.dirname, '../../packages/static-signin/README.md')

/** The quickstart's files, each named by its block's first-line comment. */
export const QUICKSTART_FILES = ['vite.config.ts', 'src/App.tsx'] as const
/** The test kit's example test, named the same way, in the section on static-signin/testing. */
export const EXAMPLE_TEST_FILE = 'src/App.test.tsx'
/** Issue 21: "a quickstart of at most 20 lines of code". */
export const QUICKSTART_LINE_BUDGET = 20

/** A fenced code block whose first line is a `// path` comment: a file for the reader's app. */
export interface ReadmeFile {
  path: string
  /** The block as written, first-line comment included, with a final newline. */
  text: string
  /** Its non-blank lines, first-line comment included: what the line budget counts. */
  lines: number
}

const SECTION = /^## (.+)$/
const FENCE = '```'
const PATH_COMMENT = /^\/\/ ([\w./-]+\.(?:ts|tsx))\s*$/

/**
 * Every fenced code block of the README that names its file on its first line (`// src/App.tsx`),
 * by the `## ` section it is in. A block without such a line is an excerpt, not a file: skipped.
 */
export function readReadmeFiles(markdown: string): Map<string, ReadmeFile[]> {
  const sections = new Map<string, ReadmeFile[]>()
  let section = ''
  let block: string[] | undefined
  for (const line of markdown.split('\n')) {
    if (block) {
      if (line.startsWith(FENCE)) {
        const path = PATH_COMMENT.exec(block[0] ?? '')?.[1]
        if (path !== undefined && !path.split('/').includes('..')) {
          const files = sections.get(section) ?? []
          files.push({
            path,
            text: `${block.join('\n')}\n`,
            lines: block.filter((l) => l.trim() !== '').length,
          })
          sections.set(section, files)
        }
        block = undefined
      } else block.push(line)
      continue
    }
    const heading = SECTION.exec(line)
    if (heading?.[1] !== undefined) section = heading[1]
    else if (line.startsWith(FENCE)) block = []
  }
  return sections
}

export interface ConsumerSources {
  /** The quickstart's files, by path: written into the fresh app as they are. */
  quickstart: ReadmeFile[]
  /** The test kit's example test: the fresh app's unit test. */
  exampleTest: ReadmeFile
  /** The quickstart's lines of code (non-blank, across its files). */
  quickstartLines: number
}

/**
 * The consumer app's code as the README gives it: the quickstart's files and the test kit's
 * example test. Throws, naming what is missing, when the README lacks one of them.
 */
export function readConsumerSources(markdown: string): ConsumerSources {
  const sections = readReadmeFiles(markdown)
  const quickstart = sections.get('Quickstart') ?? []
  const missing: string[] = QUICKSTART_FILES.filter(
    (path) => !quickstart.some((f) => f.path === path),
  )
  const exampleTest = sections
    .get('Test your components')
    ?.find((f) => f.path === EXAMPLE_TEST_FILE)
  if (!exampleTest) missing.push(`${EXAMPLE_TEST_FILE} (section "Test your components")`)
  if (!exampleTest || missing.length > 0)
    throw new Error(
      `The package README lacks the code block(s) the consumer app is written from, each a fenced block whose first line is "// <path>": ${missing.join(', ')}`,
    )
  return {
    quickstart,
    exampleTest,
    quickstartLines: quickstart.reduce((sum, file) => sum + file.lines, 0),
  }
}

export function readPackageReadme(): ConsumerSources {
  return readConsumerSources(readFileSync(PACKAGE_README, 'utf8'))
}
