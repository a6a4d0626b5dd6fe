/** Ports of the end-to-end app and provider: apart from `npm start`'s, so both can run. */
export const APP_PORT = 4273
export const PROVIDER_PORT = 4500
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`
export const PROVIDER_ORIGIN = `http://127.0.0.1:${PROVIDER_PORT}`

/** A second app and provider, where the provider issues rotating refresh tokens and the app uses them. */
export const RT_APP_PORT = 4274
export const RT_PROVIDER_PORT = 4501
export const RT_APP_ORIGIN = `http://127.0.0.1:${RT_APP_PORT}`
export const RT_PROVIDER_ORIGIN = `http://127.0.0.1:${RT_PROVIDER_PORT}`

/** The Google build, unchanged, and the HTTPS stand-in that answers for Google's hostnames. */
export const GOOGLE_APP_PORT = 4276
export const GOOGLE_APP_ORIGIN = `http://127.0.0.1:${GOOGLE_APP_PORT}`
export const STAND_IN_PORT = 4443
/** Plain-HTTP port where tests switch the stand-in's scenario. */
export const STAND_IN_CONTROL_PORT = 4444

/** The consumer app (test/consumer/): the packed package installed in a fresh app, served by vite preview. */
export const CONSUMER_APP_PORT = 4290
export const CONSUMER_APP_ORIGIN = `http://127.0.0.1:${CONSUMER_APP_PORT}`
