/**
 * 一机一档 (issue 11 §1): one archive per camera beyond what the ledger holds (行政区划, 安装地址 and coordinates, GB/T
 * 28181 camera type, position type, room type, supplementary light, direction, 点位类型, functions, 管理单位, 联系方式,
 * 所属派出所, 维保单位, 录像保存天数), its validation rules ({@link org.xueliang.tracker.archive.ArchiveRules}), the rates
 * 档案完整率 and 建档率 per site, township and project, the Excel export and import, the comparison with what the
 * devices report (GB/T 28181 Catalog, ONVIF DeviceInformation), and the assessment's ARCHIVE_COMPLETENESS indicator.
 * Owns the table {@code camera_archive}. Docs: docs/ARCHIVE.md.
 */
package org.xueliang.tracker.archive;
