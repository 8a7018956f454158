package org.xueliang.tracker.ledger.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.xueliang.tracker.shared.ApiException;

/**
 * Bounds what an XLSX upload unpacks to before POI holds it in memory (issue 9: a 20 MB upload that
 * unpacked to 1.5 GB got past POI's compression-ratio check and failed deep inside POI). Every
 * entry is inflated once here, counting bytes and keeping none:
 * <ul>
 * <li>a worksheet or the shared strings at most {@value #MAX_SHEET_BYTES} bytes, which is what POI
 *     holds of one part in memory anyway (50,000 rows of every column take about half of it);</li>
 * <li>any other part (styles, workbook, relationships…), which POI reads as a whole tree, at most
 *     {@value #MAX_PART_BYTES} bytes;</li>
 * <li>all parts together at most {@value #MAX_TOTAL_BYTES} bytes, and at most {@value #MAX_ENTRIES} parts.</li>
 * </ul>
 * POI's own {@link ZipSecureFile} limits are set to the same entry bound, with its default
 * compression-ratio check (1:100), as a second line while POI reads.
 */
final class XlsxSizeGuard {

    static final long MAX_SHEET_BYTES = 100_000_000L;
    static final long MAX_PART_BYTES = 16_000_000L;
    static final long MAX_TOTAL_BYTES = 128_000_000L;
    static final int MAX_ENTRIES = 1000;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_SHEET_BYTES);
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
    }

    private XlsxSizeGuard() {
    }

    /** Refuses (413) an upload whose parts unpack beyond the bounds; a damaged zip is left for POI to report. */
    static void check(byte[] content) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw tooLarge("has more than " + MAX_ENTRIES + " parts");
                }
                long limit = bulky(entry.getName()) ? MAX_SHEET_BYTES : MAX_PART_BYTES;
                long size = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    size += n;
                    total += n;
                    if (size > limit) {
                        throw tooLarge("has a part (" + entry.getName() + ") that unpacks to more than " + megabytes(limit));
                    }
                    if (total > MAX_TOTAL_BYTES) {
                        throw tooLarge("unpacks to more than " + megabytes(MAX_TOTAL_BYTES));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException damaged) {
            // not a zip Java can walk (IllegalArgumentException: an entry name that is not UTF-8, found by fuzzing):
            // POI gives it the usual "not a valid workbook"
        }
    }

    /** The parts that grow with the number of rows. */
    private static boolean bulky(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("xl/worksheets/") || n.equals("xl/sharedstrings.xml");
    }

    private static ApiException tooLarge(String what) {
        return ImportRejected.tooLarge("The XLSX file " + what + "; nothing was imported. Split it into smaller files or import it as CSV");
    }

    private static String megabytes(long bytes) {
        return bytes / 1_000_000 + " MB";
    }
}
