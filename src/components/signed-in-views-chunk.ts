// The one entry of the lazily loaded chunk: every view that only a person who has been signed in
// in this tab can see. One dynamic import, so the chunk is one request, not one per view.
export { SignedInView } from './SignedInView.tsx'
export { ProfileCard } from './ProfileCard.tsx'
export { RenewalNotice } from './RenewalNotice.tsx'
export { ContinueNotice } from './ContinueNotice.tsx'
export { SessionEndedNotice } from './SessionEndedNotice.tsx'
export { SignOutNotice } from './SignOutNotice.tsx'
