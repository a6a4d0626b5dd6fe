import { describe, expect, it, vi } from 'vitest'
import { Generation } from '../../../packages/static-signin/src/session/generation.ts'
import {
  readEpochFromState,
  SignOutEpoch,
} from '../../../packages/static-signin/src/session/sign-out-epoch.ts'

describe('SignOutEpoch', () => {
  it('is shared by every tab of the browser: one tab’s sign-out is the other’s too', () => {
    const a = new SignOutEpoch(localStorage, 'client')
    const b = new SignOutEpoch(localStorage, 'client')
    expect(a.read()).toBe(0)
    const first = b.advance()
    expect(first).toBeGreaterThanOrEqual(Date.now() - 1000) // at least the time of the sign-out
    expect(a.read()).toBe(first)
    const second = a.advance()
    expect(second).toBeGreaterThan(first)
    expect(b.read()).toBe(second)
  })

  it('never goes back, whatever storage holds, and puts the order back when storage was cleared', () => {
    const epoch = new SignOutEpoch(localStorage, 'client')
    const known = epoch.advance()
    localStorage.setItem('static-signin.epoch:client', 'junk')
    expect(epoch.read()).toBe(known)
    localStorage.clear() // the person cleared the site's data while this tab stayed open
    expect(epoch.read()).toBe(known)
    expect(localStorage.getItem('static-signin.epoch:client')).toBe(String(known))
  })

  it('orders a sign-out in a tab opened after storage was cleared after an older tab’s count', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const old = new SignOutEpoch(localStorage, 'client')
    const olderSession = old.advance()
    localStorage.clear()
    vi.setSystemTime(Date.now() + 1000)
    const fresh = new SignOutEpoch(localStorage, 'client').advance()
    expect(fresh).toBeGreaterThan(olderSession)
    vi.useRealTimers()
  })

  it('keeps counting where storage refuses', () => {
    const refusing = {
      getItem: vi.fn(() => {
        throw new DOMException('denied', 'SecurityError')
      }),
      setItem: vi.fn(() => {
        throw new DOMException('denied', 'SecurityError')
      }),
    } as unknown as Storage
    const alone = new SignOutEpoch(refusing, 'client')
    const epoch = alone.advance()
    expect(epoch).toBeGreaterThan(0)
    expect(alone.read()).toBe(epoch)
  })

  it.each([
    [{ returnTo: '/', epoch: 3 }, 3],
    [{ returnTo: '/' }, 0],
    [{ epoch: -1 }, 0],
    [{ epoch: 1.5 }, 0],
    [{ epoch: '4' }, 0],
    [undefined, 0],
  ])('reads the epoch a sign-in request carried: %j → %i', (state, epoch) => {
    expect(readEpochFromState(state)).toBe(epoch)
  })
})

describe('Generation', () => {
  it('lives until it ends, or until a sign-out anywhere overtakes its epoch', () => {
    const generation = new Generation(2)
    expect(generation.isLive(2)).toBe(true)
    expect(generation.isLive(3)).toBe(false)
    generation.end()
    expect(generation.isLive(2)).toBe(false)
  })
})
