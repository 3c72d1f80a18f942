package dev.reportsql.it;

/**
 * The statements {@link ShadedJarProbe} runs: each pair is a name and the SQL. They reach into as
 * many of Calcite's code paths (and the libraries behind them) as plain SQL can: parser, validator,
 * planner rules, code generation, runtime functions, JSON, errors.
 */
final class ShadedJarProbeQueries {
    private static final String DAY = "StartDate = '2025-01-05' AND EndDate = '2025-01-05'";

    static final String[][] SOOPERWIZER = {
        // Scans, types and values of every report
        {"scan MachineDowntime", "SELECT * FROM MachineDowntime"},
        {"scan MachineDowntime_106", "SELECT * FROM MachineDowntime_106"},
        {"scan WorkOrderStatus", "SELECT * FROM WorkOrderStatus"},
        {"scan LineOutputDaily", "SELECT * FROM LineOutputDaily WHERE " + DAY + " AND BranchCode = 'BR02'"},
        {"scan OperatorEfficiency", "SELECT * FROM OperatorEfficiency WHERE \"Date\" = '2025-01-05' "
                + "AND LineCodes IN ('BR01-L001', 'BR03-L100')"},
        {"scan Quality_Audit_Legacy", "SELECT * FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-03'"},
        // Joins
        {"join", "SELECT o.LineCode, SUM(o.PiecesCompleted) AS pieces, MAX(l.ProducedQty) AS produced "
                + "FROM OperatorEfficiency o JOIN LineOutputDaily l ON o.LineCode = l.LineCode "
                + "WHERE o.\"Date\" = '2025-01-05' AND o.LineCodes IN ('BR01-L001', 'BR01-L002') "
                + "AND l." + DAY.replace("EndDate", "l.EndDate") + " AND l.BranchCode = 'BR01' "
                + "GROUP BY o.LineCode ORDER BY o.LineCode"},
        {"left join", "SELECT a.EventID, b.EventID FROM MachineDowntime a LEFT JOIN MachineDowntime_106 b "
                + "ON a.MachineCode = b.MachineCode AND a.Reason = b.Reason ORDER BY a.EventID, b.EventID LIMIT 30"},
        {"full join", "SELECT a.BranchCode, a.n, b.n FROM (SELECT BranchCode, COUNT(*) n FROM MachineDowntime GROUP BY BranchCode) a "
                + "FULL JOIN (SELECT BuyerCode, COUNT(*) n FROM WorkOrderStatus GROUP BY BuyerCode) b ON a.BranchCode = b.BuyerCode "
                + "ORDER BY 1, 2, 3"},
        {"cross join", "SELECT COUNT(*) FROM MachineDowntime_106, (VALUES (1), (2), (3)) AS v(x)"},
        {"non-equi join", "SELECT COUNT(*) FROM MachineDowntime a JOIN MachineDowntime_106 b ON a.Minutes < b.Minutes"},
        // Aggregates
        {"group by having", "SELECT BranchCode, MachineType, COUNT(*), SUM(Minutes), AVG(Minutes), MIN(DownStart), "
                + "MAX(DownEnd), COUNT(DISTINCT Reason) FROM MachineDowntime GROUP BY BranchCode, MachineType "
                + "HAVING COUNT(*) > 5 ORDER BY BranchCode, MachineType"},
        {"statistics", "SELECT BranchCode, STDDEV_POP(Minutes), STDDEV_SAMP(Minutes), VAR_POP(Minutes), VAR_SAMP(Minutes), "
                + "STDDEV(Minutes), VARIANCE(Minutes), COVAR_POP(Minutes, EventID), REGR_COUNT(Minutes, EventID) "
                + "FROM MachineDowntime GROUP BY BranchCode ORDER BY BranchCode"},
        {"boolean and filtered aggregates", "SELECT EVERY(Acknowledged), SOME(Acknowledged), "
                + "COUNT(*) FILTER (WHERE Reason IS NULL), SUM(Minutes) FILTER (WHERE Acknowledged) FROM MachineDowntime"},
        {"collect and listagg", "SELECT BranchCode, LISTAGG(DISTINCT MachineType, ',') WITHIN GROUP (ORDER BY MachineType), "
                + "ANY_VALUE(BranchCode), MODE(MachineType), MIN(EventID), MAX(MachineCode) FROM MachineDowntime GROUP BY BranchCode ORDER BY 1"},
        {"rollup", "SELECT BranchCode, MachineType, COUNT(*), GROUPING(BranchCode) FROM MachineDowntime "
                + "GROUP BY ROLLUP(BranchCode, MachineType) ORDER BY 1 NULLS FIRST, 2 NULLS FIRST"},
        {"cube and grouping sets", "SELECT Status, IsUrgent, COUNT(*), SUM(OrderQty) FROM WorkOrderStatus "
                + "GROUP BY GROUPING SETS ((Status), (IsUrgent), ()) ORDER BY 1 NULLS FIRST, 2 NULLS FIRST"},
        {"cube", "SELECT Status, BuyerCode, COUNT(*) FROM WorkOrderStatus GROUP BY CUBE(Status, BuyerCode) "
                + "ORDER BY 1 NULLS FIRST, 2 NULLS FIRST"},
        // Windows
        {"window functions", "SELECT EventID, BranchCode, ROW_NUMBER() OVER w, RANK() OVER w, DENSE_RANK() OVER w, "
                + "NTILE(4) OVER w, LAG(Minutes) OVER w, LEAD(Minutes, 2) OVER w, LAG(EventID, 1, -1) OVER w, "
                + "FIRST_VALUE(MachineCode) OVER w, LAST_VALUE(MachineCode) OVER w, NTH_VALUE(Minutes, 3) OVER w "
                + "FROM MachineDowntime WINDOW w AS (PARTITION BY BranchCode ORDER BY EventID) ORDER BY EventID"},
        {"window frames", "SELECT EventID, SUM(Minutes) OVER (ORDER BY EventID ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), "
                + "AVG(Minutes) OVER (PARTITION BY MachineType ORDER BY EventID RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING), "
                + "COUNT(*) OVER (), MAX(Minutes) OVER (PARTITION BY BranchCode) FROM MachineDowntime ORDER BY EventID"},
        {"distribution windows and defaults", "SELECT EventID, PERCENT_RANK() OVER (PARTITION BY BranchCode ORDER BY "
                + "Minutes), CUME_DIST() OVER (ORDER BY Minutes), LAG(Minutes, 1, 0) OVER (ORDER BY EventID) "
                + "FROM MachineDowntime ORDER BY EventID"},
        // Functions BI tools write (docs/sql-functions.md)
        {"postgresql functions and percentiles", "SELECT BranchCode, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "
                + "Minutes), PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY Minutes), STRING_AGG(MachineType, ',' "
                + "ORDER BY MachineType), MIN(DATE_TRUNC('week', DownStart)), MAX(SPLIT_PART(MachineCode, '-', 3)) "
                + "FROM MachineDowntime WHERE MachineCode ILIKE 'b%' GROUP BY BranchCode ORDER BY BranchCode"},
        // Sorting, paging
        {"order by limit", "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAY
                + " ORDER BY ProducedQty DESC, LineCode LIMIT 5"},
        {"offset fetch", "SELECT EventID, Reason FROM MachineDowntime ORDER BY Reason NULLS FIRST, EventID DESC "
                + "OFFSET 20 ROWS FETCH NEXT 15 ROWS ONLY"},
        {"limit without order", "SELECT EventID FROM MachineDowntime LIMIT 3"},
        // Set operations
        {"union", "SELECT BranchCode FROM MachineDowntime UNION SELECT BranchCode FROM MachineDowntime_106 ORDER BY 1"},
        {"union all", "SELECT MachineType, 'a' FROM MachineDowntime_106 UNION ALL SELECT MachineType, 'b' FROM MachineDowntime_106 "
                + "ORDER BY 1, 2"},
        {"intersect", "SELECT MachineCode FROM MachineDowntime INTERSECT SELECT MachineCode FROM MachineDowntime_106 ORDER BY 1"},
        {"except", "SELECT MachineType FROM MachineDowntime EXCEPT SELECT MachineType FROM MachineDowntime_106 ORDER BY 1"},
        {"intersect all, except all", "SELECT BranchCode FROM MachineDowntime INTERSECT ALL SELECT BranchCode FROM MachineDowntime_106 "
                + "EXCEPT ALL SELECT 'BR01' FROM (VALUES (1)) ORDER BY 1"},
        // Subqueries
        {"in subquery", "SELECT COUNT(*) FROM MachineDowntime WHERE MachineCode IN (SELECT MachineCode FROM MachineDowntime_106)"},
        {"not in subquery", "SELECT COUNT(*) FROM MachineDowntime WHERE Minutes NOT IN (SELECT Minutes FROM MachineDowntime_106 "
                + "WHERE Minutes IS NOT NULL)"},
        {"exists", "SELECT COUNT(*) FROM MachineDowntime a WHERE EXISTS (SELECT 1 FROM MachineDowntime_106 b "
                + "WHERE b.BranchCode = a.BranchCode AND b.Minutes > a.Minutes)"},
        {"not exists", "SELECT COUNT(*) FROM WorkOrderStatus w WHERE NOT EXISTS (SELECT 1 FROM MachineDowntime m "
                + "WHERE m.EventID = CAST(SUBSTRING(w.WorkOrderNo FROM 9) AS INTEGER))"},
        {"scalar subquery", "SELECT EventID, Minutes - (SELECT AVG(Minutes) FROM MachineDowntime) FROM MachineDowntime_106 ORDER BY 1"},
        {"correlated scalar", "SELECT BranchCode, (SELECT MAX(b.Minutes) FROM MachineDowntime_106 b WHERE b.BranchCode = a.BranchCode) "
                + "FROM (SELECT DISTINCT BranchCode FROM MachineDowntime) a ORDER BY 1"},
        {"with", "WITH t AS (SELECT BranchCode, SUM(Minutes) AS m FROM MachineDowntime GROUP BY BranchCode), "
                + "u AS (SELECT MAX(m) AS top FROM t) SELECT t.* FROM t, u WHERE t.m = u.top"},
        {"values and lateral", "SELECT v.x, t.n FROM (VALUES (1), (2)) AS v(x), "
                + "LATERAL (SELECT COUNT(*) AS n FROM MachineDowntime_106 WHERE EventID > v.x) t ORDER BY 1"},
        {"unnest", "SELECT x FROM UNNEST(ARRAY[3, 1, 2]) AS t(x) ORDER BY x"},
        // Expressions
        {"case coalesce nullif", "SELECT EventID, CASE WHEN Minutes IS NULL THEN 'open' WHEN Minutes > 100 THEN 'long' "
                + "ELSE 'short' END, CASE BranchCode WHEN 'BR01' THEN 1 WHEN 'BR02' THEN 2 END, COALESCE(Reason, 'none'), "
                + "NULLIF(Minutes, 0), CASE WHEN EventID > 100 THEN EventID ELSE 100 END FROM MachineDowntime ORDER BY EventID LIMIT 60"},
        {"cast to every type", "SELECT CAST('true' AS BOOLEAN), CAST(127 AS TINYINT), CAST(32000 AS SMALLINT), CAST('42' AS INTEGER), "
                + "CAST(9007199254740993 AS BIGINT), CAST('12.345' AS DECIMAL(10, 2)), CAST(1.5 AS REAL), CAST(2.5 AS FLOAT), "
                + "CAST('3.25e2' AS DOUBLE), CAST(12 AS CHAR(5)), CAST(12.5 AS VARCHAR(10)), CAST('2025-02-28' AS DATE), "
                + "CAST('23:59:58' AS TIME), CAST('2025-02-28 23:59:58.125' AS TIMESTAMP), CAST(X'0AFF' AS VARBINARY(4)), "
                + "CAST(X'0A' AS BINARY(3)), CAST(DATE '2025-01-01' AS TIMESTAMP), CAST(TIMESTAMP '2025-01-01 10:00:00' AS DATE), "
                + "CAST(TIMESTAMP '2025-01-01 10:00:00' AS VARCHAR(30)), CAST(INTERVAL '3' DAY AS INTERVAL HOUR), "
                + "CAST(Minutes AS DOUBLE), CAST(DownStart AS VARCHAR(30)), CAST(Acknowledged AS VARCHAR(5)) "
                + "FROM MachineDowntime WHERE EventID = 3"},
        {"cast of columns", "SELECT CAST(UnitPrice AS INTEGER), CAST(UnitPrice AS DECIMAL(6, 1)), CAST(OrderQty AS VARCHAR(10)), "
                + "CAST(DueDate AS TIMESTAMP), CAST(LastUpdate AS DATE), CAST(IsUrgent AS VARCHAR(5)) "
                + "FROM WorkOrderStatus ORDER BY WorkOrderNo LIMIT 20"},
        {"string functions", "SELECT MachineCode, SUBSTRING(MachineCode FROM 5 FOR 4), UPPER(Reason), LOWER(MachineType), "
                + "TRIM(BOTH '-' FROM '--' || BranchCode || '--'), TRIM(LEADING FROM '  x '), TRIM(TRAILING 'B' FROM BranchCode), "
                + "POSITION('-' IN MachineCode), CHAR_LENGTH(Reason), CHARACTER_LENGTH(MachineType), OCTET_LENGTH(MachineType), "
                + "INITCAP(LOWER(MachineType)), OVERLAY(MachineCode PLACING 'XX' FROM 2 FOR 3), REPLACE(MachineCode, '-', '/'), "
                + "MachineCode || '#' || CAST(EventID AS VARCHAR(5)), ASCII(MachineType), "
                + "{fn CONCAT(BranchCode, MachineType)}, {fn LEFT(MachineType, 3)}, {fn RIGHT(MachineType, 2)}, "
                + "{fn REPEAT('ab', 2)}, {fn SPACE(2)} || '|', {fn LCASE(BranchCode)}, {fn LOCATE('-', MachineCode, 5)}, "
                + "{fn LTRIM('  x')}, {fn INSERT(BranchCode, 2, 1, 'zz')}, {fn DIFFERENCE('Robert', 'Rupert')}, "
                + "{fn SOUNDEX(MachineType)}, TRANSLATE(BranchCode USING UTF16) "
                + "FROM MachineDowntime ORDER BY EventID LIMIT 25"},
        {"pattern matching", "SELECT COUNT(*) FILTER (WHERE Reason LIKE 'N%'), COUNT(*) FILTER (WHERE Reason NOT LIKE '%break%'), "
                + "COUNT(*) FILTER (WHERE MachineCode SIMILAR TO '[A-Z]{3}-BR0[12]-%'), "
                + "COUNT(*) FILTER (WHERE Reason LIKE '%e!%%' ESCAPE '!'), COUNT(*) FILTER (WHERE MachineCode NOT SIMILAR TO 'BTK%') "
                + "FROM MachineDowntime"},
        {"date and time functions", "SELECT EventID, DownStart, FLOOR(DownStart TO MONTH), CEIL(DownStart TO HOUR), "
                + "FLOOR(CAST(DownStart AS DATE) TO YEAR), CEIL(CAST(DownStart AS DATE) TO WEEK), EXTRACT(YEAR FROM DownStart), "
                + "EXTRACT(MONTH FROM DownStart), EXTRACT(DAY FROM DownStart), EXTRACT(HOUR FROM DownStart), "
                + "EXTRACT(MINUTE FROM DownStart), EXTRACT(DOW FROM DownStart), EXTRACT(DOY FROM DownStart), "
                + "EXTRACT(WEEK FROM DownStart), EXTRACT(QUARTER FROM DownStart), EXTRACT(EPOCH FROM DownStart), "
                + "TIMESTAMPADD(HOUR, 5, DownStart), TIMESTAMPADD(MONTH, -1, CAST(DownStart AS DATE)), "
                + "TIMESTAMPDIFF(MINUTE, DownStart, DownEnd), DownStart + INTERVAL '1' DAY, "
                + "CAST(DownStart AS DATE) - INTERVAL '2' MONTH, (DownEnd - DownStart) HOUR TO MINUTE, "
                + "DAYOFWEEK(DownStart), DAYOFMONTH(DownStart), MONTH(DownStart), YEAR(DownStart), QUARTER(DownStart), "
                + "HOUR(DownStart), MINUTE(DownStart), SECOND(DownStart), WEEK(DownStart) "
                + "FROM MachineDowntime ORDER BY EventID LIMIT 30"},
        {"date literals and comparisons", "SELECT COUNT(*) FROM WorkOrderStatus WHERE DueDate BETWEEN DATE '2025-03-01' "
                + "AND DATE '2025-06-30' AND LastUpdate < TIMESTAMP '2025-02-01 00:00:00' AND DueDate <> DATE '2025-04-01'"},
        {"math functions", "SELECT EventID, Minutes, ROUND(Minutes / 7.0, 2), ROUND(Minutes, -1), TRUNCATE(Minutes / 7.0, 1), "
                + "POWER(Minutes, 2), POWER(2, 0.5), MOD(Minutes, 7), ABS(-Minutes), SQRT(Minutes), EXP(1), LN(Minutes), "
                + "LOG10(Minutes), SIGN(Minutes - 100), CEIL(Minutes / 7.0), FLOOR(Minutes / 7.0), PI, SIN(Minutes), COS(0), "
                + "TAN(1), ASIN(0.5), ACOS(0.5), ATAN(1), ATAN2(1, Minutes), COT(1), DEGREES(PI), RADIANS(180), CBRT(27), "
                + "Minutes * 1.5, Minutes / 3, Minutes / 3.0, -Minutes, 7 / 2, CAST(7 AS DOUBLE) / 2 "
                + "FROM MachineDowntime WHERE Minutes IS NOT NULL ORDER BY EventID LIMIT 30"},
        {"decimal arithmetic", "SELECT WorkOrderNo, UnitPrice, UnitPrice * OrderQty, UnitPrice / 3, UnitPrice + 0.005, "
                + "ROUND(UnitPrice * 1.175, 3), SUM(UnitPrice) OVER (ORDER BY WorkOrderNo ROWS 3 PRECEDING) "
                + "FROM WorkOrderStatus ORDER BY WorkOrderNo LIMIT 30"},
        {"big numbers", "SELECT \"Audit #\", BigCount, BigCount + 1, BigCount / 3, Ratio, \"Defect %\", \"1st Pass Yield\" "
                + "FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-03' ORDER BY \"Audit #\""},
        {"json functions", "SELECT WorkOrderNo, JSON_VALUE(CAST(Meta AS VARCHAR(200)), '$.season'), "
                + "JSON_QUERY(CAST(Meta AS VARCHAR(200)), '$.tags'), JSON_EXISTS(CAST(Meta AS VARCHAR(200)), '$.tags[0]'), "
                + "JSON_VALUE('{\"a\": {\"b\": [1, 2, 3]}}', 'lax $.a.b[1]' RETURNING INTEGER), "
                + "JSON_OBJECT('k' VALUE WorkOrderNo, 'q' VALUE OrderQty), JSON_ARRAY(BuyerCode, OrderQty), "
                + "JSON_TYPE('[1]'), JSON_DEPTH('{\"a\":[1]}'), JSON_LENGTH('[1,2,3]'), JSON_KEYS('{\"x\":1,\"y\":2}'), "
                + "JSON_PRETTY('{\"x\":1}'), JSON_REMOVE('{\"x\":1,\"y\":2}', '$.x'), JSON_STORAGE_SIZE('[1]'), "
                + "'[1]' IS JSON ARRAY, '{' IS JSON "
                + "FROM WorkOrderStatus ORDER BY WorkOrderNo LIMIT 10"},
        {"json aggregates", "SELECT BuyerCode, JSON_ARRAYAGG(OrderQty ORDER BY WorkOrderNo), "
                + "JSON_OBJECTAGG(KEY WorkOrderNo VALUE OrderQty) FROM WorkOrderStatus WHERE WorkOrderNo < 'WO-2025-00020' "
                + "GROUP BY BuyerCode ORDER BY 1"},
        {"nested values", "SELECT EventID, Parts, CAST(Parts AS VARCHAR(200)) FROM MachineDowntime WHERE Parts IS NOT NULL "
                + "ORDER BY EventID LIMIT 10"},
        {"object column", "SELECT WorkOrderNo, Meta FROM WorkOrderStatus ORDER BY WorkOrderNo LIMIT 5"},
        {"awkward names and unicode", "SELECT \"Audit #\", \"line code\", Remarks, UPPER(Remarks), CHAR_LENGTH(Remarks), "
                + "Extra, Checked, EmptyCol FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-03' AND Remarks IS NOT NULL"},
        {"distinct and in list", "SELECT DISTINCT MachineType FROM MachineDowntime WHERE BranchCode IN ('BR01', 'BR03') "
                + "AND Minutes BETWEEN 30 AND 90 AND Reason IS NOT NULL ORDER BY 1"},
        {"boolean logic", "SELECT COUNT(*) FROM WorkOrderStatus WHERE (IsUrgent OR ShippedQty = 0) AND NOT (Status = 'Closed') "
                + "AND (IsUrgent IS TRUE OR IsUrgent IS NOT FALSE)"},
        {"row and array values", "SELECT ROW(1, 'a'), ARRAY[1, 2, 3], ARRAY[1, 2, 3][2], CARDINALITY(ARRAY[1, 2]), "
                + "MAP['a', 1, 'b', 2], MAP['a', 1]['a'], ELEMENT(ARRAY[5]) FROM (VALUES (0))"},
        {"multiset and collect", "SELECT BranchCode, CARDINALITY(COLLECT(MachineType)) FROM MachineDowntime_106 GROUP BY BranchCode "
                + "ORDER BY 1"},
        {"pushed filters with residual", "SELECT BranchCode, COUNT(*), SUM(ProducedQty) FROM LineOutputDaily "
                + "WHERE StartDate = DATE '2025-01-01' AND EndDate = DATE '2025-01-03' "
                + "AND (BranchCode = 'BR01' OR BranchCode = 'BR03') AND ProducedQty > 500 GROUP BY BranchCode ORDER BY 1"},
        {"explain plan", "EXPLAIN PLAN FOR SELECT LineCode FROM LineOutputDaily WHERE " + DAY
                + " AND BranchCode IN ('BR01') AND ProducedQty > 10 ORDER BY ProducedQty DESC LIMIT 5"},
        {"explain plan with types", "EXPLAIN PLAN WITH TYPE FOR SELECT * FROM MachineDowntime"},
        {"explain plan as json", "EXPLAIN PLAN AS JSON FOR SELECT BranchCode, COUNT(*) FROM MachineDowntime GROUP BY BranchCode"},
        {"explain plan as xml", "EXPLAIN PLAN AS XML FOR SELECT * FROM MachineDowntime_106 WHERE Minutes > 3"},
        {"explain logical", "EXPLAIN PLAN WITHOUT IMPLEMENTATION FOR SELECT a.EventID FROM MachineDowntime a "
                + "JOIN MachineDowntime_106 b ON a.BranchCode = b.BranchCode"},
        // Errors: each must carry the right SQLState
        {"error: syntax", "SELEC * FROM MachineDowntime"},
        {"error: unknown table", "SELECT * FROM NoSuchReport"},
        {"error: unknown column", "SELECT NoSuchColumn FROM MachineDowntime"},
        {"error: unknown function", "SELECT NO_SUCH_FUNCTION(EventID) FROM MachineDowntime"},
        {"error: type mismatch", "SELECT EventID + TRUE FROM MachineDowntime"},
        {"error: missing required filter", "SELECT * FROM LineOutputDaily"},
        {"error: two values for a single filter", "SELECT * FROM LineOutputDaily WHERE StartDate IN ('2025-01-01', '2025-01-02') "
                + "AND EndDate = '2025-01-02'"},
        {"error: division by zero (22012)", "SELECT EventID / (EventID - EventID) FROM MachineDowntime"},
        {"error: bad cast (22018)", "SELECT CAST(MachineCode AS INTEGER) FROM MachineDowntime"},
        {"error: bad date (22007)", "SELECT CAST('2025-02-30' AS DATE) FROM MachineDowntime_106"},
        {"error: integer out of range (22003)", "SELECT CAST(CAST(EventID AS VARCHAR(5)) || '0000000000' AS INTEGER) "
                + "FROM MachineDowntime"},
        {"error: write", "DELETE FROM MachineDowntime"},
        {"error: ddl", "CREATE TABLE t (x INTEGER)"},
        {"error: api rejects filter value", "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-13-01' AND EndDate = '2025-13-02'"},
        {"error: library function not enabled", "SELECT REGEXP_REPLACE(MachineCode, '[0-9]', '#') FROM MachineDowntime"},
        {"error: PERCENTILE_CONT, which Calcite's enumerable cannot run", "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP "
                + "(ORDER BY Minutes) FROM MachineDowntime"},
        {"error: PERCENT_RANK, which Calcite's enumerable cannot run", "SELECT PERCENT_RANK() OVER (ORDER BY EventID) "
                + "FROM MachineDowntime"},
        {"error: LEAD with a default over a nullable column (Calcite)", "SELECT LEAD(Minutes, 2, -1) OVER (ORDER BY EventID) "
                + "FROM MachineDowntime"},
        {"error: scalar subquery with two rows (21000)", "SELECT (SELECT EventID FROM MachineDowntime_106) FROM (VALUES (1))"},
    };

    static final String[][] REPORTEI = {
        {"reportei merchant", "SELECT * FROM merchant_settings"},
        {"reportei integrations list", "SELECT * FROM available_integrations ORDER BY slug"},
        {"reportei customers", "SELECT * FROM customers"},
        {"reportei customers paged with limit", "SELECT \"uuid\", name FROM customers LIMIT 30 OFFSET 10"},
        {"reportei customers aggregates", "SELECT is_paying, COUNT(*), MIN(created_at), MAX(trial_ends_at), "
                + "EXTRACT(YEAR FROM MIN(created_at)), FLOOR(MAX(updated_at) TO DAY) FROM customers GROUP BY is_paying ORDER BY 1"},
        {"reportei customer by uuid", "SELECT c.name, c.created_at FROM customers c WHERE c.\"uuid\" IN "
                + "(SELECT \"uuid\" FROM customers ORDER BY created_at LIMIT 3)"},
        {"reportei keyword names unquoted", "SELECT uuid, CAST(uuid AS UUID) AS value, name AS rank FROM customers "
                + "WHERE uuid IN (SELECT uuid FROM customers ORDER BY created_at LIMIT 3) ORDER BY rank DESC, uuid"},
        {"error: reportei reserved word unquoted", "SELECT name, date FROM customers"},
        {"reportei customer settings", "SELECT * FROM customer_settings"},
        {"reportei customer integrations", "SELECT * FROM customer_integrations ORDER BY \"uuid\""},
        {"reportei integration by uuid", "SELECT \"uuid\", status, integration_slug FROM customer_integrations "
                + "WHERE status <> 'active' ORDER BY 1"},
        {"reportei number widget", "SELECT metric_value, comparison_value, difference, absolute_difference "
                + "FROM TABLE(widget_data('ig:reach', 'number_v1', 'reach')) "
                + "WHERE customer_integration = '179a1f34-d098-3295-9ec2-5c4bcdb714a7' "
                + "AND \"start\" = DATE '2024-01-01' AND \"end\" = DATE '2024-01-31' "
                + "AND comparison_start = DATE '2023-12-01' AND comparison_end = DATE '2023-12-31'"},
        {"reportei chart widget", "SELECT label, series, series_name, metric_value, "
                + "SUM(metric_value) OVER (PARTITION BY series ORDER BY label) FROM TABLE(widget_data('ig:impressions_reach', "
                + "'chart_v1', 'impressions,reach', 'date')) "
                + "WHERE customer_integration IN ('179a1f34-d098-3295-9ec2-5c4bcdb714a7') "
                + "AND \"start\" = '2024-01-01' AND \"end\" = '2024-01-07' ORDER BY series, label"},
        {"reportei explain", "EXPLAIN PLAN FOR SELECT name FROM customers WHERE is_paying LIMIT 5"},
        {"reportei error: missing widget parameters", "SELECT * FROM TABLE(widget_data('ig:reach', 'number_v1', 'reach'))"},
        {"reportei error: unsupported component", "SELECT * FROM TABLE(widget_data('ig:x', 'pipeline_v1', 'reach'))"},
    };

    private ShadedJarProbeQueries() {
    }
}
