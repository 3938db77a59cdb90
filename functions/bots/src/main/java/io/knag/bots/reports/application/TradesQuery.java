package io.knag.bots.reports.application;

import io.knag.kernel.Validation;
import java.util.UUID;

/** A page of a bot's trades, newest first: {@code limit} (1 to 500, 50 unless given) from {@code offset}. */
public record TradesQuery(UUID botId, Integer offset, Integer limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MOST = 500;

    public TradesQuery {
        offset = offset == null ? 0 : offset;
        limit = limit == null ? DEFAULT_LIMIT : limit;
        new Validation()
                .require(offset >= 0 && offset <= 1_000_000, "offset", "must be between 0 and 1000000")
                .require(limit >= 1 && limit <= MOST, "limit", "must be between 1 and " + MOST)
                .throwIfFailed();
    }
}
