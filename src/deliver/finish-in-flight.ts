import { formatCount } from "../format-count.js";
import type { DeliveryLogger } from "./delivery-report.js";
import type { Transport } from "./transport.js";

/** After SIGINT/SIGTERM, in-flight messages get this long to finish before connections are cut. */
export const SHUTDOWN_GRACE_MS = 30_000;

/**
 * The end of a send loop. After a signal, in-flight messages get `graceMs` to finish (so their
 * outcomes are recorded); then the transport's connections are cut. Otherwise it simply waits
 * for every hand-over.
 *
 * @example
 * await finishInFlight(inFlight, { stoppedBySignal: true, transport, logger, graceMs: SHUTDOWN_GRACE_MS });
 */
export async function finishInFlight(
  inFlight: ReadonlySet<Promise<void>>,
  options: { stoppedBySignal: boolean; transport: Transport; logger: DeliveryLogger; graceMs: number },
): Promise<void> {
  if (!options.stoppedBySignal) {
    await Promise.all(inFlight);
    return;
  }
  options.logger.info(`stopping: waiting for ${formatCount(inFlight.size, "message")} in flight`);
  const grace = options.graceMs;
  const timedOut = await Promise.race([
    Promise.all(inFlight).then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), grace).unref()),
  ]);
  if (timedOut) {
    options.logger.warn(`in-flight messages did not finish within ${grace} ms - closing connections`);
    await options.transport.close({ force: true });
  }
}
