import { defineConfig } from '@playwright/test'
import type { EngineOptions } from './test/e2e/engines/engine-fixtures.ts'
import { findChromium } from './test/tools/find-chromium.ts'
import { googleArgs, LOCAL_ARGS } from './test/e2e/browser-args.ts'
import { ensureTestCertificate } from './test/google/certificate.ts'
import {
  APP_ORIGIN,
  APP_PORT,
  CONSUMER_APP_ORIGIN,
  GOOGLE_APP_ORIGIN,
  PROVIDER_PORT,
  RT_APP_ORIGIN,
  RT_APP_PORT,
  RT_PROVIDER_PORT,
} from './test/e2e/ports.ts'

export default defineConfig<EngineOptions>({
  testDir: 'test/e2e',
  // One provider, one app: tests share them, so they run one at a time (2 cores here anyway).
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_JSON_REPORT
    ? [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT }]]
    : [['list']],
  use: {
    baseURL: APP_ORIGIN,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: findChromium(), args: LOCAL_ARGS },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /(google|engines)\// },
    // The engine matrix: the same scenarios, driver-neutral (test/engines/), in each engine.
    ...(['chromium', 'firefox', 'webkit'] as const).map((engineName) => ({
      name: `engine-${engineName}`,
      testMatch: /engines\/.*\.spec\.ts$/,
      use: { engineName },
    })),
    {
      // The Google build, unchanged, against the HTTPS stand-in for Google's hostnames.
      name: 'google',
      testMatch: /google\/.*\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        baseURL: GOOGLE_APP_ORIGIN,
        launchOptions: {
          executablePath: findChromium(),
          args: googleArgs(ensureTestCertificate().spkiHash),
        },
      },
    },
  ],
  webServer: [
    {
      // A larger header limit lets the static server take the two-megabyte callback a test sends.
      command:
        'node --max-http-header-size=4194304 --import tsx test/provider/start.ts --local --test-controls',
      url: `${APP_ORIGIN}/`,
      env: {
        APP_PORT: String(APP_PORT),
        PROVIDER_PORT: String(PROVIDER_PORT),
        APP_OUT_DIR: '.e2e/dist',
        // The consumer app (test/consumer/) signs in against this provider too.
        EXTRA_APP_ORIGINS: CONSUMER_APP_ORIGIN,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
    {
      command: 'tsx test/provider/start.ts --local --test-controls --refresh-tokens',
      url: `${RT_APP_ORIGIN}/`,
      env: {
        APP_PORT: String(RT_APP_PORT),
        PROVIDER_PORT: String(RT_PROVIDER_PORT),
        APP_OUT_DIR: '.e2e/dist-refresh-tokens',
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
    {
      command: 'tsx test/google/start.ts',
      url: `${GOOGLE_APP_ORIGIN}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
    {
      // The app built at a sub-path, served as is by nginx, Caddy and a plain static server.
      command: 'tsx test/hosts/start-hosts.ts',
      url: 'http://127.0.0.1:4283/some/path/',
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'pipe',
    },
    {
      // The packed package in a fresh app outside the repository, checked, built and served.
      // A failed step is reported by test/e2e/consumer-app.spec.ts; the other specs still run.
      command: 'tsx test/consumer/serve-consumer.ts',
      url: `${CONSUMER_APP_ORIGIN}/`,
      env: { CONSUMER_HARNESS_REPORT: '1' },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'pipe',
      // SIGTERM lets the harness remove its temporary folder (node_modules included).
      gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    },
    {
      // A build with no client configured: it must show its setup page, never a blank one.
      command:
        'vite build --outDir .e2e/dist-unconfigured --logLevel error && vite preview --outDir .e2e/dist-unconfigured --port 4275 --strictPort',
      url: 'http://127.0.0.1:4275/',
      env: { VITE_OIDC_CLIENT_ID: '', VITE_OIDC_CLIENT_SECRET: '', VITE_OIDC_ISSUER: '' },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
  ],
})
