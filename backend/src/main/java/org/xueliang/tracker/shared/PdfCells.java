package org.xueliang.tracker.shared;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.HttpStatus;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;

/**
 * What every PDF export shares (the 自评 report, the 考核 sheet): the CJK font ({@code xl.pdf-font}, XL_PDF_FONT) or a
 * 503 that says what to install, and text chunks, paragraphs and table cells that break lines by
 * {@link KinsokuSplitCharacter} (no line starts with closing punctuation).
 */
public final class PdfCells {

    private PdfCells() {
    }

    /** The CJK font, or a 503 that says what to install. {@code fontPath} may name a TTC member: "…/NotoSansCJK-Regular.ttc,2". */
    public static BaseFont font(String fontPath) {
        String file = fontPath.contains(",") ? fontPath.substring(0, fontPath.lastIndexOf(',')) : fontPath;
        if (!Files.isReadable(Path.of(file))) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PDF font missing", "The Chinese font " + file
                    + " is not installed, so no PDF can be made: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)"
                    + " or set XL_PDF_FONT to a CJK TrueType/OpenType font", null);
        }
        try {
            return BaseFont.createFont(fontPath, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (Exception e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PDF font unusable", "The font " + fontPath + " could not be loaded ("
                    + e.getMessage() + "); install fonts-noto-cjk or set XL_PDF_FONT", null);
        }
    }

    /** A table cell with padding and a 1.35 leading. */
    public static PdfPCell cell(String s, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(chunk(s, font)));
        cell.setPadding(3);
        cell.setPaddingBottom(4);
        cell.setLeading(0, 1.35f);
        return cell;
    }

    public static Paragraph paragraph(String s, Font font) {
        return new Paragraph(chunk(s, font));
    }

    /** Text (null as empty) that breaks lines by the kinsoku rules. */
    public static Chunk chunk(String s, Font font) {
        Chunk c = new Chunk(s == null ? "" : s, font);
        c.setSplitCharacter(KinsokuSplitCharacter.INSTANCE);
        return c;
    }
}
