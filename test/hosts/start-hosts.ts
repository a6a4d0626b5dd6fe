/**
 * The static-host suite's world (test/e2e/static-hosts.spec.ts): one local provider, the app
 * built at a sub-path against it, and that build served as is — no rewrite, no fallback — by
 * nginx, Caddy and a plain static server (static-servers.ts). Prints "Hosts ready" when all answer.
 */
import type { ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import { describeHostingRules } from 'static-signin/vite'
import { PAGE_PATHS } from '../../src/pages-list.ts'
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from '../provider/local-client.ts'
import { startLocalProvider } from '../provider/start-provider.ts'
import { describeMissingTools } from '../tools/missing-tools.ts'
import { HOSTS_BASE, HOSTS_PROVIDER_PORT, HOSTS_WORK_DIR } from './hosts-world.ts'
import { STATIC_SERVERS, startStaticServer } from './static-servers.ts'

// A server that could not be installed here is not started; static-hosts.spec.ts skips its tests.
const servers = STATIC_SERVERS.filter((spec) => describeMissingTools([spec.pkg]) === undefined)
const children: ChildProcess[] = []
const provider = await startLocalProvider({
  port: HOSTS_PROVIDER_PORT,
  appOrigins: STATIC_SERVERS.map((server) => `http://127.0.0.1:${server.port}`),
  basePath: HOSTS_BASE,
  clientId: LOCAL_CLIENT_ID,
  clientSecret: LOCAL_CLIENT_SECRET,
  hasRefreshTokens: false,
  tokenTtlSeconds: 3600,
  hasTestControls: true,
})
const stop = async (code: number) => {
  for (const child of children) child.kill('SIGTERM')
  await provider.close()
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))

Object.assign(process.env, {
  VITE_OIDC_ISSUER: provider.issuer,
  VITE_OIDC_CLIENT_ID: LOCAL_CLIENT_ID,
  VITE_OIDC_CLIENT_SECRET: LOCAL_CLIENT_SECRET,
  VITE_OIDC_REFRESH_TOKENS: '',
  VITE_LOCAL_PROVIDER: '1',
})
const root = join(HOSTS_WORK_DIR, 'www')
rmSync(HOSTS_WORK_DIR, { recursive: true, force: true })
// Private, as a checkout in root's home or a `mktemp -d` folder is: every server must read the
// files as the user who runs the tests (static-servers.ts), wherever the repository is cloned.
mkdirSync(HOSTS_WORK_DIR, { recursive: true })
chmodSync(HOSTS_WORK_DIR, 0o700)
// The build lands at <root><base>, as it would be uploaded under that path.
await build({ logLevel: 'warn', base: HOSTS_BASE, build: { outDir: join(root, HOSTS_BASE) } })
const rules = describeHostingRules(provider.issuer, HOSTS_BASE, PAGE_PATHS)
for (const spec of servers) {
  const child = startStaticServer(spec, rules, root, HOSTS_WORK_DIR)
  child.once('exit', (code) => {
    console.error(
      `${spec.name} exited (${String(code)}): see ${join(HOSTS_WORK_DIR, spec.name, 'server.log')}`,
    )
    void stop(1)
  })
  children.push(child)
}
await waitForServers()
console.log(`Hosts ready: ${servers.map((s) => `${s.name} :${s.port}`).join(', ')}`)

async function waitForServers(): Promise<void> {
  const deadline = Date.now() + 20_000
  for (const spec of servers) {
    for (;;) {
      try {
        await fetch(`http://127.0.0.1:${spec.port}${HOSTS_BASE}`)
        break
      } catch {
        if (Date.now() > deadline) throw new Error(`${spec.name} did not start on ${spec.port}`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
  }
}
