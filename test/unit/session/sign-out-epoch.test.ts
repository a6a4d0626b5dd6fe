import { describe, expect, it, vi } from 'vitest'
import { Generation } from '../../../src/session/generation.ts'
import { readEpochFromState, SignOutEpoch } from '../../../src/session/sign-out-epoch.ts'

describe('SignOutEpoch', () => {
  it('is shared by every tab of the browser: one tab’s sign-out is the other’s too', () => {
    const a = new SignOutEpoch(localStorage, 'client')
    const b = new SignOutEpoch(localStorage, 'client')
    expect(a.read()).toBe(0)
    expect(b.advance()).toBe(1)
    expect(a.read()).toBe(1)
    expect(a.advance()).toBe(2)
    expect(b.read()).toBe(2)
  })

  it('never goes back, whatever storage holds, and keeps counting where storage refuses', () => {
    const epoch = new SignOutEpoch(localStorage, 'client')
    epoch.advance()
    localStorage.setItem('static-signin.epoch:client', 'junk')
    expect(epoch.read()).toBe(1)
    localStorage.setItem('static-signin.epoch:client', '0')
    expect(epoch.read()).toBe(1)
    const refusing = {
      getItem: vi.fn(() => {
        throw new DOMException('denied', 'SecurityError')
      }),
      setItem: vi.fn(() => {
        throw new DOMException('denied', 'SecurityError')
      }),
    } as unknown as Storage
    const alone = new SignOutEpoch(refusing, 'client')
    expect(alone.advance()).toBe(1)
    expect(alone.read()).toBe(1)
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
    expect(generation.signal.aborted).toBe(true)
  })
})
