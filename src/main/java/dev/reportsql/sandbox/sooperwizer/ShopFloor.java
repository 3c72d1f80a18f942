package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about the simulated garment factory shared by several reports, and filter value parsing. */
final class ShopFloor {
    static final List<String> BRANCHES = List.of("BR01", "BR02", "BR03");
    static final int LINES_PER_BRANCH = 100;

    static final List<String> FIRST_NAMES = List.of(
            "Ayesha", "Bilal", "Fatima", "Hamza", "Iqra", "Kamran", "Mariam", "Nadia", "Omar", "Rabia",
            "Saad", "Sana", "Tariq", "Uzma", "Waqas", "Zainab", "Rina", "Shirin", "Anwar", "Farhana");
    static final List<String> LAST_NAMES = List.of(
            "Khan", "Ahmed", "Hussain", "Malik", "Qureshi", "Raza", "Siddiqui", "Butt", "Chaudhry",
            "Rahman", "Begum", "Islam", "Akter", "Sheikh", "Javed", "Iqbal");

    private static final Pattern LINE_CODE = Pattern.compile("(BR0[1-3])-L(\\d{3})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ShopFloor() {
    }

    /** {@code BR01-L007}. */
    static String lineCode(String branch, int line) {
        return branch + "-L" + pad(line, 3);
    }

    /** True for an existing sewing line such as {@code BR02-L100}. */
    static boolean isLine(String code) {
        Matcher m = LINE_CODE.matcher(code);
        if (!m.matches()) {
            return false;
        }
        int n = Integer.parseInt(m.group(2));
        return n >= 1 && n <= LINES_PER_BRANCH;
    }

    /** A style code such as {@code ST-4821}. */
    static String styleCode(RowHash h) {
        return "ST-" + h.between(1000, 9999);
    }

    static String personName(RowHash h) {
        return h.pick(FIRST_NAMES) + " " + h.pick(LAST_NAMES);
    }

    /** Zero-padded decimal. */
    static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Parses a yyyy-MM-dd filter value or rejects it naming the filter. */
    static LocalDate date(String filter, String value) throws BadRequest {
        if (DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        throw new BadRequest("Invalid " + filter + " '" + value + "': expected a date as yyyy-MM-dd");
    }
}
