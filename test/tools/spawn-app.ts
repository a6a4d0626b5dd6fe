import { spawn } from 'node:child_process'
import { chromium, type Browser } from '@playwright/test'
import { findChromium } from './find-chromium.ts'

export interface RunningApp {
  origin: string
  providerOrigin: string
  stop: () => void
}

/** Starts `npm start --local --test-controls` on its own ports, for benchmarks. */
export async function startLocalApp(
  appPort: number,
  providerPort: number,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const server = spawn('npx', ['tsx', 'test/provider/start.ts', '--local', '--test-controls'], {
    env: {
      ...process.env,
      APP_PORT: String(appPort),
      PROVIDER_PORT: String(providerPort),
      APP_OUT_DIR: `.e2e/bench-${appPort}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('App ready')) resolve()
    })
    server.once('exit', () => {
      reject(new Error('server exited'))
    })
  })
  return {
    origin: `http://127.0.0.1:${appPort}`,
    providerOrigin: `http://127.0.0.1:${providerPort}`,
    stop: () => process.kill(-(server.pid ?? 0), 'SIGTERM'),
  }
}

/**
 * Debian's Chromium, headless, unable to reach anything but this machine (127.0.0.1, and localhost
 * for an app that must be cross-site to a provider on 127.0.0.1). `hostMaps` ("MAP host ip:port")
 * come before that rule; `args` are added.
 */
export function launchChromium(
  options: { hostMaps?: string[]; args?: string[] } = {},
): Promise<Browser> {
  const rules = [
    ...(options.hostMaps ?? []),
    'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ]
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      `--host-resolver-rules=${rules.join(', ')}`,
      ...(options.args ?? []),
    ],
  })
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
