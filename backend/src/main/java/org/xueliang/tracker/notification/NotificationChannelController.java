package org.xueliang.tracker.notification;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.PageResponse;
import org.xueliang.tracker.shared.SecretCipher;

/** Channel administration: list, create, change, delete, and "send a test message". The secret is write-only. */
@RestController
@RequestMapping("/api/v1/notification-channels")
@Transactional
class NotificationChannelController {

    record ChannelInput(String name, ChannelKind kind, String target, String secret, Boolean enabled) {
    }

    private final ChannelStore store;
    private final NotificationOutbox outbox;
    private final Notifier notifier;
    private final SecretCipher cipher;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    NotificationChannelController(ChannelStore store, NotificationOutbox outbox, Notifier notifier, SecretCipher cipher, JdbcTemplate jdbc, AuditTrail audit) {
        this.store = store;
        this.outbox = outbox;
        this.notifier = notifier;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @GetMapping
    PageResponse<Channel> list() {
        List<Channel> all = store.all();
        return new PageResponse<>(all, all.size(), 0, all.size());
    }

    @PostMapping
    ResponseEntity<Channel> create(@RequestBody ChannelInput in) {
        validate(in);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO notification_channel (name, kind, target, secret_cipher, enabled, created_at)"
                        + " VALUES (?,?,?,?,?,?)", new String[] {"id"});
                ps.setString(1, in.name().trim());
                ps.setString(2, in.kind().name());
                ps.setString(3, in.target().trim());
                ps.setString(4, in.secret() == null || in.secret().isBlank() ? null : cipher.encrypt(in.secret()));
                ps.setBoolean(5, in.enabled() == null || in.enabled());
                ps.setTimestamp(6, ChannelStore.ts(Instant.now()));
                return ps;
            }, keys);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ApiException.conflict("A channel named " + in.name() + " exists already");
        }
        Channel created = load(keys.getKey().longValue());
        audit.record("CREATE", "NotificationChannel", created.id(), "Created " + created.kind() + " channel " + created.name(), null, created);
        return ResponseEntity.created(URI.create("/api/v1/notification-channels/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    Channel update(@PathVariable long id, @RequestBody ChannelInput in) {
        Channel before = load(id);
        validate(in);
        jdbc.update("UPDATE notification_channel SET name = ?, kind = ?, target = ?, enabled = ? WHERE id = ?",
                in.name().trim(), in.kind().name(), in.target().trim(), in.enabled() == null || in.enabled(), id);
        if (in.secret() != null) {
            jdbc.update("UPDATE notification_channel SET secret_cipher = ? WHERE id = ?",
                    in.secret().isBlank() ? null : cipher.encrypt(in.secret()), id);
        }
        Channel after = load(id);
        audit.record("UPDATE", "NotificationChannel", id, "Changed channel " + after.name(), before, after);
        return after;
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        Channel before = load(id);
        outbox.forgetChannel(id);
        jdbc.update("DELETE FROM notification_channel WHERE id = ?", id);
        audit.record("DELETE", "NotificationChannel", id, "Deleted channel " + before.name(), before, null);
        return ResponseEntity.noContent().build();
    }

    record TestOutcome(boolean delivered, String error) {
    }

    @PostMapping("/{id}/test")
    TestOutcome test(@PathVariable long id) {
        try {
            notifier.sendTest(load(id));
            return new TestOutcome(true, null);
        } catch (Exception e) {
            return new TestOutcome(false, e.getMessage());
        }
    }

    private Channel load(long id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Notification channel", id));
    }

    private static void validate(ChannelInput in) {
        List<FieldProblem> p = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().length() > 64) {
            p.add(new FieldProblem("name", "is required, at most 64 characters"));
        }
        if (in.kind() == null) {
            p.add(new FieldProblem("kind", "is required: WEBHOOK, WECOM, DINGTALK or EMAIL"));
        }
        if (in.target() == null || in.target().isBlank() || in.target().length() > 1000) {
            p.add(new FieldProblem("target", "is required: a URL, or e-mail addresses for EMAIL"));
        } else if (in.kind() == ChannelKind.EMAIL) {
            for (String address : in.target().split("\\s*[,;]\\s*")) {
                if (!address.matches("[^@\\s]+@[^@\\s]+")) {
                    p.add(new FieldProblem("target", "'" + address + "' is not an e-mail address"));
                }
            }
        } else if (in.kind() != null && !in.target().matches("https?://\\S+")) {
            p.add(new FieldProblem("target", "must be an http:// or https:// URL"));
        }
        if (!p.isEmpty()) {
            throw ApiException.invalid(p);
        }
    }
}
