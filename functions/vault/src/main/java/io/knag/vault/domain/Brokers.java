package io.knag.vault.domain;

import io.knag.kernel.KnagException.Violation;
import io.knag.kernel.KnagException;
import io.knag.vault.Broker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The known brokers, read from {@code brokers.txt} (data, not code). */
public final class Brokers {

    private final Map<String, Broker> byId;

    private Brokers(Map<String, Broker> byId) {
        this.byId = byId;
    }

    public static Brokers load() {
        var stream = Brokers.class.getResourceAsStream("brokers.txt");
        if (stream == null) {
            throw new IllegalStateException("brokers.txt is missing from the classpath");
        }
        Map<String, Broker> brokers = new LinkedHashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(Brokers::parse).forEach(broker -> brokers.put(broker.id(), broker));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Brokers(Map.copyOf(brokers));
    }

    public List<Broker> all() {
        return byId.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    /** Checks that {@code secrets} has exactly the fields {@code brokerId} takes; throws a problem otherwise. */
    public Broker check(String brokerId, Map<String, String> secrets) {
        Broker broker = byId.get(brokerId);
        if (broker == null) {
            throw new KnagException(VaultProblems.UNKNOWN_BROKER, "Known brokers: " + String.join(", ", byId.keySet()
                    .stream().sorted().toList()));
        }
        List<Violation> violations = new ArrayList<>();
        for (Broker.Field field : broker.fields()) {
            if (field.required() && !secrets.containsKey(field.name())) {
                violations.add(new Violation("secrets." + field.name(), field.name() + " is required for " + broker.id()));
            }
        }
        for (String name : secrets.keySet()) {
            if (broker.fields().stream().noneMatch(field -> field.name().equals(name))) {
                violations.add(new Violation("secrets." + name, broker.id() + " takes no field " + name));
            }
        }
        if (!violations.isEmpty()) {
            throw KnagException.invalid(violations);
        }
        return broker;
    }

    private static Broker parse(String line) {
        String[] parts = line.split("\\|");
        List<Broker.Field> fields = Arrays.stream(parts[2].split(","))
                .map(String::strip)
                .map(name -> name.endsWith("?") ? new Broker.Field(name.substring(0, name.length() - 1), false)
                        : new Broker.Field(name, true))
                .toList();
        return new Broker(parts[0].strip(), parts[1].strip(), fields);
    }
}
