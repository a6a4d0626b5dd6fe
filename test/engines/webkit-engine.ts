import { spawn, type ChildProcess } from 'node:child_process'
import type { Engine, EngineTab } from './engine.ts'
import { waitUntil } from './engine.ts'
import { WebDriverSession } from './webdriver-client.ts'

export interface WebKitPrograms {
  driver: string
  miniBrowser: string
  xvfb: string
}

/** Where WebKitWebDriver listens (a second user, such as the cookie probe, picks another). */
export interface WebKitPlaces {
  driverPort: number
}

/**
 * Starts Xvfb on a display it picks itself (`-displayfd`): a display number fixed in advance can
 * be held by another Xvfb, or look held because a killed one left its socket behind.
 */
async function startXvfb(xvfb: string): Promise<{ child: ChildProcess; display: string }> {
  const child = spawn(
    xvfb,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    },
  )
  const output = child.stdio[3]
  if (!output) throw new Error('Xvfb gave no display pipe')
  const display = await new Promise<string>((resolve, reject) => {
    let text = ''
    output.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      if (text.includes('\n')) resolve(`:${text.trim()}`)
    })
    child.once('exit', (code) => {
      reject(new Error(`Xvfb exited (${String(code)}) before naming its display`))
    })
  })
  return { child, display }
}

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver, under its own Xvfb display. Each session is a
 * MiniBrowser of its own (nothing shared); tabs are WebDriver windows.
 */
export async function launchWebKit(
  programs: WebKitPrograms,
  { driverPort }: WebKitPlaces = { driverPort: 4610 },
): Promise<Engine> {
  const children: ChildProcess[] = []
  const stop = () => {
    for (const child of children.reverse()) child.kill('SIGTERM')
  }
  try {
    const { child: xvfb, display } = await startXvfb(programs.xvfb)
    children.push(xvfb)
    children.push(
      spawn(programs.driver, [`--port=${driverPort}`, '--host=127.0.0.1'], {
        stdio: 'ignore',
        env: { ...process.env, DISPLAY: display },
      }),
    )
    const driverUrl = `http://127.0.0.1:${driverPort}`
    await waitUntil('WebKitWebDriver', async () => (await fetch(`${driverUrl}/status`)).ok)
    const capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: programs.miniBrowser, args: ['--automation'] },
    }
    const probe = await WebDriverSession.create(driverUrl, capabilities)
    await probe.session.delete()
    return {
      name: 'webkit',
      version: `WebKitGTK ${String(probe.capabilities.browserVersion)}`,
      newSession: async () => {
        const { session } = await createSessionRetryingOnce(driverUrl, capabilities)
        let firstWindow: string | undefined = await session.currentWindow()
        const newTab = async (): Promise<EngineTab> => {
          const handle = firstWindow ?? (await session.newWindow()).handle
          firstWindow = undefined
          const use = () => session.useWindow(handle)
          return {
            goto: async (url) => {
              await use()
              await session.navigate(url)
            },
            reload: async () => {
              await use()
              await session.refresh()
            },
            url: async () => {
              await use()
              return session.url()
            },
            evaluate: async <T>(body: string) => {
              await use()
              return session.execute<T>(`return (async () => {${body}})()`)
            },
            click: async (xpath) => {
              await use()
              let id = ''
              await waitUntil(xpath, async () => {
                id = await session.findElement(xpath)
                return true
              })
              await session.clickElement(id)
            },
            addInitScript: () => Promise.resolve(false),
          }
        }
        return { newTab, close: () => session.delete().then(() => undefined) }
      },
      close: () => {
        stop()
        return Promise.resolve()
      },
    }
  } catch (error: unknown) {
    stop()
    throw error
  }
}

/**
 * WebKitWebDriver now and then drops the connection of a new session while the previous
 * MiniBrowser is still closing (seen on a loaded 2-core machine): one more try, a second later.
 */
async function createSessionRetryingOnce(
  driverUrl: string,
  capabilities: Record<string, unknown>,
): ReturnType<typeof WebDriverSession.create> {
  try {
    return await WebDriverSession.create(driverUrl, capabilities)
  } catch (error: unknown) {
    if (!(error instanceof TypeError)) throw error // an answer from the driver: no retry
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    return WebDriverSession.create(driverUrl, capabilities)
  }
}
