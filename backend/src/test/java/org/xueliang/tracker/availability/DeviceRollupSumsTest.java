package org.xueliang.tracker.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.availability.AvailabilityEngine.Device;
import org.xueliang.tracker.availability.DeviceRollupSums.Read;
import org.xueliang.tracker.availability.DeviceRollupSums.Stretch;

/** How the per-device reads cut a period: whole built months from month rows, every other day from daily rows. */
class DeviceRollupSumsTest {

    static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    static final Set<YearMonth> BUILT = Set.of(YearMonth.of(2017, 1), YearMonth.of(2017, 2), YearMonth.of(2017, 3),
            YearMonth.of(2017, 5));

    @Test
    void aPeriodIsCutIntoTheBuiltMonthsInsideItAndTheDaysBetween() {
        assertThat(DeviceRollupSums.stretches(d("2016-12-20"), d("2017-06-10"), BUILT)).containsExactly(
                new Stretch(d("2016-12-20"), d("2016-12-31"), false),
                new Stretch(d("2017-01-01"), d("2017-01-31"), true),
                new Stretch(d("2017-02-01"), d("2017-02-28"), true),
                new Stretch(d("2017-03-01"), d("2017-03-31"), true),
                new Stretch(d("2017-04-01"), d("2017-04-30"), false), // not built
                new Stretch(d("2017-05-01"), d("2017-05-31"), true),
                new Stretch(d("2017-06-01"), d("2017-06-10"), false));
        // a built month the period covers mostly is read as its month row (less the other days), otherwise by day
        assertThat(DeviceRollupSums.stretches(d("2017-01-02"), d("2017-02-27"), BUILT)).containsExactly(
                new Stretch(d("2017-01-02"), d("2017-01-31"), true),
                new Stretch(d("2017-02-01"), d("2017-02-27"), true));
        assertThat(DeviceRollupSums.stretches(d("2017-01-20"), d("2017-03-10"), BUILT)).containsExactly(
                new Stretch(d("2017-01-20"), d("2017-01-31"), false),   // 12 of 31 days
                new Stretch(d("2017-02-01"), d("2017-02-28"), true),
                new Stretch(d("2017-03-01"), d("2017-03-10"), false));
        assertThat(DeviceRollupSums.stretches(d("2017-03-20"), d("2017-04-15"), BUILT)).containsExactly(
                new Stretch(d("2017-03-20"), d("2017-04-15"), false));  // runs of days across a month edge are joined
        assertThat(DeviceRollupSums.stretches(d("2017-02-01"), d("2017-02-28"), Set.of())).containsExactly(
                new Stretch(d("2017-02-01"), d("2017-02-28"), false));
    }

    @Test
    void eachDeviceReadsTheMonthsItWasInServiceThroughoutFromMonthRowsAndTheRestByDay() {
        Map<Long, Device> devices = new LinkedHashMap<>();
        devices.put(1L, new Device(d("2016-01-01"), null, true, 1));          // throughout
        devices.put(2L, new Device(d("2017-02-14"), null, true, 1));          // enters mid-February
        devices.put(3L, new Device(d("2016-01-01"), d("2017-03-01"), true, 1)); // retires on 1 March: Feb is whole
        devices.put(4L, new Device(d("2017-06-05"), null, true, 1));          // only in the last days
        devices.put(5L, new Device(d("2016-01-01"), d("2017-01-01"), true, 1)); // retired before the first month
        List<Read> reads = DeviceRollupSums.plan(d("2016-12-20"), d("2017-06-10"), devices, BUILT);
        assertThat(reads).containsExactly(
                new Read(true, d("2017-01-01"), d("2017-05-01"), List.of(1L)),  // April's first day: not built, no row read
                new Read(true, d("2017-03-01"), d("2017-05-01"), List.of(2L)),
                new Read(true, d("2017-01-01"), d("2017-02-01"), List.of(3L)),
                new Read(false, d("2016-12-20"), d("2016-12-31"), List.of(1L, 3L, 5L)),
                new Read(false, d("2017-04-01"), d("2017-04-30"), List.of(1L, 2L)),
                new Read(false, d("2017-06-01"), d("2017-06-10"), List.of(1L, 2L, 4L)),
                new Read(false, d("2017-02-01"), d("2017-02-28"), List.of(2L)));
    }

    @Test
    void aMonthThePeriodCoversMostlyIsItsMonthRowLessTheOtherDays() {
        Map<Long, Device> devices = new LinkedHashMap<>();
        devices.put(1L, new Device(d("2016-01-01"), null, true, 1));   // throughout
        devices.put(2L, new Device(d("2017-01-15"), null, true, 1));   // enters mid-January
        List<Read> reads = DeviceRollupSums.plan(d("2017-01-02"), d("2017-02-27"), devices, BUILT);
        assertThat(reads).containsExactly(
                new Read(true, d("2017-01-01"), d("2017-02-01"), List.of(1L)),
                new Read(true, d("2017-02-01"), d("2017-02-01"), List.of(2L)),
                new Read(false, d("2017-01-02"), d("2017-01-31"), List.of(2L)),
                new Read(false, d("2017-01-01"), d("2017-01-01"), List.of(1L), true),
                new Read(false, d("2017-02-28"), d("2017-02-28"), List.of(1L, 2L), true));
        assertThat(new Stretch(d("2017-02-02"), d("2017-02-26"), true).outsideDays()).containsExactly(
                List.of(d("2017-02-01"), d("2017-02-01")), List.of(d("2017-02-27"), d("2017-02-28")));
    }
}
