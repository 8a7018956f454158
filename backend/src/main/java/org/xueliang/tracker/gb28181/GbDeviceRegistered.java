package org.xueliang.tracker.gb28181;

/**
 * Published after commit when a device registers (a new registration, or one after it had lapsed or unregistered;
 * not on each refresh). The queries use it to ask the new device for DeviceInfo, Catalog and DeviceStatus and to
 * subscribe to its catalog.
 */
public record GbDeviceRegistered(String deviceCode, boolean fresh) {
}
