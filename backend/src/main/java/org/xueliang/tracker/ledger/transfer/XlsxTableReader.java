package org.xueliang.tracker.ledger.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xueliang.tracker.shared.ApiException;

/**
 * Reads the first sheet of an XLSX upload into an {@link ImportTable}, streaming its XML (POI's
 * event API) rather than building the whole workbook in memory. {@link XlsxSizeGuard} first bounds
 * what the zip unpacks to; POI's XML reader resolves no DTDs or external entities. Formulas give
 * their cached results, as Excel shows them.
 */
final class XlsxTableReader {

    static final String NOT_A_WORKBOOK = "The XLSX file is not a valid workbook; save it again as .xlsx from Excel or WPS, "
            + "or as CSV UTF-8, and import that";
    private static final Logger log = LoggerFactory.getLogger(XlsxTableReader.class);
    /** Far beyond the import's columns (DeviceColumns), far below the 16,384 a sheet may address. */
    static final int MAX_COLUMNS = 256;

    private XlsxTableReader() {
    }

    static ImportTable read(byte[] content, int maxRows) {
        XlsxSizeGuard.check(content);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ImportRejected.because("The workbook has no sheet");
            }
            RowCollector rows = new RowCollector(maxRows);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(pkg), rows, new XlsxCellFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
            if (rows.header == null) {
                throw ImportRejected.because("The file is empty");
            }
            return new ImportTable(rows.header, rows.rows);
        } catch (ApiException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            // POI's messages name its classes and parts (SAXParseException, [Content_Types].xml, …); whatever broke,
            // the user can only save the file again, so that is what the answer says (issue 9)
            log.debug("Unreadable XLSX upload", e);
            throw ImportRejected.because(NOT_A_WORKBOOK);
        }
    }

    /** Gathers the rows of the sheet as the XML streams past; the header is whatever row 1 holds. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private List<String> header;
        private final List<ImportTable.Row> rows = new ArrayList<>();
        private List<String> cells;
        private int rowNumber;

        RowCollector(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            cells = new ArrayList<>();
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cells == null) {
                throw ImportRejected.because("The file is not a readable XLSX workbook: a cell outside any row");
            }
            if (formattedValue == null || formattedValue.isEmpty()) {
                return; // an empty cell adds nothing, and padding up to it (XFD7) would only cost memory
            }
            // Empty cells are not in the XML at all, so a cell's place comes from its reference (B7 → column 1).
            int column = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            if (column >= MAX_COLUMNS) {
                // a few bytes of XML per row would otherwise pad every row to 16,384 cells
                throw ImportRejected.because("Cell " + cellReference + " is beyond column " + MAX_COLUMNS
                        + "; an import file has " + DeviceColumns.headerNames().size() + " columns");
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue);
        }

        @Override
        public void endRow(int rowNum) {
            ImportTable.Row row = new ImportTable.Row(rowNumber, cells);
            if (rowNumber == 1) {
                header = cells;
            } else if (!row.blank()) {
                if (header == null) {
                    header = List.of();
                }
                rows.add(row);
                if (rows.size() > maxRows) {
                    throw ImportRejected.tooManyRows(maxRows);
                }
            }
        }
    }
}
