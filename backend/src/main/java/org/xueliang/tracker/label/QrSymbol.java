package org.xueliang.tracker.label;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import com.lowagie.text.pdf.PdfContentByte;

/**
 * One QR code (ZXing), drawn as vector squares so it prints sharp at any printer resolution. The symbol is drawn
 * inside a square with the standard quiet zone of {@link #QUIET_MODULES} modules on every side: a label's edge or
 * text never touches the code. Error correction level M (15 %): a label scuffed in the field still scans.
 */
final class QrSymbol {

    static final int QUIET_MODULES = 4;

    private final BitMatrix modules;

    private QrSymbol(BitMatrix modules) {
        this.modules = modules;
    }

    static QrSymbol of(String text) {
        try {
            // width 0 and margin 0: one matrix cell per module, the quiet zone is left blank by draw()
            return new QrSymbol(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 0)));
        } catch (WriterException e) { // only for texts beyond a QR code's capacity, far longer than a device address
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
    }

    /** Modules on a side, without the quiet zone. */
    int size() {
        return modules.getWidth();
    }

    /** Draws the code with its quiet zone into the square of {@code side} points whose lower left corner is (x, y). */
    void draw(PdfContentByte canvas, float x, float y, float side) {
        int n = size();
        float module = side / (n + 2 * QUIET_MODULES);
        float left = x + QUIET_MODULES * module;
        float top = y + side - QUIET_MODULES * module;
        canvas.saveState();
        canvas.setGrayFill(0);
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (!modules.get(col, row)) {
                    col++;
                    continue;
                }
                int run = col;
                while (run < n && modules.get(run, row)) {
                    run++;
                }
                // one rectangle per dark run of a row; a hair taller so rows do not show seams when rasterised
                canvas.rectangle(left + col * module, top - (row + 1) * module - 0.01f, (run - col) * module, module + 0.02f);
                col = run;
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}
