package org.xueliang.tracker.label;

/**
 * What one label shows: the QR code's text ({@link LabelCode}) and the lines beside it. {@code gbCode} (the device's
 * GB/T 28181 national code, 设备编码) and {@code siteName} may be null; the label then leaves their lines out.
 */
record PrintedLabel(String code, String assetTag, String name, String gbCode, String siteName) {
}
