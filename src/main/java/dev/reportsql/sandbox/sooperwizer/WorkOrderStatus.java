package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Report 104: the factory's 1,200 work orders of 2025 with their progress. */
final class WorkOrderStatus implements ReportGenerator {
    static final List<FilterSpec> FILTERS = List.of(
            FilterSpec.single("Status", false),
            FilterSpec.list("BuyerCode", false));

    static final int WORK_ORDERS = 1200;
    static final List<String> STATUSES = List.of("Open", "InProgress", "Closed");
    static final List<String> BUYERS = List.of("HNM", "ZAR", "PRI", "NXT", "MNS", "GAP", "UNQ", "LEV");

    private static final DateTimeFormatter LAST_UPDATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final LocalDate FIRST_DUE = LocalDate.of(2025, 1, 10);
    private static final List<String> TAGS = List.of("knit", "woven", "export", "repeat", "organic", "sample");

    @Override
    public void validate(FilterValues filters) throws BadRequest {
        String status = filters.single("Status");
        if (status != null && !STATUSES.contains(status)) {
            throw new BadRequest("Invalid Status '" + status + "': expected one of Open, InProgress, Closed");
        }
    }

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        String status = filters.single("Status");
        List<String> buyers = filters.list("BuyerCode");
        return IntStream.rangeClosed(1, WORK_ORDERS)
                .mapToObj(WorkOrderStatus::row)
                .filter(r -> status == null || status.equals(r.get("Status")))
                .filter(r -> buyers == null || buyers.contains((String) r.get("BuyerCode")));
    }

    private static Map<String, Object> row(int n) {
        RowHash h = RowHash.of(104, n);
        String buyer = h.pick(BUYERS);
        int orderQty = h.between(10, 400) * 50;
        LocalDate due = FIRST_DUE.plusDays((n - 1) * 330L / WORK_ORDERS + h.between(0, 20));
        String status = status(n, h.unit());
        int shipped = switch (status) {
            case "Closed" -> orderQty - h.between(0, orderQty / 50);
            case "InProgress" -> orderQty * h.between(0, 90) / 100;
            default -> 0;
        };
        LocalDateTime lastUpdate = due.minusDays(h.between(0, 60))
                .atTime(h.between(7, 19), h.between(0, 59), h.between(0, 59));

        Map<String, Object> meta = new LinkedHashMap<>(4);
        meta.put("season", due.getMonthValue() <= 6 ? "SS25" : "AW25");
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (h.oneIn(3)) {
                tags.add(tag);
            }
        }
        meta.put("tags", tags);

        Map<String, Object> row = new LinkedHashMap<>(16);
        row.put("WorkOrderNo", "WO-2025-" + ShopFloor.pad(n, 5));
        row.put("BuyerCode", buyer);
        row.put("StyleCode", ShopFloor.styleCode(h));
        row.put("OrderQty", orderQty);
        row.put("ShippedQty", shipped);
        row.put("DueDate", due.toString());
        row.put("IsUrgent", h.oneIn(6));
        row.put("Status", status);
        row.put("UnitPrice", BigDecimal.valueOf(h.between(250, 2500), 2));
        row.put("LastUpdate", LAST_UPDATE.format(lastUpdate));
        row.put("Meta", meta);
        return row;
    }

    /** Early orders are mostly closed, late ones mostly open. */
    private static String status(int n, double r) {
        double position = (double) n / WORK_ORDERS;
        if (position < 0.35) {
            return r < 0.9 ? "Closed" : "InProgress";
        }
        if (position < 0.7) {
            return r < 0.7 ? "InProgress" : r < 0.85 ? "Closed" : "Open";
        }
        return r < 0.8 ? "Open" : "InProgress";
    }
}
