/**
 * Fault work orders (工单, issue 13 item 1; docs/WORKORDERS.md): an order opens by itself when a device stays DOWN or
 * DEGRADED past a grace (one order per incident; an outage cluster of one site is one order with several devices),
 * or by hand; it moves through the states of {@link org.xueliang.tracker.workorder.WorkOrderTransitions}; its respond
 * and repair deadlines come from the project's SLA rules; reminders and escalations are published as
 * {@link org.xueliang.tracker.workorder.WorkOrderReminder} events (the notification module sends them); the figures
 * (维护及时性, MTTR, response time) per technician, contractor, site and month.
 *
 * <p>Owns the tables {@code work_order}, {@code work_order_device}, {@code work_order_event},
 * {@code work_order_sla_rule}, {@code work_order_reminder} and {@code work_order_photo} (V42). Reads device states
 * through {@code monitoring.CurrentStates}, devices through {@code ledger.DeviceDirectory} and
 * {@code ledger.CameraDirectory}, a camera's 维保单位 through {@code assessment.ContractorGroups}, planned maintenance
 * from monitoring's read model {@code monitoring_maintenance_window}; answers {@code assessment.RepairTimeliness}
 * (维护及时性 and the late orders) for the 考核 sheet and the 自评表.
 */
package org.xueliang.tracker.workorder;
