package org.xueliang.tracker.ledger;

/** Kinds of 点位: 城区点位, 乡镇, 清河镇, 指挥中心, 机房. */
public enum SiteKind {
    URBAN_POINT, TOWNSHIP, QINGHE, COMMAND_CENTER, MACHINE_ROOM
}
