import { describe, expect, it } from 'vitest';
import { completenessRows, type VendorCompleteness } from './completeness';

const hpl: VendorCompleteness = {
  vendor_id: 'a', vendor_code: 'HPL', meters: 2, expected_intervals: 192, received_intervals: 142, estimated_intervals: 2,
  validated_intervals: 143, received_share: 0.7396, validated_share: 0.7448, batches: 2, rows_accepted: 142, rows_per_minute: 2.37,
};
const volta: VendorCompleteness = {
  vendor_id: 'b', vendor_code: 'VOLTA', meters: 1, expected_intervals: 96, received_intervals: 96, estimated_intervals: 0,
  validated_intervals: 96, received_share: 1, validated_share: 1, batches: 1, rows_accepted: 96, rows_per_minute: 1.6,
};
const idle: VendorCompleteness = {
  vendor_id: 'c', vendor_code: 'IDLE', meters: 0, expected_intervals: 0, received_intervals: 0, estimated_intervals: 0,
  validated_intervals: 0, batches: 0, rows_accepted: 0, rows_per_minute: 0,
};

describe('completeness per vendor', () => {
  it('leaves out vendors that expect nothing and adds a total computed from the counts', () => {
    const rows = completenessRows([hpl, idle, volta], 60);
    expect(rows.map((r) => r.label)).toEqual(['HPL', 'VOLTA', 'All vendors']);
    const total = rows[2];
    expect(total).toMatchObject({ meters: 3, expected: 288, received: 238, validated: 239, estimated: 2 });
    expect(total.receivedShare).toBeCloseTo(238 / 288, 6);
    expect(total.validatedShare).toBeCloseTo(239 / 288, 6);
    expect(total.rowsPerMinute).toBe(3.97);
  });

  it('has no total for one vendor, and no share where nothing was expected', () => {
    expect(completenessRows([hpl], 60)).toHaveLength(1);
    const onlyRate = completenessRows([{ ...idle, rows_accepted: 30, rows_per_minute: 0.5 }], 60);
    expect(onlyRate[0].receivedShare).toBeUndefined();
    expect(completenessRows([idle], 60)).toEqual([]);
  });
});
