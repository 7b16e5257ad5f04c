/** Numbers, energies and times as Indian operations staff read them: en-IN grouping, IST. */

export const IST_ZONE = 'Asia/Kolkata';

const groupedInteger = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/** 1234567 → "12,34,567". */
export function formatCount(value: number): string {
  return groupedInteger.format(value);
}

/** A decimal with en-IN grouping and a fixed number of fraction digits. */
export function formatDecimal(value: number, fractionDigits = 2): string {
  return new Intl.NumberFormat('en-IN', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Money as the server computed it, only formatted (en-IN grouping, paise): "₹1,54,250.00", "−₹62.63", "—" for none. */
export function formatRupees(amount: number | undefined | null): string {
  if (amount === undefined || amount === null) return '—';
  return amount < 0 ? `−₹${formatDecimal(-amount, 2)}` : `₹${formatDecimal(amount, 2)}`;
}

const ENERGY_UNITS = new Set(['kWh', 'kVAh', 'Wh', 'kvarh', 'kW', 'kVA']);

/** A measured value with its unit: "12,345.678 kWh"; energy gets three decimals. */
export function formatQuantity(value: number, unit?: string): string {
  const digits = unit && ENERGY_UNITS.has(unit) ? 3 : 2;
  const text = formatDecimal(value, digits);
  return unit ? `${text} ${unit}` : text;
}

/** Bytes as KB/MB/GB with en-IN grouping. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatDecimal(value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

const istDateTime = new Intl.DateTimeFormat('en-IN', {
  timeZone: IST_ZONE,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant shown in IST: "25 Nov 2026, 10:15 IST". */
export function formatIstDateTime(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return `${istDateTime.format(date)} IST`;
}

const istDate = new Intl.DateTimeFormat('en-IN', {
  timeZone: IST_ZONE,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
});

/** The IST calendar date of an instant: "25 Nov 2026". */
export function formatIstDate(instant: string | Date): string {
  return istDate.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Midnight IST of the day holding the instant, as an ISO-8601 string with the +05:30 offset. */
export function istStartOfDay(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: IST_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return `${parts}T00:00:00+05:30`;
}

/** The ISO string of an IST start of day shifted by whole days. */
export function shiftIstDay(istMidnight: string, days: number): string {
  const shifted = new Date(new Date(istMidnight).getTime() + days * 86_400_000);
  return istStartOfDay(shifted);
}

const istClock = new Intl.DateTimeFormat('en-IN', { timeZone: IST_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const istDayMonth = new Intl.DateTimeFormat('en-IN', { timeZone: IST_ZONE, day: '2-digit', month: 'short' });

/** A chart tick in IST: "14:30", with the date under it ("14:30\n25 Nov") when asked. */
export function formatIstTick(instant: Date, withDate: boolean): string {
  const clock = istClock.format(instant);
  return withDate ? `${clock}\n${istDayMonth.format(instant)}` : clock;
}
