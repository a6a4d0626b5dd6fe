import { describe, expect, it } from 'vitest'
import { SessionHint } from '../../../packages/static-signin/src/session/session-hint.ts'

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
})
