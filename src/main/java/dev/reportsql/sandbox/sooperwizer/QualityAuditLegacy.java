package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Report 105: a legacy export with awkward column names and values, to exercise the driver's
 * naming and type handling: spaces and symbols in names, mixed integer/decimal numbers, integers
 * above 2^53, exponent notation, control characters and non-BMP text, nested objects, and a
 * column that is always null.
 */
final class QualityAuditLegacy implements ReportGenerator {
    static final List<FilterSpec> FILTERS = List.of(FilterSpec.single("AuditMonth", true));

    /** 2^53 + 1: the first integer a double cannot hold. */
    static final long BIG_COUNT_BASE = 9_007_199_254_740_993L;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final List<String> REMARKS = List.of(
            "Stitch density OK \u2713",
            "N\u00e4hte schief \u2013 nacharbeiten",
            "Buyer QA said \"acceptable\"",
            "Loose threads at hem\nRe-check after wash",
            "SPI\t12 vs 14 spec",
            "\u8272\u5dee (shade variation) on panel B",
            "Packing ok \uD83D\uDC4D",
            "\u00c9mile's audit: 0 major, 2 minor");
    private static final List<Integer> SAMPLE_SIZES = List.of(32, 50, 80, 125);

    @Override
    public void validate(FilterValues filters) throws BadRequest {
        String month = filters.single("AuditMonth");
        if (!MONTH.matcher(month).matches()) {
            throw new BadRequest("Invalid AuditMonth '" + month + "': expected a month as yyyy-MM");
        }
    }

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        YearMonth month = YearMonth.parse(filters.single("AuditMonth"));
        int audits = RowHash.of(105, month).between(45, 55);
        return IntStream.rangeClosed(1, audits).mapToObj(n -> row(month, n));
    }

    private static Map<String, Object> row(YearMonth month, int n) {
        RowHash h = RowHash.of(105, month, n);
        String branch = h.pick(ShopFloor.BRANCHES);
        String line = ShopFloor.lineCode(branch, h.between(1, ShopFloor.LINES_PER_BRANCH));
        int defectEighths = h.between(0, 48);
        Object defectPct;
        if (defectEighths % 8 == 0) {
            defectPct = defectEighths / 8;
        } else {
            defectPct = BigDecimal.valueOf(defectEighths * 125L, 3).stripTrailingZeros();
        }
        Boolean checked = h.oneIn(5) ? null : h.oneIn(3) ? Boolean.FALSE : Boolean.TRUE;

        Map<String, Object> extra = new LinkedHashMap<>(4);
        extra.put("shift", h.oneIn(3) ? "B" : "A");
        extra.put("sampleSize", h.pick(SAMPLE_SIZES));
        extra.put("aql", h.oneIn(2) ? 2.5 : 4.0);

        Map<String, Object> row = new LinkedHashMap<>(16);
        row.put("Audit #", n);
        row.put("line code", line.toLowerCase(Locale.ROOT));
        row.put("Defect %", defectPct);
        row.put("1st Pass Yield", h.between(850, 1000) / 10.0);
        row.put("Remarks", h.oneIn(4) ? h.pick(REMARKS) : null);
        row.put("Inspector", ShopFloor.personName(h));
        row.put("Checked", checked);
        row.put("Extra", extra);
        row.put("BigCount", BIG_COUNT_BASE + (month.getYear() * 12L + month.getMonthValue()) * 100 + n);
        row.put("Ratio", new NumberText(h.between(1, 9) + "." + h.between(1, 9) + "E-" + h.between(2, 6)));
        row.put("EmptyCol", null);
        return row;
    }
}
