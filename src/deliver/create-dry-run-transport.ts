import type { HandOver, OutgoingMessage, Transport } from "./transport.js";

/** Totals a dry run collects instead of handing messages over. */
export interface DryRunTotals {
  messages: number;
  bytes: number;
  largestBytes: number;
}

/**
 * A transport that accepts every message and hands nothing over: `digest send --dry-run` builds,
 * signs and counts every message exactly as a real send would, then drops it.
 *
 * @example
 * const transport = createDryRunTransport();
 * await transport.send(message);
 * transport.totals.messages; // 1
 */
export function createDryRunTransport(): Transport & { readonly totals: DryRunTotals } {
  const totals: DryRunTotals = { messages: 0, bytes: 0, largestBytes: 0 };
  return {
    kind: "dry-run",
    target: "nowhere (dry run)",
    totals,
    async send(message: OutgoingMessage): Promise<HandOver> {
      totals.messages += 1;
      totals.bytes += message.byteLength;
      if (message.byteLength > totals.largestBytes) totals.largestBytes = message.byteLength;
      return { response: "dry run: not sent" };
    },
    async close() {},
  };
}
