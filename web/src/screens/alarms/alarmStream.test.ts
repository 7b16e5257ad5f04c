import { describe, expect, it } from 'vitest';
import { parseEvents } from './alarmStream';

describe('alarm stream parsing', () => {
  it('reads named events with id and JSON data, and skips heartbeat comments', () => {
    const text = 'event:ready\ndata:{}\n\n:heartbeat\n\nevent:RAISED\nid:a1\ndata:{"id":"a1","kind":"TAMPER"}\n\n';
    const { events, rest } = parseEvents(text);
    expect(events).toEqual([
      { event: 'ready', id: undefined, data: '{}' },
      { event: 'RAISED', id: 'a1', data: '{"id":"a1","kind":"TAMPER"}' },
    ]);
    expect(rest).toBe('');
  });

  it('keeps an unfinished event for the next chunk and handles CRLF', () => {
    const first = parseEvents('event: ACKNOWLEDGED\r\ndata: {"id":');
    expect(first.events).toEqual([]);
    const second = parseEvents(`${first.rest}"b2"}\r\n\r\n`);
    expect(second.events).toEqual([{ event: 'ACKNOWLEDGED', id: undefined, data: '{"id":"b2"}' }]);
  });

  it('joins multi-line data', () => {
    expect(parseEvents('data:a\ndata:b\n\n').events).toEqual([{ event: 'message', id: undefined, data: 'a\nb' }]);
  });
});
