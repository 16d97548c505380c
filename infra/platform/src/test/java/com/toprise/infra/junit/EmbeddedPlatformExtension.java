package com.toprise.infra.junit;

import com.toprise.infra.fakes.FakeBorzo;
import com.toprise.infra.fakes.FakeNominatim;
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
import java.util.Map;
import java.util.Set;

/**
 * Starts the embedded platform once per test JVM, on free ports in a temporary directory, and tears it down
 * (and deletes the directory) when the JVM's tests are done. Test classes ask for it with
 * {@code @ExtendWith(EmbeddedPlatformExtension.class)} and an {@link EmbeddedPlatform} parameter.
 *
 * <p>The platform talks to no outside service: before it starts, the stand-ins of the two external APIs start in
 * this JVM and the services are configured with them as production is with the real ones, so the courier and
 * geocoding paths run end to end. {@link FakeBorzo} is order-service's Borzo, sending its callbacks to the gateway's
 * callback URL; {@link FakeNominatim} is user-service's geocoder. Tests ask for either as a parameter too. They are
 * shared by every test of the JVM: a test registers only places nobody else's address can match (a unique street)
 * and never resets them, and reads Borzo's orders by its own fulfilment ids. FakeNominatim answers every address it
 * was not told of with "nothing found", so user-service places those at their pincode's centroid, as it does with
 * no geocoder at all.
 */
public final class EmbeddedPlatformExtension implements BeforeAllCallback, ParameterResolver {

    /** The account token order-service sends Borzo, and the secret Borzo signs its callbacks with. */
    private static final String BORZO_TOKEN = "system-tests-borzo-token";
    private static final String BORZO_CALLBACK_SECRET = "system-tests-borzo-callback-secret";
    private static final String NOMINATIM_USER_AGENT = "TopRise-Streams/system-tests (toprise-it@example.com)";
    private static final Set<Class<?>> RESOLVED = Set.of(EmbeddedPlatform.class, FakeBorzo.class,
            FakeNominatim.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningPlatform running = running(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == FakeBorzo.class) {
            return running.borzo();
        }
        return type == FakeNominatim.class ? running.nominatim() : running.platform();
    }

    private static RunningPlatform running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(EmbeddedPlatformExtension.class))
                .computeIfAbsent(RunningPlatform.class, key -> RunningPlatform.start(), RunningPlatform.class);
    }

    /** Closed by JUnit when the root context ends, i.e. after the last test of the JVM. */
    private record RunningPlatform(EmbeddedPlatform platform, FakeBorzo borzo, FakeNominatim nominatim, Path dataDir)
            implements AutoCloseable {

        static RunningPlatform start() {
            Path dataDir = DataDirs.createTemporary("toprise-it-");
            PlatformSettings settings = PlatformSettings.fromEnvironment(PlatformSettings.locateProjectRoot());
            settings = new PlatformSettings(settings.projectRoot(), dataDir, settings.cacheDir(), PlatformPorts.free(),
                    !Boolean.getBoolean("toprise.platform.infrastructureOnly"));
            FakeBorzo borzo = FakeBorzo.start(BORZO_TOKEN, BORZO_CALLBACK_SECRET);
            FakeNominatim nominatim = FakeNominatim.start();
            EmbeddedPlatform platform = new EmbeddedPlatform(settings, new PrintStream(System.out, true), Map.of(
                    "TOPRISE_BORZO_URL", borzo.baseUrl(),
                    "TOPRISE_BORZO_AUTH_TOKEN", BORZO_TOKEN,
                    "TOPRISE_BORZO_CALLBACK_SECRET", BORZO_CALLBACK_SECRET,
                    "TOPRISE_NOMINATIM_URL", nominatim.baseUrl().toString(),
                    "TOPRISE_NOMINATIM_USER_AGENT", NOMINATIM_USER_AGENT));
            borzo.callbackUrl(platform.gatewayUrl() + "/api/delivery/borzo/callbacks");
            try {
                platform.start();
            } catch (RuntimeException | Error e) {
                borzo.close();
                nominatim.close();
                throw e;
            }
            return new RunningPlatform(platform, borzo, nominatim, dataDir);
        }

        @Override
        public void close() {
            try {
                platform.stop();
            } finally {
                borzo.close();
                nominatim.close();
                DataDirs.deleteTree(dataDir);
            }
        }
    }
}
