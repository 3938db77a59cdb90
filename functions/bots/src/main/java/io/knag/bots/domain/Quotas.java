package io.knag.bots.domain;

import io.knag.kernel.KnagException;
import java.util.List;

/**
 * What one person may have: bots defined, bots running at once, and the CPU and memory of the running bots
 * together. A bot counts as running from STARTING until it is STOPPED or FAILED.
 */
public record Quotas(int maxBots, int maxRunning, int maxCpuMillis, int maxMemoryMib) {

    public Quotas {
        if (maxBots < 1 || maxRunning < 1 || maxCpuMillis < Resources.MIN_CPU_MILLIS
                || maxMemoryMib < Resources.MIN_MEMORY_MIB) {
            throw new IllegalArgumentException("quotas must allow at least one small bot");
        }
    }

    public void checkCreate(long botsDefined) {
        if (botsDefined >= maxBots) {
            throw exceeded("You may define at most " + maxBots + " bots; delete one first");
        }
    }

    /** A bot that asks for more than all running bots together may use could never start: refused when defined. */
    public void checkDefinition(Resources resources) {
        if (resources.cpuMillis() > maxCpuMillis || resources.memoryMib() > maxMemoryMib) {
            throw exceeded("One bot may use at most " + maxCpuMillis + "m CPU and " + maxMemoryMib + "Mi memory here");
        }
    }

    /** Checks that {@code starting} may start while the owner's {@code bots} are as they are. */
    public void checkStart(List<Bot> bots, Bot starting) {
        List<Bot> running = bots.stream().filter(bot -> bot.state().isActive() && !bot.id().equals(starting.id())).toList();
        if (running.size() + 1 > maxRunning) {
            throw exceeded("You may run at most " + maxRunning + " bots at once; stop one first");
        }
        int cpu = starting.definition().resources().cpuMillis();
        int memory = starting.definition().resources().memoryMib();
        for (Bot bot : running) {
            cpu += bot.definition().resources().cpuMillis();
            memory += bot.definition().resources().memoryMib();
        }
        if (cpu > maxCpuMillis) {
            throw exceeded("Your running bots would use " + cpu + "m CPU; at most " + maxCpuMillis + "m are allowed");
        }
        if (memory > maxMemoryMib) {
            throw exceeded("Your running bots would use " + memory + "Mi memory; at most " + maxMemoryMib
                    + "Mi are allowed");
        }
    }

    private static KnagException exceeded(String detail) {
        return new KnagException(BotProblems.QUOTA_EXCEEDED, detail);
    }
}
