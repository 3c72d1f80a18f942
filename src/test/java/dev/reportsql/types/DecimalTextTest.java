package dev.reportsql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast decimal reader gives exactly what {@code new BigDecimal(text)} gives, or declines. */
class DecimalTextTest {
    private static BigDecimal parse(String s) {
        char[] padded = ("xx" + s + "yy").toCharArray(); // offsets inside a larger buffer, like Jackson's
        return DecimalText.parse(padded, 2, s.length());
    }

    private static void same(String s) {
        BigDecimal expected = new BigDecimal(s);
        BigDecimal actual = parse(s);
        assertEquals(expected, actual, s); // equals compares value and scale
        assertEquals(expected.scale(), actual.scale(), s);
        assertEquals(BigDecimal.class, actual.getClass(), s);
    }

    @Test
    void simpleDecimalsMatchBigDecimal() {
        for (String s : new String[] {"0.0", "-0.0", "109.03", "-0.50", "1.5", "0.00000000000000001",
            "999999999999999999", "99999999999999999.9", "-99999999999999999.9", "12", "-7", "100.10"}) {
            same(s);
        }
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int intDigits = 1 + r.nextInt(9);
            int fracDigits = r.nextInt(10);
            StringBuilder b = new StringBuilder(r.nextBoolean() ? "-" : "");
            b.append(1 + r.nextInt(9));
            for (int k = 1; k < intDigits; k++) {
                b.append(r.nextInt(10));
            }
            if (fracDigits > 0) {
                b.append('.');
                for (int k = 0; k < fracDigits; k++) {
                    b.append(r.nextInt(10));
                }
            }
            same(b.toString());
        }
    }

    @Test
    void otherShapesAreLeftToTheGeneralParser() {
        for (String s : new String[] {"", "-", "1.", ".5", "1e3", "1.5E-7", "1.2.3", "+1.5", "1234567890123456789", "0.000000000000000001",
            "12345678901234567.89", "--1", "1-", " 1", "NaN"}) {
            assertNull(parse(s), s);
        }
    }
}
