package org.xueliang.tracker.label;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.xueliang.tracker.shared.ApiException;

/**
 * The label stocks a sheet can be printed on (docs/LABELS.md): page size, label size, grid and where the first label
 * sits, in millimetres as the stock's data sheet gives them. Labels are filled row by row from the top left.
 */
enum LabelLayout {

    /**
     * A4, 3 × 8 = 24 labels of 70 × 37 mm, edge to edge (e.g. Avery 3474, Herma 4453). 3 mm inside each label: office
     * printers leave a few millimetres at the page's edge unprinted, and the outer labels reach it.
     */
    A4_3X8("a4-3x8", 210, 297, 70, 37, 3, 8, 0, 0.5, 70, 37, 3),
    /** A4, 2 × 7 = 14 labels of 99.1 × 38.1 mm with a 2.5 mm gutter and page margins (e.g. Avery L7163). */
    A4_2X7("a4-2x7", 210, 297, 99.1, 38.1, 2, 7, 4.65, 15.15, 101.6, 38.1, 2),
    /** One 50 × 30 mm label per page, for label printers (thermal roll stock, printed to its edge). */
    SINGLE_50X30("50x30", 50, 30, 50, 30, 1, 1, 0, 0, 50, 30, 1.5);

    static final float POINTS_PER_MM = 72f / 25.4f;

    final String code;
    final double pageWidth;
    final double pageHeight;
    final double labelWidth;
    final double labelHeight;
    final int columns;
    final int rows;
    final double left;
    final double top;
    final double columnPitch;
    final double rowPitch;
    /** Blank margin inside each label, around the QR code's own quiet zone and the text. */
    final double padding;

    LabelLayout(String code, double pageWidth, double pageHeight, double labelWidth, double labelHeight, int columns, int rows,
                double left, double top, double columnPitch, double rowPitch, double padding) {
        this.code = code;
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
        this.labelWidth = labelWidth;
        this.labelHeight = labelHeight;
        this.columns = columns;
        this.rows = rows;
        this.left = left;
        this.top = top;
        this.columnPitch = columnPitch;
        this.rowPitch = rowPitch;
        this.padding = padding;
    }

    int perPage() {
        return columns * rows;
    }

    /** The layout named {@code code}, or a 400 that lists the ones there are. */
    static LabelLayout named(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("layout", "layout must be one of " + codes()));
    }

    static String codes() {
        return Arrays.stream(values()).map(l -> l.code).collect(Collectors.joining(", "));
    }

    static float points(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }
}
