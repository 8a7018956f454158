package org.xueliang.tracker.agent.probe;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Maps each method to its prober; adding a protocol is one new Prober and one entry here. */
public final class ProberRegistry implements AutoCloseable {

    private final Map<Method, Prober> probers = new EnumMap<>(Method.class);

    public ProberRegistry(List<Prober> all) {
        for (Prober p : all) {
            if (probers.put(p.method(), p) != null) {
                throw new IllegalArgumentException("Two probers for " + p.method());
            }
        }
    }

    public Prober forMethod(Method method) {
        Prober p = probers.get(method);
        if (p == null) {
            throw new IllegalArgumentException("No prober for " + method + "; registered: " + probers.keySet());
        }
        return p;
    }

    @Override
    public void close() {
        probers.values().forEach(Prober::close);
    }
}
