package org.xueliang.tracker.label;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a label's QR code holds: the device page's address with the asset tag beside the id,
 * {@code <base URL>/ledger/<id>?tag=<asset tag>}. A phone camera opens the device page with it; a stocktake scan
 * resolves it with {@link #parse} whatever base URL the label was printed under (a renamed host leaves old labels
 * readable), and can compare the tag printed then with the ledger's tag now.
 */
public record LabelCode(long deviceId, String assetTag) {

    /** The device page's path under the web app (the UI route {@code /ledger/:id}). */
    static final String DEVICE_PATH = "/ledger/";

    private static final Pattern SCANNED = Pattern.compile("/ledger/(\\d{1,18})\\?tag=([^&#\\s]*)");

    /** The text of the QR code for this device under {@code baseUrl} (without a trailing slash). */
    public String text(String baseUrl) {
        return baseUrl + DEVICE_PATH + deviceId + "?tag=" + URLEncoder.encode(assetTag, StandardCharsets.UTF_8);
    }

    /** The device a scanned label names; empty when the text is not a label's code. */
    public static Optional<LabelCode> parse(String scanned) {
        if (scanned == null) {
            return Optional.empty();
        }
        Matcher m = SCANNED.matcher(scanned.trim());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LabelCode(Long.parseLong(m.group(1)), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) { // a broken %-escape: not one of ours
            return Optional.empty();
        }
    }
}
