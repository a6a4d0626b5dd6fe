/** Where the static-host suite runs: the ports of its servers are in static-servers.ts. */
export const HOSTS_BASE = '/some/path/'
export const HOSTS_PROVIDER_PORT = 4502
export const HOSTS_PROVIDER_ORIGIN = `http://127.0.0.1:${HOSTS_PROVIDER_PORT}`
export const HOSTS_WORK_DIR = '.e2e/hosts'
