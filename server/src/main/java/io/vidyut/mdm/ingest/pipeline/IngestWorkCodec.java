package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.readings.Reading;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Compact binary form of a batch part on the wire (Kafka): about 40 bytes per reading, versioned
 * by a leading format byte so a rolling upgrade can read the previous format.
 */
final class IngestWorkCodec {
    /**
     * 4 carries energy in tenths of a Wh (the channels' resolution since V34); 3 added which
     * neighbours a pending read waits for; 2 (pending reads waiting for their start read) and 1 (a
     * part without pending reads) are still read, their energy in whole Wh.
     */
    static final byte FORMAT = 4;

    private IngestWorkCodec() {}

    static byte[] encode(IngestWork work) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + work.readings().size() * 40);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            uuid(out, work.batchId());
            out.writeInt(work.part());
            uuid(out, work.tenantId());
            out.writeUTF(work.tenantCode());
            out.writeUTF(work.zone().getId());
            out.writeInt(work.readings().size());
            for (Reading reading : work.readings()) {
                uuid(out, reading.meterId());
                out.writeShort(reading.channel().code());
                out.writeLong(reading.at().getEpochSecond());
                out.writeShort(reading.intervalMinutes());
                out.writeLong(reading.value());
                out.writeByte(reading.quality());
            }
            out.writeInt(work.pending().size());
            for (IntervalDerivation.Pending interval : work.pending()) {
                uuid(out, interval.meterId());
                out.writeShort(interval.register().code());
                out.writeShort(interval.interval().code());
                out.writeLong(interval.at().getEpochSecond());
                out.writeShort(interval.intervalMinutes());
                out.writeLong(interval.value());
                out.writeByte((interval.needsStart() ? 1 : 0) | (interval.needsEnd() ? 2 : 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static IngestWork decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format < 1 || format > FORMAT) throw new IllegalArgumentException("unknown ingest work format " + format);
            UUID batchId = uuid(in);
            int part = in.readInt();
            UUID tenantId = uuid(in);
            String tenantCode = in.readUTF();
            ZoneId zone = ZoneId.of(in.readUTF());
            int count = in.readInt();
            List<Reading> readings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                UUID meter = uuid(in);
                Channel channel = Channel.ofCode(in.readShort());
                readings.add(new Reading(meter, channel, Instant.ofEpochSecond(in.readLong()), in.readShort(),
                        in.readLong() * toCurrentUnits(format, channel), in.readByte() & 0xFF));
            }
            List<IntervalDerivation.Pending> pending = new ArrayList<>();
            for (int i = 0, n = format == 1 ? 0 : in.readInt(); i < n; i++) {
                UUID meter = uuid(in);
                Channel register = Channel.ofCode(in.readShort());
                IntervalDerivation.Pending read = new IntervalDerivation.Pending(meter, register, Channel.ofCode(in.readShort()),
                        Instant.ofEpochSecond(in.readLong()), in.readShort(), in.readLong() * toCurrentUnits(format, register));
                if (format >= 3) {
                    byte sides = in.readByte();
                    read = new IntervalDerivation.Pending(read.meterId(), read.register(), read.interval(), read.at(),
                            read.intervalMinutes(), read.value(), (sides & 1) != 0, (sides & 2) != 0);
                }
                pending.add(read);
            }
            return new IngestWork(batchId, part, tenantId, tenantCode, zone, readings, pending);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a value of a part in {@code format} is multiplied by to be in the channel's resolution now. */
    private static long toCurrentUnits(byte format, Channel channel) {
        return format < 4 && channel.resolution().scale() == 4 ? 10 : 1;
    }

    private static void uuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID uuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }
}
