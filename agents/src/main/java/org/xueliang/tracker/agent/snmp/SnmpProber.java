package org.xueliang.tracker.agent.snmp;

import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Prober;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Secrets;
import org.xueliang.tracker.agent.probe.Status;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * SNMP v2c/v3 probe over the shared {@link SnmpTransport}. One GET carries the system group, the
 * ifOperStatus of the configured uplinks ({@code snmp.uplinks=1,2}) and the UPS-MIB battery status and
 * output source (absent on non-UPS devices: noSuchObject costs nothing). With {@code snmp.hostResources=true}
 * GETBULK walks of hrProcessorLoad and hrStorage follow. At a device's first answered probe and then every
 * {@code snmp.inventoryInterval} (PT6H) the inventory's bounded walks follow too ({@link SnmpInventory}: ENTITY-MIB
 * chassis, IF-MIB summary, vendor, host memory).
 *
 * <p>Outcomes: no answer → DOWN TIMEOUT (v2c agents silently drop a wrong community, so v2c cannot tell
 * a bad community from a dead device); a v3 USM report (unknown user, wrong digest, decryption error,
 * unsupported level) → DEGRADED AUTH_FAILED; an uplink not up(1) → DEGRADED UPLINK_DOWN; UPS on battery
 * or battery low/depleted → DEGRADED ON_BATTERY. A sysUpTime drop since the last probe sets fact
 * {@link Facts#REBOOTED}.
 *
 * <p>Settings: {@code snmp.version} (2c|3, default 2c), {@code snmp.uplinks}, {@code snmp.hostResources},
 * {@code snmp.retries} (default 1; the target's timeout is shared among the attempts), {@code snmp.engineId}.
 * Secrets: community in {@code password} (default "public"); v3 user, auth SHA/SHA256, priv AES/AES256.
 */
public final class SnmpProber implements Prober {

    static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
    static final OID SYS_OBJECT_ID = new OID("1.3.6.1.2.1.1.2.0");
    static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");
    static final OID IF_OPER_STATUS = new OID("1.3.6.1.2.1.2.2.1.8");
    static final OID UPS_BATTERY_STATUS = new OID("1.3.6.1.2.1.33.1.2.1.0");
    static final OID UPS_OUTPUT_SOURCE = new OID("1.3.6.1.2.1.33.1.4.1.0");
    static final OID HR_PROCESSOR_LOAD = new OID("1.3.6.1.2.1.25.3.3.1.2");
    static final OID HR_STORAGE_ENTRY = new OID("1.3.6.1.2.1.25.2.3.1");

    private static final String[] BATTERY = {null, "unknown", "batteryNormal", "batteryLow", "batteryDepleted"};
    private static final String[] OUTPUT = {null, "other", "none", "normal", "bypass", "battery", "booster", "reducer"};
    private static final int MAX_WALK_ROWS = 256;

    private final SnmpTransport transport;
    private final RebootDetector reboots;
    private final InventorySchedule inventories = new InventorySchedule();

    public SnmpProber(SnmpTransport transport) {
        this(transport, new RebootDetector());
    }

    public SnmpProber(SnmpTransport transport, RebootDetector reboots) {
        this.transport = transport;
        this.reboots = reboots;
    }

    @Override
    public Method method() {
        return Method.SNMP;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget t) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        long deadline = t0 + t.timeout().toNanos();
        Target<Address> target;
        List<Integer> uplinks;
        try {
            target = target(t);
            uplinks = uplinks(t.setting("snmp.uplinks", ""));
        } catch (RuntimeException | java.io.IOException e) {
            return CompletableFuture.completedFuture(ProbeResult.of(t, started, Duration.ZERO, Status.DOWN,
                    Reason.BAD_RESPONSE, "Configuration: " + e.getMessage(), Map.of()));
        }
        PDU get = pdu(target, PDU.GET);
        for (OID oid : new OID[]{SYS_DESCR, SYS_OBJECT_ID, SYS_UPTIME, SYS_NAME, UPS_BATTERY_STATUS, UPS_OUTPUT_SOURCE}) {
            get.add(new VariableBinding(oid));
        }
        uplinks.forEach(i -> get.add(new VariableBinding(new OID(IF_OPER_STATUS).append(i))));
        boolean hostResources = Boolean.parseBoolean(t.setting("snmp.hostResources", "false"));

        CompletableFuture<ProbeResult> result = request(target, get, deadline).thenCompose(ev -> {
            ProbeResult failed = failure(t, started, t0, ev);
            if (failed != null) {
                return CompletableFuture.completedFuture(failed);
            }
            Map<String, String> facts = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            Reason reason = interpret(t, ev.getResponse(), uplinks, facts, problems);
            // the walks run one after the other and each adds to facts only when it has completed
            CompletableFuture<Void> more = CompletableFuture.completedFuture(null);
            if (hostResources) {
                more = more.thenCompose(x -> walk(target, List.of(HR_PROCESSOR_LOAD), MAX_WALK_ROWS, deadline))
                        .thenCompose(cpu -> walk(target, List.of(HR_STORAGE_ENTRY), MAX_WALK_ROWS, deadline)
                                .thenAccept(storage -> hostResourceFacts(cpu.rows(), storage.rows(), facts)));
            }
            Instant now = Instant.now();
            String address = t.host() + ":" + t.port();
            if (inventories.due(t.deviceId(), address, InventorySchedule.interval(t.settings().get(SnmpInventory.INTERVAL)), now)) {
                more = more.thenCompose(x -> takeInventory(t.deviceId(), address, now, target, uplinks, hostResources, deadline))
                        .thenAccept(inventory -> {
                            if (!inventory.facts().isEmpty()) {
                                facts.putAll(SnmpInventory.vendorFacts(facts.get(Facts.SYS_OBJECT_ID)));
                                facts.putAll(inventory.facts());
                                // a fact this box does not have is reported empty: the stored one may be another box's
                                SnmpInventory.KEYS.forEach(k -> facts.putIfAbsent(k, ""));
                            }
                        });
            }
            return more.thenApply(x -> finish(t, started, t0, reason, problems, facts));
        });
        // snmp4j's timer always fires; this guard only keeps the Prober contract if it ever did not.
        return result.completeOnTimeout(ProbeResult.of(t, started, t.timeout(), Status.DOWN, Reason.TIMEOUT,
                "No SNMP answer within " + t.timeout().toMillis() + " ms", Map.of()),
                t.timeout().toMillis() + 500, TimeUnit.MILLISECONDS);
    }

    private Target<Address> target(ProbeTarget t) throws java.io.IOException {
        Address address = new UdpAddress(InetAddress.getByName(t.host()), t.port() > 0 ? t.port() : 161);
        int retries = Integer.parseInt(t.setting("snmp.retries", "1"));
        Target<Address> target;
        String version = t.setting("snmp.version", "2c");
        if ("3".equals(version) || "v3".equalsIgnoreCase(version)) {
            Secrets s = t.secrets();
            transport.ensureUser(s, t.settings().get("snmp.engineId"));
            UserTarget<Address> ut = new UserTarget<>();
            ut.setSecurityName(new OctetString(s.username()));
            ut.setSecurityLevel(s.authPassword() == null ? SecurityLevel.NOAUTH_NOPRIV
                    : s.privPassword() == null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV);
            ut.setVersion(SnmpConstants.version3);
            target = ut;
        } else if ("2c".equalsIgnoreCase(version) || "v2c".equalsIgnoreCase(version)) {
            String community = t.secrets().password() == null ? "public" : t.secrets().password();
            CommunityTarget<Address> ct = new CommunityTarget<>();
            ct.setCommunity(new OctetString(community));
            ct.setVersion(SnmpConstants.version2c);
            target = ct;
        } else {
            throw new IllegalArgumentException("snmp.version must be 2c or 3, not " + version);
        }
        target.setAddress(address);
        target.setRetries(retries);
        target.setTimeout(Math.max(1, t.timeout().toMillis() / (retries + 1)));
        return target;
    }

    static List<Integer> uplinks(String setting) {
        List<Integer> out = new ArrayList<>();
        for (String s : setting.split(",")) {
            if (!s.isBlank()) {
                out.add(Integer.parseInt(s.trim()));
            }
        }
        return out;
    }

    private static PDU pdu(Target<?> target, int type) {
        PDU pdu = target.getVersion() == SnmpConstants.version3 ? new ScopedPDU() : new PDU();
        pdu.setType(type);
        return pdu;
    }

    /** Sends one request; the future completes with the event (response null on timeout), never exceptionally. */
    private CompletableFuture<ResponseEvent<Address>> request(Target<Address> target, PDU pdu, long deadline) {
        CompletableFuture<ResponseEvent<Address>> f = new CompletableFuture<>();
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMs <= 0) {
            f.complete(new ResponseEvent<>(this, (Address) null, pdu, null, null));
            return f;
        }
        Target<Address> t = target.duplicate();
        t.setTimeout(Math.min(t.getTimeout(), Math.max(1, remainingMs / (t.getRetries() + 1))));
        ResponseListener listener = new ResponseListener() {
            @Override
            public <A extends Address> void onResponse(ResponseEvent<A> event) {
                transport.snmp().cancel(event.getRequest(), this);
                @SuppressWarnings("unchecked")
                ResponseEvent<Address> e = (ResponseEvent<Address>) event;
                f.complete(e);
            }
        };
        try {
            transport.snmp().send(pdu, t, null, listener);
            if (t.getVersion() == SnmpConstants.version3) {
                int id = pdu.getRequestID().getValue();
                transport.onAuthReport(id, report -> {
                    transport.snmp().cancel(pdu, listener);
                    f.complete(new ResponseEvent<>(this, t.getAddress(), pdu, report, null));
                });
                f.whenComplete((e, x) -> transport.forgetAuthReport(id));
            }
        } catch (java.io.IOException | RuntimeException e) {
            f.complete(new ResponseEvent<>(this, (Address) null, pdu, null, null, e, 0L));
        }
        return f;
    }

    /** A result for a request that got no usable answer, or null when the response is to be read. */
    private static ProbeResult failure(ProbeTarget t, Instant started, long t0, ResponseEvent<Address> ev) {
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        PDU r = ev.getResponse();
        if (ev.getError() != null) {
            return ProbeResult.of(t, started, latency, Status.DOWN, Reason.UNREACHABLE,
                    "SNMP send failed: " + ev.getError().getMessage(), Map.of());
        }
        if (r == null) {
            return ProbeResult.of(t, started, latency, Status.DOWN, Reason.TIMEOUT,
                    "No SNMP answer within " + t.timeout().toMillis() + " ms"
                            + ("3".equals(t.setting("snmp.version", "2c")) ? "" : " (a v2c agent also stays silent on a wrong community)"),
                    Map.of());
        }
        if (r.getType() == PDU.REPORT) {
            OID counter = r.size() > 0 ? r.get(0).getOid() : new OID();
            boolean auth = SnmpTransport.isAuthFailure(r);
            return ProbeResult.of(t, started, latency, Status.DEGRADED, auth ? Reason.AUTH_FAILED : Reason.BAD_RESPONSE,
                    "SNMPv3 report " + counter + (auth ? ": user, passphrase or security level rejected" : ""), Map.of());
        }
        int err = r.getErrorStatus();
        if (err == PDU.authorizationError || err == PDU.noAccess) {
            return ProbeResult.of(t, started, latency, Status.DEGRADED, Reason.AUTH_FAILED,
                    "SNMP error " + r.getErrorStatusText(), Map.of());
        }
        if (err != PDU.noError) {
            return ProbeResult.of(t, started, latency, Status.DEGRADED, Reason.BAD_RESPONSE,
                    "SNMP error " + r.getErrorStatusText() + " at index " + r.getErrorIndex(), Map.of());
        }
        return null;
    }

    /** The response's values as facts and problems; package-visible for the fuzz suite (SnmpValuesFuzzTest). */
    Reason interpret(ProbeTarget t, PDU r, List<Integer> uplinks, Map<String, String> facts, List<String> problems) {
        Map<OID, Variable> vars = new HashMap<>();
        for (VariableBinding vb : r.getVariableBindings()) {
            vars.put(vb.getOid(), vb.getVariable());
        }
        putText(facts, Facts.SYS_DESCR, vars.get(SYS_DESCR));
        putText(facts, Facts.SYS_OBJECT_ID, vars.get(SYS_OBJECT_ID));
        putText(facts, Facts.SYS_NAME, vars.get(SYS_NAME));
        OptionalLong uptime = SnmpValues.number(vars.get(SYS_UPTIME));
        // TimeTicks are 32 bits: anything else under sysUpTime (a Counter64, a negative INTEGER) says nothing of a reboot
        if (uptime.isPresent() && uptime.getAsLong() >= 0 && uptime.getAsLong() < SysUpTime.WRAP) {
            long ticks = uptime.getAsLong();
            facts.put(Facts.SYS_UPTIME_TICKS, Long.toString(ticks));
            if (reboots.record(t.deviceId(), new SysUpTime.Reading(ticks, Instant.now()))) {
                facts.put(Facts.REBOOTED, "true");
                problems.add("rebooted (sysUpTime dropped to " + ticks / 100 + " s)");
            }
        }
        Reason reason = Reason.OK;
        OptionalLong battery = SnmpValues.number(vars.get(UPS_BATTERY_STATUS));
        OptionalLong output = SnmpValues.number(vars.get(UPS_OUTPUT_SOURCE));
        if (battery.isPresent()) {
            long b = battery.getAsLong();
            facts.put(Facts.UPS_BATTERY_STATUS, label(BATTERY, b));
            if (b == 3 || b == 4) {
                reason = Reason.ON_BATTERY;
                problems.add("UPS " + label(BATTERY, b));
            }
        }
        if (output.isPresent()) {
            long o = output.getAsLong();
            facts.put(Facts.UPS_OUTPUT_SOURCE, label(OUTPUT, o));
            if (o == 5) {
                reason = Reason.ON_BATTERY;
                problems.add("UPS output on battery");
            }
        }
        List<String> down = new ArrayList<>();
        for (int i : uplinks) {
            Variable v = vars.get(new OID(IF_OPER_STATUS).append(i));
            if (SnmpValues.absent(v)) {
                down.add(i + " (no such interface)");
                continue;
            }
            OptionalLong status = SnmpValues.number(v);
            if (status.isEmpty()) {
                down.add(i + " (ifOperStatus is not a number)");
                continue;
            }
            facts.put(Facts.IF_OPER_STATUS_PREFIX + i, Long.toString(status.getAsLong()));
            if (status.getAsLong() != 1) {
                down.add(i + " (ifOperStatus " + status.getAsLong() + ")");
            }
        }
        if (!down.isEmpty()) {
            reason = Reason.UPLINK_DOWN;
            problems.add(0, "uplink not up: ifIndex " + String.join(", ", down));
        }
        return reason;
    }

    private static String label(String[] names, long v) {
        return v > 0 && v < names.length ? names[(int) v] : Long.toString(v);
    }

    private static void putText(Map<String, String> facts, String key, Variable v) {
        String s = SnmpValues.text(v);
        if (s != null) {
            facts.put(key, s);
        }
    }

    private static ProbeResult finish(ProbeTarget t, Instant started, long t0, Reason reason, List<String> problems,
                                      Map<String, String> facts) {
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        String detail = problems.isEmpty() ? null : String.join("; ", problems);
        Status status = reason == Reason.OK ? Status.UP : Status.DEGRADED;
        return ProbeResult.of(t, started, latency, status, reason, detail, facts);
    }

    /** An inventory's facts, and whether every part of it completed. */
    record Inventory(Map<String, String> facts, boolean complete) {
        static final Inventory NONE = new Inventory(Map.of(), false);
    }

    /** The inventory when one of the in-flight places is free (else it stays due); it never fails the probe. */
    private CompletableFuture<Inventory> takeInventory(long deviceId, String address, Instant now, Target<Address> target,
                                                       List<Integer> uplinks, boolean hostResources, long deadline) {
        if (!inventories.tryStart()) {
            return CompletableFuture.completedFuture(Inventory.NONE);
        }
        CompletableFuture<Inventory> inventory;
        try {
            inventory = inventory(target, uplinks, hostResources, deadline);
        } catch (RuntimeException e) {
            inventory = CompletableFuture.completedFuture(Inventory.NONE);
        }
        return inventory.handle((result, failure) -> {
            Inventory taken = failure == null ? result : Inventory.NONE;
            inventories.finished(deviceId, address, now, taken.complete());
            return taken;
        });
    }

    /**
     * The inventory's walks and GET ({@link SnmpInventory}), side by side. The probe's deadline bounds them: at the
     * deadline the probe ends with its own facts and the inventory counts as not taken (never a DOWN because a walk was
     * slow); an error answer or a walk cut short also leaves it due for the next probe.
     */
    private CompletableFuture<Inventory> inventory(Target<Address> target, List<Integer> uplinks, boolean hostResources,
                                                   long deadline) {
        CompletableFuture<Walk> entities = walk(target, SnmpInventory.entityColumns(), SnmpInventory.MAX_ROWS, deadline);
        CompletableFuture<Walk> interfaces = walk(target, SnmpInventory.interfaceColumns(), SnmpInventory.MAX_ROWS, deadline);
        List<OID> extra = SnmpInventory.extraGets(uplinks, hostResources);
        CompletableFuture<Map<OID, Variable>> got = extra.isEmpty() ? CompletableFuture.completedFuture(Map.of())
                : get(target, extra, deadline);
        long leftMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        return CompletableFuture.allOf(entities, interfaces, got).thenApply(x -> {
            Walk e = entities.join();
            Walk i = interfaces.join();
            Map<OID, Variable> values = got.join();
            Map<String, String> facts = new LinkedHashMap<>();
            facts.putAll(SnmpInventory.chassisFacts(SnmpInventory.rows(SnmpInventory.ENT_PHYSICAL_ENTRY, e.rows())));
            facts.putAll(SnmpInventory.interfaceFacts(SnmpInventory.rows(SnmpInventory.IF_ENTRY, i.rows()), uplinks,
                    values == null ? Map.of() : values));
            facts.putAll(SnmpInventory.hostFacts(values == null ? Map.of() : values));
            facts.put(Facts.INVENTORY_AT, Instant.now().toString());
            return new Inventory(facts, e.complete() && i.complete() && values != null);
        }).completeOnTimeout(Inventory.NONE, leftMs, TimeUnit.MILLISECONDS);
    }

    /** One GET of {@code oids}: their values (noSuchObject included), or null when no usable answer came. */
    private CompletableFuture<Map<OID, Variable>> get(Target<Address> target, List<OID> oids, long deadline) {
        PDU get = pdu(target, PDU.GET);
        oids.forEach(oid -> get.add(new VariableBinding(oid)));
        return request(target, get, deadline).thenApply(ev -> {
            PDU r = ev.getResponse();
            if (r == null || r.getType() != PDU.RESPONSE || r.getErrorStatus() != PDU.noError) {
                return null;
            }
            Map<OID, Variable> values = new HashMap<>();
            r.getVariableBindings().forEach(vb -> values.put(vb.getOid(), vb.getVariable()));
            return values;
        });
    }

    /** A walk's rows, and whether it ended by itself (end of the columns or the row cap) rather than by a failure. */
    record Walk(List<VariableBinding> rows, boolean complete) {
    }

    /**
     * GETBULK walk of table columns side by side (one varbind per column, as snmpbulkwalk of a table does), within
     * the deadline and at most {@code maxRows} rows per column; what arrived so far if the deadline passes or the
     * agent answers with an error.
     */
    private CompletableFuture<Walk> walk(Target<Address> target, List<OID> columns, int maxRows, long deadline) {
        CompletableFuture<Walk> done = new CompletableFuture<>();
        walkFrom(target, columns, columns, maxRows, deadline, new ArrayList<>(), new HashMap<>(), done);
        return done;
    }

    private void walkFrom(Target<Address> target, List<OID> columns, List<OID> from, int maxRows, long deadline,
                          List<VariableBinding> rows, Map<OID, Integer> perColumn, CompletableFuture<Walk> done) {
        PDU bulk = pdu(target, PDU.GETBULK);
        // at most ~60 values per answer: small enough for agents that cap their datagrams
        bulk.setMaxRepetitions(Math.max(1, Math.min(25, 60 / columns.size())));
        from.forEach(oid -> bulk.add(new VariableBinding(oid)));
        request(target, bulk, deadline).whenComplete((ev, ex) -> {
            PDU r = ev == null ? null : ev.getResponse();
            if (r == null || r.getType() != PDU.RESPONSE || r.getErrorStatus() != PDU.noError) {
                done.complete(new Walk(rows, false));
                return;
            }
            int n = columns.size();
            OID[] last = new OID[n];
            boolean[] ended = new boolean[n];
            List<? extends VariableBinding> answer = r.getVariableBindings();
            for (int k = 0; k < answer.size(); k++) {
                int c = k % n;
                VariableBinding vb = answer.get(k);
                OID previous = last[c] != null ? last[c] : from.get(c);
                // out of the column, an exception (endOfMibView) or not increasing (a broken agent): the column ends
                if (ended[c] || vb.getVariable().isException() || !vb.getOid().startsWith(columns.get(c))
                        || vb.getOid().compareTo(previous) <= 0) {
                    ended[c] = true;
                    continue;
                }
                rows.add(vb);
                last[c] = vb.getOid();
                ended[c] = perColumn.merge(columns.get(c), 1, Integer::sum) >= maxRows;
            }
            List<OID> nextColumns = new ArrayList<>();
            List<OID> nextFrom = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (!ended[c]) {
                    nextColumns.add(columns.get(c));
                    nextFrom.add(last[c] != null ? last[c] : from.get(c));
                }
            }
            boolean progressed = java.util.Arrays.stream(last).anyMatch(java.util.Objects::nonNull);
            if (nextColumns.isEmpty() || !progressed) {
                done.complete(new Walk(rows, true));
                return;
            }
            walkFrom(target, nextColumns, nextFrom, maxRows, deadline, rows, perColumn, done);
        });
    }

    static void hostResourceFacts(List<VariableBinding> cpu, List<VariableBinding> storage, Map<String, String> facts) {
        long[] loads = cpu.stream().map(vb -> SnmpValues.number(vb.getVariable()))
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).toArray();
        if (loads.length > 0) {
            facts.put(Facts.HR_PROCESSORS, Integer.toString(loads.length));
            facts.put(Facts.CPU_LOAD_PCT, Long.toString(Math.round(java.util.Arrays.stream(loads).average().orElseThrow())));
        }
        // hrStorageEntry columns: 3 descr, 4 allocation units, 5 size, 6 used; index = last sub-identifier
        Map<Integer, String> descr = new HashMap<>();
        Map<Integer, Long> size = new HashMap<>();
        Map<Integer, Long> used = new HashMap<>();
        int column = HR_STORAGE_ENTRY.size();
        for (VariableBinding vb : storage) {
            OID oid = vb.getOid();
            if (oid.size() != column + 2) {
                continue;
            }
            int index = oid.last();
            switch (oid.get(column)) {
                case 3 -> descr.put(index, SnmpValues.text(vb.getVariable()));
                case 5 -> SnmpValues.number(vb.getVariable()).ifPresent(n -> size.put(index, n));
                case 6 -> SnmpValues.number(vb.getVariable()).ifPresent(n -> used.put(index, n));
                default -> { }
            }
        }
        descr.forEach((index, name) -> {
            Long s = size.get(index);
            Long u = used.get(index);
            if (name != null && s != null && u != null && s > 0) {
                facts.put(Facts.STORAGE_USED_PCT_PREFIX + name, Long.toString(Math.round(100.0 * u / s)));
            }
        });
    }
}
