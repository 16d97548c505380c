package com.toprise.common.test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.toprise.common.mongo.CommonCollections;
import com.toprise.common.mongo.IndexDeclaration;
import com.toprise.common.mongo.MongoIndexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A MongoDB-wire server in memory for a test class that sees every command the code under test sends, and fails
 * the class when one of them filters or sorts on fields no declared index serves ({@link IndexCoverage}). The
 * declarations are the service's own {@link IndexDeclaration} components, found under the test's base package
 * ({@code com.toprise.order} for {@code com.toprise.order.cart.SomeTest}), plus common's; each test gets a fresh
 * server on which they have been created through {@link MongoIndexes}, so a declaration the store refuses fails
 * at once too.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final IndexedMongo mongo = new IndexedMongo("orders");
 * </pre>
 */
public final class IndexedMongo implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final String database;
    private final List<QueryShape> seen = Collections.synchronizedList(new ArrayList<>());
    private List<IndexDeclaration> declarations;
    private volatile String currentTest;
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate template;

    public IndexedMongo(String database) {
        this.database = database;
    }

    public MongoTemplate template() {
        return template;
    }

    /** A Spring Data repository of the interface, on this test's database, as the service's context builds it. */
    public <R> R repository(Class<R> type) {
        return new MongoRepositoryFactory(template).getRepository(type);
    }

    /** The shapes seen so far in this class, for tests of the check itself. */
    public List<QueryShape> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        declarations = declarationsUnder(basePackage(context.getRequiredTestClass()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        currentTest = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        server = new MongoServer(new MemoryBackend());
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                seen.addAll(QueryShape.of(event.getCommandName(), event.getCommand(), currentTest));
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(recorder).build());
        template = new MongoTemplate(client, database);
        new MongoIndexes(template, declarations).ensure();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> violations = IndexCoverage.violations(seen,
                MongoIndexes.byCollection(new MongoIndexes(template, declarations).declared()));
        if (!violations.isEmpty()) {
            throw new AssertionError("queries that no declared index serves (declare one in the IndexDeclaration "
                    + "of the collection, equality fields first, then sort, then range):\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** The service's declarations and common's; a declaration that is not a component would never be created. */
    static List<IndexDeclaration> declarationsUnder(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(IndexDeclaration.class));
        List<IndexDeclaration> found = new ArrayList<>(CommonCollections.all());
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            if (type == CommonCollections.class) {
                continue;
            }
            if (!AnnotatedElementUtils.hasAnnotation(type, Component.class)) {
                throw new AssertionError(type.getName() + " declares indexes but is no @Component: the service "
                        + "would never create them");
            }
            found.add((IndexDeclaration) BeanUtils.instantiateClass(type));
        }
        return found;
    }

    private static String basePackage(Class<?> testClass) {
        String[] parts = testClass.getPackageName().split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length)));
    }
}
