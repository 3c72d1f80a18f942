-- The differential corpus (DifferentialTest; docs/testing.md says how to add a query).
-- Each @table is mirrored into H2: the rows the sandbox serves for those filters, in the column
-- types the driver's getColumns reports. Every query runs on the driver and on H2; the answers
-- must agree, and the driver must send exactly the get-data bodies of @requests (in any order).
-- Keyword-named columns are written quoted here.
@table MachineDowntime user=oscar report=103 filters={}
@table LineOutputDaily user=oscar report=101 filters={"StartDate":"2025-01-01","EndDate":"2025-01-02"}
@table OddNames user=oscar report=201 filters={}
@table SparseColumns user=oscar report=202 filters={}
@table ShiftingKinds user=oscar report=203 filters={}
@table TimeWords user=oscar report=207 filters={}
@table OperatorEfficiency user=alice report=102 filters={"Date":"2025-01-06","LineCodes":["BR01-L001","BR02-L003"]}
@table WorkOrderStatus user=alice report=104 filters={}
@table Quality_Audit_Legacy user=alice report=105 filters={"AuditMonth":"2025-02"}
@table MachineDowntime_106 user=alice report=106 filters={}
@user oscar

-- Whole tables: every column, every row
SELECT * FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT * FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT * FROM SparseColumns
  @requests [{"ReportID":202,"filters":{}}]
SELECT * FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT * FROM ShiftingKinds
  @requests [{"ReportID":203,"filters":{}}]

-- Projection
SELECT EventID, MachineCode FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT MachineType, BranchCode, Minutes FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT DownStart, DownEnd FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT Reason, Acknowledged FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT Parts FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID * 2 AS twice, EventID + 1, EventID - 100 FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, Minutes * 60 AS seconds FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT MachineCode || ' / ' || BranchCode FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT DISTINCT BranchCode FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT DISTINCT MachineType, BranchCode FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT DISTINCT Reason FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT LineCode, ProducedQty, TargetQty FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT ProductionDate, EfficiencyPct FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT StartDate, EndDate, LineCode FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT ProducedQty - DefectQty AS good FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT 1 + 2, 'x', TRUE FROM MachineDowntime WHERE EventID = 1
  @requests [{"ReportID":103,"filters":{}}]

-- Filters on data columns (run locally)
SELECT EventID FROM MachineDowntime WHERE Minutes > 100
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE Minutes BETWEEN 10 AND 20
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE Minutes NOT BETWEEN 10 AND 170
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE BranchCode = 'BR02' AND Minutes < 30
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE BranchCode = 'BR01' OR Reason = 'Oil leak'
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE BranchCode IN ('BR01', 'BR03')
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE BranchCode NOT IN ('BR01', 'BR03')
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE MachineCode LIKE 'SNL-%'
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE MachineCode LIKE '%-00_'
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE MachineType NOT LIKE '%needle%'
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE Acknowledged
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE NOT Acknowledged
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE Acknowledged = FALSE AND Minutes IS NOT NULL
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE DownStart >= TIMESTAMP '2025-03-10 00:00:00'
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE DownStart < TIMESTAMP '2025-03-02 12:00:00'
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE CAST(DownStart AS DATE) = DATE '2025-03-05'
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE EventID % 7 = 3
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT EventID FROM MachineDowntime WHERE MOD(EventID, 7) = 3
SELECT EventID FROM MachineDowntime WHERE MOD(EventID, 11) = 0
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE UPPER(Reason) = 'OIL LEAK'
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE Minutes > 50 AND (Reason = 'Power cut' OR Reason = 'Motor fault')
  @requests [{"ReportID":103,"filters":{}}]
SELECT LineCode FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND ProducedQty > TargetQty
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT LineCode FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND EfficiencyPct >= 100.50
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT LineCode FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND ProductionDate = DATE '2025-01-02' AND Shift = 'B'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT LineCode, ProductionDate FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND ProductionDate > DATE '2025-01-01'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]

-- Pushdown: filters sent to the API
SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND BranchCode = 'BR02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02","BranchCode":["BR02"]}}]
SELECT LineCode FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND BranchCode IN ('BR01', 'BR03')
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02","BranchCode":["BR01","BR03"]}}]
SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND (BranchCode = 'BR01' OR BranchCode = 'BR02')
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02","BranchCode":["BR01","BR02"]}}]
SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND BranchCode = 'BR09'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02","BranchCode":["BR09"]}}]
SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND BranchCode <> 'BR02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND BranchCode LIKE 'BR0%'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND BranchCode IN ('BR03')
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02","BranchCode":["BR03"]}}]
SELECT id FROM OddNames WHERE "year" = 2024
  @requests [{"ReportID":201,"filters":{"year":"2024"}}]
SELECT id FROM OddNames WHERE "year" = 2025
  @requests [{"ReportID":201,"filters":{"year":"2025"}}]
-- a value the integer column cannot hold is not sent: no row equals it
SELECT id FROM OddNames WHERE "year" = 2024.5
  @requests [{"ReportID":201,"filters":{}}]
SELECT id FROM OddNames WHERE "year" = 2024.0
  @requests [{"ReportID":201,"filters":{"year":"2024"}}]
SELECT id FROM OddNames WHERE "year" IN (2024, 2024.25)
  @requests [{"ReportID":201,"filters":{}}]
SELECT id FROM OddNames WHERE "year" = 99999999999999999999
  @requests [{"ReportID":201,"filters":{}}]
  @h2 SELECT id FROM OddNames WHERE CAST("year" AS NUMERIC(30)) = 99999999999999999999
SELECT id FROM OddNames WHERE "year" > 2024
  @requests [{"ReportID":201,"filters":{}}]
SELECT id, "Region" FROM OddNames WHERE "Region" = 'North'
  @requests [{"ReportID":201,"filters":{"Region":["North"]}}]
SELECT id FROM OddNames WHERE "Region" IN ('East', 'West') AND "year" = 2024
  @requests [{"ReportID":201,"filters":{"Region":["East","West"],"year":"2024"}}]
SELECT id FROM OddNames WHERE "Region" = 'Nowhere'
  @requests [{"ReportID":201,"filters":{"Region":["Nowhere"]}}]
-- unquoted names match ignoring case in the driver
SELECT id FROM OddNames WHERE region = 'South'
  @requests [{"ReportID":201,"filters":{"Region":["South"]}}]
  @h2 SELECT id FROM OddNames WHERE "Region" = 'South'
SELECT id FROM OddNames WHERE "Region" = 'North' OR "year" = 2025
  @requests [{"ReportID":201,"filters":{}}]

-- NULLs
SELECT EventID FROM MachineDowntime WHERE Reason IS NULL
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE Minutes IS NULL
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE DownEnd IS NULL AND Minutes IS NULL
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE Parts IS NOT NULL
  @requests [{"ReportID":103,"filters":{}}]
SELECT COUNT(*), COUNT(Reason), COUNT(Minutes), COUNT(Parts) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE Reason <> 'Oil leak'
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE NOT (Reason = 'Oil leak')
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE Reason NOT IN ('Oil leak', 'Power cut')
  @requests [{"ReportID":103,"filters":{}}]
-- = NULL is never true: no data call
SELECT EventID FROM MachineDowntime WHERE Minutes = NULL
  @requests []
SELECT EventID, Minutes + NULL FROM MachineDowntime WHERE EventID < 5
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT EventID, Minutes + CAST(NULL AS BIGINT) FROM MachineDowntime WHERE EventID < 5
SELECT id FROM SparseColumns WHERE late_number IS NULL
  @requests [{"ReportID":202,"filters":{}}]
SELECT id FROM SparseColumns WHERE late_text IS NOT NULL AND late_number IS NULL
  @requests [{"ReportID":202,"filters":{}}]
SELECT COUNT(*), COUNT(late_number), COUNT(late_decimal), COUNT(always_null) FROM SparseColumns
  @requests [{"ReportID":202,"filters":{}}]
-- late_number and late_decimal are NULL in every inferred row: VARCHAR
SELECT MIN(late_number), MAX(late_number) FROM SparseColumns
  @requests [{"ReportID":202,"filters":{}}]
SELECT SUM(CAST(late_number AS BIGINT)) FROM SparseColumns
  @requests [{"ReportID":202,"filters":{}}]
SELECT SUM(CAST(late_decimal AS DECIMAL(10, 3))), MAX(late_decimal) FROM SparseColumns
  @requests [{"ReportID":202,"filters":{}}]
SELECT SUM(CAST(late_number AS BIGINT)) FROM SparseColumns WHERE id <= 600
  @requests [{"ReportID":202,"filters":{}}]
SELECT MAX(always_null), MIN(always_null) FROM SparseColumns
  @requests [{"ReportID":202,"filters":{}}]
SELECT COUNT(*) FROM SparseColumns WHERE always_null IS NULL
  @requests [{"ReportID":202,"filters":{}}]
SELECT "group", COUNT(late_decimal) FROM SparseColumns GROUP BY "group"
  @requests [{"ReportID":202,"filters":{}}]
SELECT id, COALESCE(late_number, -1) FROM SparseColumns WHERE id BETWEEN 590 AND 610
  @requests [{"ReportID":202,"filters":{}}]
SELECT id, COALESCE(late_text, 'none') FROM SparseColumns WHERE id BETWEEN 495 AND 505
  @requests [{"ReportID":202,"filters":{}}]
SELECT id, NULLIF(late_number, 0) FROM SparseColumns WHERE id > 990
  @requests [{"ReportID":202,"filters":{}}]
SELECT id FROM SparseColumns WHERE CAST(late_number AS INTEGER) > 0 OR "group" = 'g3'
  @requests [{"ReportID":202,"filters":{}}]
SELECT id FROM SparseColumns WHERE NOT (late_number > 0)
  @requests [{"ReportID":202,"filters":{}}]
SELECT COUNT(DISTINCT late_number) FROM SparseColumns
  @requests [{"ReportID":202,"filters":{}}]
SELECT late_number, COUNT(*) FROM SparseColumns GROUP BY late_number
  @requests [{"ReportID":202,"filters":{}}]
-- a column NULL in its first rows is still a number: its later values decide its type
SELECT id, late_decimal * 2 FROM SparseColumns WHERE id BETWEEN 298 AND 303
  @requests [{"ReportID":202,"filters":{}}]

-- Aggregates and GROUP BY
SELECT COUNT(*) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, COUNT(*) FROM MachineDowntime GROUP BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, SUM(Minutes), MIN(Minutes), MAX(Minutes) FROM MachineDowntime GROUP BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
SELECT MachineType, COUNT(*) AS n, SUM(Minutes) AS total FROM MachineDowntime GROUP BY MachineType
  @requests [{"ReportID":103,"filters":{}}]
SELECT Reason, COUNT(*) FROM MachineDowntime GROUP BY Reason
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, Reason, COUNT(*) FROM MachineDowntime GROUP BY BranchCode, Reason
  @requests [{"ReportID":103,"filters":{}}]
SELECT Acknowledged, COUNT(*) FROM MachineDowntime GROUP BY Acknowledged
  @requests [{"ReportID":103,"filters":{}}]
SELECT COUNT(DISTINCT MachineCode), COUNT(DISTINCT Reason) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, COUNT(DISTINCT MachineType) FROM MachineDowntime GROUP BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
SELECT MIN(DownStart), MAX(DownStart), MAX(DownEnd) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT MIN(MachineCode), MAX(Reason) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
-- a DECIMAL quotient has 6 fractional digits in Calcite, truncated; H2 keeps more
SELECT SUM(Minutes) / COUNT(Minutes) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT TRUNC(SUM(Minutes) / COUNT(Minutes), 6) FROM MachineDowntime
SELECT AVG(CAST(Minutes AS DOUBLE)) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT AVG(CAST(Minutes AS DOUBLE PRECISION)) FROM MachineDowntime
SELECT BranchCode, AVG(CAST(Minutes AS DOUBLE)) FROM MachineDowntime GROUP BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT BranchCode, AVG(CAST(Minutes AS DOUBLE PRECISION)) FROM MachineDowntime GROUP BY BranchCode
SELECT AVG(Minutes) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @known AVG of an integer column is an integer in Calcite (the fraction is dropped); H2 answers a decimal. Cast the argument to DOUBLE or DECIMAL for the fraction
SELECT STDDEV_POP(CAST(Minutes AS DOUBLE)), VAR_SAMP(CAST(Minutes AS DOUBLE)) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT STDDEV_POP(CAST(Minutes AS DOUBLE PRECISION)), VAR_SAMP(CAST(Minutes AS DOUBLE PRECISION)) FROM MachineDowntime
-- statistics of an integer column are integers in Calcite, the fraction dropped
SELECT BranchCode, STDDEV_POP(Minutes), VAR_POP(Minutes) FROM MachineDowntime GROUP BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT BranchCode, CAST(FLOOR(STDDEV_POP(Minutes)) AS BIGINT), CAST(FLOOR(VAR_POP(Minutes)) AS BIGINT) FROM MachineDowntime GROUP BY BranchCode
SELECT SUM(DISTINCT Minutes), COUNT(DISTINCT Minutes) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, COUNT(DISTINCT MachineCode), SUM(Minutes), MAX(Minutes) FROM MachineDowntime GROUP BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
SELECT MachineType, SUM(Minutes) FILTER (WHERE Acknowledged), SUM(Minutes) FILTER (WHERE NOT Acknowledged) FROM MachineDowntime GROUP BY MachineType
  @requests [{"ReportID":103,"filters":{}}]
SELECT COUNT(*) FROM MachineDowntime WHERE Minutes > 1000
  @requests [{"ReportID":103,"filters":{}}]
SELECT SUM(Minutes), MAX(Reason) FROM MachineDowntime WHERE Minutes > 1000
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, COUNT(*) FROM MachineDowntime WHERE Minutes > 1000 GROUP BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, SUM(CASE WHEN Acknowledged THEN 1 ELSE 0 END) FROM MachineDowntime GROUP BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, COUNT(*) FILTER (WHERE Minutes > 90) FROM MachineDowntime GROUP BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
SELECT CAST(DownStart AS DATE) AS d, COUNT(*) FROM MachineDowntime GROUP BY CAST(DownStart AS DATE)
  @requests [{"ReportID":103,"filters":{}}]
SELECT EXTRACT(HOUR FROM DownStart) AS h, COUNT(*) FROM MachineDowntime GROUP BY EXTRACT(HOUR FROM DownStart)
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, SUM(ProducedQty), SUM(TargetQty), SUM(DefectQty) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' GROUP BY BranchCode
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT ProductionDate, BranchCode, SUM(ProducedQty) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' GROUP BY ProductionDate, BranchCode
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT Shift, COUNT(DISTINCT LineCode), MAX(EfficiencyPct), MIN(EfficiencyPct) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' GROUP BY Shift
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT SUM(EfficiencyPct) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT StyleCode, COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' GROUP BY StyleCode
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT BranchCode, SUM(ProducedQty) * 100 / SUM(TargetQty) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' GROUP BY BranchCode
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
  @h2 SELECT BranchCode, TRUNC(SUM(ProducedQty) * 100 / SUM(TargetQty), 6) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' GROUP BY BranchCode
SELECT StartDate, COUNT(*) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' GROUP BY StartDate
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]

-- HAVING
SELECT BranchCode, COUNT(*) FROM MachineDowntime GROUP BY BranchCode HAVING COUNT(*) > 150
  @requests [{"ReportID":103,"filters":{}}]
SELECT MachineCode, COUNT(*) FROM MachineDowntime GROUP BY MachineCode HAVING COUNT(*) >= 5
  @requests [{"ReportID":103,"filters":{}}]
SELECT Reason, SUM(Minutes) FROM MachineDowntime GROUP BY Reason HAVING SUM(Minutes) > 4000
  @requests [{"ReportID":103,"filters":{}}]
SELECT MachineType FROM MachineDowntime GROUP BY MachineType HAVING MIN(Minutes) < 10 AND MAX(Minutes) > 170
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, MachineType FROM MachineDowntime GROUP BY BranchCode, MachineType HAVING COUNT(Reason) < COUNT(*)
  @requests [{"ReportID":103,"filters":{}}]
SELECT StyleCode FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' GROUP BY StyleCode HAVING COUNT(*) > 1
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT "group" FROM SparseColumns GROUP BY "group" HAVING SUM(CAST(late_number AS BIGINT)) > 0
  @requests [{"ReportID":202,"filters":{}}]
SELECT COUNT(*) FROM MachineDowntime HAVING COUNT(*) > 1000
  @requests [{"ReportID":103,"filters":{}}]

-- ORDER BY, LIMIT, OFFSET, FETCH
SELECT EventID, Minutes FROM MachineDowntime ORDER BY EventID
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, Minutes FROM MachineDowntime ORDER BY EventID DESC
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, Minutes FROM MachineDowntime ORDER BY Minutes NULLS FIRST, EventID
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, Minutes FROM MachineDowntime ORDER BY Minutes DESC NULLS LAST, EventID
  @requests [{"ReportID":103,"filters":{}}]
-- the driver sorts NULL last when ascending (Calcite's default), H2 first
SELECT EventID, Minutes FROM MachineDowntime ORDER BY Minutes
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT EventID, Minutes FROM MachineDowntime ORDER BY Minutes NULLS LAST
SELECT EventID, Minutes FROM MachineDowntime ORDER BY Minutes DESC
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT EventID, Minutes FROM MachineDowntime ORDER BY Minutes DESC NULLS FIRST
-- ties: rows of one branch may come in any order
SELECT BranchCode, EventID FROM MachineDowntime ORDER BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, MachineCode FROM MachineDowntime ORDER BY MachineCode, EventID DESC
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime ORDER BY EventID LIMIT 10
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime ORDER BY EventID LIMIT 10 OFFSET 20
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime ORDER BY EventID OFFSET 470 ROWS
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime ORDER BY EventID DESC FETCH FIRST 5 ROWS ONLY
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime ORDER BY EventID OFFSET 5 ROWS FETCH NEXT 3 ROWS ONLY
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime ORDER BY EventID OFFSET 1000 ROWS
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, Minutes FROM MachineDowntime ORDER BY Minutes DESC NULLS LAST, EventID LIMIT 7
  @requests [{"ReportID":103,"filters":{}}]
-- LIMIT cuts a tie group: only its keys compare
SELECT BranchCode, Minutes FROM MachineDowntime ORDER BY Minutes DESC NULLS LAST LIMIT 12
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, COUNT(*) AS n FROM MachineDowntime GROUP BY BranchCode ORDER BY n DESC
  @requests [{"ReportID":103,"filters":{}}]
SELECT BranchCode, COUNT(*) AS n FROM MachineDowntime GROUP BY BranchCode ORDER BY 2, 1
  @requests [{"ReportID":103,"filters":{}}]
SELECT MachineType, SUM(Minutes) AS total FROM MachineDowntime GROUP BY MachineType ORDER BY total DESC LIMIT 3
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, DownStart FROM MachineDowntime ORDER BY DownStart DESC LIMIT 5
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, Reason FROM MachineDowntime ORDER BY Reason NULLS FIRST, EventID LIMIT 20
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, Reason FROM MachineDowntime ORDER BY Reason DESC NULLS LAST, EventID DESC LIMIT 20
  @requests [{"ReportID":103,"filters":{}}]
SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' ORDER BY ProducedQty DESC, LineCode LIMIT 10
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT LineCode, ProductionDate, EfficiencyPct FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' ORDER BY EfficiencyPct, LineCode, ProductionDate FETCH FIRST 15 ROWS ONLY
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT LineCode, ProductionDate FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' ORDER BY ProductionDate DESC, LineCode OFFSET 290 ROWS FETCH NEXT 20 ROWS ONLY
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT EventID, MachineCode FROM MachineDowntime ORDER BY LOWER(MachineCode), EventID LIMIT 10
  @requests [{"ReportID":103,"filters":{}}]
  @order 2,1
-- keys not in the output: the full order is unique, so EventID alone compares in sequence
SELECT EventID FROM MachineDowntime ORDER BY Minutes * 2 DESC NULLS LAST, EventID LIMIT 10
  @requests [{"ReportID":103,"filters":{}}]
  @order 1
SELECT id, "amount" FROM OddNames ORDER BY "amount" DESC, id
  @requests [{"ReportID":201,"filters":{}}]
SELECT id, "Amount" FROM OddNames ORDER BY "Amount", id LIMIT 10
  @requests [{"ReportID":201,"filters":{}}]
SELECT id, "Größe" FROM OddNames ORDER BY "Größe", id
  @requests [{"ReportID":201,"filters":{}}]
SELECT id, late_number FROM SparseColumns ORDER BY late_number NULLS LAST, id LIMIT 30
  @requests [{"ReportID":202,"filters":{}}]
SELECT id, late_number FROM SparseColumns ORDER BY late_number DESC NULLS FIRST, id OFFSET 395 ROWS FETCH NEXT 10 ROWS ONLY
  @requests [{"ReportID":202,"filters":{}}]

-- CASE, CAST, COALESCE, NULLIF
SELECT EventID, CASE WHEN Minutes > 120 THEN 'long' WHEN Minutes > 30 THEN 'medium' ELSE 'short' END FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT CASE BranchCode WHEN 'BR01' THEN 1 WHEN 'BR02' THEN 2 ELSE 3 END AS b, COUNT(*) FROM MachineDowntime GROUP BY CASE BranchCode WHEN 'BR01' THEN 1 WHEN 'BR02' THEN 2 ELSE 3 END
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, CASE WHEN Reason IS NULL THEN 'unknown' ELSE Reason END FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, CASE WHEN Acknowledged THEN Minutes END FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, COALESCE(Reason, MachineType) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, COALESCE(Minutes, 0) + 1 FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, COALESCE(DownEnd, DownStart) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, NULLIF(BranchCode, 'BR01') FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, NULLIF(Minutes, 4) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT CAST(EventID AS VARCHAR(10)) || '-' || BranchCode FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT CAST(Minutes AS DECIMAL(10, 2)) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT CAST(Minutes AS DOUBLE) / 7 FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT CAST(Minutes AS DOUBLE PRECISION) / 7 FROM MachineDowntime
SELECT CAST(DownStart AS DATE), CAST(DownStart AS TIME) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT CAST(DownStart AS VARCHAR(30)) FROM MachineDowntime WHERE EventID < 10
  @requests [{"ReportID":103,"filters":{}}]
-- a BOOLEAN as text is TRUE/FALSE (the standard's spelling); H2 writes lower case
SELECT CAST(Acknowledged AS VARCHAR(5)) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT UPPER(CAST(Acknowledged AS VARCHAR(5))) FROM MachineDowntime
SELECT CAST(EfficiencyPct AS INTEGER) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
  @known CAST of a decimal to INTEGER truncates in Calcite and rounds in H2 (the standard leaves it to the implementation)
SELECT CAST(FLOOR(EfficiencyPct) AS INTEGER) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT CAST(EfficiencyPct AS DECIMAL(6, 1)) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
  @known CAST to a smaller scale truncates in Calcite and rounds in H2
SELECT CAST(ProducedQty AS DECIMAL(12, 3)) / 3 FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND LineCode = 'BR01-L001'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
  @known decimal division keeps a different scale: Calcite and H2 derive the quotient's scale differently
SELECT CAST('123' AS INTEGER) + EventID FROM MachineDowntime WHERE EventID = 1
  @requests [{"ReportID":103,"filters":{}}]
SELECT CAST(ProductionDate AS VARCHAR(10)) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT CAST(CAST(ProductionDate AS VARCHAR(10)) AS DATE) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT CAST(MachineCode AS INTEGER) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @error 22018
SELECT EventID / (EventID - EventID) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @error 22012
-- found while planning: no data call
SELECT CAST('2025-02-30' AS DATE) FROM MachineDowntime WHERE EventID = 1
  @requests []
  @error 22007

-- Strings
SELECT UPPER(MachineType), LOWER(BranchCode) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT SUBSTRING(MachineCode FROM 1 FOR 3), SUBSTRING(MachineCode FROM 5) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT CHAR_LENGTH(MachineType), CHARACTER_LENGTH(Reason) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT POSITION('-' IN MachineCode) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT TRIM(BOTH 'B' FROM BranchCode), TRIM('  x  ') FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT MachineType || ' (' || CAST(COUNT(*) AS VARCHAR(10)) || ')' FROM MachineDowntime GROUP BY MachineType
  @requests [{"ReportID":103,"filters":{}}]
SELECT REPLACE(MachineCode, '-', '/') FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE SUBSTRING(MachineCode FROM 5 FOR 4) = BranchCode
  @requests [{"ReportID":103,"filters":{}}]
SELECT MachineCode FROM MachineDowntime WHERE MachineCode > 'OVL' AND MachineCode < 'SNL'
  @requests [{"ReportID":103,"filters":{}}]
SELECT LineCode FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND LineCode LIKE '%L0_5'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]

-- Integer arithmetic
SELECT EventID / 7, EventID % 7, MOD(EventID, 7) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT EventID / 7, MOD(EventID, 7), MOD(EventID, 7) FROM MachineDowntime
SELECT -EventID, ABS(EventID - 240) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT (Minutes + 1) * (Minutes - 1) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT SUM(Minutes * Minutes) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT ProducedQty / Operators, MOD(ProducedQty, Operators) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT (-7) / 2, MOD(-7, 2) FROM MachineDowntime WHERE EventID = 1
  @requests [{"ReportID":103,"filters":{}}]
SELECT id, "amount" / 3, "amount" * -2 FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT late_number / 10 FROM SparseColumns WHERE late_number IS NOT NULL
  @requests [{"ReportID":202,"filters":{}}]
-- overflow: an error, never a wrapped number
SELECT 9223372036854775807 + EventID FROM MachineDowntime WHERE EventID = 1
  @requests [{"ReportID":103,"filters":{}}]
  @error 22003
SELECT EventID * 4611686018427387904 FROM MachineDowntime WHERE EventID = 2
  @requests [{"ReportID":103,"filters":{}}]
  @error 22003
SELECT ABS(EventID - 9223372036854775807 - 2) FROM MachineDowntime WHERE EventID = 1
  @requests [{"ReportID":103,"filters":{}}]
  @error 22003
SELECT ABS(EventID - 240), ABS(-EventID), ABS(Minutes - 100) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]

-- Decimal and floating point
SELECT EfficiencyPct * 2, EfficiencyPct + 0.005 FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT ROUND(EfficiencyPct, 1), ROUND(EfficiencyPct) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT FLOOR(EfficiencyPct), CEIL(EfficiencyPct) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT MAX(EfficiencyPct) - MIN(EfficiencyPct) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT ProducedQty * 1.5 FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT SQRT(CAST(ProducedQty AS DOUBLE)) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
  @h2 SELECT SQRT(CAST(ProducedQty AS DOUBLE PRECISION)) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
SELECT POWER(Operators, 2) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT id, "Amount" * 2, "Amount" - "amount" FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT SUM("Amount"), MIN("Amount"), MAX("value") FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT "Unit Price" * "件数" FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT ROUND("value", 1) FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]

-- Dates and times
SELECT EXTRACT(YEAR FROM DownStart), EXTRACT(MONTH FROM DownStart), EXTRACT(DAY FROM DownStart) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EXTRACT(HOUR FROM DownStart), EXTRACT(MINUTE FROM DownStart), EXTRACT(SECOND FROM DownStart) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EXTRACT(HOUR FROM DownStart), EXTRACT(MINUTE FROM DownStart) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT YEAR(DownStart), MONTH(DownStart), DAYOFMONTH(DownStart) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT YEAR(DownStart), MONTH(DownStart), DAY_OF_MONTH(DownStart) FROM MachineDowntime
SELECT EXTRACT(DOW FROM DownStart), COUNT(*) FROM MachineDowntime GROUP BY EXTRACT(DOW FROM DownStart)
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT DAY_OF_WEEK(DownStart), COUNT(*) FROM MachineDowntime GROUP BY DAY_OF_WEEK(DownStart)
SELECT EXTRACT(DOY FROM ProductionDate) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
  @h2 SELECT DAY_OF_YEAR(ProductionDate) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
SELECT EventID, DownStart + INTERVAL '1' HOUR FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, DownStart - INTERVAL '30' MINUTE FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT ProductionDate + INTERVAL '1' DAY, ProductionDate - INTERVAL '1' MONTH FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT TIMESTAMPDIFF(MINUTE, DownStart, DownEnd), Minutes FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT DATEDIFF(MINUTE, DownStart, DownEnd), Minutes FROM MachineDowntime
SELECT EventID FROM MachineDowntime WHERE TIMESTAMPDIFF(MINUTE, DownStart, DownEnd) <> Minutes
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT EventID FROM MachineDowntime WHERE DATEDIFF(MINUTE, DownStart, DownEnd) <> Minutes
SELECT TIMESTAMPADD(DAY, 2, DownStart) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT DATEADD(DAY, 2, DownStart) FROM MachineDowntime
SELECT TIMESTAMPDIFF(DAY, TIMESTAMP '2025-03-01 00:00:00', DownStart) AS d, COUNT(*) FROM MachineDowntime GROUP BY TIMESTAMPDIFF(DAY, TIMESTAMP '2025-03-01 00:00:00', DownStart)
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT DATEDIFF(DAY, TIMESTAMP '2025-03-01 00:00:00', DownStart) AS d, COUNT(*) FROM MachineDowntime GROUP BY DATEDIFF(DAY, TIMESTAMP '2025-03-01 00:00:00', DownStart)
SELECT FLOOR(DownStart TO DAY), COUNT(*) FROM MachineDowntime GROUP BY FLOOR(DownStart TO DAY)
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT DATE_TRUNC(DAY, DownStart), COUNT(*) FROM MachineDowntime GROUP BY DATE_TRUNC(DAY, DownStart)
SELECT FLOOR(DownStart TO HOUR) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT DATE_TRUNC(HOUR, DownStart) FROM MachineDowntime
SELECT EventID FROM MachineDowntime WHERE DownStart BETWEEN TIMESTAMP '2025-03-03 00:00:00' AND TIMESTAMP '2025-03-04 00:00:00'
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE EXTRACT(DAY FROM DownStart) = 15 AND EXTRACT(HOUR FROM DownStart) < 12
  @requests [{"ReportID":103,"filters":{}}]
SELECT DATE '2025-03-01' + INTERVAL '10' DAY FROM MachineDowntime WHERE EventID = 1
  @requests [{"ReportID":103,"filters":{}}]
SELECT CAST(DownStart AS DATE) - INTERVAL '1' DAY FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT "start", "end" FROM OddNames WHERE "end" IS NULL OR "end" < "start" + INTERVAL '2' HOUR
  @requests [{"ReportID":201,"filters":{}}]
SELECT ProductionDate FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND ProductionDate BETWEEN DATE '2025-01-02' AND DATE '2025-01-31'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT EXTRACT(MONTH FROM "when") FROM ShiftingKinds
  @requests [{"ReportID":203,"filters":{}}]
  @error 22007 only-driver: when holds dates in the rows types are inferred from, timestamps later
  @known the scan converts every column when the plan keeps the whole row (aggregates, filters without a projection), so a later value of ratio that does not fit fails queries that never read ratio

-- The keyword names, case twins and odd names (quoted)
SELECT "year", "month", "day", "hour" FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT "value", "user", "position", "rank" FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT "result", "data", "language" FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT "start", "end", "running", "uuid" FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT "amount", "Amount" FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT "Unit Price", "a.b", "say ""hi""", "Größe", "件数" FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT "user", COUNT(*) FROM OddNames GROUP BY "user"
  @requests [{"ReportID":201,"filters":{}}]
SELECT "result", COUNT(*), SUM("amount"), SUM("Amount") FROM OddNames GROUP BY "result"
  @requests [{"ReportID":201,"filters":{}}]
SELECT "rank", "position" FROM OddNames WHERE "rank" > "position"
  @requests [{"ReportID":201,"filters":{}}]
SELECT id FROM OddNames WHERE "amount" > 100 AND "Amount" < 100
  @requests [{"ReportID":201,"filters":{}}]
SELECT id FROM OddNames WHERE "amount" = "Amount"
  @requests [{"ReportID":201,"filters":{}}]
SELECT id FROM OddNames WHERE "say ""hi""" LIKE '%"hi"%'
  @requests [{"ReportID":201,"filters":{}}]
SELECT id FROM OddNames WHERE "a.b" = 'ab-3'
  @requests [{"ReportID":201,"filters":{}}]
SELECT "Größe", SUM("件数") FROM OddNames GROUP BY "Größe"
  @requests [{"ReportID":201,"filters":{}}]
SELECT "language", "Region", COUNT(*) FROM OddNames GROUP BY "language", "Region"
  @requests [{"ReportID":201,"filters":{}}]
SELECT id FROM OddNames WHERE "running" AND "result" IS NULL
  @requests [{"ReportID":201,"filters":{}}]
SELECT "data" || '/' || "user" FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT o."value", o."Amount" FROM OddNames AS o WHERE o."month" = 12
  @requests [{"ReportID":201,"filters":{}}]
SELECT "month", MAX("value"), MIN("Unit Price") FROM OddNames GROUP BY "month"
  @requests [{"ReportID":201,"filters":{}}]
SELECT id, "hour" FROM OddNames WHERE "hour" = EXTRACT(HOUR FROM "start")
  @requests [{"ReportID":201,"filters":{}}]
SELECT COUNT(*) FROM OddNames WHERE "year" = EXTRACT(YEAR FROM "start") AND "day" = EXTRACT(DAY FROM "start")
  @requests [{"ReportID":201,"filters":{}}]
SELECT UPPER("uuid") FROM OddNames WHERE "uuid" LIKE '%a%'
  @requests [{"ReportID":201,"filters":{}}]
SELECT "amount" FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
  @h2 SELECT "amount" FROM OddNames
SELECT Amount FROM OddNames
  @requests []
  @error 42702 only-driver: unquoted Amount matches both case twins

-- date, time, timestamp, window and FETCH words as names, unquoted (H2 reserves several: quoted there)
SELECT id, date, time, timestamp, rows, range, partition, next, current, interval FROM TimeWords
  @requests [{"ReportID":207,"filters":{}}]
  @h2 SELECT id, "date", "time", "timestamp", "rows", "range", "partition", "next", "current", "interval" FROM TimeWords
SELECT date, COUNT(*), SUM(rows) FROM TimeWords GROUP BY date ORDER BY date
  @requests [{"ReportID":207,"filters":{}}]
  @h2 SELECT "date", COUNT(*), SUM("rows") FROM TimeWords GROUP BY "date" ORDER BY "date"
SELECT partition, range, MAX(next) FROM TimeWords WHERE current GROUP BY partition, range
  @requests [{"ReportID":207,"filters":{}}]
  @h2 SELECT "partition", "range", MAX("next") FROM TimeWords WHERE "current" GROUP BY "partition", "range"
SELECT id, SUM(rows) OVER (PARTITION BY partition ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM TimeWords
  @requests [{"ReportID":207,"filters":{}}]
  @h2 SELECT id, SUM("rows") OVER (PARTITION BY "partition" ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM TimeWords
SELECT id, next FROM TimeWords ORDER BY id OFFSET 3 ROWS FETCH NEXT 4 ROWS ONLY
  @requests [{"ReportID":207,"filters":{}}]
  @h2 SELECT id, "next" FROM TimeWords ORDER BY id OFFSET 3 ROWS FETCH NEXT 4 ROWS ONLY
SELECT id, timestamp FROM TimeWords WHERE timestamp >= TIMESTAMP '2025-03-04 12:00:00' AND rows < 250
  @requests [{"ReportID":207,"filters":{}}]
  @h2 SELECT id, "timestamp" FROM TimeWords WHERE "timestamp" >= TIMESTAMP '2025-03-04 12:00:00' AND "rows" < 250
SELECT EXTRACT(DAY FROM date), CAST(timestamp AS DATE), interval * 2 FROM TimeWords WHERE interval BETWEEN 10 AND 40
  @requests [{"ReportID":207,"filters":{}}]
  @h2 SELECT EXTRACT(DAY FROM "date"), CAST("timestamp" AS DATE), "interval" * 2 FROM TimeWords WHERE "interval" BETWEEN 10 AND 40
SELECT t.date, t.range FROM TimeWords t WHERE t.range IN ('low', 'high') AND t.next IS NULL
  @requests [{"ReportID":207,"filters":{}}]
  @h2 SELECT t."date", t."range" FROM TimeWords t WHERE t."range" IN ('low', 'high') AND t."next" IS NULL
SELECT id, date FROM TimeWords WHERE date = DATE '2025-03-05'
  @requests [{"ReportID":207,"filters":{"date":"2025-03-05"}}]
  @h2 SELECT id, "date" FROM TimeWords WHERE "date" = DATE '2025-03-05'

-- ShiftingKinds: the columns that keep their kind
SELECT id, num_text FROM ShiftingKinds
  @requests [{"ReportID":203,"filters":{}}]
SELECT num_text, COUNT(*) FROM ShiftingKinds GROUP BY num_text
  @requests [{"ReportID":203,"filters":{}}]
SELECT COUNT(*) FROM ShiftingKinds WHERE num_text LIKE '%.5'
  @requests [{"ReportID":203,"filters":{}}]
SELECT SUM(id) FROM ShiftingKinds WHERE id > 500
  @requests [{"ReportID":203,"filters":{}}]
SELECT qty FROM ShiftingKinds
  @requests [{"ReportID":203,"filters":{}}]
SELECT code FROM ShiftingKinds
  @requests [{"ReportID":203,"filters":{}}]
  @error 22018 only-driver: code holds numbers in the inferred rows, text after row 500
  @known the scan converts every column when the plan keeps the whole row (aggregates, filters without a projection), so a later value of ratio that does not fit fails queries that never read ratio
SELECT flag FROM ShiftingKinds
  @requests [{"ReportID":203,"filters":{}}]
  @error 22018 only-driver: flag holds booleans in the inferred rows, yes/no after row 800
  @known the scan converts every column when the plan keeps the whole row (aggregates, filters without a projection), so a later value of ratio that does not fit fails queries that never read ratio

-- Subqueries
SELECT EventID FROM MachineDowntime WHERE Minutes = (SELECT MAX(Minutes) FROM MachineDowntime)
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE Minutes > (SELECT AVG(CAST(Minutes AS DOUBLE)) FROM MachineDowntime) * 2
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
  @h2 SELECT EventID FROM MachineDowntime WHERE Minutes > (SELECT AVG(CAST(Minutes AS DOUBLE PRECISION)) FROM MachineDowntime) * 2
SELECT MachineCode FROM MachineDowntime m WHERE Minutes = (SELECT MAX(Minutes) FROM MachineDowntime x WHERE x.BranchCode = m.BranchCode)
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT BranchCode, n FROM (SELECT BranchCode, COUNT(*) AS n FROM MachineDowntime GROUP BY BranchCode) t WHERE n > 100
  @requests [{"ReportID":103,"filters":{}}]
SELECT MAX(n) FROM (SELECT MachineCode, COUNT(*) AS n FROM MachineDowntime GROUP BY MachineCode) t
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE MachineCode IN (SELECT MachineCode FROM MachineDowntime WHERE Reason = 'Motor fault')
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
-- the decorrelated plan reads the report three times
SELECT EventID FROM MachineDowntime WHERE MachineCode NOT IN (SELECT MachineCode FROM MachineDowntime WHERE Reason IS NOT NULL AND Reason = 'Motor fault')
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
-- the decorrelated plan reads the report three times
SELECT EventID FROM MachineDowntime m WHERE EXISTS (SELECT 1 FROM MachineDowntime x WHERE x.MachineCode = m.MachineCode AND x.EventID <> m.EventID)
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
-- the decorrelated plan reads the report three times
SELECT EventID FROM MachineDowntime m WHERE NOT EXISTS (SELECT 1 FROM MachineDowntime x WHERE x.MachineCode = m.MachineCode AND x.EventID < m.EventID)
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
-- the decorrelated plan reads the report three times
SELECT EventID, (SELECT COUNT(*) FROM MachineDowntime x WHERE x.BranchCode = m.BranchCode) FROM MachineDowntime m WHERE EventID <= 20
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT (SELECT MAX(EventID) FROM MachineDowntime) - (SELECT MIN(EventID) FROM MachineDowntime) FROM MachineDowntime WHERE EventID = 1
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT LineCode FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND ProducedQty > (SELECT AVG(CAST(ProducedQty AS DOUBLE)) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02')
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}},{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
  @h2 SELECT LineCode FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND ProducedQty > (SELECT AVG(CAST(ProducedQty AS DOUBLE PRECISION)) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02')
SELECT id FROM SparseColumns WHERE late_number IN (SELECT late_number FROM SparseColumns WHERE id > 990)
  @requests [{"ReportID":202,"filters":{}},{"ReportID":202,"filters":{}}]
-- NOT IN over a subquery holding NULLs is never true
SELECT id FROM SparseColumns WHERE late_number NOT IN (SELECT late_number FROM SparseColumns WHERE id < 10)
  @requests [{"ReportID":202,"filters":{}},{"ReportID":202,"filters":{}},{"ReportID":202,"filters":{}}]
SELECT id FROM SparseColumns WHERE late_number > ALL (SELECT late_number FROM SparseColumns WHERE id BETWEEN 601 AND 700)
  @requests [{"ReportID":202,"filters":{}},{"ReportID":202,"filters":{}}]
SELECT id FROM SparseColumns WHERE late_number = ANY (SELECT late_number FROM SparseColumns WHERE id BETWEEN 601 AND 610)
  @requests [{"ReportID":202,"filters":{}},{"ReportID":202,"filters":{}}]
  @h2 SELECT id FROM SparseColumns WHERE late_number IN (SELECT late_number FROM SparseColumns WHERE id BETWEEN 601 AND 610)
-- fails on the subquery's second row, before the outer scan
SELECT (SELECT EventID FROM MachineDowntime) FROM MachineDowntime WHERE EventID = 1
  @requests [{"ReportID":103,"filters":{}}]
  @error 21000

-- CTEs
WITH b AS (SELECT BranchCode, SUM(Minutes) AS m FROM MachineDowntime GROUP BY BranchCode) SELECT * FROM b WHERE m > 0
  @requests [{"ReportID":103,"filters":{}}]
WITH b AS (SELECT BranchCode, COUNT(*) AS n FROM MachineDowntime GROUP BY BranchCode) SELECT BranchCode FROM b WHERE n = (SELECT MAX(n) FROM b)
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
WITH long_stops AS (SELECT * FROM MachineDowntime WHERE Minutes > 150) SELECT MachineType, COUNT(*) FROM long_stops GROUP BY MachineType
  @requests [{"ReportID":103,"filters":{}}]
WITH a AS (SELECT EventID, Minutes FROM MachineDowntime), b AS (SELECT EventID FROM a WHERE Minutes > 100) SELECT COUNT(*) FROM b
  @requests [{"ReportID":103,"filters":{}}]
WITH d AS (SELECT CAST(DownStart AS DATE) AS day1, Minutes FROM MachineDowntime) SELECT day1, SUM(Minutes) FROM d GROUP BY day1
  @requests [{"ReportID":103,"filters":{}}]
WITH l AS (SELECT LineCode, SUM(ProducedQty) AS p FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' GROUP BY LineCode) SELECT LineCode, p FROM l ORDER BY p DESC, LineCode LIMIT 5
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
WITH o AS (SELECT "Region", "amount" FROM OddNames) SELECT "Region", SUM("amount") FROM o GROUP BY "Region"
  @requests [{"ReportID":201,"filters":{}}]
WITH s AS (SELECT "group" AS g, late_number FROM SparseColumns) SELECT g, COUNT(late_number) FROM s GROUP BY g
  @requests [{"ReportID":202,"filters":{}}]
WITH b AS (SELECT BranchCode FROM MachineDowntime) SELECT COUNT(*) FROM b WHERE BranchCode = 'BR02'
  @requests [{"ReportID":103,"filters":{}}]

-- Window functions
SELECT EventID, ROW_NUMBER() OVER (ORDER BY EventID) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, ROW_NUMBER() OVER (PARTITION BY BranchCode ORDER BY EventID) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, RANK() OVER (ORDER BY Minutes DESC NULLS LAST) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, DENSE_RANK() OVER (PARTITION BY BranchCode ORDER BY Minutes NULLS FIRST) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, SUM(Minutes) OVER (PARTITION BY BranchCode) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, SUM(Minutes) OVER (ORDER BY EventID) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, SUM(Minutes) OVER (ORDER BY EventID ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, COUNT(*) OVER (PARTITION BY MachineCode) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, LAG(Minutes) OVER (ORDER BY EventID), LEAD(Minutes) OVER (ORDER BY EventID) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, LAG(EventID, 2, -1) OVER (PARTITION BY BranchCode ORDER BY EventID) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, FIRST_VALUE(EventID) OVER (PARTITION BY MachineType ORDER BY EventID) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, MAX(Minutes) OVER (PARTITION BY BranchCode ORDER BY EventID) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, MIN(DownStart) OVER (PARTITION BY MachineCode) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, NTILE(4) OVER (ORDER BY EventID) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT * FROM (SELECT EventID, BranchCode, ROW_NUMBER() OVER (PARTITION BY BranchCode ORDER BY Minutes DESC NULLS LAST, EventID) AS rn FROM MachineDowntime) t WHERE rn <= 3
  @requests [{"ReportID":103,"filters":{}}]
SELECT LineCode, ProductionDate, SUM(ProducedQty) OVER (PARTITION BY LineCode ORDER BY ProductionDate) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT LineCode, RANK() OVER (PARTITION BY BranchCode, ProductionDate ORDER BY ProducedQty DESC) FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT id, SUM(CAST(late_number AS BIGINT)) OVER (PARTITION BY "group") FROM SparseColumns
  @requests [{"ReportID":202,"filters":{}}]
SELECT id, COUNT(late_number) OVER (ORDER BY id ROWS BETWEEN 5 PRECEDING AND 5 FOLLOWING) FROM SparseColumns
  @requests [{"ReportID":202,"filters":{}}]
SELECT id, "amount", SUM("amount") OVER (PARTITION BY "Region" ORDER BY id) FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT BranchCode, COUNT(*), SUM(COUNT(*)) OVER () FROM MachineDowntime GROUP BY BranchCode
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, ROW_NUMBER() OVER (ORDER BY EventID DESC) AS rn FROM MachineDowntime ORDER BY rn LIMIT 5
  @requests [{"ReportID":103,"filters":{}}]
SELECT EventID, AVG(CAST(Minutes AS DOUBLE)) OVER (PARTITION BY BranchCode) FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
  @h2 SELECT EventID, AVG(CAST(Minutes AS DOUBLE PRECISION)) OVER (PARTITION BY BranchCode) FROM MachineDowntime

-- Set operations
SELECT BranchCode FROM MachineDowntime UNION SELECT BranchCode FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02'
  @requests [{"ReportID":103,"filters":{}},{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT BranchCode FROM MachineDowntime WHERE EventID < 5 UNION ALL SELECT BranchCode FROM MachineDowntime WHERE EventID > 475
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT MachineCode FROM MachineDowntime WHERE Reason = 'Oil leak' INTERSECT SELECT MachineCode FROM MachineDowntime WHERE Reason = 'Power cut'
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT MachineCode FROM MachineDowntime WHERE Reason = 'Oil leak' EXCEPT SELECT MachineCode FROM MachineDowntime WHERE Reason = 'Power cut'
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT EventID FROM MachineDowntime WHERE EventID < 3 UNION ALL SELECT id FROM OddNames WHERE id < 3 ORDER BY 1
  @requests [{"ReportID":103,"filters":{}},{"ReportID":201,"filters":{}}]
SELECT CAST(late_number AS VARCHAR) FROM SparseColumns UNION SELECT "data" FROM OddNames
  @requests [{"ReportID":202,"filters":{}},{"ReportID":201,"filters":{}}]

-- Joins between reports
SELECT m.EventID, l.LineCode FROM MachineDowntime m JOIN LineOutputDaily l ON m.BranchCode = l.BranchCode WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND l.LineCode = 'BR01-L001' AND m.EventID < 40
  @requests [{"ReportID":103,"filters":{}},{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT l.BranchCode, COUNT(DISTINCT m.EventID), SUM(l.ProducedQty) FROM LineOutputDaily l JOIN MachineDowntime m ON m.BranchCode = l.BranchCode WHERE l.StartDate = '2025-01-01' AND l.EndDate = '2025-01-02' GROUP BY l.BranchCode
  @requests [{"ReportID":103,"filters":{}},{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT o.id, m.MachineCode FROM OddNames o JOIN MachineDowntime m ON m.EventID = o.id
  @requests [{"ReportID":201,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT o.id, m.EventID FROM OddNames o LEFT JOIN MachineDowntime m ON m.EventID = o.id * 10
  @requests [{"ReportID":201,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT o.id, m.EventID FROM MachineDowntime m RIGHT JOIN OddNames o ON m.EventID = o.id * 10
  @requests [{"ReportID":201,"filters":{}},{"ReportID":103,"filters":{}}]
-- H2 has no FULL JOIN
SELECT o.id, m.EventID FROM OddNames o FULL JOIN MachineDowntime m ON m.EventID = o.id + 450
  @requests [{"ReportID":201,"filters":{}},{"ReportID":103,"filters":{}}]
  @h2 SELECT o.id, m.EventID FROM OddNames o LEFT JOIN MachineDowntime m ON m.EventID = o.id + 450 UNION ALL SELECT o.id, m.EventID FROM MachineDowntime m LEFT JOIN OddNames o ON m.EventID = o.id + 450 WHERE o.id IS NULL
SELECT o."Region", COUNT(*) FROM OddNames o JOIN MachineDowntime m ON MOD(m.EventID, 60) + 1 = o.id GROUP BY o."Region"
  @requests [{"ReportID":201,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT s.id, s.late_number, o."data" FROM SparseColumns s JOIN OddNames o ON s.id = o.id + 580
  @requests [{"ReportID":202,"filters":{}},{"ReportID":201,"filters":{}}]
SELECT s.id, o.id FROM SparseColumns s LEFT JOIN OddNames o ON s.late_number = o."amount" WHERE s.id > 900
  @requests [{"ReportID":202,"filters":{}},{"ReportID":201,"filters":{}}]
SELECT a.EventID, b.EventID FROM MachineDowntime a JOIN MachineDowntime b ON a.MachineCode = b.MachineCode AND a.EventID < b.EventID
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT a.EventID FROM MachineDowntime a JOIN MachineDowntime b ON b.EventID = a.EventID + 1 WHERE b.DownStart < a.DownEnd
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}}]
-- a nested loop reads its inner report twice, then replays the second read for every further row
SELECT m.EventID, l.LineCode FROM MachineDowntime m CROSS JOIN LineOutputDaily l WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND m.EventID = 1 AND l.ProducedQty > 800
  @requests [{"ReportID":103,"filters":{}},{"ReportID":103,"filters":{}},{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT COUNT(*) FROM MachineDowntime m, OddNames o WHERE m.EventID = o."rank"
  @requests [{"ReportID":103,"filters":{}},{"ReportID":201,"filters":{}}]
SELECT o.id FROM OddNames o WHERE o."amount" IN (SELECT Minutes FROM MachineDowntime)
  @requests [{"ReportID":201,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT m.BranchCode, SUM(m.Minutes), MAX(l.EfficiencyPct) FROM MachineDowntime m JOIN LineOutputDaily l ON l.BranchCode = m.BranchCode AND l.ProductionDate = CAST(m.DownStart AS DATE) WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' GROUP BY m.BranchCode
  @requests [{"ReportID":103,"filters":{}},{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
SELECT m.EventID, l.LineCode FROM MachineDowntime m JOIN LineOutputDaily l ON m.BranchCode = l.BranchCode WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-02' AND l.BranchCode = 'BR03' AND l.LineCode LIKE '%L00_' AND m.Minutes > 170
  @requests [{"ReportID":103,"filters":{}},{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02","BranchCode":["BR03"]}}]
SELECT l.LineCode, l.ProducedQty, n.ProducedQty FROM LineOutputDaily l JOIN LineOutputDaily n ON n.LineCode = l.LineCode AND n.ProductionDate = l.ProductionDate + INTERVAL '1' DAY WHERE l.StartDate = '2025-01-01' AND l.EndDate = '2025-01-02' AND n.StartDate = '2025-01-01' AND n.EndDate = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}},{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]

@user alice

-- alice's reports: OperatorEfficiency (list filter, required), WorkOrderStatus, the legacy audit, the 2024 archive
SELECT * FROM WorkOrderStatus
  @requests [{"ReportID":104,"filters":{}}]
SELECT * FROM MachineDowntime_106
  @requests [{"ReportID":106,"filters":{}}]
SELECT * FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT OperatorID, PiecesCompleted, EfficiencyPct FROM OperatorEfficiency WHERE "Date" = '2025-01-06' AND LineCodes IN ('BR01-L001', 'BR02-L003')
  @requests [{"ReportID":102,"filters":{"Date":"2025-01-06","LineCodes":["BR01-L001","BR02-L003"]}}]
  @h2 SELECT OperatorID, PiecesCompleted, EfficiencyPct FROM OperatorEfficiency WHERE "Date" = '2025-01-06'
-- a filter-only list column shows the values sent joined by commas, which the IN does not match in H2
SELECT * FROM OperatorEfficiency WHERE "Date" = '2025-01-06' AND LineCodes IN ('BR01-L001', 'BR02-L003')
  @requests [{"ReportID":102,"filters":{"Date":"2025-01-06","LineCodes":["BR01-L001","BR02-L003"]}}]
  @h2 SELECT * FROM OperatorEfficiency
SELECT LineCode, SUM(PiecesCompleted), MAX(EfficiencyPct) FROM OperatorEfficiency WHERE "Date" = '2025-01-06' AND LineCodes IN ('BR01-L001', 'BR02-L003') GROUP BY LineCode
  @requests [{"ReportID":102,"filters":{"Date":"2025-01-06","LineCodes":["BR01-L001","BR02-L003"]}}]
  @h2 SELECT LineCode, SUM(PiecesCompleted), MAX(EfficiencyPct) FROM OperatorEfficiency WHERE "Date" = '2025-01-06' GROUP BY LineCode
SELECT Operation, SAM FROM OperatorEfficiency WHERE "Date" = '2025-01-06' AND LineCodes IN ('BR01-L001', 'BR02-L003') AND IsTrainee
  @requests [{"ReportID":102,"filters":{"Date":"2025-01-06","LineCodes":["BR01-L001","BR02-L003"]}}]
  @h2 SELECT Operation, SAM FROM OperatorEfficiency WHERE "Date" = '2025-01-06' AND IsTrainee
SELECT OperatorName, EfficiencyPct FROM OperatorEfficiency WHERE "Date" = '2025-01-06' AND LineCodes IN ('BR01-L001', 'BR02-L003') ORDER BY EfficiencyPct DESC, OperatorID LIMIT 5
  @requests [{"ReportID":102,"filters":{"Date":"2025-01-06","LineCodes":["BR01-L001","BR02-L003"]}}]
  @h2 SELECT OperatorName, EfficiencyPct FROM OperatorEfficiency WHERE "Date" = '2025-01-06' ORDER BY EfficiencyPct DESC, OperatorID LIMIT 5
  @order 2
SELECT LineCode, AVG(EfficiencyPct) FROM OperatorEfficiency WHERE "Date" = '2025-01-06' AND LineCodes IN ('BR01-L001', 'BR02-L003') GROUP BY LineCode
  @requests [{"ReportID":102,"filters":{"Date":"2025-01-06","LineCodes":["BR01-L001","BR02-L003"]}}]
  @h2 SELECT LineCode, AVG(EfficiencyPct) FROM OperatorEfficiency WHERE "Date" = '2025-01-06' GROUP BY LineCode
SELECT SUM(SAM * PiecesCompleted) FROM OperatorEfficiency WHERE "Date" = '2025-01-06' AND LineCodes IN ('BR01-L001', 'BR02-L003')
  @requests [{"ReportID":102,"filters":{"Date":"2025-01-06","LineCodes":["BR01-L001","BR02-L003"]}}]
  @h2 SELECT SUM(SAM * PiecesCompleted) FROM OperatorEfficiency WHERE "Date" = '2025-01-06'
-- the API answers for one line: H2 holds both, so it counts that line's rows
SELECT COUNT(*) FROM OperatorEfficiency WHERE "Date" = '2025-01-06' AND LineCodes = 'BR01-L001'
  @requests [{"ReportID":102,"filters":{"Date":"2025-01-06","LineCodes":["BR01-L001"]}}]
  @h2 SELECT COUNT(*) FROM OperatorEfficiency WHERE LineCode = 'BR01-L001'
SELECT Status, COUNT(*), SUM(OrderQty), SUM(ShippedQty) FROM WorkOrderStatus GROUP BY Status
  @requests [{"ReportID":104,"filters":{}}]
SELECT BuyerCode, COUNT(*) FROM WorkOrderStatus WHERE Status = 'Open' GROUP BY BuyerCode
  @requests [{"ReportID":104,"filters":{"Status":"Open"}}]
SELECT COUNT(*) FROM WorkOrderStatus WHERE BuyerCode IN ('HNM', 'ZAR')
  @requests [{"ReportID":104,"filters":{"BuyerCode":["HNM","ZAR"]}}]
SELECT WorkOrderNo FROM WorkOrderStatus WHERE Status = 'Closed' AND BuyerCode = 'GAP' AND IsUrgent
  @requests [{"ReportID":104,"filters":{"Status":"Closed","BuyerCode":["GAP"]}}]
-- two values for a single filter: not sent, checked locally
SELECT COUNT(*) FROM WorkOrderStatus WHERE Status = 'Open' OR Status = 'Closed'
  @requests [{"ReportID":104,"filters":{}}]
SELECT COUNT(*) FROM WorkOrderStatus WHERE Status = 'Shipped'
  @requests [{"ReportID":104,"filters":{"Status":"Shipped"}}]
  @known a value the API refuses (400: not one of Open, InProgress, Closed) fails the query instead of matching no rows: the driver cannot know the API's values
SELECT WorkOrderNo, DueDate FROM WorkOrderStatus WHERE DueDate BETWEEN DATE '2025-06-01' AND DATE '2025-06-07'
  @requests [{"ReportID":104,"filters":{}}]
SELECT EXTRACT(MONTH FROM DueDate) AS m, COUNT(*) FROM WorkOrderStatus GROUP BY EXTRACT(MONTH FROM DueDate)
  @requests [{"ReportID":104,"filters":{}}]
SELECT WorkOrderNo, LastUpdate FROM WorkOrderStatus WHERE LastUpdate >= TIMESTAMP '2025-11-01 00:00:00'
  @requests [{"ReportID":104,"filters":{}}]
SELECT WorkOrderNo, TIMESTAMPDIFF(DAY, CAST(LastUpdate AS DATE), DueDate) FROM WorkOrderStatus WHERE Status = 'Open'
  @requests [{"ReportID":104,"filters":{"Status":"Open"}}]
  @h2 SELECT WorkOrderNo, DATEDIFF(DAY, CAST(LastUpdate AS DATE), DueDate) FROM WorkOrderStatus WHERE Status = 'Open'
SELECT BuyerCode, SUM(UnitPrice * OrderQty) FROM WorkOrderStatus GROUP BY BuyerCode
  @requests [{"ReportID":104,"filters":{}}]
SELECT BuyerCode, SUM(OrderQty - ShippedQty) AS open_qty FROM WorkOrderStatus GROUP BY BuyerCode ORDER BY open_qty DESC
  @requests [{"ReportID":104,"filters":{}}]
SELECT WorkOrderNo, CASE WHEN ShippedQty = 0 THEN 'none' WHEN ShippedQty < OrderQty THEN 'partial' ELSE 'full' END FROM WorkOrderStatus
  @requests [{"ReportID":104,"filters":{}}]
SELECT WorkOrderNo, ShippedQty * 100 / OrderQty FROM WorkOrderStatus
  @requests [{"ReportID":104,"filters":{}}]
SELECT StyleCode, COUNT(*) FROM WorkOrderStatus GROUP BY StyleCode HAVING COUNT(*) > 2
  @requests [{"ReportID":104,"filters":{}}]
SELECT Meta FROM WorkOrderStatus WHERE WorkOrderNo = 'WO-2025-00042'
  @requests [{"ReportID":104,"filters":{}}]
SELECT WorkOrderNo FROM WorkOrderStatus WHERE Meta LIKE '%organic%' AND Meta LIKE '%AW25%'
  @requests [{"ReportID":104,"filters":{}}]
SELECT WorkOrderNo, ROW_NUMBER() OVER (PARTITION BY BuyerCode ORDER BY DueDate, WorkOrderNo) FROM WorkOrderStatus WHERE Status = 'InProgress'
  @requests [{"ReportID":104,"filters":{"Status":"InProgress"}}]
SELECT w.BuyerCode, w.WorkOrderNo, w.UnitPrice FROM WorkOrderStatus w WHERE w.UnitPrice = (SELECT MAX(x.UnitPrice) FROM WorkOrderStatus x WHERE x.BuyerCode = w.BuyerCode)
  @requests [{"ReportID":104,"filters":{}},{"ReportID":104,"filters":{}}]
SELECT WorkOrderNo, UnitPrice FROM WorkOrderStatus ORDER BY UnitPrice DESC, WorkOrderNo OFFSET 10 ROWS FETCH NEXT 10 ROWS ONLY
  @requests [{"ReportID":104,"filters":{}}]
-- the full order is unique: the output column compares in sequence
SELECT WorkOrderNo FROM WorkOrderStatus ORDER BY UnitPrice DESC, WorkOrderNo FETCH FIRST 10 ROWS ONLY
  @requests [{"ReportID":104,"filters":{}}]
  @order 1
SELECT COUNT(*) FROM WorkOrderStatus WHERE IsUrgent AND Status <> 'Closed'
  @requests [{"ReportID":104,"filters":{}}]
SELECT EventID, MachineCode, DownStart FROM MachineDowntime_106
  @requests [{"ReportID":106,"filters":{}}]
SELECT BranchCode, COUNT(*), SUM(Minutes) FROM MachineDowntime_106 GROUP BY BranchCode
  @requests [{"ReportID":106,"filters":{}}]
SELECT EXTRACT(MONTH FROM DownStart), COUNT(*) FROM MachineDowntime_106 GROUP BY EXTRACT(MONTH FROM DownStart)
  @requests [{"ReportID":106,"filters":{}}]
SELECT a.MachineType, COUNT(*) FROM MachineDowntime_106 a JOIN MachineDowntime b ON a.MachineType = b.MachineType GROUP BY a.MachineType
  @requests [{"ReportID":106,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT MachineCode FROM MachineDowntime_106 UNION SELECT MachineCode FROM MachineDowntime WHERE EventID < 10
  @requests [{"ReportID":106,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT MachineCode FROM MachineDowntime_106 INTERSECT SELECT MachineCode FROM MachineDowntime
  @requests [{"ReportID":106,"filters":{}},{"ReportID":103,"filters":{}}]
SELECT EventID, TIMESTAMPDIFF(DAY, LAG(DownStart) OVER (ORDER BY EventID), DownStart) FROM MachineDowntime_106
  @requests [{"ReportID":106,"filters":{}}]
  @h2 SELECT EventID, DATEDIFF(DAY, LAG(DownStart) OVER (ORDER BY EventID), DownStart) FROM MachineDowntime_106
  @known TIMESTAMPDIFF(DAY) counts whole days elapsed; H2's DATEDIFF counts midnights crossed
SELECT EventID, DownStart FROM MachineDowntime_106 WHERE DownStart < TIMESTAMP '2024-03-01 00:00:00' ORDER BY DownStart
  @requests [{"ReportID":106,"filters":{}}]

-- The legacy audit: odd names, integers above 2^53, exponent notation
SELECT "Audit #", "line code", "Defect %", "1st Pass Yield" FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT "Audit #", BigCount FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT MAX(BigCount) - MIN(BigCount), COUNT(*) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT BigCount + 1, BigCount - 9007199254740993 FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT BigCount * 100 FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
-- past the BIGINT range: an error naming the cast to DECIMAL, never a wrapped number
SELECT BigCount * 10000 FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
  @error 22003
SELECT CAST(BigCount AS DECIMAL(38, 0)) * 10000 FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT SUM(BigCount) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
-- AVG of a BIGINT is a BIGINT in Calcite, the fraction dropped; the sum inside it cannot overflow
SELECT AVG(BigCount) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
  @h2 SELECT CAST(FLOOR(AVG(BigCount)) AS BIGINT) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
SELECT "line code", SUM(BigCount) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' GROUP BY "line code" HAVING SUM(BigCount) > 18014398509481984
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
-- the sum passes the BIGINT range: SUM of BIGINT is a DECIMAL, as in H2
SELECT SUM(BigCount * 100) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT SUM(BigCount * 1000) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT "Audit #", SUM(BigCount * 100) OVER (ORDER BY "Audit #") FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT BigCount * BigCount FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
  @error 22003
-- just inside the BIGINT range
SELECT -BigCount - BigCount * 1000 FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT -BigCount - BigCount * 1023 FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
  @error 22003
SELECT "Audit #" * 2147483647 * 3 FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT Ratio, Ratio * 1000 FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT "Defect %" FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' AND "Defect %" > 3
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT Inspector, Remarks FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' AND Remarks IS NOT NULL
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT Checked, COUNT(*) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' GROUP BY Checked
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT COUNT(EmptyCol), COUNT(*) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT "line code", AVG("1st Pass Yield") FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' GROUP BY "line code"
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
  @known AVG of a DECIMAL keeps the argument's scale in Calcite, dropping digits (91.1 for 91.15); H2 adds 10 digits of scale
SELECT "line code", AVG(CAST("1st Pass Yield" AS DOUBLE)) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' GROUP BY "line code"
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
  @h2 SELECT "line code", AVG(CAST("1st Pass Yield" AS DOUBLE PRECISION)) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' GROUP BY "line code"
SELECT Extra FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' AND "Audit #" < 4
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT Remarks FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' AND Remarks LIKE '%👍%'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT Remarks FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' AND Remarks LIKE '%色差%'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT AuditMonth, COUNT(*) FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02' GROUP BY AuditMonth
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT UPPER("line code") FROM Quality_Audit_Legacy WHERE AuditMonth = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT q."line code", l.ProducedQty FROM Quality_Audit_Legacy q JOIN LineOutputDaily l ON UPPER(q."line code") = l.LineCode WHERE AuditMonth = '2025-02' AND l.StartDate = '2025-01-01' AND l.EndDate = '2025-01-02' AND l.ProductionDate = DATE '2025-01-01'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}},{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
