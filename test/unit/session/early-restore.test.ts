import { ErrorResponse } from 'oidc-client-ts'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BOOT_SCRIPT } from '../../../packages/static-signin/src/config/boot.ts'
import {
  EARLY_RESTORE_GLOBAL,
  EarlyRestore,
  EarlyRestoreUnanswered,
} from '../../../packages/static-signin/src/session/early-restore.ts'
import { PREPARE_EARLY_RESTORE_AFTER_MS } from '../../../packages/static-signin/src/session/session-keeper.ts'
import { RECHECK_IFRAME_AFTER_MS } from '../../../packages/static-signin/src/session/restore-path.ts'
import { AuthError } from '../../../packages/static-signin/src/oidc/auth-error.ts'
import { Deferred, SUB, type FakeKeptManager } from './fake-kept-manager.ts'
import { setUpKeeperHarness } from './keeper-harness.ts'

// The early restore (issue 22): a reload's silent sign-in opened by the boot script, before the
// scripts; the keeper redeems its answer through every check, or drops it.

const KEY = 'static-signin.early-restore:client'
const harness = setUpKeeperHarness()
let manager: FakeKeptManager

beforeEach(() => {
  ;({ manager } = harness)
  document.head.replaceChildren()
  // As the plugin writes it, for this app's client ID.
  document.head.insertAdjacentHTML(
    'beforeend',
    '<meta name="sign-in-engine" content="/assets/engine.js" data-client="client" />',
  )
  Reflect.deleteProperty(window, EARLY_RESTORE_GLOBAL)
  window.history.replaceState(null, '', '/')
})

const flush = () => vi.advanceTimersByTimeAsync(0)
const forget = (state: string) => manager.discardPendingSignin(state)
const always = () => true
/** This tab's early restore, its requests made and forgotten by the fake manager. */
const newEarly = (create = (hint: string) => manager.createEarlyRestoreRequest(hint)) =>
  new EarlyRestore(sessionStorage, 'client', window, { create, forget })

/** A request kept by the page before, with its state in the library's store, as prepare leaves them. */
function keep(kept = record()): void {
  sessionStorage.setItem(KEY, JSON.stringify(kept))
  sessionStorage.setItem(`oidc.${kept.state}`, '{"request_type":"si:s:early"}')
}
const record = (loginHint = SUB, url = 'https://provider.test/auth?prompt=none') => ({
  url,
  state: 'early-0',
  loginHint,
})

/** Runs the page's boot script, as the page's first script. */
function boot(): void {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the fixed text the page runs
  ;(new Function(BOOT_SCRIPT) as () => void)()
}

/** What the boot script left, and the frame it opened. */
const handoff = () =>
  (
    window as unknown as Record<string, { frame: HTMLIFrameElement; response?: string } | undefined>
  )[EARLY_RESTORE_GLOBAL]

/** silent-renew.html's message, from `source`, as that page posts it. */
function post(source: Window | null, url: string, origin = window.location.origin): void {
  window.dispatchEvent(
    new MessageEvent('message', {
      data: { source: 'oidc-client', url, keepOpen: false },
      origin,
      source,
    }),
  )
}

describe('the boot script', () => {
  it('opens the prepared request once, in a hidden frame, and keeps only its own frame’s answer', () => {
    localStorage.setItem('static-signin.hint:client', `${SUB} 0`)
    keep()
    boot()
    const frame = document.head.querySelector('iframe')
    expect(frame?.getAttribute('src')).toBe('https://provider.test/auth?prompt=none')
    expect(frame?.getAttribute('aria-hidden')).toBe('true')
    expect(sessionStorage.getItem(KEY)).toBeNull() // taken once: a second load does not reuse it
    const other = document.createElement('iframe')
    document.body.append(other)
    post(other.contentWindow, 'https://app.test/silent-renew.html?code=forged&state=early-0')
    post(frame?.contentWindow ?? null, 'http://elsewhere.test/?code=x', 'http://elsewhere.test')
    expect(handoff()?.response).toBeUndefined()
    post(
      frame?.contentWindow ?? null,
      'http://localhost:3000/silent-renew.html?code=c&state=early-0',
    )
    expect(handoff()?.response).toBe('http://localhost:3000/silent-renew.html?code=c&state=early-0')
    other.remove()
  })

  it.each<[string, () => void]>([
    ['no session hint', () => undefined],
    [
      'a callback',
      () => {
        localStorage.setItem('static-signin.hint:client', SUB)
        window.history.replaceState(null, '', '/?code=c&state=s')
      },
    ],
    [
      'only another client’s session (two apps on one origin)',
      () => {
        localStorage.setItem('static-signin.hint:other', SUB)
      },
    ],
  ])('opens nothing with %s', (_, arrange) => {
    keep()
    arrange()
    boot()
    expect(document.head.querySelector('iframe')).toBeNull()
    expect(handoff()).toBeUndefined()
  })

  it.each<[string, string, boolean]>([
    ['offline', 'https://provider.test/auth?prompt=none', false],
    ['a URL that is not http(s)', 'javascript:alert(1)', true],
  ])(
    '%s, takes the request but opens nothing; the engine then forgets its state',
    async (_, url, isOnline) => {
      localStorage.setItem('static-signin.hint:client', SUB)
      keep(record(SUB, url))
      const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(isOnline)
      boot()
      onLine.mockRestore()
      expect(sessionStorage.getItem(KEY)).toBeNull()
      expect(document.head.querySelector('iframe')).toBeNull()
      const early = newEarly()
      expect(early.take(SUB)).toBeUndefined()
      await early.discard()
      expect(manager.discardPendingSignin).toHaveBeenCalledWith('early-0')
    },
  )
})

describe('EarlyRestore: the next load’s request', () => {
  it('keeps one request per tab: a new one replaces the last, whose state goes', async () => {
    const early = newEarly()
    await early.prepare(SUB, always)
    const first = JSON.parse(sessionStorage.getItem(KEY) ?? '') as { state: string }
    await early.prepare(SUB, always)
    expect(manager.discardPendingSignin).toHaveBeenCalledWith(first.state)
    expect(JSON.parse(sessionStorage.getItem(KEY) ?? '')).toMatchObject({ loginHint: SUB })
    await early.forget()
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(manager.discardPendingSignin).toHaveBeenCalledTimes(2)
  })

  it('replaces the request an earlier page of this tab kept, forgetting its state', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ ...record(), state: 'from-the-last-page' }))
    const early = newEarly()
    await early.prepare(SUB, always)
    expect(manager.discardPendingSignin).toHaveBeenCalledWith('from-the-last-page')
  })

  it('prepares nothing on a page without the boot script for this client: nothing would open it', async () => {
    document.head.replaceChildren()
    await newEarly().prepare(SUB, always)
    expect(manager.createEarlyRestoreRequest).not.toHaveBeenCalled()
    expect(sessionStorage.getItem(KEY)).toBeNull()
  })

  it('keeps nothing when the session ended while the request was being made', async () => {
    const creating = new Deferred<{ url: string; state: string }>()
    const early = newEarly(() => creating.promise)
    const preparing = early.prepare(SUB, always)
    await early.forget() // signed out meanwhile
    creating.resolve({ url: 'https://provider.test/auth?prompt=none', state: 'late' })
    await preparing
    expect(sessionStorage.getItem(KEY)).toBeNull()
    expect(manager.discardPendingSignin).toHaveBeenCalledWith('late')
  })

  it('gives up once its frame has loaded without an answer', async () => {
    localStorage.setItem('static-signin.hint:client', SUB)
    keep()
    boot()
    const early = newEarly()
    const settled = expect(early.take(SUB)?.waitForResponse(5)).rejects.toBeInstanceOf(
      EarlyRestoreUnanswered,
    )
    // A page the app cannot read (the provider's, an error page): it may still move on.
    document.head.querySelector('iframe')?.dispatchEvent(new Event('load'))
    await vi.advanceTimersByTimeAsync(1400)
    document.head.querySelector('iframe')?.dispatchEvent(new Event('load')) // it did, once
    await vi.advanceTimersByTimeAsync(1400)
    expect(document.head.querySelector('iframe')).not.toBeNull()
    await vi.advanceTimersByTimeAsync(100)
    await settled
    expect(document.head.querySelector('iframe')).toBeNull()
    expect(manager.discardPendingSignin).toHaveBeenCalledWith('early-0')
  })

  it('takes an answer that comes just after its frame’s last page loaded', async () => {
    localStorage.setItem('static-signin.hint:client', SUB)
    keep()
    boot()
    const early = newEarly()
    const answer = early.take(SUB)?.waitForResponse(5)
    const frame = document.head.querySelector('iframe')
    frame?.dispatchEvent(new Event('load'))
    await vi.advanceTimersByTimeAsync(50)
    post(
      frame?.contentWindow ?? null,
      'http://localhost:3000/silent-renew.html?code=c&state=early-0',
    )
    await expect(answer).resolves.toBe(
      'http://localhost:3000/silent-renew.html?code=c&state=early-0',
    )
    expect(manager.discardPendingSignin).not.toHaveBeenCalled()
  })

  it('times out like the library’s iframe, and removes its frame', async () => {
    localStorage.setItem('static-signin.hint:client', SUB)
    keep()
    boot()
    const early = newEarly()
    expect(handoff()).toBeUndefined() // taken off the window
    const attempt = early.take(SUB)
    const answer = attempt?.waitForResponse(5)
    const settled = expect(answer).rejects.toMatchObject({ name: 'ErrorTimeout' })
    await vi.advanceTimersByTimeAsync(5000)
    await settled
    expect(document.head.querySelector('iframe')).toBeNull()
    expect(early.take(SUB)).toBeUndefined() // once
  })
})

describe('a reload with the boot script’s request', () => {
  function bootWith(loginHint: string): HTMLIFrameElement | null {
    harness.hint.write(SUB)
    keep(record(loginHint))
    boot()
    harness.earlyRestore = newEarly()
    return document.head.querySelector('iframe')
  }

  it('redeems its answer, opens no iframe of its own, and prepares the next load’s', async () => {
    const frame = bootWith(SUB)
    const keeper = harness.createKeeper()
    const restored = keeper.restoreOnce('/')
    await flush()
    expect(manager.signinSilentWith).toHaveBeenCalledOnce() // waiting for the frame's answer
    post(
      frame?.contentWindow ?? null,
      'http://localhost:3000/silent-renew.html?code=c&state=early-0',
    )
    await restored
    expect(manager.earlyRedeemed).toEqual([
      'http://localhost:3000/silent-renew.html?code=c&state=early-0',
    ])
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(keeper.getSnapshot()).toMatchObject({ phase: 'idle', lastTokens: { source: 'restore' } })
    await flush()
    // Not on the way to the person's name: a moment later.
    expect(manager.createEarlyRestoreRequest).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(PREPARE_EARLY_RESTORE_AFTER_MS)
    expect(manager.createEarlyRestoreRequest).toHaveBeenCalledWith(SUB)
    expect(JSON.parse(sessionStorage.getItem(KEY) ?? '')).toMatchObject({ loginHint: SUB })
  })

  it('drops a request for another account: its frame and its state go, and it restores the usual way', async () => {
    bootWith('someone-else')
    const keeper = harness.createKeeper()
    await keeper.restoreOnce('/')
    expect(manager.signinSilentWith).not.toHaveBeenCalled()
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    await flush()
    expect(document.head.querySelector('iframe')).toBeNull()
    expect(manager.discardPendingSignin).toHaveBeenCalledWith('early-0')
  })

  it('takes "no session at the provider" as the iframe’s answer: on to the top-level round trip', async () => {
    const frame = bootWith(SUB)
    manager.earlyOutcome = () => new ErrorResponse({ error: 'login_required' })
    const keeper = harness.createKeeper()
    const restored = keeper.restoreOnce('/')
    await flush()
    post(
      frame?.contentWindow ?? null,
      'http://localhost:3000/silent-renew.html?error=login_required&state=early-0',
    )
    await restored
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(manager.signinRedirect).toHaveBeenCalledOnce()
  })

  it('when its frame stops on a page without an answer, restores the usual way with the time left', async () => {
    const frame = bootWith(SUB)
    const keeper = harness.createKeeper()
    const restored = keeper.restoreOnce('/')
    await flush()
    frame?.dispatchEvent(new Event('load')) // an error page, say
    await vi.advanceTimersByTimeAsync(1500)
    await restored
    expect(manager.signinSilentWith).toHaveBeenCalledOnce()
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(manager.signinSilent.mock.calls[0]?.[0]).toMatchObject({
      silentRequestTimeoutInSeconds: 3, // 5, less the 2 (begun) seconds it waited
    })
    expect(manager.signinRedirect).not.toHaveBeenCalled()
    expect(keeper.getSnapshot()).toMatchObject({ lastTokens: { source: 'restore' } })
  })

  it('with too little time left for another try, ends as the library’s iframe would: it timed out', async () => {
    const frame = bootWith(SUB)
    const keeper = harness.createKeeper()
    const restored = keeper.restoreOnce('/')
    await flush()
    await vi.advanceTimersByTimeAsync(3000)
    frame?.dispatchEvent(new Event('load'))
    await vi.advanceTimersByTimeAsync(1500)
    await restored
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(manager.signinRedirect).toHaveBeenCalledOnce() // the timeout's way: one top-level try
    expect(manager.signinRedirect.mock.calls[0]?.[0]).toMatchObject({
      state: { learnsTopLevel: false }, // a timeout teaches nothing
    })
  })

  it('throws a refused answer as the library’s iframe would, and does not try again', async () => {
    const frame = bootWith(SUB)
    manager.earlyOutcome = () => new AuthError('issuer_mismatch', 'Another issuer answered.')
    const keeper = harness.createKeeper()
    const restored = keeper.restoreOnce('/')
    await flush()
    post(
      frame?.contentWindow ?? null,
      'http://localhost:3000/silent-renew.html?code=c&state=early-0',
    )
    await restored
    expect(manager.signinSilent).not.toHaveBeenCalled()
    expect(keeper.getSnapshot().startError).toMatchObject({ code: 'issuer_mismatch' })
  })

  it('restores the usual way when the boot script could not open it (its state swept), and forgets it', async () => {
    harness.hint.write(SUB)
    sessionStorage.setItem(KEY, JSON.stringify(record())) // its state not in the store
    boot()
    expect(document.head.querySelector('iframe')).toBeNull()
    harness.earlyRestore = newEarly()
    const keeper = harness.createKeeper()
    await keeper.restoreOnce('/')
    expect(manager.signinSilentWith).not.toHaveBeenCalled()
    expect(manager.signinSilent).toHaveBeenCalledOnce()
    expect(document.head.querySelector('iframe')).toBeNull()
    expect(keeper.getSnapshot()).toMatchObject({ lastTokens: { source: 'restore' } })
    await flush()
    expect(manager.discardPendingSignin).toHaveBeenCalledWith('early-0')
  })

  it('a sign-out in another tab forgets this tab’s next load’s request', async () => {
    harness.earlyRestore = newEarly()
    await harness.signedIn()
    await vi.advanceTimersByTimeAsync(PREPARE_EARLY_RESTORE_AFTER_MS)
    expect(sessionStorage.getItem(KEY)).not.toBeNull()
    harness.channel.deliver({ type: 'signed-out', epoch: harness.epochs.advance() })
    await flush()
    expect(sessionStorage.getItem(KEY)).toBeNull()
  })

  it('where the top-level path is needed, drops it before the page leaves, and prepares none', async () => {
    bootWith(SUB)
    harness.restorePaths.learnTopLevel(Date.now())
    const keeper = harness.createKeeper()
    await keeper.restoreOnce('/')
    expect(manager.signinRedirect).toHaveBeenCalledOnce()
    expect(document.head.querySelector('iframe')).toBeNull()
    expect(manager.discardPendingSignin).toHaveBeenCalledWith('early-0')
    // Before leaving: in a browser, the redirect's promise never settles.
    expect(manager.discardPendingSignin.mock.invocationCallOrder[0]).toBeLessThan(
      manager.signinRedirect.mock.invocationCallOrder[0] ?? 0,
    )
    await vi.advanceTimersByTimeAsync(PREPARE_EARLY_RESTORE_AFTER_MS)
    expect(manager.createEarlyRestoreRequest).not.toHaveBeenCalled()
    harness.restorePaths.learnTopLevel(Date.now() - RECHECK_IFRAME_AFTER_MS)
  })

  it('a sign-out forgets the next load’s request', async () => {
    harness.earlyRestore = newEarly()
    const keeper = await harness.signedIn()
    await vi.advanceTimersByTimeAsync(PREPARE_EARLY_RESTORE_AFTER_MS)
    expect(sessionStorage.getItem(KEY)).not.toBeNull()
    await keeper.signOut()
    expect(sessionStorage.getItem(KEY)).toBeNull()
  })
})

it('prepares nothing for a session that ended before the moment came', async () => {
  harness.earlyRestore = newEarly()
  const keeper = await harness.signedIn()
  await keeper.signOut()
  await vi.advanceTimersByTimeAsync(PREPARE_EARLY_RESTORE_AFTER_MS)
  expect(manager.createEarlyRestoreRequest).not.toHaveBeenCalled()
  expect(sessionStorage.getItem(KEY)).toBeNull()
})
