package org.xueliang.tracker.ledger.transfer;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns a numeric XLSX cell into the text the import parses. Mostly what Excel displays (so a
 * serial number typed as a number in a "000000" format keeps its leading zeros), with two
 * exceptions: a date cell becomes an ISO date whatever its display format, and a number in the
 * General format is written out in full, because Excel's General display turns a 12-digit serial
 * number into 1.23457E+11.
 */
final class XlsxCellFormatter extends DataFormatter {

    private static final String GENERAL = "General";

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
            return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
        }
        if (formatString == null || formatIndex == 0 || GENERAL.equalsIgnoreCase(formatString)) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
}
