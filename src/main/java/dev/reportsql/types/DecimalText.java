package dev.reportsql.types;

import java.math.BigDecimal;

/**
 * Reads the common shape of a JSON decimal, {@code -?digits.digits} with at most 18 digits, as
 * {@code BigDecimal.valueOf(unscaled, scale)}: the same value and scale that
 * {@code new BigDecimal(text)} gives, without its general parser (measurably costly on a scan,
 * docs/performance.md). Anything else (exponents, longer numbers) is left to the caller's parser.
 */
final class DecimalText {
    /** 18 digits always fit in a long. */
    private static final int MAX_DIGITS = 18;

    private DecimalText() {
    }

    /** The decimal, or null when the text is not of the simple shape. */
    static BigDecimal parse(char[] chars, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = i < end && chars[i] == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < end; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                if (++digits > MAX_DIGITS) {
                    return null;
                }
                unscaled = unscaled * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0 && digits > 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (digits == 0 || scale == 0) {
            return null; // "", "-", "1." are not numbers of this shape
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }
}
