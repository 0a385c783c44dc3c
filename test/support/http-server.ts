/**
 * A real HTTP server on 127.0.0.1 (port 0) for tests that read URLs: the handler answers, and
 * close() cuts open keep-alive connections first so it never waits for a client (or for a
 * handler that deliberately never answers).
 *
 * @example
 * const server = await startHttpServer((req, res) => res.end("<rss/>"));
 * await readUrl(`${server.url}/politik.rss`);
 * await server.close();
 */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestHttpServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(handler: RequestListener): Promise<TestHttpServer> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}
