/**
 * Measures, per engine at its default settings, whether a cookie set first-party reaches the same
 * site framed by another site: `SameSite=None; Secure` on http://localhost (a secure context),
 * framed from http://127.0.0.1. That is what Google's session cookie meets in the renewal iframe.
 * Prints one row per engine; it reports, it does not pass or fail.
 *   npx tsx test/tools/probe-third-party-cookies.ts
 */
import { createServer } from 'node:http'
import { launchChromium } from '../engines/chromium-engine.ts'
import type { Engine } from '../engines/engine.ts'
import { findFirefox, findWebKitPrograms } from '../engines/engine-programs.ts'
import { launchFirefox } from '../engines/firefox-engine.ts'
import { launchWebKit } from '../engines/webkit-engine.ts'

const PORT = 4620
const seen = new Map<string, boolean>()
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://probe.invalid')
  if (url.pathname === '/set') {
    res.setHeader('Set-Cookie', [
      'secure=1; SameSite=None; Secure; Path=/; Max-Age=600',
      // WebKitGTK does not count http://localhost as secure for cookies: the same without Secure.
      'plain=1; SameSite=None; Path=/; Max-Age=600',
    ])
  } else if (url.pathname === '/check') {
    const as = url.searchParams.get('as') ?? ''
    for (const name of ['secure', 'plain']) {
      seen.set(`${as} ${name}`, new RegExp(`(^|; )${name}=1`).test(req.headers.cookie ?? ''))
    }
  } else if (url.pathname === '/frame') {
    res.setHeader('Content-Type', 'text/html')
    res.end(`<iframe src="http://localhost:${PORT}/check?as=framed"></iframe>`)
    return
  }
  res.setHeader('Content-Type', 'text/plain')
  res.end('ok')
})
await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve))

const launchers: [string, () => Promise<Engine>][] = [
  ['chromium (Playwright context)', launchChromium],
  ['firefox', () => launchFirefox(findFirefox() ?? '/usr/bin/firefox-esr')],
  ['webkit', () => launchWebKit(findWebKitPrograms(), { driverPort: 4611 })],
]
console.log(
  '| engine | `Secure` cookie kept top-level | sent to the cross-site iframe | without `Secure`: kept | sent to the iframe |\n|---|---|---|---|---|',
)
for (const [label, launch] of launchers) {
  const engine = await launch()
  const session = await engine.newSession()
  const tab = await session.newTab()
  seen.clear()
  await tab.goto(`http://localhost:${PORT}/set`)
  await tab.goto(`http://localhost:${PORT}/check?as=top`)
  await tab.goto(`http://127.0.0.1:${PORT}/frame`)
  const deadline = Date.now() + 5000
  while (!seen.has('framed secure') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100))
  const show = (value: boolean | undefined) =>
    value === undefined ? 'no request' : value ? 'yes' : 'no'
  const cells = ['top secure', 'framed secure', 'top plain', 'framed plain'].map((k) =>
    show(seen.get(k)),
  )
  console.log(`| ${label} ${engine.version} | ${cells.join(' | ')} |`)
  await session.close()
  await engine.close()
}
server.close()
