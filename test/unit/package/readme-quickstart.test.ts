// The README's quickstart is the consumer app: the harness (test/consumer/prepare-consumer.ts)
// writes its files, and the test kit's example test, verbatim into a fresh Vite app. This test
// keeps the blocks it needs in the README, and the quickstart within issue 21's 20 lines of code.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import {
  EXAMPLE_TEST_FILE,
  PACKAGE_README,
  QUICKSTART_FILES,
  QUICKSTART_LINE_BUDGET,
  readConsumerSources,
  readPackageReadme,
} from '../../consumer/readme-files.ts'

test('the quickstart is at most 20 non-blank lines, its files’ path comments included', () => {
  const { quickstart, quickstartLines } = readPackageReadme()
  const counts = quickstart.map((file) => `${file.path}: ${String(file.lines)}`).join(', ')
  expect(quickstartLines, counts).toBeLessThanOrEqual(QUICKSTART_LINE_BUDGET)
})

test('the README has the quickstart files and the example test the consumer app is written from', () => {
  const { quickstart, exampleTest } = readPackageReadme()
  expect(quickstart.map((file) => file.path)).toEqual(expect.arrayContaining([...QUICKSTART_FILES]))
  expect(exampleTest.path).toBe(EXAMPLE_TEST_FILE)
  expect(exampleTest.text).toContain("from 'static-signin/testing'")
})

test('a README without one of those blocks is refused, naming it', () => {
  const readme = readFileSync(PACKAGE_README, 'utf8')
  expect(() => readConsumerSources(readme.replace('// src/App.tsx\n', ''))).toThrow(/src\/App\.tsx/)
  expect(() => readConsumerSources(readme.replace('// src/App.test.tsx\n', ''))).toThrow(
    /src\/App\.test\.tsx/,
  )
})
