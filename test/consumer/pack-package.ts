import { cpSync, readdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cleanEnv } from './consumer-env.ts'
import { HarnessStepError, runStep } from './run-step.ts'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const PACKAGE_DIR = join(REPO_ROOT, 'packages', 'static-signin')

/**
 * `npm pack` of packages/static-signin, tarball into `workDir`. It packs a copy of the package's
 * folder (without dist/): `npm pack` runs the package's prepack, which builds dist/ afresh, and in
 * the copy that build writes nothing into the repository, so this works for a user who may not
 * write there and beside a running app that reads the package. The copy's node_modules is a link
 * to the repository's, where the build finds TypeScript as in place.
 */
export async function packPackage(workDir: string, isVerbose: boolean): Promise<string> {
  const copy = join(workDir, 'static-signin')
  cpSync(PACKAGE_DIR, copy, {
    recursive: true,
    filter: (source) => !/[/\\](dist|node_modules)$|\.tsbuildinfo$/.test(source),
  })
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir')
  await runStep('npm pack', 'npm', ['pack', '--pack-destination', workDir], {
    cwd: copy,
    env: cleanEnv(),
    isVerbose,
  })
  const tarball = readdirSync(workDir).find((name) => /^static-signin-.+\.tgz$/.test(name))
  if (!tarball)
    throw new HarnessStepError(`consumer harness: npm pack wrote no tarball in ${workDir}`)
  return join(workDir, tarball)
}
