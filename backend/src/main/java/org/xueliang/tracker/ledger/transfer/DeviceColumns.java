package org.xueliang.tracker.ledger.transfer;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.xueliang.tracker.ledger.DeviceFields;

/**
 * The columns of an import/export file: every component of {@link DeviceFields}, in its order and
 * under its API name, then {@value #SITE_CODE} and {@value #UPLINK_ASSET_TAG} for people. They are read from the record by
 * reflection so that a field added to DeviceFields is exported and imported without a second list
 * to keep in step.
 */
final class DeviceColumns {

    /** Site code (e.g. JS-001) beside siteId: readable in a spreadsheet; an import uses it only when siteId is empty. */
    static final String SITE_CODE = "siteCode";

    /**
     * The uplink (上联设备, {@code uplinkDeviceId} in the API) by its asset tag: people read tags, not ids. An empty cell
     * removes the uplink; a file without the column leaves uplinks as they are.
     */
    static final String UPLINK_ASSET_TAG = "uplinkAssetTag";

    /** Without these a row can be neither matched nor created. */
    static final List<String> REQUIRED = List.of("projectId", "assetTag", "category");

    static final String ASSET_TAG = "assetTag";
    static final String LIFECYCLE = "lifecycle";
    static final String GB_CODE = "gbCode";

    private static final RecordComponent[] COMPONENTS = DeviceFields.class.getRecordComponents();
    private static final Constructor<DeviceFields> CONSTRUCTOR = canonicalConstructor();

    /** A field of DeviceFields as a file column. */
    record Column(String name, Class<?> type, int index) {
    }

    static final List<Column> FIELDS = fieldColumns();

    private DeviceColumns() {
    }

    /** The header row of an export: field columns, then the extras. */
    static List<String> headerNames() {
        List<String> names = new ArrayList<>(FIELDS.stream().map(Column::name).toList());
        names.add(SITE_CODE);
        names.add(UPLINK_ASSET_TAG);
        return names;
    }

    /** The field column with this header name; case does not matter (people retype headers). */
    static Optional<Column> field(String header) {
        return FIELDS.stream().filter(c -> c.name().equalsIgnoreCase(header)).findFirst();
    }

    /** The canonical spelling of a known header (field or extra), or empty when unknown. */
    static Optional<String> canonicalName(String header) {
        return headerNames().stream().filter(n -> n.equalsIgnoreCase(header.trim())).findFirst();
    }

    static Object[] values(DeviceFields fields) {
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            values[i] = fields == null ? null : read(COMPONENTS[i], fields);
        }
        return values;
    }

    static DeviceFields fields(Object[] values) {
        try {
            return CONSTRUCTOR.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot build DeviceFields", e);
        }
    }

    private static Object read(RecordComponent component, DeviceFields fields) {
        try {
            return component.getAccessor().invoke(fields);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static List<Column> fieldColumns() {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < COMPONENTS.length; i++) {
            columns.add(new Column(COMPONENTS[i].getName(), COMPONENTS[i].getType(), i));
        }
        return List.copyOf(columns);
    }

    private static Constructor<DeviceFields> canonicalConstructor() {
        try {
            return DeviceFields.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("DeviceFields has no canonical constructor", e);
        }
    }
}
