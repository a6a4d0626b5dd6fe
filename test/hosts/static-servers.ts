/**
 * Real static servers for the sub-path build, each run from the file deploy/ renders with only
 * this machine's root and port: Debian's nginx and Caddy, and Python's http.server — a plain
 * server with no fallback and no headers at all, like GitHub Pages' missing ones.
 */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { mkdirSync, openSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import type { HostingRules } from '../../packages/static-signin/src/hosting/hosting-rules.ts'
import {
  renderCaddyfile,
  renderNginxServer,
} from '../../packages/static-signin/src/hosting/server-files.ts'
import { firstExisting, type DebianNeed } from '../tools/debian-packages.ts'

export type StaticServerName = 'nginx' | 'caddy' | 'plain'

export interface StaticServerSpec {
  name: StaticServerName
  /** The Debian package that provides it. */
  pkg: string
  port: number
  /** Sends the security and cache headers of hosting-rules.ts (the plain server sends none). */
  hasHeaders: boolean
  /** Answers unknown paths with the app's 404.html (the plain server with its own page). */
  hasAppNotFound: boolean
}

export const STATIC_SERVERS: StaticServerSpec[] = [
  { name: 'nginx', pkg: 'nginx', port: 4281, hasHeaders: true, hasAppNotFound: true },
  { name: 'caddy', pkg: 'caddy', port: 4282, hasHeaders: true, hasAppNotFound: true },
  { name: 'plain', pkg: 'python3', port: 4283, hasHeaders: false, hasAppNotFound: false },
]

export const SERVER_PACKAGES: DebianNeed[] = [
  {
    pkg: 'nginx',
    find: firstExisting('/usr/sbin/nginx'),
    purpose: 'a real static server for the sub-path tests',
    elsewhere: 'Elsewhere: install nginx so that /usr/sbin/nginx exists',
  },
  {
    pkg: 'caddy',
    find: firstExisting('/usr/bin/caddy'),
    purpose: 'a real static server for the sub-path tests',
    elsewhere: 'Elsewhere: install Caddy 2 so that /usr/bin/caddy exists',
  },
  {
    pkg: 'python3',
    find: firstExisting('/usr/bin/python3', '/usr/local/bin/python3'),
    purpose: 'http.server, a plain static server with no fallback',
    elsewhere: 'Elsewhere: install Python 3 so that /usr/bin/python3 exists',
  },
]

/** nginx and Caddy may be missing where they cannot be installed: their tests are skipped. */
export const OPTIONAL_SERVER_PACKAGES = SERVER_PACKAGES.filter((need) => need.pkg !== 'python3')

/**
 * nginx started as root hands its workers to an unprivileged user (nobody), who cannot read a
 * checkout in a private folder (mode 0700, or root's home) and answers 403. The workers must read
 * the files as the user who runs the tests; started by anyone else, nginx cannot switch user and
 * needs no directive.
 */
function renderNginxUser(): string {
  if (process.getuid?.() !== 0) return ''
  const { username } = userInfo()
  const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim()
  return `user ${username} ${group};\n`
}

/** Starts one server over `root` (which holds the build at `rules.base`); returns the process. */
export function startStaticServer(
  spec: StaticServerSpec,
  rules: HostingRules,
  root: string,
  workDir: string,
): ChildProcess {
  const dir = resolve(workDir, spec.name)
  mkdirSync(dir, { recursive: true })
  const site = { root: resolve(root), listen: `127.0.0.1:${spec.port}` }
  // Each server's own output goes to <workDir>/<name>/server.log, named when it exits early.
  const log = openSync(join(dir, 'server.log'), 'w')
  const options: SpawnOptions = { stdio: ['ignore', log, log] }
  if (spec.name === 'nginx') {
    // The server block exactly as deploy/ renders it, in the smallest main config around it.
    writeFileSync(join(dir, 'static-signin.conf'), renderNginxServer(rules, site))
    const temp = (name: string) => `${name}_temp_path ${join(dir, `${name}-temp`)};`
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off;
${renderNginxUser()}worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log stderr warn;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    include ${join(dir, 'static-signin.conf')};
}
`,
    )
    return spawn(
      '/usr/sbin/nginx',
      ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', 'stderr'],
      options,
    )
  }
  if (spec.name === 'caddy') {
    writeFileSync(
      join(dir, 'Caddyfile'),
      renderCaddyfile(rules, { ...site, listen: `http://${site.listen}` }),
    )
    return spawn(
      '/usr/bin/caddy',
      ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'],
      {
        ...options,
        // Caddy keeps its state under $HOME; keep it in the work folder. Its admin API stays on
        // localhost:2019 as in the shipped file.
        env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
      },
    )
  }
  return spawn(
    'python3',
    ['-m', 'http.server', String(spec.port), '--bind', '127.0.0.1', '--directory', resolve(root)],
    options,
  )
}
