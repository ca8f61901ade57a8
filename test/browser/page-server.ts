import { createServer, type Server } from 'node:http'
import { join } from 'node:path'

import { build } from 'esbuild'

const PAGES = join(import.meta.dirname, 'pages')

export interface PageServer {
  /** The pages' origin: `http://localhost:<port>`, another origin than the API's 127.0.0.1. */
  origin: string
  close(): Promise<void>
}

/**
 * Bundles a page's TypeScript (with the official SDK or Seam Components, as a front end would
 * ship them) and serves it from its own origin, so every API call the page makes is cross-origin.
 */
export const servePage = async (entry: string): Promise<PageServer> => {
  const result = await build({
    entryPoints: [join(PAGES, entry)],
    bundle: true,
    write: false,
    outdir: '/out',
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'css' },
    logLevel: 'silent',
  })
  const files = new Map(result.outputFiles.map((f) => [f.path.slice('/out/'.length), f.contents]))
  const js = [...files.keys()].find((name) => name.endsWith('.js'))
  const css = [...files.keys()].find((name) => name.endsWith('.css'))
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Latchkey browser test</title>${
    css === undefined ? '' : `<link rel="stylesheet" href="/${css}">`
  }</head><body><div id="root"></div><script type="module" src="/${js}"></script></body></html>`

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    const file = files.get(path.slice(1))
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
    } else if (file !== undefined) {
      response.writeHead(200, { 'content-type': path.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(file)
    } else if (path === '/favicon.ico') {
      response.writeHead(204).end()
    } else {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
