// static-signin/vite: the build side (Node). The Vite plugin, and the pieces it is made of, for
// hosts it does not write files for (nginx, Caddy, Vercel, Firebase, CloudFront…).

export { staticSignin, type StaticSigninOptions } from './static-signin-plugin.ts'
export {
  describeHostingRules,
  chooseCacheControl,
  isServableBase,
  DEFAULT_PAGES,
  NOT_FOUND_FILE,
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  type HostingRules,
} from '../hosting/hosting-rules.ts'
export { describeHostFiles, EXAMPLE_SITE } from '../hosting/host-file-set.ts'
export {
  buildContentSecurityPolicy,
  buildSecurityHeaders,
  describeProviderOrigins,
  type ProviderOrigins,
} from '../hosting/security-headers.ts'
export { SILENT_RENEW_FILE, SILENT_RENEW_HTML } from '../hosting/silent-renew-page.ts'
export {
  BOOT_SCRIPT,
  BOOT_SCRIPT_HASH,
  BOOT_STYLE,
  BOOT_STYLE_HASH,
  SILENT_RENEW_SCRIPT_HASH,
  renderBootTags,
} from '../config/boot.ts'
export { readConfig, type ConfigEnv, type ConfigResult } from '../config/read-config.ts'
export { GOOGLE_ISSUER } from '../google/metadata.ts'
