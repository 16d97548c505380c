package com.toprise.infra.junit;

import com.toprise.infra.platform.DataDirs;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformPorts;
import com.toprise.infra.platform.PlatformSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Starts the embedded platform once per test JVM, on free ports in a temporary directory, and tears it down
 * (and deletes the directory) when the JVM's tests are done. Test classes ask for it with
 * {@code @ExtendWith(EmbeddedPlatformExtension.class)} and an {@link EmbeddedPlatform} parameter.
 */
public final class EmbeddedPlatformExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return platform(context);
    }

    private static EmbeddedPlatform platform(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(EmbeddedPlatformExtension.class))
                .computeIfAbsent(RunningPlatform.class, key -> RunningPlatform.start(), RunningPlatform.class)
                .platform();
    }

    /** Closed by JUnit when the root context ends, i.e. after the last test of the JVM. */
    private record RunningPlatform(EmbeddedPlatform platform, Path dataDir) implements AutoCloseable {

        static RunningPlatform start() {
            Path dataDir = DataDirs.createTemporary("toprise-it-");
            PlatformSettings settings = PlatformSettings.fromEnvironment(PlatformSettings.locateProjectRoot());
            settings = new PlatformSettings(settings.projectRoot(), dataDir, settings.cacheDir(), PlatformPorts.free(),
                    !Boolean.getBoolean("toprise.platform.infrastructureOnly"));
            EmbeddedPlatform platform = new EmbeddedPlatform(settings, new PrintStream(System.out, true));
            platform.start();
            return new RunningPlatform(platform, dataDir);
        }

        @Override
        public void close() {
            platform.stop();
            DataDirs.deleteTree(dataDir);
        }
    }
}
