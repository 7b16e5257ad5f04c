import { useEffect, useRef } from 'react';
import { Box, Button, Stack, Typography, useTheme } from '@mui/material';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatDecimal, formatIstDate, formatIstDateTime, formatIstTick, IST_ZONE } from '../../format/indian';
import { countByOrigin, splitByOrigin, type ConsumptionPoint } from './loadProfile';

const COLORS = { actual: '#1e88e5', estimated: '#fb8c00', edited: '#8e24aa' };

interface LoadProfileChartProps {
  points: readonly ConsumptionPoint[];
  unit: string;
  /** Called with the end (ISO) of the bar clicked, when the chart offers interval history. */
  onPickInterval?(end: string): void;
}

/** Pointer travel (px) up to which a press is a click, not a zoom drag. */
const CLICK_SLOP = 4;

/**
 * Interval bars, zoomable by dragging across the chart (double-click or "Reset zoom" to go back).
 * Actual intervals are solid blue bars, estimated ones orange outlines with no fill, edited ones
 * solid purple, so the difference shows without relying on colour alone.
 */
export function LoadProfileChart({ points, unit, onPickInterval }: LoadProfileChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const theme = useTheme();
  const counts = countByOrigin(points);
  const pick = useRef(onPickInterval);
  pick.current = onPickInterval;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const series = splitByOrigin(points);
    const axisColor = theme.palette.text.secondary;
    const gridColor = theme.palette.divider;
    const bars = uPlot.paths.bars!({ size: [0.8, 40] });
    const axis = { stroke: axisColor, grid: { stroke: gridColor }, ticks: { stroke: gridColor } };
    const options: uPlot.Options = {
      width: element.clientWidth || 800,
      height: 320,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), IST_ZONE),
      cursor: { drag: { x: true, y: false } },
      legend: { show: false },
      scales: { x: { time: true } },
      axes: [
        {
          ...axis,
          // ticks in IST; the date shows under the first tick and at each new IST day
          values: (_u, splits) =>
            splits.map((ts, i) => {
              const day = (t: number) => formatIstDate(new Date(t * 1000));
              return formatIstTick(new Date(ts * 1000), i === 0 || day(ts) !== day(splits[i - 1]));
            }),
        },
        { ...axis, label: unit, values: (_u, ticks) => ticks.map((t) => formatDecimal(t, 2)) },
      ],
      series: [
        { value: (_u, ts) => (ts == null ? '' : formatIstDateTime(new Date(ts * 1000))) },
        { label: 'Actual', stroke: COLORS.actual, fill: COLORS.actual, paths: bars, points: { show: false } },
        { label: 'Estimated', stroke: COLORS.estimated, width: 2, dash: [4, 2], paths: bars, points: { show: false } },
        { label: 'Edited', stroke: COLORS.edited, fill: COLORS.edited, paths: bars, points: { show: false } },
      ],
    };
    plot.current = new uPlot(options, [series.x, series.actual, series.estimated, series.edited], element);
    let pressedAt: [number, number] | null = null;
    const press = (e: MouseEvent) => {
      pressedAt = [e.clientX, e.clientY];
    };
    const click = (e: MouseEvent) => {
      const idx = plot.current?.cursor.idx;
      const moved = pressedAt ? Math.hypot(e.clientX - pressedAt[0], e.clientY - pressedAt[1]) : 0;
      if (pick.current && idx != null && moved <= CLICK_SLOP) pick.current(new Date(series.x[idx] * 1000).toISOString());
    };
    plot.current.over.addEventListener('mousedown', press);
    plot.current.over.addEventListener('click', click);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: element.clientWidth, height: 320 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [points, unit, theme]);

  const resetZoom = () => {
    const current = plot.current;
    if (!current) return;
    const xs = current.data[0];
    if (xs.length) current.setScale('x', { min: xs[0], max: xs[xs.length - 1] });
  };

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{mb: 1, alignItems: "center", flexWrap: "wrap" }}>
        <LegendSwatch color={COLORS.actual} filled label={`Actual (${counts.actual})`} />
        <LegendSwatch color={COLORS.estimated} filled={false} label={`Estimated (${counts.estimated})`} />
        <LegendSwatch color={COLORS.edited} filled label={`Edited (${counts.edited})`} />
        <Typography variant="body2" color="text.secondary">
          Missing: {counts.missing}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Typography variant="caption" color="text.secondary">
          Drag across the chart to zoom{onPickInterval ? '; click a bar for its versions' : ''}
        </Typography>
        <Button size="small" onClick={resetZoom}>
          Reset zoom
        </Button>
      </Stack>
      <Box
        ref={container}
        role="img"
        aria-label={`Load profile: ${points.length} intervals in ${unit}, times in IST`}
        data-testid="load-profile-chart"
        sx={{ width: '100%', '& .u-select': { background: 'rgba(128,128,128,0.2)' } }}
      />
    </Box>
  );
}

function LegendSwatch({ color, filled, label }: { color: string; filled: boolean; label: string }) {
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: "center" }}>
      <Box
        aria-hidden
        sx={{ width: 14, height: 14, border: `2px ${filled ? 'solid' : 'dashed'} ${color}`, bgcolor: filled ? color : 'transparent' }}
      />
      <Typography variant="body2">{label}</Typography>
    </Stack>
  );
}
