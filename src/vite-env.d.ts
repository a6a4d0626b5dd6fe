/// <reference types="vite/client" />

/** The build-time configuration, validated by readConfig() in vite.config.ts. */
declare const __APP_CONFIG__: import('static-signin').ConfigResult

interface ImportMetaEnv {
  readonly VITE_OIDC_ISSUER?: string
  readonly VITE_OIDC_CLIENT_ID?: string
  readonly VITE_OIDC_CLIENT_SECRET?: string
  readonly VITE_OIDC_SCOPE?: string
  readonly VITE_OIDC_REFRESH_TOKENS?: string
  readonly VITE_LOCAL_PROVIDER?: string
}
