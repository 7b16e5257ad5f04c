package io.vidyut.mdm.readings;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * New day rows in PostgreSQL's binary COPY format (the column order of {@link #COLUMNS}): the server
 * takes the values as they are, with no text to parse — 96 integers a row add up at ingest rates.
 */
final class DayRowCopy {
    static final String COLUMNS = "tenant_id, meter_id, channel, day, interval_minutes, vals, quality, version";

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int INT4_TYPE_OID = 23;
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private DayRowCopy() {}

    static byte[] encode(UUID tenant, List<DayRow> rows) {
        byte[][] qualities = new byte[rows.size()][];
        int size = SIGNATURE.length + 8 + 2;
        for (int i = 0; i < rows.size(); i++) {
            qualities[i] = rows.get(i).storedQuality();
            size += rowSize(rows.get(i), qualities[i]);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(SIGNATURE).putInt(0).putInt(0); // flags, header extension length
        for (int i = 0; i < rows.size(); i++) {
            DayRow row = rows.get(i);
            out.putShort((short) 8);
            uuid(out, tenant);
            uuid(out, row.key.meterId());
            out.putInt(2).putShort((short) row.key.channel().code());
            out.putInt(4).putInt((int) (row.key.day().toEpochDay() - POSTGRES_EPOCH_DAY));
            out.putInt(2).putShort((short) row.intervalMinutes);
            intArray(out, row.values);
            byte[] quality = qualities[i];
            if (quality == null) {
                out.putInt(-1);
            } else {
                out.putInt(quality.length).put(quality);
            }
            out.putInt(4).putInt(row.version);
        }
        out.putShort((short) -1);
        if (out.hasRemaining()) throw new IllegalStateException("COPY data sized wrongly: " + out.remaining() + " bytes left");
        return out.array();
    }

    private static int rowSize(DayRow row, byte[] quality) {
        int nulls = 0;
        for (Integer value : row.values) if (value == null) nulls++;
        int array = 20 + row.values.length * 8 - nulls * 4;
        return 2 + (4 + 16) * 2 + (4 + 2) * 2 + (4 + 4) * 2 + 4 + array + 4 + (quality == null ? 0 : quality.length);
    }

    private static void uuid(ByteBuffer out, UUID id) {
        out.putInt(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    /** A one-dimensional int4 array: dimensions, has-nulls flag, element type, length and lower bound, then the elements. */
    private static void intArray(ByteBuffer out, Integer[] values) {
        int start = out.position();
        out.putInt(0); // the length, known at the end
        boolean hasNull = false;
        for (Integer value : values) hasNull |= value == null;
        out.putInt(1).putInt(hasNull ? 1 : 0).putInt(INT4_TYPE_OID).putInt(values.length).putInt(1);
        for (Integer value : values) {
            if (value == null) {
                out.putInt(-1);
            } else {
                out.putInt(4).putInt(value);
            }
        }
        out.putInt(start, out.position() - start - 4);
    }
}
