package org.xueliang.tracker.ledger;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.shared.ApiException;

/**
 * The county/township boundary drawn under the site map: anyone signed in reads it (204 when there
 * is none), an administrator uploads (PUT, the GeoJSON document as the body) or removes it.
 */
@RestController
@RequestMapping("/api/v1/sites/boundary")
class SiteBoundaryController {

    private static final String LIMIT = "5 MB";

    private final SiteBoundaryService boundary;

    SiteBoundaryController(SiteBoundaryService boundary) {
        this.boundary = boundary;
    }

    @GetMapping
    ResponseEntity<String> get() {
        return boundary.geoJson()
                .map(doc -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(doc))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /**
     * Reads at most {@link BoundaryGeoJson#MAX_BYTES} + 1 bytes, so an oversized upload is refused
     * (413) without holding all of it in memory; a declared length over the limit is refused unread.
     */
    @PutMapping
    SiteBoundaryService.BoundaryInfo put(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > BoundaryGeoJson.MAX_BYTES) {
            throw ApiException.tooLarge("The boundary file", LIMIT);
        }
        byte[] bytes = request.getInputStream().readNBytes(BoundaryGeoJson.MAX_BYTES + 1);
        if (bytes.length > BoundaryGeoJson.MAX_BYTES) {
            throw ApiException.tooLarge("The boundary file", LIMIT);
        }
        return boundary.replace(bytes);
    }

    @DeleteMapping
    ResponseEntity<Void> delete() {
        boundary.remove();
        return ResponseEntity.noContent().build();
    }
}
