import { Box, Stack, Typography } from '@mui/material';
import { clock, type SlotDraft } from './tariffForm';
import { describeRow, kindLabel, timelineRows, type TimelineSegment } from './todTimeline';

const DAY_MINUTES = 24 * 60;
const HOUR_TICKS = [0, 3, 6, 9, 12, 15, 18, 21, 24];

/** Light tints with dark text, readable in both theme modes; gaps and overlaps stand out as problems. */
const KIND_STYLE: Record<TimelineSegment['kind'], { background: string; border?: string }> = {
  NORMAL: { background: '#c8e6c9' },
  PEAK: { background: '#ffcdd2' },
  OFF_PEAK: { background: '#bbdefb' },
  SOLAR: { background: '#ffe082' },
  GAP: { background: '#ffffff', border: '2px dashed #c62828' },
  OVERLAP: { background: '#ff8a80', border: '2px solid #b71c1c' },
};

function Segment({ segment }: { segment: TimelineSegment }) {
  const width = ((segment.to - segment.from) / DAY_MINUTES) * 100;
  const style = KIND_STYLE[segment.kind];
  const name = segment.zone || kindLabel(segment.kind);
  return (
    <Box
      title={`${name} ${clock(segment.from)}–${clock(segment.to)}`}
      sx={{
        position: 'absolute',
        top: 0,
        bottom: 0,
        left: `${(segment.from / DAY_MINUTES) * 100}%`,
        width: `${width}%`,
        bgcolor: style.background,
        border: style.border ?? '1px solid rgba(0, 0, 0, 0.25)',
        boxSizing: 'border-box',
        color: '#000',
        overflow: 'hidden',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontSize: 12,
        whiteSpace: 'nowrap',
      }}
    >
      {/* a name only where there is room for it: about two hours */}
      {width >= 8 ? name : ''}
    </Box>
  );
}

/**
 * A category's ToD slots on a 24-hour bar (IST wall clock), a bar per group of months divided alike: zones by
 * colour of their kind, stretches in no slot or in several marked as such. Each bar says the same in words.
 */
export function TodTimeline({ slots, category }: { slots: readonly SlotDraft[]; category: string }) {
  if (slots.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        Flat tariff: no time-of-day slots, one rate all day.
      </Typography>
    );
  }
  const rows = timelineRows(slots);
  const kinds = [...new Set(rows.flatMap((r) => r.segments.map((s) => s.kind)))];
  return (
    <Box aria-label={`Time-of-day timeline of ${category}`} role="group">
      {rows.map((row) => (
        <Stack key={row.label} direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
          <Typography variant="caption" sx={{ width: 120, flexShrink: 0 }}>
            {row.label}
          </Typography>
          <Box role="img" aria-label={describeRow(row)} sx={{ position: 'relative', flexGrow: 1, height: 28, borderRadius: 1, overflow: 'hidden' }}>
            {row.segments.map((segment) => (
              <Segment key={segment.from} segment={segment} />
            ))}
          </Box>
        </Stack>
      ))}
      <Stack direction="row" spacing={1} aria-hidden sx={{ alignItems: 'center' }}>
        <Box sx={{ width: 120, flexShrink: 0 }} />
        <Box sx={{ position: 'relative', flexGrow: 1, height: 18 }}>
          {HOUR_TICKS.map((hour) => (
            <Typography
              key={hour}
              variant="caption"
              color="text.secondary"
              sx={{ position: 'absolute', left: `${(hour / 24) * 100}%`, transform: hour === 0 ? 'none' : hour === 24 ? 'translateX(-100%)' : 'translateX(-50%)' }}
            >
              {String(hour).padStart(2, '0')}:00
            </Typography>
          ))}
        </Box>
      </Stack>
      <Stack direction="row" spacing={2} sx={{ mt: 0.5, flexWrap: 'wrap' }}>
        {kinds.map((kind) => (
          <Stack key={kind} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Box sx={{ width: 14, height: 14, bgcolor: KIND_STYLE[kind].background, border: KIND_STYLE[kind].border ?? '1px solid rgba(0, 0, 0, 0.25)' }} />
            <Typography variant="caption">{kindLabel(kind)}</Typography>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}
