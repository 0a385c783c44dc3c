/**
 * The schedule stage (I/O, clock injected): the long-running morning scheduler behind
 * `digest schedule`. Fire times come from croner in the configured time zone; the lateness guard,
 * the ledger lease and the edition sender decide what each fire does.
 */
export { type Clock, createSystemClock } from "../clock.js";
export { createEditionSender, type EditionSenderOptions } from "./create-edition-sender.js";
export { decideFire, editionDeadline, type FireDecision, type FireInput } from "./decide-fire.js";
export {
  createFireSchedule,
  type FireSchedule,
  type FireScheduleOptions,
  isFullCronPattern,
  resolveCronPattern,
} from "./fire-schedule.js";
export { type HeldLease, type HoldLeaseOptions, holdLease } from "./hold-lease.js";
export {
  createLease,
  isDeadLocalHolder,
  keepRenewed,
  type Lease,
  type LeaseOptions,
  type Renewal,
} from "./lease.js";
export { createManualClock, type ManualClock } from "./manual-clock.js";
export {
  type ResolvedSchedule,
  resolveScheduleOptions,
  type ScheduleFlags,
} from "./resolve-schedule-options.js";
export {
  FAILURE_RETRY_MS,
  type FireJob,
  type FireResult,
  formatScheduleEvent,
  MAX_STANDBY_POLL_MS,
  type RunScheduleOptions,
  runSchedule,
  type ScheduleEvent,
  type SendFire,
} from "./run-schedule.js";
export { listNameOf, runScheduledSends, type ScheduledSendsOptions } from "./run-scheduled-sends.js";
