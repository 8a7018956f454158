package org.xueliang.tracker.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.shared.FilterText;
import org.xueliang.tracker.shared.VisibleProjects;
import org.xueliang.tracker.shared.PageRequests;
import org.xueliang.tracker.shared.PageResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditLogReader reader;
    private final AuditChainVerifier verifier;
    private final JsonMapper json;
    private final VisibleProjects visible;
    private final CheckpointFiles checkpoints;

    AuditController(AuditLogReader reader, AuditChainVerifier verifier, JsonMapper json, VisibleProjects visible,
                    CheckpointFiles checkpoints) {
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.visible = visible;
        this.verifier = verifier;
        this.json = json;
    }

    record AuditView(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
                     String summary, JsonNode before, JsonNode after, String hash) {
    }

    @GetMapping
    PageResponse<AuditView> list(@RequestParam(required = false) String entityType,
                                 @RequestParam(required = false) String entityId,
                                 @RequestParam(required = false) String actor,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        var pageable = PageRequests.of(page, size);
        // a user limited to some projects sees the entries of those projects only (docs/SECURITY.md)
        var filter = new AuditLogReader.Filter(FilterText.check("entityType", entityType), FilterText.check("entityId", entityId),
                FilterText.check("actor", actor), visible.limitedTo());
        var items = reader.page(filter, pageable.getPageNumber(), pageable.getPageSize()).stream().map(this::view).toList();
        return new PageResponse<>(items, reader.count(filter), pageable.getPageNumber(), pageable.getPageSize());
    }

    @GetMapping("/verify")
    AuditChainVerifier.Result verify() {
        return verifier.verify();
    }

    /** The signed checkpoints stored in the database, oldest first, and the public key that checks them. */
    @GetMapping("/checkpoints")
    CheckpointFiles.Listing checkpoints() {
        return checkpoints.listing();
    }

    /** Every checkpoint (database and file outside it) as signed lines, with the public key: a file to keep elsewhere. */
    @GetMapping(value = "/checkpoints/file", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> checkpointsFile() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit-checkpoints.txt").build().toString())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(checkpoints.signedFile());
    }

    private AuditView view(AuditEntry e) {
        return new AuditView(e.id(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(), e.summary(),
                parse(e.beforeJson()), parse(e.afterJson()), e.hash());
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
