/** The local provider's one client, registered the way Google registers a Web application. */
export const LOCAL_CLIENT_ID = 'local-web-client.apps.localhost'
/** Like a Google Web client's secret: required by the token endpoint, and public in the app. */
export const LOCAL_CLIENT_SECRET = 'local-client-secret-visible-to-everyone'
/** The app's name on the consent screen, as on Google's (the OAuth consent screen's app name). */
export const LOCAL_APP_NAME = 'Static Sign-in'
