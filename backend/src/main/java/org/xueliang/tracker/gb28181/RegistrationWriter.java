package org.xueliang.tracker.gb28181;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.shared.TransientRetry;

/**
 * Writes accepted REGISTERs in groups (group commit): the SIP thread checks the digest and hands the registration
 * here; one writer thread takes whatever has queued meanwhile (up to {@link #MAX_BATCH}), writes it in one transaction
 * (one locking read, batched INSERTs and UPDATEs, the throttle's clears, Expires 0 ends) and only then sends each
 * device its 200. So a 200 still means the row is committed, as with one transaction per REGISTER, and any replica
 * sees the registration when the device's next request reaches it; but a storm of 10,000 REGISTERs costs a few
 * hundred commits instead of 10,000 (docs/GB28181.md "Registration and keepalive"). The batch waits for nothing:
 * a lone REGISTER is written at once, and a batch grows only while the previous one is being written.
 * <p>
 * A batch that fails (after {@link TransientRetry}'s attempts) is written again one REGISTER at a time, so one bad
 * row cannot refuse its neighbours; a REGISTER that still fails gets a 500 and the device tries again. What waits in
 * the queue lives only in memory, but nothing is lost with it: a device whose REGISTER got no answer sends it again.
 */
@Component
class RegistrationWriter implements AutoCloseable {

    static final int MAX_BATCH = 256;
    static final int CAPACITY = 20_000;
    private static final Logger log = LoggerFactory.getLogger(RegistrationWriter.class);

    /**
     * One accepted REGISTER: what to write, whether its (code, host) has a failure count to clear, the 200 to send
     * once written; {@code answer} gets the 200, or null when the REGISTER could not be recorded (the SIP layer then
     * answers 500).
     */
    record Entry(GbRegistrations.Registration registration, boolean unregister, boolean clearFailures, Response ok,
                 Consumer<Response> answer) {
        String code() {
            return registration.from().deviceCode();
        }
    }

    private final GbRegistrations registrations;
    private final RegisterThrottle throttle;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final String replica;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread writer;
    private volatile boolean closed;

    RegistrationWriter(GbRegistrations registrations, RegisterThrottle throttle, ApplicationEventPublisher events,
                       TransactionTemplate tx) {
        this.registrations = registrations;
        this.throttle = throttle;
        this.events = events;
        this.tx = tx;
        this.replica = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        this.writer = new Thread(this::run, "gb-register-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** This replica, as {@code gb_registration.handled_by} names it. */
    String replica() {
        return replica;
    }

    /** Queues a REGISTER; when the queue is full (or closed) it is written here, on the caller's thread. */
    void submit(Entry entry) {
        if (closed || !queue.offer(entry)) {
            writeAlone(entry);
        }
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        List<Entry> carried = new ArrayList<>();
        // Never interrupted (an interrupt inside H2's file I/O closes the database): close() sets the flag and waits.
        while (!closed || !queue.isEmpty() || !carried.isEmpty()) {
            try {
                if (carried.isEmpty()) {
                    Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                } else {
                    batch.addAll(carried);
                    carried.clear();
                }
                List<Entry> more = new ArrayList<>();
                queue.drainTo(more, MAX_BATCH - batch.size());
                // A device twice in one batch (a REGISTER and its Expires 0, say) waits for the next one: order matters.
                Set<String> codes = new HashSet<>();
                batch.removeIf(e -> !codes.add(e.code()) && carried.add(e));
                for (Entry e : more) {
                    if (codes.add(e.code())) {
                        batch.add(e);
                    } else {
                        carried.add(e);
                    }
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("GB/T 28181 REGISTER writer: {}", e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes distinct devices' REGISTERs in one transaction, then answers them; one at a time when that fails. */
    void write(List<Entry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writeTogether(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                log.warn("GB/T 28181 REGISTER of {} not recorded: {}", batch.get(0).code(), e.toString());
                answer(batch.get(0), null);
                return;
            }
            log.debug("GB/T 28181 REGISTER batch of {} written one by one: {}", batch.size(), e.toString());
            batch.forEach(this::writeAlone);
            return;
        }
        batch.forEach(e -> answer(e, e.ok()));
    }

    private void writeAlone(Entry entry) {
        write(new ArrayList<>(List.of(entry)));
    }

    private void writeTogether(List<Entry> batch) {
        // Two replicas registering the same new devices can deadlock or collide on the first insert: the loser runs again.
        TransientRetry.run(() -> tx.executeWithoutResult(status -> {
            throttle.succeeded(batch.stream().filter(Entry::clearFailures)
                    .map(e -> new Object[] {e.code(), e.registration().from().host()}).toList());
            List<GbRegistrations.Registration> toRegister = new ArrayList<>();
            for (Entry e : batch) {
                if (e.unregister()) {
                    registrations.unregister(e.code(), e.registration().at(), replica);
                } else {
                    toRegister.add(e.registration());
                }
            }
            for (String code : registrations.registerAll(toRegister, replica)) {
                events.publishEvent(new GbDeviceRegistered(code, true));
            }
        }));
    }

    private static void answer(Entry e, Response response) {
        try {
            e.answer().accept(response);
        } catch (RuntimeException failed) {
            log.debug("GB/T 28181 REGISTER answer to {} not sent: {}", e.code(), failed.toString());
        }
    }

    int waiting() {
        return queue.size();
    }

    @Override
    @jakarta.annotation.PreDestroy
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
