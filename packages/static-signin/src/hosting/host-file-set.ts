import type { HostingRules } from './hosting-rules.ts'
import {
  renderCloudFrontPolicy,
  renderFirebaseJson,
  renderGitHubPagesWorkflow,
  renderHeadersFile,
  renderS3Upload,
  renderStaticWebAppConfig,
  renderVercelJson,
} from './host-files.ts'
import { renderCaddyfile, renderHtaccess, renderNginxServer } from './server-files.ts'

/** Where the committed nginx and Caddy files expect the site: edit these two lines for yours. */
export const EXAMPLE_SITE = { root: '/srv/static-signin', listen: '8080' }

/** Every host file, by its path in deploy/. */
export function describeHostFiles(
  rules: HostingRules,
  publicFiles: string[],
): Record<string, string> {
  return {
    'netlify-cloudflare/_headers': renderHeadersFile(rules, publicFiles),
    'vercel/vercel.json': renderVercelJson(rules),
    'firebase/firebase.json': renderFirebaseJson(rules),
    'azure/staticwebapp.config.json': renderStaticWebAppConfig(rules),
    'nginx/static-signin.conf': renderNginxServer(rules, EXAMPLE_SITE),
    'caddy/Caddyfile': renderCaddyfile(rules, { ...EXAMPLE_SITE, listen: 'app.example.com' }),
    'apache/.htaccess': renderHtaccess(rules),
    's3-cloudfront/response-headers-policy.json': renderCloudFrontPolicy(rules),
    's3-cloudfront/upload.sh': renderS3Upload(rules),
    'github-pages/pages.yml': renderGitHubPagesWorkflow(),
  }
}
