package dev.reportsql.sandbox;

import java.util.List;

/**
 * Deterministic pseudo-random values derived from a row's key: an FNV-1a hash of the key parts
 * seeds a SplitMix64 sequence. The same key always yields the same values, on every JVM, so
 * reports are reproducible byte for byte.
 */
public final class RowHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long state;

    private RowHash(long seed) {
        this.state = seed;
    }

    /** A value sequence keyed by the string forms of {@code keyParts}. */
    public static RowHash of(Object... keyParts) {
        long h = FNV_OFFSET;
        for (Object part : keyParts) {
            String s = String.valueOf(part);
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * FNV_PRIME;
            }
            // Separator, so that ("ab","c") and ("a","bc") differ.
            h = (h ^ 0x1f) * FNV_PRIME;
        }
        return new RowHash(h);
    }

    public long nextLong() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value in {@code [low, high]}. */
    public int between(int low, int high) {
        return low + (int) Math.floorMod(nextLong(), (long) high - low + 1);
    }

    /** True with probability 1/n. */
    public boolean oneIn(int n) {
        return Math.floorMod(nextLong(), n) == 0;
    }

    /** A value in {@code [0, 1)}. */
    public double unit() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public <T> T pick(List<T> items) {
        return items.get(between(0, items.size() - 1));
    }
}
