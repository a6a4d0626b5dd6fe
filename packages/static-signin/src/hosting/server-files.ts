/**
 * The web servers' files (nginx, Caddy, Apache), rendered from hosting/hosting-rules.ts like
 * the platforms' in host-files.ts. nginx and Caddy run from these in the end-to-end tests.
 */
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, type HostingRules } from './hosting-rules.ts'
import { GENERATED } from './host-files.ts'

/** Where a server finds the files, and where it listens. */
export interface ServerSite {
  /** The folder that holds the build at the base path: `<root><base>index.html`. */
  root: string
  /** nginx `listen` / Caddy site address. */
  listen: string
}

/** An nginx `server` block. nginx drops inherited add_header lines in a location that has its own. */
export function renderNginxServer(rules: HostingRules, site: ServerSite): string {
  const headers = (cache: string) =>
    [...Object.entries(rules.securityHeaders), ['Cache-Control', cache]]
      .map(([name, value]) => `        add_header ${name} "${value}" always;`)
      .join('\n')
  return `# ${GENERATED}
# Include it in the http block (conf.d/ or sites-enabled/). No try_files, no fallback:
# every page is a file, and anything else is answered 404 with the app's 404.html.
server {
    listen ${site.listen};
    root ${site.root};
    index index.html;
    # "${rules.base}account" answers 301 to "${rules.base}account/" on the host and port the browser used.
    absolute_redirect off;
    server_tokens off;
    error_page 404 ${rules.notFound};

    location ${rules.hashedPrefix} {
${headers(CACHE_IMMUTABLE)}
    }

    location / {
${headers(CACHE_REVALIDATE)}
    }
}
`
}

/** A Caddyfile site. Errors are answered by their own route, so it sends the headers again. */
export function renderCaddyfile(rules: HostingRules, site: ServerSite): string {
  const headers = Object.entries(rules.securityHeaders)
    .map(([name, value]) => `\t\t${name} "${value}"`)
    .join('\n')
  return `# ${GENERATED}
# No try_files, no fallback: every page is a file; anything else gets the app's 404.html.
(static_signin_headers) {
\theader {
${headers}
\t\t-Server
\t}
}

${site.listen} {
\troot * ${site.root}
\timport static_signin_headers
\t@hashed path ${rules.hashedPrefix}*
\theader @hashed Cache-Control "${CACHE_IMMUTABLE}"
\t@revalidated not path ${rules.hashedPrefix}*
\theader @revalidated Cache-Control "${CACHE_REVALIDATE}"
\tfile_server

\thandle_errors {
\t\t@notFound expression {err.status_code} == 404
\t\thandle @notFound {
\t\t\timport static_signin_headers
\t\t\theader Cache-Control "${CACHE_REVALIDATE}"
\t\t\trewrite * ${rules.notFound}
\t\t\tfile_server
\t\t}
\t}
}
`
}

/** Apache `.htaccess` (in the published folder; needs mod_headers and AllowOverride FileInfo). */
export function renderHtaccess(rules: HostingRules): string {
  const headers = Object.entries(rules.securityHeaders)
    .map(([name, value]) => `  Header always set ${name} "${value}"`)
    .join('\n')
  return `# ${GENERATED}
Options -Indexes
DirectoryIndex index.html
ErrorDocument 404 ${rules.notFound}
<IfModule mod_headers.c>
${headers}
  Header always set Cache-Control "${CACHE_REVALIDATE}"
  <If "%{REQUEST_URI} =~ m#^${rules.hashedPrefix}#">
    Header always set Cache-Control "${CACHE_IMMUTABLE}"
  </If>
</IfModule>
`
}
