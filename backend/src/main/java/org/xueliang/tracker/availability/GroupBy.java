package org.xueliang.tracker.availability;

/** How availability figures are grouped: by device tier (前端/后端), device category, site or single device. */
public enum GroupBy {
    TIER, CATEGORY, SITE, DEVICE
}
