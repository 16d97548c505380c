package com.toprise.infra.support;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs the test classes, and the methods of each, in a random order that it prints with its seed, so a test that
 * depends on another's data or on running before or after it fails on some run, and that run can be repeated:
 * {@code -Djunit.jupiter.execution.order.random.seed=<seed>}. JUnit's own random orderers draw their default seed
 * without saying which, so a failing order could not be replayed. Names are sorted before shuffling, so a seed gives
 * the same order whatever order the classes were discovered in; each class's methods get their own shuffle.
 */
public final class LoggedRandomOrder implements ClassOrderer, MethodOrderer {

    public static final String SEED_PARAMETER = "junit.jupiter.execution.order.random.seed";
    /** One seed per test JVM when none is given, as JUnit's own default. */
    private static final long DEFAULT_SEED = System.nanoTime();
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    @Override
    public void orderClasses(ClassOrdererContext context) {
        long seed = seed(context.getConfigurationParameter(SEED_PARAMETER));
        shuffle(context.getClassDescriptors(), c -> c.getTestClass().getName(), seed);
        if (context.getClassDescriptors().size() > 1) { // failsafe also asks for each class alone, while it scans
            System.out.println("[test order] classes: " + context.getClassDescriptors().stream()
                    .map(c -> c.getTestClass().getSimpleName()).toList());
        }
    }

    @Override
    public void orderMethods(MethodOrdererContext context) {
        long seed = seed(context.getConfigurationParameter(SEED_PARAMETER));
        shuffle(context.getMethodDescriptors(), m -> m.getMethod().getName()
                + m.getMethod().getParameterCount(), seed ^ context.getTestClass().getName().hashCode());
    }

    private static <T> void shuffle(List<T> descriptors, Function<? super T, String> name, long seed) {
        descriptors.sort(Comparator.comparing(name));
        Collections.shuffle(descriptors, new java.util.Random(seed));
    }

    private static long seed(Optional<String> configured) {
        long seed = configured.map(String::trim).map(Long::valueOf).orElse(DEFAULT_SEED);
        if (ANNOUNCED.compareAndSet(false, true)) {
            System.out.printf("[test order] random, seed %d: -D%s=%d runs this order again%n", seed, SEED_PARAMETER, seed);
        }
        return seed;
    }
}
