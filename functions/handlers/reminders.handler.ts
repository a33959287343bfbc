// Placeholder: wired by infra/, the real handler replaces this file.
export async function handler(event: unknown): Promise<void> {
  console.log(JSON.stringify({ level: 'info', msg: 'reminders placeholder invoked', eventType: typeof event }));
}
