package org.xueliang.tracker.vqd;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xueliang.tracker.agent.vqd.Frame;
import org.xueliang.tracker.agent.vqd.VqdAnalyzer;
import org.xueliang.tracker.agent.vqd.VqdFinding;
import org.xueliang.tracker.agent.vqd.VqdImages;
import org.xueliang.tracker.agent.vqd.VqdReport;
import org.xueliang.tracker.agent.vqd.VqdThresholds;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.Texts;

/**
 * A technician checks a picture: {@code image}, and optionally the {@code previous} snapshot (画面冻结) and the
 * approved {@code reference} (场景变更, and colour judged against it). Each part at most {@value #MAX_MEGABYTES} MiB
 * and {@link VqdImages#MAX_PIXELS} pixels; nothing is stored. Labels in the request's language ({@code lang}). With
 * {@code category} the picture is judged by that camera category's thresholds ({@link CategoryThresholds}).
 */
@RestController
class VqdController {

    static final int MAX_MEGABYTES = 8;
    private static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;

    private final VqdAnalyzer analyzer = new VqdAnalyzer();
    private final Texts texts;
    private final CategoryThresholds thresholds;

    VqdController(Texts texts, CategoryThresholds thresholds) {
        this.texts = texts;
        this.thresholds = thresholds;
    }

    /** One class's verdict as the API gives it; {@code maskedBy} is null unless another class made it meaningless. */
    record Finding(@JsonProperty("class") String type, String label, double score,
            double threshold, boolean fault, String maskedBy, String maskedByLabel) {
    }

    record Analysis(List<Finding> findings) {
    }

    @PostMapping(path = "/api/v1/vqd/analyze", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Analysis analyze(@RequestPart("image") MultipartFile image,
                     @RequestPart(name = "previous", required = false) MultipartFile previous,
                     @RequestPart(name = "reference", required = false) MultipartFile reference,
                     @RequestParam(required = false) String category,
                     @RequestParam(required = false) String lang) {
        Locale locale = Texts.langOrCurrent(lang);
        VqdThresholds judgedBy = thresholds(category);
        BufferedImage now = picture("image", image);
        BufferedImage before = picture("previous", previous);
        BufferedImage ref = picture("reference", reference);
        VqdReport report = analyzer.analyze(Frame.of(now), before == null ? null : Frame.of(before),
                ref == null ? null : Frame.of(ref), judgedBy);
        return new Analysis(report.findings().stream().map(f -> finding(locale, f)).toList());
    }

    private VqdThresholds thresholds(String category) {
        if (category == null || category.isBlank()) {
            return VqdThresholds.defaults();
        }
        if (thresholds.all().stream().noneMatch(s -> s.category().equals(category))) {
            throw ApiException.badRequest("category", "'" + category + "' is not a camera category");
        }
        return thresholds.of(category);
    }

    private Finding finding(Locale locale, VqdFinding f) {
        String masked = f.maskedBy() == null ? null : f.maskedBy().name();
        return new Finding(f.type().name(), texts.label(locale, "vqd.class", f.type()), f.score(), f.threshold(),
                f.fault(), masked, f.maskedBy() == null ? null : texts.label(locale, "vqd.class", f.maskedBy()));
    }

    private BufferedImage picture(String part, MultipartFile file) {
        if (file == null) {
            return null;
        }
        if (file.getSize() > MAX_BYTES) {
            throw ApiException.tooLarge(part, MAX_MEGABYTES + " MiB");
        }
        if (file.isEmpty()) {
            throw ApiException.badRequest(part, part + " is empty");
        }
        try {
            return VqdImages.decode(file.getBytes(), VqdImages.MAX_PIXELS);
        } catch (IOException e) {
            throw ApiException.badRequest(part, part + " is not a readable picture (JPEG, PNG, BMP, GIF) of at most "
                    + VqdImages.MAX_PIXELS / 1_000_000 + " million pixels: " + e.getMessage());
        }
    }
}
