// The silent_redirect_uri page oidc-client-ts's documentation describes.
import { UserManager } from 'oidc-client-ts'

void new UserManager({ authority: '', client_id: '', redirect_uri: '' }).signinSilentCallback()
