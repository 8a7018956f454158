package org.xueliang.tracker.label;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * A label PDF read back the way a printer and a phone would see it: every page rendered to pixels by PDFBox, the QR
 * codes decoded from the pixels by ZXing, and the page's text extracted.
 */
final class LabelPdf implements AutoCloseable {

    private static final float DPI = 200;

    private final PDDocument document;
    private final PDFRenderer renderer;

    LabelPdf(byte[] pdf) throws IOException {
        document = Loader.loadPDF(pdf);
        renderer = new PDFRenderer(document);
    }

    int pages() {
        return document.getNumberOfPages();
    }

    PDRectangle pageSize(int page) {
        return document.getPage(page).getMediaBox();
    }

    String text() throws IOException {
        return new PDFTextStripper().getText(document);
    }

    BufferedImage render(int page) throws IOException {
        return renderer.renderImageWithDPI(page, DPI, ImageType.GRAY);
    }

    /**
     * The QR code of every label slot of {@code layout} on {@code page}, read from that slot's pixels alone (so each
     * code lies inside its label, quiet zone included); empty where the slot holds none.
     */
    List<Optional<String>> codesBySlot(int page, LabelLayout layout) throws IOException {
        BufferedImage image = render(page);
        double pxPerMm = DPI / 25.4;
        List<Optional<String>> codes = new ArrayList<>();
        for (int slot = 0; slot < layout.perPage(); slot++) {
            int x = (int) Math.round((layout.left + (slot % layout.columns) * layout.columnPitch) * pxPerMm);
            int y = (int) Math.round((layout.top + (slot / layout.columns) * layout.rowPitch) * pxPerMm);
            int w = Math.min((int) Math.floor(layout.labelWidth * pxPerMm), image.getWidth() - x);
            int h = Math.min((int) Math.floor(layout.labelHeight * pxPerMm), image.getHeight() - y);
            codes.add(decodeOne(image.getSubimage(x, y, w, h)));
        }
        return codes;
    }

    /** Every QR code found anywhere on the page, as a reader of several codes at once sees them. */
    List<String> allCodes(int page) throws IOException {
        BinaryBitmap bitmap = bitmap(render(page));
        try {
            Result[] found = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, true));
            List<String> texts = new ArrayList<>();
            for (Result r : found) {
                texts.add(r.getText());
            }
            return texts;
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    /** The codes {@link GenericMultipleBarcodeReader} finds on the page (it searches the parts around each find). */
    List<String> genericCodes(int page) throws IOException {
        try {
            List<String> texts = new ArrayList<>();
            for (Result r : new GenericMultipleBarcodeReader(new QRCodeReader()).decodeMultiple(bitmap(render(page)),
                    Map.of(DecodeHintType.TRY_HARDER, true))) {
                texts.add(r.getText());
            }
            return texts;
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private static Optional<String> decodeOne(BufferedImage image) {
        try {
            return Optional.of(new QRCodeReader().decode(bitmap(image), Map.of(DecodeHintType.TRY_HARDER, true)).getText());
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
