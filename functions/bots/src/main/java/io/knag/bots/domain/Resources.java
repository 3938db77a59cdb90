package io.knag.bots.domain;

import io.knag.kernel.KnagException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU and memory a bot may use, written as Kubernetes writes them ({@code "250m"} or {@code "0.5"} CPU,
 * {@code "256Mi"} or {@code "1Gi"} memory). Requests equal limits: a bot gets exactly what it asked for.
 */
public record Resources(String cpu, String memory) {

    static final int MIN_CPU_MILLIS = 10;
    static final int MAX_CPU_MILLIS = 4000;
    static final int MIN_MEMORY_MIB = 16;
    static final int MAX_MEMORY_MIB = 8192;

    private static final Pattern CPU = Pattern.compile("(\\d{1,5})m|(\\d{1,2})(?:\\.(\\d{1,3}))?");
    private static final Pattern MEMORY = Pattern.compile("(\\d{1,5})(Mi|Gi)");
    public static final Resources DEFAULT = new Resources("100m", "128Mi");

    public Resources {
        cpu = cpu == null ? "100m" : cpu.strip();
        memory = memory == null ? "128Mi" : memory.strip();
        int millis = parseCpu(cpu);
        int mib = parseMemory(memory);
        if (millis < MIN_CPU_MILLIS || millis > MAX_CPU_MILLIS) {
            throw invalid("resources.cpu", "cpu must be between 10m and 4 (written like 250m or 0.5)");
        }
        if (mib < MIN_MEMORY_MIB || mib > MAX_MEMORY_MIB) {
            throw invalid("resources.memory", "memory must be between 16Mi and 8Gi (written like 256Mi or 1Gi)");
        }
        cpu = millis + "m";
        memory = mib + "Mi";
    }

    public int cpuMillis() {
        return parseCpu(cpu);
    }

    public int memoryMib() {
        return parseMemory(memory);
    }

    private static int parseCpu(String text) {
        Matcher m = CPU.matcher(text);
        if (!m.matches()) {
            throw invalid("resources.cpu", "cpu must be written like 250m or 0.5");
        }
        if (m.group(1) != null) {
            return Integer.parseInt(m.group(1));
        }
        String fraction = m.group(3) == null ? "" : m.group(3);
        return Integer.parseInt(m.group(2)) * 1000 + (fraction.isEmpty() ? 0
                : Integer.parseInt((fraction + "00").substring(0, 3)));
    }

    private static int parseMemory(String text) {
        Matcher m = MEMORY.matcher(text);
        if (!m.matches()) {
            throw invalid("resources.memory", "memory must be written like 256Mi or 1Gi");
        }
        long value = Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static KnagException invalid(String field, String message) {
        return KnagException.invalid(List.of(new KnagException.Violation(field, message)));
    }
}
