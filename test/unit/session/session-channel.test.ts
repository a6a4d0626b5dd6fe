import { describe, expect, it } from 'vitest'
import {
  SessionChannel,
  type SessionMessage,
} from '../../../packages/static-signin/src/session/session-channel.ts'

describe('SessionChannel', () => {
  it('delivers well-formed messages to the other tabs and ignores anything else', async () => {
    const sender = new SessionChannel('test-channel')
    const receiver = new SessionChannel('test-channel')
    const raw = new BroadcastChannel('test-channel')
    const received: SessionMessage[] = []
    const stop = receiver.listen((message) => received.push(message))

    raw.postMessage({ type: 'steal-tokens' })
    raw.postMessage('signed-out')
    raw.postMessage(null)
    raw.postMessage({ type: 'signed-out' }) // no epoch
    raw.postMessage({ type: 'signed-out', epoch: -1 })
    raw.postMessage({ type: 'signed-out', epoch: '2' })
    raw.postMessage({ type: 'signed-in', epoch: 0, name: 42 })
    raw.postMessage({ type: 'signed-in', epoch: 0, name: 'x'.repeat(201) })
    sender.post({ type: 'signed-in', epoch: 0 })
    sender.post({ type: 'signed-in', epoch: 0, name: 'Ada <b>Lovelace</b>' })
    sender.post({ type: 'signed-out', epoch: 1 })
    await expect.poll(() => received.length).toBe(3)
    expect(received).toEqual([
      { type: 'signed-in', epoch: 0 },
      { type: 'signed-in', epoch: 0, name: 'Ada <b>Lovelace</b>' },
      { type: 'signed-out', epoch: 1 },
    ])

    stop()
    sender.post({ type: 'signed-in', epoch: 1 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(received).toHaveLength(3)
    raw.close()
  })
})
