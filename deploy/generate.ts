/**
 * `npm run deploy-files [-- --base=/some/path/] [--out=DIR]`: writes every host's file from
 * packages/static-signin/src/config/hosting-rules.ts. With no VITE_OIDC_* configuration it renders Google's (the files
 * committed in deploy/); otherwise the configured issuer's, as `npm run build` would.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { loadEnv } from 'vite'
import {
  describeHostFiles,
  describeHostingRules,
  GOOGLE_ISSUER,
  isServableBase,
  readConfig,
  SILENT_RENEW_FILE,
} from 'static-signin/vite'
import { PAGE_PATHS } from '../src/pages-list.ts'

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [name = '', value = ''] = arg.replace(/^--/, '').split('=')
    return [name, value]
  }),
)
const base = args.get('base') ?? '/'
const outDir = args.get('out') ?? 'deploy'
if (!isServableBase(base)) {
  console.error(`--base=${base}: use "/" or a path such as "/some/path/" ("/" at both ends).`)
  process.exit(1)
}
const result = readConfig({ ...loadEnv('production', process.cwd(), 'VITE_'), ...process.env })
const issuer = result.ok ? result.config.issuer : GOOGLE_ISSUER
// The files with fixed names, revalidated on every use: public/ and the renewal page the plugin writes.
const fixedFiles = [...readdirSync('public'), SILENT_RENEW_FILE]
const files = describeHostFiles(describeHostingRules(issuer, base, PAGE_PATHS), fixedFiles)
for (const [path, text] of Object.entries(files)) {
  const target = join(outDir, path)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, text)
  console.log(`wrote ${target}`)
}
console.log(`for issuer ${issuer}, base ${base}`)
