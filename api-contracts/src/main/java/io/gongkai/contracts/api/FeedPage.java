package io.gongkai.contracts.api;

import java.util.List;

/**
 * A page of intake's change feed.
 *
 * @param entries versions after the requested cursor, in feed order
 * @param next    the cursor to ask for next: the last entry's cursor, or the requested one when there was none
 * @param more    whether more versions follow already: the page was cut by its count or its bytes; ask again at once
 * @param head    the last feed position intake had handed out when the page was read (at least {@code next}): how
 *                far the feed reaches, so that a follower knows how far behind it is
 */
public record FeedPage(List<FeedEntry> entries, long next, boolean more, long head) {
}
