package com.toprise.infra.bench;

import com.toprise.infra.platform.EmbeddedPlatform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The highest offered rate at which order intake keeps its service levels: orders offered open loop at a rate held
 * for a step, the rate raised step by step until a step misses one (POST P99, intake → Confirmed P99, an error or
 * an order left without a verdict), then the midpoint between the last good and the first bad rate tried once.
 * Every step reports its latencies and the CPU an order cost each process, so a lower capacity shows where it went.
 */
final class CapacityAtSlo {

    /**
     * The search: rates, how long each is held, the service levels and what may be in flight; {@code primeSeconds}
     * of unjudged open loop at the first rate before the search, because the first open-loop step after the closed
     * warm-up missed at a rate that held when reached from below (100/s and 150/s, twice each).
     */
    record Plan(double fromPerSecond, double stepPerSecond, double toPerSecond, int seconds, int connections,
                double postP99Ms, double confirmedP99Ms, Duration settle, Duration drain, double quietCores,
                Duration quietMax, int primeSeconds) {
    }

    private final EmbeddedPlatform platform;
    private final IntakeShop shop;
    private final VerdictWatch verdicts;
    private final Plan plan;
    /** Every accepted order of every step, by id: its SKU, for the oversell check at the end. */
    private final Map<String, String> skuOf = new ConcurrentHashMap<>();

    CapacityAtSlo(EmbeddedPlatform platform, IntakeShop shop, VerdictWatch verdicts, Plan plan) {
        this.platform = platform;
        this.shop = shop;
        this.verdicts = verdicts;
        this.plan = plan;
    }

    Map<String, Object> search() throws Exception {
        Map<String, Object> prime = plan.primeSeconds() > 0
                ? step(plan.fromPerSecond(), plan.primeSeconds(), "prime") : null;
        List<Map<String, Object>> steps = new ArrayList<>();
        double lastGood = 0;
        double firstBad = Double.NaN;
        for (double rate = plan.fromPerSecond(); rate <= plan.toPerSecond(); rate += plan.stepPerSecond()) {
            Map<String, Object> step = step(rate, plan.seconds(), "step");
            steps.add(step);
            if (!(boolean) step.get("withinSlo")) {
                firstBad = rate;
                break;
            }
            lastGood = rate;
        }
        if (lastGood == 0 && !Double.isNaN(firstBad)) { // missed at the first rate: searched downwards, halving
            for (double rate = Math.round(firstBad / 2); rate >= plan.stepPerSecond(); rate = Math.round(rate / 2)) {
                Map<String, Object> step = step(rate, plan.seconds(), "step");
                steps.add(step);
                if ((boolean) step.get("withinSlo")) {
                    lastGood = rate;
                    break;
                }
                firstBad = rate;
            }
        }
        if (!Double.isNaN(firstBad) && lastGood > 0) {
            double midpoint = Math.round((lastGood + firstBad) / 2);
            if (midpoint > lastGood && midpoint < firstBad) {
                Map<String, Object> step = step(midpoint, plan.seconds(), "step");
                steps.add(step);
                if ((boolean) step.get("withinSlo")) {
                    lastGood = midpoint;
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("capacityPerSecond", lastGood);
        figures.put("firstRateMissingSlo", Double.isNaN(firstBad) ? null : firstBad);
        figures.put("prime", prime);
        figures.put("steps", steps);
        figures.put("stock", shop.oversell(verdicts.confirmed(skuOf)));
        return figures;
    }

    /** One rate held for {@code seconds}; then its orders' verdicts are awaited, a backlog drained. */
    private Map<String, Object> step(double rate, int seconds, String label) throws Exception {
        double quietSeconds = CpuAccount.awaitQuiet(platform, plan.quietCores(), plan.quietMax());
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        IntFunction<ClosedLoop.Request> orders = shop.randomOrders(skuOf);
        ClosedLoop.Observer accepted = IntakeShop.recordAccepted(sentAt);
        CpuAccount cpu = CpuAccount.start(platform);
        Map<String, Object> intake = OpenLoop.run(platform, rate, plan.connections(), seconds, orders, accepted);
        Map<String, Object> cpuPerOrder = cpu.perUnit(sentAt.size());
        boolean settled = IntakeShop.await(plan.settle(), () -> verdicts.decided(sentAt.keySet()));
        Map<String, Object> verdictFigures = verdicts.figures(sentAt, settled);
        if (!settled) { // the next step must not start behind this one's backlog
            IntakeShop.await(plan.drain(), () -> verdicts.decided(sentAt.keySet()));
        }
        double postP99 = p99(intake.get("latencyMs"));
        double confirmedP99 = p99(verdictFigures.get("intakeToConfirmedMs"));
        long offered = Math.round(rate * seconds);
        boolean allAccepted = sentAt.size() == offered;
        boolean withinSlo = allAccepted && settled && postP99 <= plan.postP99Ms()
                && confirmedP99 <= plan.confirmedP99Ms();
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("offeredPerSecond", rate);
        step.put("withinSlo", withinSlo);
        step.put("quietWaitSeconds", quietSeconds);
        step.put("postP99Ms", finiteOrNull(postP99));
        step.put("intakeToConfirmedP99Ms", finiteOrNull(confirmedP99));
        step.put("ordersOffered", offered);
        step.put("ordersAccepted", sentAt.size());
        step.put("intake", intake);
        step.put("verdicts", verdictFigures);
        step.put("cpu", cpuPerOrder);
        System.out.printf("%s %.0f/s: POST P99 %.0f ms, intake->Confirmed P99 %.0f ms, accepted %d of %d, %s%n",
                label, rate, postP99, confirmedP99, sentAt.size(), offered,
                withinSlo ? "within SLO" : "MISSES SLO");
        return step;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static double p99(Object summary) {
        Object p99 = ((Map<?, ?>) summary).get("p99");
        return p99 instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : Double.POSITIVE_INFINITY;
    }
}
