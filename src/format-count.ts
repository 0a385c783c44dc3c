/**
 * A count with its noun in the right number, for log lines: "1 recipient", "3 recipients".
 * English only (logs are English); the plural defaults to the singular plus "s".
 *
 * @example
 * formatCount(1, "recipient"); // "1 recipient"
 * formatCount(2, "invalid row"); // "2 invalid rows"
 * formatCount(0, "story", "stories"); // "0 stories"
 */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
