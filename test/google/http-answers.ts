import type { IncomingMessage, ServerResponse } from 'node:http'

/** Google answers cross-origin calls from registered origins, without credentials. */
export function corsHeaders(req: IncomingMessage, appOrigin: string): Record<string, string> {
  const origin = req.headers.origin
  return origin === appOrigin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  appOrigin: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
    ...corsHeaders(req, appOrigin),
    ...headers,
  })
  res.end(JSON.stringify(body, null, 2))
}

/** CORS preflight of a call with `Authorization: Bearer` (the header makes one necessary). */
export function preflight(req: IncomingMessage, res: ServerResponse, appOrigin: string): void {
  res.writeHead(200, {
    ...corsHeaders(req, appOrigin),
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'authorization, content-type',
    'Access-Control-Max-Age': '3600',
  })
  res.end()
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}
