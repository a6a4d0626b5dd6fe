/**
 * The few W3C WebDriver commands the engine scenarios use (https://www.w3.org/TR/webdriver2/),
 * over fetch. WebKitGTK's WebKitWebDriver speaks only classic WebDriver; the npm clients for it
 * (webdriverio, webdriver) bring browser and driver downloaders that cannot work offline.
 */
export class WebDriverSession {
  readonly #base: string
  #window: string | undefined

  private constructor(base: string) {
    this.#base = base
  }

  static async create(driverUrl: string, capabilities: Record<string, unknown>) {
    const value = await send<{ sessionId: string; capabilities: Record<string, unknown> }>(
      'POST',
      `${driverUrl}/session`,
      { capabilities: { alwaysMatch: capabilities } },
    )
    return {
      session: new WebDriverSession(`${driverUrl}/session/${value.sessionId}`),
      capabilities: value.capabilities,
    }
  }

  /** Every later command goes to this window (tab). */
  async useWindow(handle: string): Promise<void> {
    if (this.#window === handle) return
    await this.command('POST', '/window', { handle })
    this.#window = handle
  }

  currentWindow = () => this.command<string>('GET', '/window')
  newWindow = () => this.command<{ handle: string }>('POST', '/window/new', { type: 'tab' })
  navigate = (url: string) => this.command('POST', '/url', { url })
  refresh = () => this.command('POST', '/refresh', {})
  url = () => this.command<string>('GET', '/url')
  /** Runs a function body; a returned promise is awaited (WebDriver §13.2). */
  execute = <T>(body: string) =>
    this.command<T>('POST', '/execute/sync', { script: body, args: [] })

  async findElement(xpath: string): Promise<string> {
    const element = await this.command<Record<string, string>>('POST', '/element', {
      using: 'xpath',
      value: xpath,
    })
    const id = Object.values(element)[0]
    if (id === undefined) throw new Error(`no element id for ${xpath}`)
    return id
  }

  clickElement = (id: string) => this.command('POST', `/element/${id}/click`, {})
  delete = () => this.command('DELETE', '')

  command<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return send<T>(method, `${this.#base}${path}`, body)
  }
}

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  const json = (await response.json()) as { value: T & { error?: string; message?: string } }
  if (!response.ok) {
    throw new Error(
      `WebDriver ${method} ${new URL(url).pathname}: ${json.value.error ?? ''} ${json.value.message ?? ''}`,
    )
  }
  return json.value
}
