package io.stackkeeper.monitoring;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Minute and hour sums packed into one row per bucket: the minute sums of an hour, the hour sums of a day. A row of
 * its own per sum made the table 15 million rows for 500 probes (over 1 GB: each row carries its key, its indexes and
 * the database's own overhead); packed, a steady HTTP probe's minute takes about 12 bytes.
 * <p>
 * One sum is: its slot in the bucket (a byte; the high bit says a value follows), the counts per state and the
 * latency's min, avg, max and p95 in milliseconds as variable-length numbers, then min, avg, max and p95 of the
 * value as doubles when there is one. A bucket's bytes are sums one after the other, appended as each minute or hour
 * passes; two sums of the same slot (an hour resumed after a restart) are merged when read.
 */
final class PackedSums {

    private static final int HAS_VALUE = 0x80;

    /** The kind of sum, with the length of its bucket and of one slot. */
    enum Span {
        MINUTE('M', ChronoUnit.HOURS, ChronoUnit.MINUTES), HOUR('H', ChronoUnit.DAYS, ChronoUnit.HOURS);

        final String code;
        final ChronoUnit bucket;
        final ChronoUnit slot;

        Span(char code, ChronoUnit bucket, ChronoUnit slot) {
            this.code = String.valueOf(code);
            this.bucket = bucket;
            this.slot = slot;
        }

        Instant bucketOf(Instant at) {
            return at.truncatedTo(bucket);
        }

        Duration bucketLength() {
            return bucket.getDuration();
        }
    }

    /** One minute's or hour's sum: counts per state, latency min/avg/max/p95 in ms, value min/avg/max/p95 or null. */
    record Sum(Instant at, int[] counts, long[] latency, double[] value) {

        int results() {
            return counts[0] + counts[1] + counts[2] + counts[3];
        }

        Sum merge(Sum other) {
            int[] c = new int[4];
            for (int i = 0; i < 4; i++) {
                c[i] = counts[i] + other.counts[i];
            }
            int n = results();
            int m = other.results();
            long[] l = {Math.min(latency[0], other.latency[0]), (latency[1] * n + other.latency[1] * m) / Math.max(1, n + m),
                Math.max(latency[2], other.latency[2]), Math.max(latency[3], other.latency[3])};
            double[] v = value == null ? other.value : other.value == null ? value
                    : new double[] {Math.min(value[0], other.value[0]), (value[1] * n + other.value[1] * m) / Math.max(1, n + m),
                        Math.max(value[2], other.value[2]), Math.max(value[3], other.value[3])};
            return new Sum(at, c, l, v);
        }
    }

    private PackedSums() {
    }

    /** The bytes of one minute's or hour's sum, to append to its bucket. */
    static byte[] encode(Span span, Sum sum) {
        double[] value = sum.value();
        int slot = (int) span.slot.between(span.bucketOf(sum.at()), sum.at());
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + (value == null ? 0 : 32));
        out.write(slot | (value == null ? 0 : HAS_VALUE));
        for (int count : sum.counts()) {
            writeVarLong(out, count);
        }
        for (long millis : sum.latency()) {
            writeVarLong(out, Math.max(0, millis));
        }
        if (value != null) {
            ByteBuffer doubles = ByteBuffer.allocate(32);
            for (double v : value) {
                doubles.putDouble(v);
            }
            out.writeBytes(doubles.array());
        }
        return out.toByteArray();
    }

    /** The sums of one bucket in time order, those of the same slot merged; a cut-off last sum is left out. */
    static List<Sum> decode(Span span, Instant bucket, byte[] bytes) {
        TreeMap<Integer, Sum> bySlot = new TreeMap<>();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        while (in.hasRemaining()) {
            int head = in.get() & 0xff;
            int slot = head & ~HAS_VALUE;
            int[] counts = new int[4];
            long[] latency = new long[4];
            double[] value = (head & HAS_VALUE) != 0 ? new double[4] : null;
            try {
                for (int i = 0; i < 4; i++) {
                    counts[i] = (int) readVarLong(in);
                }
                for (int i = 0; i < 4; i++) {
                    latency[i] = readVarLong(in);
                }
                for (int i = 0; value != null && i < 4; i++) {
                    value[i] = in.getDouble();
                }
            } catch (java.nio.BufferUnderflowException cut) {
                break;
            }
            Sum sum = new Sum(bucket.plus(slot, span.slot), counts, latency, value);
            bySlot.merge(slot, sum, Sum::merge);
        }
        return new ArrayList<>(bySlot.values());
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new java.nio.BufferUnderflowException();
    }
}
