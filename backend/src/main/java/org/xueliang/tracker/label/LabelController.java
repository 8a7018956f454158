package org.xueliang.tracker.label;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xueliang.tracker.ledger.DeviceFilter;
import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.shared.ApiException;

/**
 * {@code GET /api/v1/labels.pdf}: device labels for a selection ({@code deviceIds=1,2,3}) or for the same filters as
 * {@code GET /api/v1/devices} (a site: {@code siteId}), never both, in one of the {@link LabelLayout}s. Needs
 * LEDGER_READ (SecurityConfig's GET rule for the API). The PDF is sent inline, so a browser opens it to print.
 */
@RestController
class LabelController {

    private final LabelService labels;
    /** {@code xl.labels.base-url}: the address people reach the web app at, for the QR codes; empty: this request's. */
    private final String configuredBaseUrl;

    LabelController(LabelService labels, @Value("${xl.labels.base-url:}") String configuredBaseUrl) {
        this.labels = labels;
        this.configuredBaseUrl = configuredBaseUrl.strip().replaceAll("/+$", "");
    }

    @GetMapping("/api/v1/labels.pdf")
    ResponseEntity<byte[]> labels(@RequestParam(required = false) List<Long> deviceIds,
                                  @RequestParam(required = false) Long projectId,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) Long siteId,
                                  @RequestParam(required = false) Lifecycle lifecycle,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Boolean hasGbCode,
                                  @RequestParam(defaultValue = "a4-3x8") String layout) {
        LabelLayout chosen = LabelLayout.named(layout);
        boolean filtered = Stream.of(projectId, category, siteId, lifecycle, q, hasGbCode).anyMatch(p -> p != null);
        byte[] pdf;
        if (deviceIds != null) {
            if (filtered) {
                throw ApiException.badRequest("deviceIds", "give either deviceIds (a selection) or filters, not both");
            }
            pdf = labels.selection(deviceIds, chosen, baseUrl());
        } else {
            pdf = labels.filtered(new DeviceFilter(projectId, category, siteId, lifecycle, q, hasGbCode), chosen, baseUrl());
        }
        String file = "labels-" + chosen.code + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + file + "\"; filename*=UTF-8''" + file)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    private String baseUrl() {
        return configuredBaseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configuredBaseUrl;
    }
}
