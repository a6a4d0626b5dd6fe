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

/** Debian's Chromium, headless, unable to reach anything but this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  })
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
