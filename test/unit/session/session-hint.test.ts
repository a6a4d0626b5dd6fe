import { describe, expect, it } from 'vitest'
import { SessionHint } from '../../../packages/static-signin/src/session/session-hint.ts'
import { SignOutEpoch } from '../../../packages/static-signin/src/session/sign-out-epoch.ts'

describe('SessionHint', () => {
  it('keeps only the subject, per client, and forgets it', () => {
    const hint = new SessionHint(localStorage, 'client-a')
    expect(hint.read()).toBeUndefined()
    hint.write('110248495921238986420')
    expect(hint.read()).toBe('110248495921238986420')
    expect(new SessionHint(localStorage, 'client-b').read()).toBeUndefined()
    expect(Object.values(localStorage)).toEqual(['110248495921238986420'])
    hint.clear()
    expect(hint.read()).toBeUndefined()
  })

  it.each([[''], ['a b'], ['x'.repeat(256)], ['<script>']])(
    'ignores a stored value it would not have written: %j',
    (value) => {
      localStorage.setItem('static-signin.hint:client-a', value)
      const expected = value === '<script>' ? '<script>' : undefined
      expect(new SessionHint(localStorage, 'client-a').read()).toBe(expected)
    },
  )

  it('works without usable storage', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {
        throw new Error('SecurityError')
      },
    } as unknown as Storage
    const hint = new SessionHint(broken, 'client-a')
    expect(() => {
      hint.write('42')
      hint.clear()
    }).not.toThrow()
    expect(hint.read()).toBeUndefined()
  })

  it('a hint written for a session older than the last sign-out reads as none', () => {
    const epochs = new SignOutEpoch(localStorage, 'client-a')
    const hint = new SessionHint(localStorage, 'client-a', epochs)
    const before = epochs.read()
    hint.write('110248495921238986420') // this session, at the epoch now
    expect(hint.read()).toBe('110248495921238986420')
    epochs.advance() // a sign-out in some tab…
    hint.write('104927731800266411739', before) // …then a late write for a session from before it
    expect(hint.read()).toBeUndefined()
    expect(localStorage.getItem('static-signin.hint:client-a')).toBeNull() // and it is gone
    hint.write('104927731800266411739', epochs.read()) // a sign-in after the sign-out
    expect(hint.read()).toBe('104927731800266411739')
  })

  it('reads a hint written before it carried an epoch', () => {
    localStorage.setItem('static-signin.hint:client-a', '110248495921238986420')
    const hint = new SessionHint(
      localStorage,
      'client-a',
      new SignOutEpoch(localStorage, 'client-a'),
    )
    expect(hint.read()).toBe('110248495921238986420')
  })
})
