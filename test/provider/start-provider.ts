import { generateKeyPairSync } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import Provider, { type Configuration } from 'oidc-provider'
import { renderInteractionPage } from './interaction-page.ts'
import { renderAvatar, TEST_USER, testUserClaims } from './test-user.ts'

export interface LocalProviderOptions {
  port: number
  /** Origin of the app, e.g. http://127.0.0.1:4173; its two redirect URIs are registered. */
  appOrigin: string
  clientId: string
  clientSecret: string
  /** Access and ID token lifetime in seconds (Google: about an hour). */
  tokenTtlSeconds: number
}

export interface LocalProvider {
  issuer: string
  close: () => Promise<void>
}

function createSigningKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { ...privateKey.export({ format: 'jwk' }), kid: 'local-1', use: 'sig', alg: 'RS256' }
}

/**
 * oidc-provider configured to behave like Google for a browser app: a Web client whose token
 * endpoint demands the client secret (client_secret_post), PKCE required, Google's claims in the
 * ID token and userinfo, opaque access tokens, revocation, CORS for the app's origin.
 */
function buildConfiguration(options: LocalProviderOptions, issuer: string): Configuration {
  return {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        client_name: 'Static Sign-in (local)',
        redirect_uris: [`${options.appOrigin}/`, `${options.appOrigin}/silent-renew.html`],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    findAccount: (_ctx, id) =>
      id === TEST_USER.sub
        ? { accountId: id, claims: () => ({ ...testUserClaims(issuer), sub: id }) }
        : undefined,
    claims: {
      openid: ['sub', 'hd'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'picture', 'locale'],
    },
    // Google puts the profile claims in the ID token too.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: false }, // Google has no end-session endpoint
      userinfo: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx, origin) => origin === options.appOrigin,
    cookies: { keys: ['local-provider-cookie-key-not-secret'] },
    jwks: { keys: [createSigningKey()] },
    ttl: {
      AccessToken: options.tokenTtlSeconds,
      IdToken: options.tokenTtlSeconds,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 86_400,
      Grant: 86_400,
    },
  }
}

/** Starts the local OpenID provider on 127.0.0.1 (same host name as the app: see toolchain.md). */
export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
  const issuer = `http://127.0.0.1:${options.port}`
  const provider = new Provider(issuer, buildConfiguration(options, issuer))

  provider.use(async (ctx, next): Promise<void> => {
    if (ctx.method === 'GET' && /^\/avatar\/[\w-]+\.svg$/.test(ctx.path)) {
      ctx.type = 'image/svg+xml'
      ctx.body = renderAvatar()
      return
    }
    const match = /^\/interaction\/([\w-]+)(?:\/(continue|cancel))?$/.exec(ctx.path)
    if (!match) {
      await next()
      return
    }
    const [, uid = '', action] = match
    const details = await provider.interactionDetails(ctx.req, ctx.res)
    if (details.uid !== uid) ctx.throw(400, 'interaction mismatch')
    const clientId = String(details.params.client_id)
    if (action === undefined && ctx.method === 'GET') {
      ctx.type = 'html'
      ctx.set('Cache-Control', 'no-store')
      ctx.body = renderInteractionPage(uid, clientId, String(details.params.scope))
      return
    }
    if (ctx.method !== 'POST') ctx.throw(405)
    let result
    if (action === 'cancel') {
      result = { error: 'access_denied', error_description: 'The user cancelled the sign-in.' }
    } else {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: TEST_USER.sub, clientId })
      if (!grant) throw new Error('grant not found')
      grant.addOIDCScope(String(details.params.scope))
      result = {
        login: { accountId: TEST_USER.sub, remember: true },
        consent: { grantId: await grant.save() },
      }
    }
    const redirectTo = await provider.interactionResult(ctx.req, ctx.res, result, {
      mergeWithLastSubmission: false,
    })
    ctx.status = 303
    ctx.redirect(redirectTo)
  })

  const handle = provider.callback()
  const server: Server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', resolve)
  })
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}
