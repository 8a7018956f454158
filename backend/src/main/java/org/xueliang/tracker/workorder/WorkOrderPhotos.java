package org.xueliang.tracker.workorder;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.workorder.WorkOrderTransitions.By;

/**
 * Photos of an order ({@code work_order_photo}): at most {@value #MAX_BYTES} bytes each and {@value #MAX_PER_ORDER}
 * per order, JPEG, PNG or WebP by their first bytes ({@link PhotoType}); kept in the database so that every replica
 * serves them. A technician adds photos to their own orders, a manager to any in scope; not once an order is closed or
 * cancelled.
 */
@Service
public class WorkOrderPhotos {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_PER_ORDER = 20;

    /** A photo's bytes and type, as served. */
    public record Picture(String mediaType, byte[] content) {
    }

    private final JdbcTemplate jdbc;
    private final WorkOrderService orders;
    private final WorkOrderStore store;
    private final AuditTrail audit;
    private final Clock clock;

    WorkOrderPhotos(JdbcTemplate jdbc, WorkOrderService orders, WorkOrderStore store, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public WorkOrder.Photo add(long orderId, MultipartFile file) {
        WorkOrder order = orders.visible(orderId);
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", "is required: a JPEG, PNG or WebP picture");
        }
        if (file.getSize() > MAX_BYTES) {
            throw ApiException.tooLarge("The photo", "5 MB");
        }
        byte[] bytes = read(file);
        PhotoType type = PhotoType.of(bytes)
                .orElseThrow(() -> ApiException.invalid("file", "must be a JPEG, PNG or WebP picture"));
        if (WorkOrderService.by() == By.TECHNICIAN && !WorkOrderService.me().equals(order.assignee())) {
            throw ApiException.forbidden("take the work order before adding photos to it");
        }
        if (order.state() == WorkOrderState.CLOSED || order.state() == WorkOrderState.CANCELLED) {
            throw ApiException.conflict("work order " + orderId + " is " + order.state() + ": no more photos");
        }
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM work_order_photo WHERE work_order_id = ?", Integer.class, orderId);
        if (count != null && count >= MAX_PER_ORDER) {
            throw ApiException.conflict("work order " + orderId + " has " + MAX_PER_ORDER + " photos already");
        }
        Instant now = clock.instant();
        String me = WorkOrderService.me();
        jdbc.update("INSERT INTO work_order_photo (work_order_id, media_type, size_bytes, uploaded_at, uploaded_by, content)"
                + " VALUES (?,?,?,?,?,?)", orderId, type.mediaType, bytes.length, Times.ts(now), me, bytes);
        WorkOrder.Photo photo = store.photos(orderId).stream().reduce((a, b) -> b).orElseThrow();
        store.event(orderId, now, me, "PHOTO", null, null, "photo " + photo.id());
        audit.record(order.projectId(), "WORK_ORDER_PHOTO_ADD", "WorkOrder", orderId, "Photo " + photo.id() + " added to work order "
                + orderId, null, Map.of("photo", photo.id(), "mediaType", type.mediaType, "bytes", bytes.length));
        return photo;
    }

    @Transactional(readOnly = true)
    public Picture picture(long orderId, long photoId) {
        orders.visible(orderId);
        return jdbc.query("SELECT media_type, content FROM work_order_photo WHERE id = ? AND work_order_id = ?",
                (rs, n) -> new Picture(rs.getString(1), rs.getBytes(2)), photoId, orderId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Photo", photoId));
    }

    /** At most one byte past the limit is read, whatever size the client declared. */
    private static byte[] read(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw ApiException.tooLarge("The photo", "5 MB");
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("file", "could not be read");
        }
    }
}
