import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { checkBudget, measureConsumer, type BundleFigures } from './bundle-budget.ts'
import { cleanEnv, LOCAL_PROVIDER_ENV } from './consumer-env.ts'
import { packPackage, REPO_ROOT } from './pack-package.ts'
import { readPackageReadme } from './readme-files.ts'
import { HarnessStepError, runStep } from './run-step.ts'

const TEMPLATE_DIR = join(REPO_ROOT, 'test', 'consumer', 'app')
const PLAIN_DIR = join(REPO_ROOT, 'test', 'consumer', 'plain')
/** npm as the issue asks: the cache first (warm from this repository's install), no extras. */
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund']

export interface ConsumerApp {
  /** The app, in app/ of the folder the harness was given. */
  appDir: string
  tarball: string
  figures: BundleFigures
  /** Each step's duration, in milliseconds. */
  timings: Record<string, number>
}

/**
 * Proves the package outside this repository: packs it, writes a fresh app into `workDir` (a
 * folder outside the repository) the way the README tells a newcomer to: what `npm create vite`
 * gives (test/consumer/app: package.json, index.html, tsconfig.json, src/main.tsx), then the
 * README's quickstart files and its test kit example test, verbatim, and the `.env.local` of the
 * local provider. It installs the tarball and the template's dependencies with npm, and there
 * type-checks it against the packed types, runs its unit test (the README's example test), builds
 * it for the local provider, builds the same app without static-signin, and checks what the
 * package adds to the bundle against its budget. Throws a HarnessStepError that
 * says which step failed and why.
 */
export async function prepareConsumer(workDir: string, isVerbose = false): Promise<ConsumerApp> {
  const appDir = join(workDir, 'app')
  // Read first: a README without the blocks fails at once, not after npm pack.
  const readme = readPackageReadme()
  const timings: Record<string, number> = {}
  const step = async (label: string, command: string, args: string[], cwd = appDir) => {
    timings[label] = (await runStep(label, command, args, { cwd, env: cleanEnv(), isVerbose })).ms
  }

  const packStarted = Date.now()
  const tarball = await packPackage(workDir, isVerbose)
  timings['npm pack'] = Date.now() - packStarted

  cpSync(TEMPLATE_DIR, appDir, {
    recursive: true,
    filter: (source) => !/[/\\](dist|node_modules)$/.test(source),
  })
  for (const file of [...readme.quickstart, readme.exampleTest]) {
    mkdirSync(dirname(join(appDir, file.path)), { recursive: true })
    writeFileSync(join(appDir, file.path), file.text)
  }
  cpSync(PLAIN_DIR, join(appDir, 'plain'), { recursive: true })
  // The same page as the consumer's, its script beside it: the comparison differs only in code.
  const page = readFileSync(join(TEMPLATE_DIR, 'index.html'), 'utf8')
  const plainPage = page.replace('src="/src/main.tsx"', 'src="./main.tsx"')
  if (plainPage === page)
    throw new Error('test/consumer/app/index.html no longer loads /src/main.tsx')
  writeFileSync(join(appDir, 'plain', 'index.html'), plainPage)
  // What a newcomer puts in .env.local for the local provider (the README's configuration).
  writeFileSync(
    join(appDir, '.env.local'),
    Object.entries(LOCAL_PROVIDER_ENV)
      .map(([name, value]) => `${name}=${value}\n`)
      .join(''),
  )

  await step('npm install', 'npm', ['install', ...NPM_FLAGS, tarball])
  await step('typecheck', 'npx', ['tsc', '--noEmit'])
  await step('unit test', 'npx', ['vitest', 'run'])
  await step('vite build', 'npx', ['vite', 'build'])
  const plainDist = join(workDir, 'dist-plain')
  await step('plain build', 'npx', [
    'vite',
    'build',
    'plain',
    '--outDir',
    plainDist,
    '--emptyOutDir',
  ])

  const figures = measureConsumer(join(appDir, 'dist'), plainDist)
  const over = checkBudget(figures)
  if (over.length > 0)
    throw new HarnessStepError(`consumer harness: over budget:\n  ${over.join('\n  ')}`)
  return { appDir, tarball, figures, timings }
}
