/**
 * Serves the Google build of the app, unchanged, beside an HTTPS stand-in for Google (test/google/).
 * The build uses the default issuer (https://accounts.google.com), the embedded metadata and the
 * CSP it derives; only the browser is told to resolve Google's hostnames to the stand-in.
 * Used by the end-to-end tests (playwright.config.ts); reaches nothing outside this machine.
 */
import { build, preview } from 'vite'
import {
  GOOGLE_APP_ORIGIN,
  GOOGLE_APP_PORT,
  STAND_IN_CONTROL_PORT,
  STAND_IN_PORT,
} from '../e2e/ports.ts'
import { ensureTestCertificate } from './certificate.ts'
import { describeGoogleBuildEnv, STAND_IN_CLIENT_ID, STAND_IN_CLIENT_SECRET } from './client.ts'
import { startGoogleStandIn } from './stand-in.ts'

const OUT_DIR = '.e2e/dist-google'

const stop = await startGoogleStandIn({
  certificate: ensureTestCertificate(),
  port: STAND_IN_PORT,
  controlPort: STAND_IN_CONTROL_PORT,
  clientId: STAND_IN_CLIENT_ID,
  clientSecret: STAND_IN_CLIENT_SECRET,
  appOrigin: GOOGLE_APP_ORIGIN,
})
// Whatever the shell had set, this is the Google build.
Object.assign(process.env, describeGoogleBuildEnv())
await build({ logLevel: 'warn', build: { outDir: OUT_DIR } })
const server = await preview({
  build: { outDir: OUT_DIR },
  preview: { port: GOOGLE_APP_PORT, host: '127.0.0.1', strictPort: true, open: false },
})
console.log(
  `Google build: ${GOOGLE_APP_ORIGIN}/ · stand-in for Google on 127.0.0.1:${STAND_IN_PORT}`,
)
const close = () => {
  server.httpServer.close()
  void stop().then(() => process.exit(0))
}
process.on('SIGINT', close)
process.on('SIGTERM', close)
