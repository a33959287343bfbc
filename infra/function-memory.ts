/**
 * Memory per Lambda function, in MB. Lambda hands out CPU in proportion to memory: 1,769 MB is
 * one whole vCPU, 1,024 MB about 58 % of one. The stack deploys these sizes and the bench's cost
 * model prices them, so the two cannot drift apart.
 */
export const FULL_VCPU_MB = 1769;

export const FUNCTION_MEMORY_MB = {
  /**
   * The member API. A contact's cold start and autosave are CPU-bound (docs/performance.md), so a
   * whole vCPU answers them ~1.7 × sooner than 1,024 MB for about the same price per request; it
   * is also the machine the cold-start benchmark measures on (one full core).
   */
  memberApi: FULL_VCPU_MB,
  /**
   * The report API: the published report is one stored snapshot, a scorecard a few reads. Nothing
   * under /api/* is cached by CloudFront, so every reader's request reaches it, and its cold start is
   * a reader's first page: it gets the member API's core too.
   */
  reportApi: FULL_VCPU_MB,
  /**
   * The kansli's API: imports parse 20 MB spreadsheets, publish and the exports aggregate every
   * response, all CPU-bound. At 3,110 organisations (tenfold growth) the xlsx export takes 12–14 s
   * and publish 9–11 s on one full core (bench growth), which 58 % of a vCPU would stretch past the
   * API's timeout; a whole vCPU keeps them inside it, for about the same price per run.
   */
  adminApi: FULL_VCPU_MB,
  /** Scheduled jobs (reminders, retention): a few queries and emails, no hurry. */
  scheduledJob: 512,
  /** SES event handler: one write per event. */
  sesEvents: 256,
} as const;

/** The share of a vCPU a function of `memoryMb` gets: its CPU-bound work takes 1/share as long as on a full core. */
export function cpuShare(memoryMb: number): number {
  return Math.min(1, memoryMb / FULL_VCPU_MB);
}
