package org.xueliang.tracker.ledger.transfer;

import java.math.BigDecimal;
import java.util.Arrays;

import org.xueliang.tracker.ledger.Device;
import org.xueliang.tracker.ledger.DeviceFields;

/**
 * Whether an import row would leave a device exactly as it is, so it need not be written (nor
 * audited). Compares what {@link Device#apply} would store, blind to what a spreadsheet cannot
 * express: an empty string versus no value, surrounding blanks, 12800 versus 12800.00.
 */
final class UnchangedCheck {

    private UnchangedCheck() {
    }

    static boolean unchanged(Device device, DeviceFields incoming) {
        Device probe = new Device();
        probe.apply(incoming);
        return Arrays.equals(comparable(probe.fields()), comparable(device.fields()));
    }

    private static Object[] comparable(DeviceFields fields) {
        Object[] values = DeviceColumns.values(fields);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String s) {
                values[i] = s.isBlank() ? null : s.strip();
            } else if (values[i] instanceof BigDecimal n) {
                values[i] = n.stripTrailingZeros();
            }
        }
        return values;
    }
}
