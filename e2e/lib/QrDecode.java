import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

/**
 * Prints the text of every QR code on the PNG pages given, one a line, in reading order (top to bottom, left to right).
 * Run from source with only ZXing's core jar (the backend's own dependency, in ~/.m2 after `mvn install`):
 * {@code java -cp core-3.5.3.jar e2e/lib/QrDecode.java page-1.png …}; e2e/lib/qr.mjs does that for the tests.
 */
public class QrDecode {

    public static void main(String[] args) throws Exception {
        for (String file : args) {
            BufferedImage image = ImageIO.read(new File(file));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            Result[] results;
            try {
                results = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            } catch (NotFoundException none) {
                continue;
            }
            List<Result> ordered = new ArrayList<>(List.of(results));
            // rows of labels first (a label's height is far more than the QR's wobble), then left to right
            ordered.sort((a, b) -> {
                float ay = a.getResultPoints()[0].getY(), by = b.getResultPoints()[0].getY();
                if (Math.abs(ay - by) > 50) {
                    return Float.compare(ay, by);
                }
                return Float.compare(a.getResultPoints()[0].getX(), b.getResultPoints()[0].getX());
            });
            ordered.forEach(r -> System.out.println(r.getText()));
        }
    }
}
