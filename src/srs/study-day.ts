/** Study days start at a set local hour (4 AM by default, as in Anki), not at midnight. */
export function studyDayStart(now: number, dayStartHour: number): number {
  const start = new Date(now);
  start.setHours(dayStartHour, 0, 0, 0);
  if (start.getTime() > now) start.setDate(start.getDate() - 1);
  return start.getTime();
}

export function studyDayEnd(now: number, dayStartHour: number): number {
  const end = new Date(studyDayStart(now, dayStartHour));
  end.setDate(end.getDate() + 1);
  return end.getTime();
}
