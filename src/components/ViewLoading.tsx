import { StatusMessage } from './StatusMessage.tsx'

/** While the signed-in views load, or if they could not be loaded. */
export function ViewLoading({ hasFailed }: { hasFailed: boolean }) {
  return (
    <StatusMessage>
      {hasFailed ? 'This page could not be loaded. Check your connection and reload.' : 'Loading…'}
    </StatusMessage>
  )
}
