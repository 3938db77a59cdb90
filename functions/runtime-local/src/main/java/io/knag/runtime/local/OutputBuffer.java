package io.knag.runtime.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The newest lines a bot wrote (at most {@code capacity}, each cut at {@link #MAX_LINE} characters). */
final class OutputBuffer {

    static final int MAX_LINE = 2000;

    /** At most this many characters in all, whatever the line count: a chatty bot cannot fill the heap. */
    static final int MAX_CHARS = 128 * 1024;

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();
    private int chars;

    OutputBuffer(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        lines.addLast(line);
        chars += line.length();
        while (lines.size() > capacity || chars > MAX_CHARS) {
            chars -= lines.removeFirst().length();
        }
    }

    synchronized List<String> tail(int count) {
        List<String> all = new ArrayList<>(lines);
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }
}
