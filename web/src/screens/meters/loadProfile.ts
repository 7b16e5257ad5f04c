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
    if (!point.end || point.value === undefined) continue;
    const origin = originOf(point);
    series.x.push(new Date(point.end).getTime() / 1000);
    series.actual.push(origin === 'actual' ? point.value : null);
    series.estimated.push(origin === 'estimated' ? point.value : null);
    series.edited.push(origin === 'edited' ? point.value : null);
  }
  return series;
}

/** Counts of points per origin, for the legend. */
export function countByOrigin(points: readonly ConsumptionPoint[]): Record<PointOrigin, number> {
  const counts: Record<PointOrigin, number> = { actual: 0, estimated: 0, edited: 0 };
  for (const point of points) counts[originOf(point)] += 1;
  return counts;
}
