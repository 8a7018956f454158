package org.xueliang.tracker.vqd;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xueliang.tracker.agent.vqd.VqdClass;
import org.xueliang.tracker.agent.vqd.VqdThresholds;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.Texts;

/**
 * What the picture-quality checks judge by (docs/API.md "VQD"): the thresholds per camera category (an administrator
 * sets them) and each camera's approved reference picture (a technician approves, replaces or removes it).
 */
@RestController
class VqdSettingsController {

    private final CategoryThresholds thresholds;
    private final VqdReferences references;
    private final Texts texts;

    VqdSettingsController(CategoryThresholds thresholds, VqdReferences references, Texts texts) {
        this.thresholds = thresholds;
        this.references = references;
        this.texts = texts;
    }

    /** One class's threshold in a category; {@code custom} = set for the category rather than the default. */
    record ClassThreshold(@JsonProperty("class") String type, String label, double threshold, boolean custom) {
    }

    record CategoryView(String category, List<ClassThreshold> classes, String updatedBy, Instant updatedAt) {
    }

    record ThresholdsResponse(double defaultThreshold, List<CategoryView> categories) {
    }

    /** The body of a PUT: class → threshold; a class left out goes back to the default. */
    record ThresholdsBody(Map<String, Double> thresholds) {
    }

    @GetMapping("/api/v1/vqd/thresholds")
    ThresholdsResponse thresholds(@RequestParam(required = false) String lang) {
        Locale locale = Texts.langOrCurrent(lang);
        return new ThresholdsResponse(VqdThresholds.DEFAULT,
                thresholds.all().stream().map(s -> view(s, locale)).toList());
    }

    @PutMapping("/api/v1/vqd/thresholds/{category}")
    CategoryView replace(@PathVariable String category, @RequestBody ThresholdsBody body,
                         @RequestParam(required = false) String lang) {
        if (body == null || body.thresholds() == null) {
            throw ApiException.badRequest("thresholds", "thresholds is required: an object of class → threshold, {} for every default");
        }
        return view(thresholds.replace(category, body.thresholds()), Texts.langOrCurrent(lang));
    }

    private CategoryView view(CategoryThresholds.CategorySet set, Locale locale) {
        VqdThresholds t = set.thresholds();
        return new CategoryView(set.category(), Arrays.stream(VqdClass.values())
                .map(c -> new ClassThreshold(c.name(), texts.label(locale, "vqd.class", c), t.of(c), set.custom().containsKey(c)))
                .toList(), set.updatedBy(), set.updatedAt());
    }

    /** The approved reference picture (JPEG at analysis size); 404 when the camera has none. */
    @GetMapping("/api/v1/devices/{id}/vqd-reference")
    ResponseEntity<byte[]> picture(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.IMAGE_JPEG)
                .body(references.picture(id));
    }

    /** Approves the uploaded {@code image} (a snapshot of the camera's intended view) as its reference. */
    @PutMapping(path = "/api/v1/devices/{id}/vqd-reference", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    VqdReferences.Approval approve(@PathVariable long id, @RequestPart("image") MultipartFile image) throws java.io.IOException {
        if (image.getSize() > VqdController.MAX_MEGABYTES * 1024L * 1024L) {
            throw ApiException.tooLarge("image", VqdController.MAX_MEGABYTES + " MiB");
        }
        if (image.isEmpty()) {
            throw ApiException.badRequest("image", "image is empty");
        }
        return references.approve(id, image.getBytes());
    }

    @DeleteMapping("/api/v1/devices/{id}/vqd-reference")
    ResponseEntity<Void> remove(@PathVariable long id) {
        references.remove(id);
        return ResponseEntity.noContent().build();
    }
}
