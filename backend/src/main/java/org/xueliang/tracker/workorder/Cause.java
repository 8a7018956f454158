package org.xueliang.tracker.workorder;

/** What caused the fault, as the technician confirms it: 供电, 网络, 设备故障, 人为破坏, 其他. */
public enum Cause {
    POWER, NETWORK, DEVICE_FAULT, VANDALISM, OTHER
}
