package org.xueliang.tracker.ledger;

/** Which quality indicator a device category feeds: 前端 (质量指标 1) or 后端 (质量指标 2). */
public enum Tier {
    FRONT_END, BACK_END
}
