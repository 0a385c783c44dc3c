import type { Server } from "node:http";
import { DigestError } from "../errors.js";

/** How many ports after the requested one are tried before giving up. */
export const MAX_PORT_TRIES = 20;

/**
 * Starts `server` listening on `host:port`; when the port is taken, tries the next ones and
 * resolves with the port actually used.
 *
 * @throws DigestError E_USAGE when MAX_PORT_TRIES ports in a row are taken or not allowed.
 * @example
 * const port = await listenOnFreePort(server, "127.0.0.1", 7530); // 7531 when 7530 is busy
 */
export async function listenOnFreePort(server: Server, host: string, port: number): Promise<number> {
  for (let candidate = port; candidate < port + MAX_PORT_TRIES && candidate <= 65_535; candidate += 1) {
    const outcome = await tryListen(server, host, candidate);
    if (outcome === "listening") {
      const address = server.address();
      return typeof address === "object" && address !== null ? address.port : candidate;
    }
    if (port === 0) break;
  }
  throw new DigestError(
    "E_USAGE",
    `could not start the preview studio - ports ${port}–${port + MAX_PORT_TRIES - 1} on ${host} are all taken. Pass a free one with --port`,
  );
}

function tryListen(server: Server, host: string, port: number): Promise<"listening" | "taken"> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve("taken");
      else reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve("listening");
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}
