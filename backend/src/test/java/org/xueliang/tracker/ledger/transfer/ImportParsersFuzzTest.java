package org.xueliang.tracker.ledger.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.xueliang.tracker.fuzz.Corpus;
import org.xueliang.tracker.fuzz.FuzzSuite;
import org.xueliang.tracker.fuzz.Mutator;
import org.xueliang.tracker.shared.ApiException;

/**
 * Fuzzes the import's reading of an upload, everything before the database: format detection, the CSV and XLSX
 * readers, the header and every cell's parsing ({@link CellText}). An upload is untrusted: the only acceptable
 * failure is an {@link ApiException} with a 4xx status (the 422 "Import rejected" problem detail).
 * Seeds: fuzz/csv-import and fuzz/xlsx-import. An XLSX is mutated mostly inside its zip (one part's XML at a time,
 * re-zipped), since byte noise on the zip itself only exercises the zip reader's checksum.
 */
class ImportParsersFuzzTest {

    private static final Mutator CSV = Mutator.withTokens("\"", "\"\"", ",,,,,,,,,,", "\r\n\r\n", "projectId", "assetTag",
            "category", "unitPrice", "probePort", "lifecycle", "deliveredOn", "siteCode", "siteId", "FACE_CAMERA",
            "IN_SERVICE", "2021-02-30", "2024/13/1", "99999-01-01", "1E+999999999", "1e-999999999", "12,800,000.005",
            "-0.00", "3.0", "1E+3", "\u00a0", "\u3000", "\uFFFD");
    private static final Mutator XML = Mutator.withTokens("<row r=\"1048577\">", "<row r=\"0\">", "<row>", "</row>",
            "<c r=\"XFD1048576\" t=\"s\"><v>0</v></c>", "<c r=\"A0\">", "r=\"ZZZZ1\"", "t=\"s\"", "t=\"inlineStr\"",
            "t=\"b\"", "t=\"e\"", "t=\"d\"", "t=\"str\"", "<v>99999999</v>", "<v>-1</v>", "<v>1E+308</v>", "<v>NaN</v>",
            "s=\"999\"", "s=\"-1\"", "<is><t>x</t></is>", "<f>1/0</f>", "<si><t>x</t></si>", "count=\"2147483647\"",
            "uniqueCount=\"2147483647\"", "numFmtId=\"14\"", "numFmtId=\"999\"", "formatCode=\"yyyy/m/d\"",
            "formatCode=\"[h]:mm:ss;@\"", "formatCode=\"0.00E+00\"", "<numFmt numFmtId=\"200\" formatCode=\"\"/>",
            "<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]>", "&a;", "<dimension ref=\"A1:XFD1048576\"/>");

    private static final Logger POI = (Logger) LoggerFactory.getLogger("org.apache.poi");

    /** POI logs every malformed part it meets at ERROR; thousands of those would bury the build's output. */
    @BeforeAll
    static void quietPoi() {
        POI.setLevel(Level.OFF);
    }

    @AfterAll
    static void restorePoi() {
        POI.setLevel(null);
    }

    @Test
    void csv_uploads_fail_only_as_import_rejected() {
        List<byte[]> seeds = Corpus.of("csv-import");
        FuzzSuite.of("csv-import", 40_000, random -> CSV.mutate(random, seeds, 6))
                .bytesOf(b -> b)
                .timeoutMillis(5_000)
                .maxAllocatedMegabytes(64)
                .firstVerbatim(seeds)
                .run(ImportParsersFuzzTest::read);
    }

    @Test
    void xlsx_uploads_fail_only_as_import_rejected() {
        List<Map<String, byte[]>> workbooks = Corpus.of("xlsx-import").stream().map(ImportParsersFuzzTest::unzip).toList();
        List<byte[]> raw = Corpus.of("xlsx-import");
        FuzzSuite.of("xlsx-import", 1_000, random -> random.nextInt(10) == 0
                        ? CSV.mutate(random, raw, 2)
                        : mutatedPart(random, workbooks.get(random.nextInt(workbooks.size()))))
                .bytesOf(b -> b)
                .timeoutMillis(10_000)
                .maxAllocatedMegabytes(192)
                .firstVerbatim(raw)
                .run(ImportParsersFuzzTest::read);
    }

    /** Sizes a workbook declares (string table length, sheet dimension, row span) are not allocated up front. */
    @Test
    void declared_sizes_allocate_nothing() {
        Map<String, byte[]> minimal = unzip(Corpus.files("xlsx-import").get("minimal.xlsx"));
        List<byte[]> declared = List.of(
                zip(replaced(minimal, "xl/sharedStrings.xml", "count=\"5\" uniqueCount=\"5\"",
                        "count=\"2147483647\" uniqueCount=\"2147483647\"")),
                zip(replaced(minimal, "xl/worksheets/sheet1.xml", "<dimension ref=\"A1:C2\"/>", "<dimension ref=\"A1:XFD1048576\"/>")),
                zip(replaced(minimal, "xl/worksheets/sheet1.xml", "<row r=\"2\">", "<row r=\"1048576\" spans=\"1:16384\">")));
        // The allocation cap counts what the reading thread allocates, loading POI's classes included: read the seed once
        // first, or the first input pays for class loading when this test runs before any other XLSX reading in the JVM.
        read(zip(minimal));
        FuzzSuite.of("xlsx-declared-sizes", declared.size(), random -> declared.get(random.nextInt(declared.size())))
                .bytesOf(b -> b)
                .maxAllocatedMegabytes(48)
                .firstVerbatim(declared)
                .run(ImportParsersFuzzTest::read);
    }

    private static Map<String, byte[]> replaced(Map<String, byte[]> parts, String part, String from, String to) {
        String xml = new String(parts.get(part), java.nio.charset.StandardCharsets.UTF_8);
        if (!xml.contains(from)) {
            throw new IllegalStateException(part + " of the seed no longer contains " + from);
        }
        Map<String, byte[]> copy = new LinkedHashMap<>(parts);
        copy.put(part, xml.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return copy;
    }

    /** What the importer does with an upload before it opens a transaction. */
    static void read(byte[] content) {
        try {
            ImportTable table = SpreadsheetFormat.detect(content) == SpreadsheetFormat.XLSX
                    ? XlsxTableReader.read(content, DeviceImporter.MAX_ROWS)
                    : CsvTableReader.read(content, DeviceImporter.MAX_ROWS);
            ImportHeader header = ImportHeader.of(table);
            if (header.problems().isEmpty()) {
                table.rows().forEach(header::read);
            }
        } catch (ApiException rejected) {
            if (!rejected.status().is4xxClientError()) {
                throw rejected;
            }
        }
    }

    private static byte[] mutatedPart(Random random, Map<String, byte[]> workbook) {
        List<String> names = List.copyOf(workbook.keySet());
        int pick = random.nextInt(10);
        String part = pick < 6 ? "xl/worksheets/sheet1.xml" : pick < 8 ? "xl/sharedStrings.xml" : pick < 9 ? "xl/styles.xml"
                : names.get(random.nextInt(names.size()));
        Map<String, byte[]> mutated = new LinkedHashMap<>(workbook);
        mutated.put(part, XML.mutate(random, List.of(workbook.getOrDefault(part, new byte[0])), 4));
        return zip(mutated);
    }

    private static Map<String, byte[]> unzip(byte[] xlsx) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
