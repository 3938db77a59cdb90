package io.knag.runtime.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The newest lines a bot wrote (at most {@code capacity}, each cut at {@link #MAX_LINE} characters). */
final class OutputBuffer {

    static final int MAX_LINE = 2000;

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    OutputBuffer(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> tail(int count) {
        List<String> all = new ArrayList<>(lines);
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }
}
