/** An invoice is overdue from 00:00 UTC on the day after its due date ("2027-04-30" → 2027-05-01T00:00Z). */
export function overdueAt(dueDate: string): Date {
  const due = new Date(`${dueDate}T00:00:00.000Z`);
  return new Date(due.getTime() + 86_400_000);
}
