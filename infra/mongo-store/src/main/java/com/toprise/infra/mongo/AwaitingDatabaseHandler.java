package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives change-stream cursors MongoDB's awaitData behaviour: a getMore that finds nothing new waits up to its
 * {@code maxTimeMS} (1 s by default, as on MongoDB) for new oplog entries instead of answering at once, which
 * would make every tailing client spin. The oplog wakes the waiting getMore when it appends; the answer then goes
 * out a few milliseconds later, so that a burst of writes makes one batch and not one round trip per document.
 * The wait is a timer on the channel's event loop, never a blocked thread, and costs nothing while nothing is
 * written (an earlier version re-checked every 5 ms, which was most of an idle store's CPU).
 */
final class AwaitingDatabaseHandler extends MongoDatabaseHandler {

    private static final long DEFAULT_AWAIT_MILLIS = 1000;
    private static final long BATCHING_MILLIS = 5;

    private final ReplicaSetBackend backend;

    AwaitingDatabaseHandler(ReplicaSetBackend backend, ChannelGroup channels) {
        super(backend, channels);
        this.backend = backend;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ClientRequest request) {
        Optional<ChangeStreamCursor> cursor = awaitableGetMore(request);
        if (cursor.isPresent() && !cursor.get().hasPendingEntries()) {
            new AwaitedGetMore(ctx, request, cursor.get()).start();
            return;
        }
        super.channelRead0(ctx, request);
    }

    /** One getMore waiting for the oplog to move or its time to run out, whichever comes first. */
    private final class AwaitedGetMore implements Runnable {

        private final ChannelHandlerContext ctx;
        private final ClientRequest request;
        private final ChangeStreamCursor cursor;
        private final AtomicBoolean answered = new AtomicBoolean();
        private ScheduledFuture<?> timeout;

        AwaitedGetMore(ChannelHandlerContext ctx, ClientRequest request, ChangeStreamCursor cursor) {
            this.ctx = ctx;
            this.request = request;
            this.cursor = cursor;
        }

        void start() {
            timeout = ctx.executor().schedule(this::answer, awaitMillis(request), TimeUnit.MILLISECONDS);
            backend.oplog().awaitAppend(this);
            if (cursor.hasPendingEntries()) {
                run(); // appended between the first look and the registration
            }
        }

        /** The oplog has moved. */
        @Override
        public void run() {
            ctx.executor().schedule(this::answer, BATCHING_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void answer() {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            timeout.cancel(false);
            backend.oplog().stopAwaiting(this);
            if (ctx.channel().isActive()) {
                AwaitingDatabaseHandler.super.channelRead0(ctx, request);
            }
        }
    }

    private Optional<ChangeStreamCursor> awaitableGetMore(ClientRequest request) {
        if (!(request instanceof MongoMessage message)) {
            return Optional.empty();
        }
        Document command = message.getDocument();
        if (command.isEmpty() || !"getMore".equals(command.keySet().iterator().next())
                || !(command.get("getMore") instanceof Number cursorId)) {
            return Optional.empty();
        }
        return backend.changeStream(cursorId.longValue());
    }

    private static long awaitMillis(ClientRequest request) {
        Object maxTime = ((MongoMessage) request).getDocument().get("maxTimeMS");
        return maxTime instanceof Number number && number.longValue() > 0 ? number.longValue() : DEFAULT_AWAIT_MILLIS;
    }
}
