package com.toprise.topology.inventory;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Expires shares their dealer did not accept in time. Stream time moves only when commands arrive, so a quiet
 * marketplace would never see a deadline pass on it: this runs on wall-clock time, every check interval, over the
 * deadline store ({@code <acceptBy millis, 20 digits>|<fulfilmentId>} → orderId, so a range scan yields due
 * shares oldest first). Each due share goes to {@link FulfilmentFollower#expire}, which reassigns it only if it is
 * still OFFERED, and its entry is deleted in the same punctuation: with exactly_once_v2 both commit in the task's
 * transaction, so a share expires once.
 *
 * <p>Wall-clock time alone would be wrong after downtime: the acceptances may still be in the unread backlog. So the
 * wall clock decides only once no command has arrived for a whole check interval (the backlog, if any, is read);
 * while commands flow, a deadline is due when stream time has passed it too.
 */
final class AcceptanceClock implements Punctuator {

    /** Bounds one punctuation, so a burst of deadlines cannot hold up the commands behind it for long. */
    static final int MAX_PER_CHECK = 200;

    private final ProcessorContext<String, byte[]> context;
    private final InventoryLedger ledger;
    private final FulfilmentFollower fulfilments;
    private final long quietMillis;
    /** Wall-clock time of the last command processed; unknown (-1) until a command or the first check. */
    private long lastInputAt = -1;

    AcceptanceClock(ProcessorContext<String, byte[]> context, InventoryLedger ledger, FulfilmentFollower fulfilments,
                    Duration checkInterval) {
        this.context = context;
        this.ledger = ledger;
        this.fulfilments = fulfilments;
        this.quietMillis = checkInterval.toMillis();
    }

    /** The deadline store's key: zero-padded millis sort as numbers do. */
    static String key(Instant acceptBy, String fulfilmentId) {
        return bound(acceptBy.toEpochMilli()) + "|" + fulfilmentId;
    }

    /** Called for every command, with the task's wall-clock time. */
    void commandArrived(long wallClockMillis) {
        lastInputAt = wallClockMillis;
    }

    @Override
    public void punctuate(long now) {
        if (lastInputAt < 0) {
            lastInputAt = now; // just started: give the backlog one interval to show up
        }
        boolean quiet = now - lastInputAt >= quietMillis;
        long dueUpTo = quiet ? now : Math.min(now, context.currentStreamTimeMs());
        if (dueUpTo < 0) {
            return;
        }
        List<KeyValue<String, String>> due = new ArrayList<>();
        // every key of a deadline at or before dueUpTo sorts below the next millisecond's bare prefix
        try (KeyValueIterator<String, String> found = ledger.deadlines().range(bound(0), bound(dueUpTo + 1))) {
            while (found.hasNext() && due.size() < MAX_PER_CHECK) {
                due.add(found.next());
            }
        }
        for (KeyValue<String, String> deadline : due) {
            ledger.deadlines().delete(deadline.key);
            String fulfilmentId = deadline.key.substring(deadline.key.indexOf('|') + 1);
            fulfilments.expire(deadline.value, fulfilmentId, now);
        }
    }

    private static String bound(long millis) {
        return String.format("%020d", millis);
    }
}
