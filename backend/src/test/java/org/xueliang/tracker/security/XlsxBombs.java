package org.xueliang.tracker.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * XLSX zip bombs built in memory for the input attacks (never committed as files). The bomb of
 * issue 9 slips under POI's compression-ratio check (1:100): its sheet inflates to 1.5 GB at a
 * ratio just above it, so the file is about 18 MB and within the 20 MB upload limit.
 *
 * <p>Deflating 1.5 GB would take half a minute, so one 1 MiB chunk is deflated once with a full
 * flush (which makes its blocks independent of what came before) and its bytes are repeated.
 */
final class XlsxBombs {

    private static final int CHUNK = 1 << 20;

    private XlsxBombs() {
    }

    /** A workbook whose first sheet's XML is {@code inflatedBytes} long, compressed at a ratio just above 1:100. */
    static byte[] sheetInflatingTo(long inflatedBytes) throws IOException {
        byte[] prefix = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns="
                + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = chunkCompressingAbove(0.0105);
        byte[] chunkDeflated = deflate(chunk, Deflater.FULL_FLUSH);
        long chunks = (inflatedBytes - prefix.length - suffix.length) / CHUNK;

        CRC32 crc = new CRC32();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        crc.update(prefix);
        raw.write(deflate(prefix, Deflater.FULL_FLUSH));
        for (long i = 0; i < chunks; i++) {
            crc.update(chunk);
            raw.write(chunkDeflated);
        }
        crc.update(suffix);
        raw.write(deflate(suffix, Deflater.NO_FLUSH));
        long size = prefix.length + chunks * CHUNK + suffix.length;
        return replacingSheet(raw.toByteArray(), crc.getValue(), size);
    }

    /** Text (letters sprinkled in spaces, character data XML allows between rows) that deflates to just over {@code ratio}. */
    private static byte[] chunkCompressingAbove(double ratio) {
        byte[] chunk = new byte[CHUNK];
        java.util.Random random = new java.util.Random(9);
        for (int every = 1000; every > 8; every -= 8) {
            Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < CHUNK; i += every) {
                chunk[i] = (byte) ('a' + random.nextInt(26));
            }
            if (deflate(chunk, Deflater.FULL_FLUSH).length >= ratio * CHUNK) {
                return chunk;
            }
        }
        throw new IllegalStateException("no chunk compresses that badly");
    }

    /** Raw deflate (no zlib wrapper, as in zip files); FULL_FLUSH leaves the stream open and byte-aligned, NO_FLUSH ends it. */
    private static byte[] deflate(byte[] data, int flush) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        if (flush == Deflater.FULL_FLUSH) {
            // a full buffer may hold back more output: call again until the flush fits
            for (int n = buffer.length; n == buffer.length; ) {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                out.write(buffer, 0, n);
            }
        } else {
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A real workbook whose first sheet's XML is {@code sheetXml} (e.g. broken XML). */
    static byte[] withSheet(String sheetXml) throws IOException {
        byte[] xml = sheetXml.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(xml);
        return replacingSheet(deflate(xml, Deflater.NO_FLUSH), crc.getValue(), xml.length);
    }

    /** A real workbook with its first sheet's entry replaced by the given deflated bytes. */
    private static byte[] replacingSheet(byte[] deflated, long crc, long size) throws IOException {
        byte[] workbook;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet().createRow(0).createCell(0).setCellValue("assetTag");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            workbook = out.toByteArray();
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(result)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getName());
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    entry.setMethod(ZipEntry.DEFLATED);
                    entry.setCrc(crc);
                    entry.setSize(size);
                    entry.setCompressedSize(deflated.length);
                    out.addRawArchiveEntry(entry, new ByteArrayInputStream(deflated));
                } else {
                    out.putArchiveEntry(entry);
                    out.write(content);
                    out.closeArchiveEntry();
                }
            }
        }
        return result.toByteArray();
    }
}
