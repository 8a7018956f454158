package org.xueliang.tracker.agent.gb;

import java.util.Map;

/**
 * A DeviceInfo answer (GB/T 28181-2016 A.2.6.7): what the device says it is. Values trimmed, blank ones null.
 *
 * @param result  OK or ERROR
 * @param channel the number of video channels it has (an IPC 1, an NVR its inputs); null when unsaid or not a count
 */
public record DeviceInfoReport(String deviceId, String deviceName, String result, String manufacturer, String model,
                               String firmware, Integer channel) {

    /** A device with more channels than this is not one; the count is junk. */
    private static final int MAX_CHANNELS = 100_000;

    /** Reads a DeviceInfo Response; any other document is refused. */
    public static DeviceInfoReport from(ManscdpMessage m) throws ManscdpException {
        if (m.root() != ManscdpMessage.Root.Response || !"DeviceInfo".equalsIgnoreCase(m.cmdType())) {
            throw new ManscdpException("a " + m.root() + " " + m.cmdType() + " is not a DeviceInfo answer");
        }
        Map<String, String> f = m.fields();
        return new DeviceInfoReport(m.deviceId(), FieldValues.text(f, "DeviceName"), FieldValues.code(f, "Result"),
                FieldValues.text(f, "Manufacturer"), FieldValues.text(f, "Model"), FieldValues.text(f, "Firmware"),
                FieldValues.integer(f, "Channel", 0, MAX_CHANNELS));
    }
}
