package com.toprise.infra.bench;

import com.toprise.infra.bench.LifecycleCalls.Journey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Drives each order placed through its whole lifecycle, as its dealer and the courier would, and times every
 * transition from its action to the new status being readable through the API ({@link TransitionLog}). The n-th
 * order holds {@code lines} SKUs of dealer n mod dealers, so the assignment rule has exactly that dealer to pick.
 * Once its ORDER_VALIDATED is on Kafka (no read could show the verdict earlier, so reads start there instead of
 * idling through the CDC path) the order is awaited CONFIRMED and its fulfilment OFFERED to the dealer; then the
 * dealer accepts (order ASSIGNED), picks each line (line PICKED), packs (order PACKED; the courier booked), and
 * Borzo's callbacks ship (SHIPPED) and deliver it (DELIVERED). Every {@code cancelEvery}-th order is instead
 * cancelled by its customer once packed (order CANCELLED, then its fulfilment and Borzo delivery cancelled by
 * order-service's listener). Each step waits for the previous one to be readable, so no transition is timed while
 * another of the same order is in flight; a step that fails or times out ends its order's journey. Orders come
 * open loop ({@link #orders()}) or closed loop ({@link #closedLoop}).
 */
final class FulfilmentJourneys implements AutoCloseable {

    private final IntakeShop shop;
    private final LifecycleCalls calls;
    private final List<BenchDealer> dealers;
    private final Map<BenchDealer, List<String>> skusOf = new LinkedHashMap<>();
    private final int lines;
    private final int cancelEvery;
    private final Duration timeout;
    private final long pollIntervalNanos;
    private final StatusPoller poller;
    private final ExecutorService actors;
    private final TransitionLog log = new TransitionLog(List.copyOf(LifecycleCalls.TRANSITIONS.keySet()));
    private final List<Journey> journeys = Collections.synchronizedList(new ArrayList<>());
    /** How each journey ended, by order id: true completed, false failed (absent: still going). */
    private final Map<String, Boolean> outcomes = new ConcurrentHashMap<>();
    private final List<CompletableFuture<Void>> ends = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, CompletableFuture<Void>> validated = new ConcurrentHashMap<>();
    /** POST answered, epoch ms, per order: for the verdict stages. */
    private final Map<String, Long> placedAt = new ConcurrentHashMap<>();
    private final List<Double> wholeJourneyMs = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger offeredBeforeConfirmed = new AtomicInteger();
    private volatile long lastEndNanos;

    /** Settings of the drive: lines per order, every how many orders one is cancelled (0: none), polling. */
    record Drive(int lines, int cancelEvery, Duration timeout, int pollers, Duration pollInterval, int actors) {
    }

    FulfilmentJourneys(IntakeShop shop, LifecycleCalls calls, VerdictWatch verdicts, Drive drive) {
        this.shop = shop;
        this.calls = calls;
        this.lines = drive.lines();
        this.cancelEvery = drive.cancelEvery();
        this.timeout = drive.timeout();
        this.pollIntervalNanos = drive.pollInterval().toNanos();
        this.poller = new StatusPoller(drive.pollers(), drive.pollInterval());
        this.actors = Executors.newFixedThreadPool(drive.actors());
        shop.skus().forEach(sku -> skusOf.computeIfAbsent(shop.dealerOf(sku), d -> new ArrayList<>()).add(sku));
        this.dealers = List.copyOf(skusOf.keySet());
        verdicts.onValidated(orderId -> signal(orderId).complete(null));
    }

    /** The n-th order of an open loop: placed, and on 201 its journey started. */
    IntFunction<ClosedLoop.Request> orders() {
        return n -> () -> place(n).getKey();
    }

    /**
     * Keeps {@code inFlight} journeys going for {@code seconds}, the next order placed as soon as one ends (a closed
     * loop: the load follows what the platform completes).
     *
     * @return the orders placed
     */
    int closedLoop(int inFlight, int seconds) throws InterruptedException {
        Semaphore free = new Semaphore(inFlight);
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        int n = 0;
        while (free.tryAcquire(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            place(n++).getValue().whenComplete((v, failure) -> free.release());
        }
        return n;
    }

    /** @return the POST's answer, and the end of the journey (done at once when the order was not accepted) */
    private Map.Entry<BenchHttp.Response, CompletableFuture<Void>> place(int n) {
        BenchDealer dealer = dealers.get(n % dealers.size());
        List<String> own = new ArrayList<>(skusOf.get(dealer));
        Collections.shuffle(own, ThreadLocalRandom.current());
        List<String> skus = List.copyOf(own.subList(0, Math.min(lines, own.size())));
        BenchHttp.Response placed = shop.place(n, skus);
        long answered = System.nanoTime();
        if (placed.statusCode() != 201) {
            return Map.entry(placed, CompletableFuture.completedFuture(null));
        }
        String orderId = LifecycleCalls.orderId(placed);
        placedAt.put(orderId, System.currentTimeMillis());
        boolean cancelled = cancelEvery > 0 && n % cancelEvery == cancelEvery - 1;
        return Map.entry(placed, start(new Journey(orderId, shop.customerToken(n), dealer, skus, cancelled),
                answered));
    }

    private CompletableFuture<Void> start(Journey journey, long placedNanos) {
        journeys.add(journey);
        CompletableFuture<Void> verdict = signal(journey.orderId()).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((v, failure) -> {
                    if (failure != null) {
                        log.failed("confirmed", journey.orderId(), failure);
                    }
                });
        CompletableFuture<Long> confirmed = verdict.thenCompose(v -> {
            CompletableFuture<Long> order = readable(journey, "confirmed", Double.NaN, placedNanos,
                    calls.orderIs(journey, "CONFIRMED"));
            CompletableFuture<Long> offer = readable(journey, "offered", Double.NaN, placedNanos,
                    calls.fulfilmentIs(journey, "OFFERED"));
            return order.thenCombine(offer, (o, f) -> {
                if (f + pollIntervalNanos < o) { // a dealer could have accepted before the order was CONFIRMED
                    offeredBeforeConfirmed.incrementAndGet();
                }
                return Math.max(o, f);
            });
        });
        CompletableFuture<Long> packed = confirmed.thenCompose(v -> act(journey, "accepted", false,
                () -> calls.accept(journey), calls.orderIs(journey, "ASSIGNED")));
        for (String sku : journey.skus()) {
            packed = packed.thenCompose(v -> act(journey, "picked", false, () -> calls.pick(journey, sku),
                    calls.linePicked(journey, sku)));
        }
        packed = packed.thenCompose(v -> act(journey, "packed", false, () -> calls.pack(journey),
                calls.orderIs(journey, "PACKED")))
                .thenCompose(answered -> readable(journey, "booked", Double.NaN, answered, calls.booked(journey)));
        CompletableFuture<Long> end = journey.cancelled()
                ? packed.thenCompose(v -> act(journey, "cancelled", false, () -> calls.cancel(journey),
                        calls.orderIs(journey, "CANCELLED")))
                .thenCompose(answered -> readable(journey, "fulfilmentCancelled", Double.NaN, answered,
                        calls.fulfilmentIs(journey, "CANCELLED")))
                : packed.thenCompose(v -> act(journey, "shipped", true,
                        () -> calls.callback(journey, "parcel_picked_up"), calls.orderIs(journey, "SHIPPED")))
                .thenCompose(v -> act(journey, "delivered", true, () -> calls.callback(journey, "finished"),
                        calls.orderIs(journey, "DELIVERED")));
        CompletableFuture<Void> ended = end.handle((v, failure) -> {
            lastEndNanos = System.nanoTime();
            outcomes.put(journey.orderId(), failure == null);
            if (failure == null) {
                completed.incrementAndGet();
                wholeJourneyMs.add((lastEndNanos - placedNanos) / 1e6);
            }
            return null;
        });
        ends.add(ended);
        return ended;
    }

    /**
     * Runs the action (on the actors' pool), then awaits its status. {@code fromSent}: timed from sending the
     * action (Borzo's callbacks) rather than from its answer (the dealer's and customer's calls).
     *
     * @return when the action answered (System.nanoTime)
     */
    private CompletableFuture<Long> act(Journey journey, String name, boolean fromSent,
                                        Supplier<BenchHttp.Response> action, StatusPoller.Read status) {
        return CompletableFuture.supplyAsync(() -> {
            long sent = System.nanoTime();
            BenchHttp.Response answer = action.get();
            long answered = System.nanoTime();
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(answer.path() + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return new long[] {sent, answered};
        }, actors).whenComplete((times, failure) -> {
            if (failure != null) {
                log.failed(name, journey.orderId(), failure);
            }
        }).thenCompose(times -> readable(journey, name, (times[1] - times[0]) / 1e6, fromSent ? times[0] : times[1],
                status).thenApply(seen -> times[1]));
    }

    /** Awaits the status and logs the time from {@code fromNanos}; on failure logs it and fails the journey. */
    private CompletableFuture<Long> readable(Journey journey, String name, double actionMs, long fromNanos,
                                             StatusPoller.Read status) {
        return poller.until(status, timeout).handle((seen, failure) -> {
            if (failure != null) {
                log.failed(name, journey.orderId(), failure);
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            log.readable(name, actionMs, (seen - fromNanos) / 1e6);
            return seen;
        });
    }

    private CompletableFuture<Void> signal(String orderId) {
        return validated.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    /** Waits until every journey started so far has ended (completed or failed), at most {@code max}. */
    boolean awaitEnded(Duration max) {
        CompletableFuture<Void> all;
        synchronized (ends) {
            all = CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new));
        }
        try {
            all.get(max.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    int completed() {
        return completed.get();
    }

    Map<String, Long> placedAt() {
        return placedAt;
    }

    double worstP99() {
        return log.worstP99();
    }

    /** @param startedNanos when the open loop started: completed orders per second from then to the last end */
    Map<String, Object> figures(long startedNanos) {
        Map<String, Object> figures = new LinkedHashMap<>();
        double seconds = Math.max(1e-3, (lastEndNanos - startedNanos) / 1e9);
        figures.put("ordersPlaced", journeys.size());
        figures.put("ordersCompleted", completed.get());
        figures.put("completedPerSecond", Math.round(completed.get() * 10 / seconds) / 10.0);
        figures.put("secondsToLastEnd", Math.round(seconds * 10) / 10.0);
        figures.put("cancelledByCustomer", journeys.stream().filter(Journey::cancelled).count());
        figures.put("transitions", log.figures());
        figures.put("worstTransitionP99Ms", Double.isFinite(log.worstP99()) ? log.worstP99() : null);
        figures.put("placedToEndMs", Stats.summary(List.copyOf(wholeJourneyMs)));
        figures.put("offeredReadableAPollBeforeConfirmed", offeredBeforeConfirmed.get());
        figures.put("polling", poller.figures());
        return figures;
    }

    /**
     * Every order's final state, read through the API, against the one the simulation drove it to; of the wrong
     * ones, how many belong to journeys that completed every step (a real inconsistency), failed (a step refused or
     * timed out) or were still going when checked (the drain ran out).
     */
    Map<String, Object> finalStates() {
        List<CompletableFuture<String>> checks;
        synchronized (journeys) {
            checks = journeys.stream().map(j -> CompletableFuture.supplyAsync(() -> {
                String wrong = calls.wrongEnd(j);
                Boolean outcome = outcomes.get(j.orderId());
                String journey = outcome == null ? "unfinished" : outcome ? "completed" : "failed";
                return wrong.isEmpty() ? "" : journey + " " + j.orderId() + ": " + wrong;
            }, actors)).toList();
        }
        List<String> wrong = checks.stream().map(CompletableFuture::join).filter(s -> !s.isEmpty()).toList();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("orders", checks.size());
        figures.put("wrongState", wrong.size());
        for (String journey : List.of("completed", "failed", "unfinished")) {
            figures.put("wrongStateOf" + Character.toUpperCase(journey.charAt(0)) + journey.substring(1)
                    + "Journeys", wrong.stream().filter(w -> w.startsWith(journey + " ")).count());
        }
        figures.put("wrongStateSamples", wrong.stream().limit(10).toList());
        return figures;
    }

    @Override
    public void close() {
        poller.close();
        actors.shutdownNow();
    }
}
