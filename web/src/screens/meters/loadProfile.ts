import type { Schemas } from '../../api/client';

export type ConsumptionPoint = Schemas['Point'];

/** How a point was obtained; edited wins over estimated, estimated over actual. */
export type PointOrigin = 'actual' | 'estimated' | 'edited';

export function originOf(point: ConsumptionPoint): PointOrigin {
  const quality = point.quality ?? [];
  if (quality.includes('EDITED')) return 'edited';
  if (quality.includes('ESTIMATED')) return 'estimated';
  return 'actual';
}

/** Columns for the chart: x in epoch seconds (interval end), one value column per origin (null elsewhere). */
export interface LoadProfileSeries {
  x: number[];
  actual: (number | null)[];
  estimated: (number | null)[];
  edited: (number | null)[];
}

export function splitByOrigin(points: readonly ConsumptionPoint[]): LoadProfileSeries {
  const series: LoadProfileSeries = { x: [], actual: [], estimated: [], edited: [] };
  for (const point of points) {
    if (!point.end || !hasValue(point)) continue;
    const origin = originOf(point);
    series.x.push(new Date(point.end).getTime() / 1000);
    const value = point.value as number;
    series.actual.push(origin === 'actual' ? value : null);
    series.estimated.push(origin === 'estimated' ? value : null);
    series.edited.push(origin === 'edited' ? value : null);
  }
  return series;
}

/** Whether the point holds a stored value (the API lists empty buckets too, without a value). */
export function hasValue(point: ConsumptionPoint): boolean {
  return point.value !== undefined && point.value !== null;
}

/** Counts of points per origin, and of expected buckets with no data, for the legend. */
export function countByOrigin(points: readonly ConsumptionPoint[]): Record<PointOrigin | 'missing', number> {
  const counts = { actual: 0, estimated: 0, edited: 0, missing: 0 };
  for (const point of points) {
    if (hasValue(point)) counts[originOf(point)] += 1;
    else if ((point.expected_intervals ?? 0) > 0) counts.missing += 1;
  }
  return counts;
}
