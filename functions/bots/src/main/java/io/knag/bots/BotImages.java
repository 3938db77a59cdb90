package io.knag.bots;

import io.knag.bots.domain.ImageAllowlist;
import java.util.List;

/**
 * The images a bot may run here (the operator's allowlist, docs/api/bots.md#the-image-allowlist): an entry that
 * is a {@code prefix} admits every repository under it, any other exactly that repository at any tag or digest.
 */
public record BotImages(List<Entry> images) {

    public record Entry(String image, boolean prefix) {
    }

    public BotImages {
        images = List.copyOf(images);
    }

    public static BotImages of(ImageAllowlist allowlist) {
        return new BotImages(allowlist.entries().stream().map(entry -> new Entry(entry, entry.endsWith("/"))).toList());
    }
}
