import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  chooseCacheControl,
  describeHostingRules,
  type HostingRules,
} from '../../../packages/static-signin/src/hosting/hosting-rules.ts'
import { GOOGLE_ISSUER } from '../../../packages/static-signin/src/google/metadata.ts'
import { describeHostFiles } from '../../../packages/static-signin/src/hosting/host-file-set.ts'
import {
  renderCloudFrontPolicy,
  renderFirebaseJson,
  renderHeadersFile,
  renderStaticWebAppConfig,
  renderVercelJson,
} from '../../../packages/static-signin/src/hosting/host-files.ts'
import { SILENT_RENEW_FILE } from '../../../packages/static-signin/src/hosting/silent-renew-page.ts'
import { PAGE_PATHS } from '../../../src/pages-list.ts'

type Headers = Record<string, string>
/** Files with fixed names: public/ and the renewal page static-signin's plugin writes. */
const PUBLIC_FILES = [...readdirSync('public'), SILENT_RENEW_FILE]

/** One path of every kind a build serves, under the base. */
function samplePaths(rules: HostingRules): string[] {
  return [
    ...rules.pages,
    ...rules.pages.map((page) => `${page}index.html`),
    rules.notFound,
    ...PUBLIC_FILES.map((file) => `${rules.base}${file}`),
    `${rules.hashedPrefix}index-B4GRWaL3.js`,
    `${rules.hashedPrefix}roboto-latin-500-normal-7RbcRiD8.woff2`,
  ]
}

/** What a host must send for `path`: the security headers and its one cache rule. */
const expected = (rules: HostingRules, path: string): Headers => ({
  ...rules.securityHeaders,
  'Cache-Control': chooseCacheControl(rules, path),
})

/** `**` any depth, `*` one segment, `(.*)` any: the subset of each host's syntax rendered here. */
function toRegExp(pattern: string, syntax: 'glob' | 'vercel' | 'splat'): RegExp {
  if (syntax === 'vercel') return new RegExp(`^${pattern}$`)
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  const body =
    syntax === 'glob'
      ? escaped.replace(/\*\*/g, '§§').replace(/\*/g, '[^/]*').replace(/§§/g, '.*')
      : escaped.replace(/\*$/, '.*')
  return new RegExp(`^${body}$`)
}

/** Netlify and Cloudflare Pages: every matching rule applies; a header set twice is joined. */
function netlifyHeaders(file: string, path: string): Headers {
  const result: Headers = {}
  let matches = false
  for (const line of file.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue
    if (!line.startsWith(' ')) {
      matches = toRegExp(line, 'splat').test(path)
      continue
    }
    if (!matches) continue
    const [name = '', ...value] = line.trim().split(': ')
    result[name] =
      result[name] === undefined ? value.join(': ') : `${result[name]}, ${value.join(': ')}`
  }
  return result
}

interface SourceRule {
  source: string
  headers: { key: string; value: string }[]
}

/** Vercel: every matching rule applies (the rendered sources never overlap on a header). */
function vercelHeaders(config: { headers: SourceRule[] }, path: string): Headers {
  const result: Headers = {}
  for (const rule of config.headers) {
    if (!toRegExp(rule.source, 'vercel').test(path)) continue
    for (const { key, value } of rule.headers) {
      expect(result[key], `${key} set twice for ${path}`).toBeUndefined()
      result[key] = value
    }
  }
  return result
}

/** Firebase Hosting: every matching rule applies, the last one wins (firebase-tools #9467). */
function firebaseHeaders(config: { hosting: { headers: SourceRule[] } }, path: string): Headers {
  const result: Headers = {}
  for (const rule of config.hosting.headers) {
    if (!toRegExp(rule.source, 'glob').test(path)) continue
    for (const { key, value } of rule.headers) result[key] = value
  }
  return result
}

/** Azure Static Web Apps: global headers, overridden by the first matching route's. */
function azureHeaders(
  config: { globalHeaders: Headers; routes: { route: string; headers: Headers }[] },
  path: string,
): Headers {
  const route = config.routes.find((r) => toRegExp(r.route, 'splat').test(path))
  return { ...config.globalHeaders, ...route?.headers }
}

describe.each([
  ['at the site root', '/'],
  ['at a sub-path', '/some/path/'],
])('host files %s', (_, base) => {
  const rules = describeHostingRules(GOOGLE_ISSUER, base, PAGE_PATHS)
  const paths = samplePaths(rules)

  it.each(paths)('Netlify/Cloudflare _headers give %s its headers, each once', (path) => {
    expect(netlifyHeaders(renderHeadersFile(rules, PUBLIC_FILES), path)).toEqual(
      expected(rules, path),
    )
  })

  it.each(paths)('vercel.json gives %s its headers', (path) => {
    const config = JSON.parse(renderVercelJson(rules)) as {
      headers: SourceRule[]
      trailingSlash: boolean
    }
    expect(config.trailingSlash).toBe(true)
    expect(vercelHeaders(config, path)).toEqual(expected(rules, path))
  })

  it.each(paths)('firebase.json gives %s its headers', (path) => {
    const config = JSON.parse(renderFirebaseJson(rules)) as {
      hosting: { headers: SourceRule[]; public: string; trailingSlash: boolean; rewrites?: unknown }
    }
    expect(config.hosting).toMatchObject({ public: 'dist', trailingSlash: true })
    expect(config.hosting.rewrites).toBeUndefined()
    expect(firebaseHeaders(config, path)).toEqual(expected(rules, path))
  })

  it.each(paths)('staticwebapp.config.json gives %s its headers', (path) => {
    const config = JSON.parse(renderStaticWebAppConfig(rules)) as Parameters<
      typeof azureHeaders
    >[0] & {
      responseOverrides: Record<string, { rewrite: string }>
      navigationFallback?: unknown
    }
    expect(config.navigationFallback).toBeUndefined()
    expect(config.responseOverrides['404']?.rewrite).toBe(rules.notFound)
    expect(azureHeaders(config, path)).toEqual(expected(rules, path))
  })
})

describe('the CloudFront response headers policy', () => {
  it('carries exactly the security headers (Cache-Control comes from the S3 upload)', () => {
    const rules = describeHostingRules(GOOGLE_ISSUER, '/', PAGE_PATHS)
    const policy = JSON.parse(renderCloudFrontPolicy(rules)) as {
      SecurityHeadersConfig: {
        ContentSecurityPolicy: { ContentSecurityPolicy: string }
        FrameOptions: { FrameOption: string }
        ReferrerPolicy: { ReferrerPolicy: string }
        ContentTypeOptions: { Override: boolean }
      }
      CustomHeadersConfig: { Quantity: number; Items: { Header: string; Value: string }[] }
    }
    const security = policy.SecurityHeadersConfig
    const sent: Headers = {
      'Content-Security-Policy': security.ContentSecurityPolicy.ContentSecurityPolicy,
      'X-Frame-Options': security.FrameOptions.FrameOption,
      'Referrer-Policy': security.ReferrerPolicy.ReferrerPolicy,
      ...(security.ContentTypeOptions.Override ? { 'X-Content-Type-Options': 'nosniff' } : {}),
      ...Object.fromEntries(policy.CustomHeadersConfig.Items.map((i) => [i.Header, i.Value])),
    }
    expect(sent).toEqual(rules.securityHeaders)
    expect(policy.CustomHeadersConfig.Quantity).toBe(policy.CustomHeadersConfig.Items.length)
  })
})

describe('deploy/', () => {
  const committed = describeHostFiles(
    describeHostingRules(GOOGLE_ISSUER, '/', PAGE_PATHS),
    PUBLIC_FILES,
  )

  it.each(Object.keys(committed))(
    '%s is what `npm run deploy-files` renders for Google',
    (path) => {
      expect(readFileSync(join('deploy', path), 'utf8')).toBe(committed[path])
    },
  )

  it('uploads hashed assets before the pages that point at them, each with its cache rule', () => {
    const script = committed['s3-cloudfront/upload.sh'] ?? ''
    const assets = script.indexOf('sync dist/assets/')
    const pages = script.indexOf('sync dist/ ')
    expect(assets).toBeGreaterThan(0)
    expect(pages).toBeGreaterThan(assets)
    expect(script.slice(assets, pages)).toContain('public, max-age=31536000, immutable')
    expect(script.slice(pages)).toContain('--cache-control "no-cache"')
    expect(script).toContain('--error-document 404.html')
  })

  it('builds GitHub Pages at the repository’s sub-path and says what Pages cannot send', () => {
    const workflow = committed['github-pages/pages.yml'] ?? ''
    expect(workflow).toContain('npm run build -- --base=/${{ github.event.repository.name }}/')
    expect(workflow).toContain('frame-ancestors')
    expect(workflow).toContain('other sites can frame the')
  })
})
