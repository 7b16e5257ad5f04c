import { describe, expect, it } from 'vitest';
import { alarmPlace } from './alarmLabels';
import { formatDuration } from '../meters/EventsTimelineCard';

describe('alarm and event wording', () => {
  it('places a meter alarm at its meter and an outage at its DT or feeder with the meters out', () => {
    expect(alarmPlace({ kind: 'TAMPER', meter_serial: 'HPL00000001' })).toBe('HPL00000001');
    expect(alarmPlace({ kind: 'DT_OUTAGE', network_node_code: 'DT-GGN-014', affected_meters: 23 })).toBe('DT DT-GGN-014 (23 meters out)');
    expect(alarmPlace({ kind: 'FEEDER_OUTAGE', network_node_code: 'FDR-11', affected_meters: 140 })).toBe('Feeder FDR-11 (140 meters out)');
  });

  it('says how long an episode lasted', () => {
    expect(formatDuration(30)).toBe('30 s');
    expect(formatDuration(45 * 60)).toBe('45 min');
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe('2 h 05 min');
    expect(formatDuration(3 * 86_400 + 4 * 3600)).toBe('3 d 4 h');
  });
});
