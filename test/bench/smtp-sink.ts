/**
 * A minimal SMTP sink for the send benchmark, run as its own process so that its CPU time is not
 * the sender's: accepts every message (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps nothing,
 * and answers as fast as it can read. Prints `port: N` on stdout when listening.
 *
 * Run: node --import tsx test/bench/smtp-sink.ts
 */
import { createServer } from "node:net";

const END_OF_DATA = Buffer.from("\r\n.\r\n");

const server = createServer((socket) => {
  socket.setNoDelay(true);
  let inData = false;
  let pending = "";
  // The last bytes of the previous chunk, so an end marker split across chunks is still found.
  let tail = Buffer.alloc(0);
  socket.write("220 sink ESMTP ready\r\n");
  socket.on("data", (chunk: Buffer) => {
    let rest: Buffer | null = chunk;
    while (rest && rest.length > 0) {
      if (inData) {
        const current: Buffer = rest;
        let end = current.indexOf(END_OF_DATA);
        let skip = 0;
        if (end === -1 && tail.length > 0) {
          // The end marker may straddle two chunks: look at the few bytes around the seam only.
          const seam = Buffer.concat([tail, current.subarray(0, END_OF_DATA.length - 1)]);
          const at = seam.indexOf(END_OF_DATA);
          if (at !== -1) {
            end = 0;
            skip = at + END_OF_DATA.length - tail.length;
          }
        } else if (end !== -1) {
          skip = end + END_OF_DATA.length;
        }
        if (end === -1) {
          tail = Buffer.from(current.subarray(Math.max(0, current.length - END_OF_DATA.length + 1)));
          rest = null;
          continue;
        }
        inData = false;
        tail = Buffer.alloc(0);
        socket.write("250 2.0.0 Ok: queued\r\n");
        rest = current.subarray(skip);
        continue;
      }
      pending += rest.toString("latin1");
      rest = null;
      let newline = pending.indexOf("\r\n");
      while (newline !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO")
          socket.write("250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n");
        else if (verb === "HELO") socket.write("250 sink\r\n");
        else if (verb === "DATA") {
          socket.write("354 go ahead\r\n");
          inData = true;
          const remaining = Buffer.from(pending, "latin1");
          pending = "";
          if (remaining.length > 0) rest = remaining;
          break;
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
          return;
        } else socket.write("250 Ok\r\n");
        newline = pending.indexOf("\r\n");
      }
    }
  });
  socket.on("error", () => {});
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`port: ${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => process.exit(0));
