/** Ports of the end-to-end app and provider: apart from `npm start`'s, so both can run. */
export const APP_PORT = 4273
export const PROVIDER_PORT = 4500
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`
export const PROVIDER_ORIGIN = `http://127.0.0.1:${PROVIDER_PORT}`
