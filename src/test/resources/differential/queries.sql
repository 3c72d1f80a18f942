@table MachineDowntime user=oscar report=103 filters={}
@table LineOutputDaily user=oscar report=101 filters={"StartDate":"2025-01-01","EndDate":"2025-01-02"}
@table OddNames user=oscar report=201 filters={}
@table SparseColumns user=oscar report=202 filters={}
@table ShiftingKinds user=oscar report=203 filters={}
@table OperatorEfficiency user=alice report=102 filters={"Date":"2025-01-06","LineCodes":["BR01-L001","BR02-L003"]}
@table WorkOrderStatus user=alice report=104 filters={}
@table Quality_Audit_Legacy user=alice report=105 filters={"AuditMonth":"2025-02"}
@table MachineDowntime_106 user=alice report=106 filters={}
@user oscar
SELECT * FROM MachineDowntime
  @requests [{"ReportID":103,"filters":{}}]
SELECT * FROM OddNames
  @requests [{"ReportID":201,"filters":{}}]
SELECT * FROM SparseColumns
  @requests [{"ReportID":202,"filters":{}}]
SELECT * FROM ShiftingKinds
  @requests [{"ReportID":203,"filters":{}}]
SELECT * FROM LineOutputDaily WHERE "StartDate" = '2025-01-01' AND "EndDate" = '2025-01-02'
  @requests [{"ReportID":101,"filters":{"StartDate":"2025-01-01","EndDate":"2025-01-02"}}]
@user alice
SELECT * FROM OperatorEfficiency WHERE "Date" = '2025-01-06' AND "LineCodes" IN ('BR01-L001', 'BR02-L003')
  @requests [{"ReportID":102,"filters":{"Date":"2025-01-06","LineCodes":["BR01-L001","BR02-L003"]}}]
SELECT * FROM WorkOrderStatus
  @requests [{"ReportID":104,"filters":{}}]
SELECT * FROM Quality_Audit_Legacy WHERE "AuditMonth" = '2025-02'
  @requests [{"ReportID":105,"filters":{"AuditMonth":"2025-02"}}]
SELECT * FROM MachineDowntime_106
  @requests [{"ReportID":106,"filters":{}}]
