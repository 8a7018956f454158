package org.xueliang.tracker.label;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Lays labels out on the pages of a {@link LabelLayout} and draws each one: the QR code on the left, as tall as the
 * label allows, and on its right the asset tag (emboldened), the name (two lines), the national code and the site
 * (two lines), each fitted to the column by {@link FittedText} and the block centred vertically. Sizes are given for
 * a 37 mm tall label and scale with the label's height.
 */
final class LabelSheet {

    private static final float TEXT_GAP_MM = 0.8f;
    private static final float REFERENCE_HEIGHT_MM = 37f;
    private static final float LEADING = 1.2f;
    /** Noto Sans CJK's ascent as a share of the size: where the first baseline sits below the block's top. */
    private static final float ASCENT = 0.88f;

    private final BaseFont font;
    private final float padding;

    private LabelSheet(BaseFont font, float padding) {
        this.font = font;
        this.padding = padding;
    }

    /** The labels as one PDF, {@code layout.perPage()} to a page. */
    static byte[] write(List<PrintedLabel> labels, LabelLayout layout, BaseFont font) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(new Rectangle(LabelLayout.points(layout.pageWidth), LabelLayout.points(layout.pageHeight)), 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCompressionLevel(9);
        document.open();
        LabelSheet sheet = new LabelSheet(font, LabelLayout.points(layout.padding));
        for (int i = 0; i < labels.size(); i++) {
            int slot = i % layout.perPage();
            if (slot == 0 && i > 0) {
                document.newPage();
            }
            int column = slot % layout.columns;
            int row = slot / layout.columns;
            float x = LabelLayout.points(layout.left + column * layout.columnPitch);
            float top = LabelLayout.points(layout.pageHeight - layout.top - row * layout.rowPitch);
            float height = LabelLayout.points(layout.labelHeight);
            sheet.draw(writer.getDirectContent(), labels.get(i), x, top - height, LabelLayout.points(layout.labelWidth), height);
        }
        document.close();
        return out.toByteArray();
    }

    /** One text block of the label: its fitted lines and whether it is printed emboldened. */
    private record Block(FittedText text, boolean bold) {
        float height() {
            return text.lines().size() * text.size() * LEADING;
        }
    }

    private void draw(PdfContentByte canvas, PrintedLabel label, float x, float y, float width, float height) {
        float side = height - 2 * padding;
        QrSymbol.of(label.code()).draw(canvas, x + padding, y + padding, side);

        // the QR's own quiet zone already separates it from the text: the column starts right after it
        float textX = x + padding + side;
        float textWidth = x + width - padding - textX;
        float scale = height / LabelLayout.points(REFERENCE_HEIGHT_MM);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(FittedText.fit(label.assetTag(), font, 9 * scale, 5, textWidth, 1), true));
        blocks.add(new Block(FittedText.fit(label.name(), font, 8 * scale, 5.5f, textWidth, 2), false));
        if (label.gbCode() != null) {
            blocks.add(new Block(FittedText.fit(label.gbCode(), font, 6.5f * scale, 4, textWidth, 1), false));
        }
        if (label.siteName() != null) {
            blocks.add(new Block(FittedText.fit(label.siteName(), font, 7 * scale, 5, textWidth, 2), false));
        }
        float gap = LabelLayout.points(TEXT_GAP_MM) * scale;
        float blockHeight = blocks.stream().map(Block::height).reduce(0f, Float::sum) + gap * (blocks.size() - 1);
        float cursor = y + height / 2 + Math.min(blockHeight, side) / 2; // centred; a block taller than the QR starts at its top

        for (Block block : blocks) {
            FittedText t = block.text();
            canvas.saveState();
            canvas.beginText();
            canvas.setFontAndSize(font, t.size());
            if (block.bold()) { // one regular CJK font: a thin outline around the glyphs stands in for bold
                canvas.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
                canvas.setLineWidth(t.size() * 0.04f);
            }
            float baseline = cursor - t.size() * ASCENT;
            for (String line : t.lines()) {
                canvas.setTextMatrix(textX, baseline);
                canvas.showText(line);
                baseline -= t.size() * LEADING;
            }
            canvas.endText();
            canvas.restoreState();
            cursor -= block.height() + gap;
        }
    }
}
