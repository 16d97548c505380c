package com.toprise.common.test;

import com.toprise.common.access.EndpointProtectionCheck;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a service's context test asserts about {@link EndpointProtectionCheck}: that the check is part of the
 * started context, that it passed over the service's real endpoints, and that it is not vacuous: the same bean,
 * shown one endpoint nobody decided about, refuses it.
 */
public final class EndpointProtection {

    private static final String PROBE_PATH = "/__undecided-probe";

    private EndpointProtection() {
    }

    /** Simple names of the TopRise controllers the context maps requests to. */
    public static Set<String> controllers(ApplicationContext context) {
        Set<String> names = new TreeSet<>();
        mapping(context).getHandlerMethods().values().stream()
                .map(HandlerMethod::getBeanType)
                .filter(type -> type.getName().startsWith("com.toprise."))
                .forEach(type -> names.add(type.getSimpleName()));
        return names;
    }

    /** The check ran at start-up (the context exists), passes on what is mapped, and fails on an undecided endpoint. */
    public static void assertChecked(ApplicationContext context) {
        EndpointProtectionCheck check = context.getBean(EndpointProtectionCheck.class);
        RequestMappingHandlerMapping mapping = mapping(context);
        assertThatNoException().isThrownBy(check::afterSingletonsInstantiated);

        RequestMappingInfo probe = RequestMappingInfo.paths(PROBE_PATH).options(mapping.getBuilderConfiguration()).build();
        mapping.registerMapping(probe, new UndecidedController(), UndecidedController.HANDLER);
        try {
            assertThatThrownBy(check::afterSingletonsInstantiated)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("neither @ProtectedResource nor @PublicEndpoint")
                    .hasMessageContaining(PROBE_PATH);
        } finally {
            mapping.unregisterMapping(probe);
        }
        assertThat(mapping.getHandlerMethods()).doesNotContainKey(probe);
    }

    private static RequestMappingHandlerMapping mapping(ApplicationContext context) {
        return context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    }

    /** A controller of ours that forgot to say who may call it. */
    static final class UndecidedController {

        static final Method HANDLER;

        static {
            try {
                HANDLER = UndecidedController.class.getDeclaredMethod("open");
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        String open() {
            return "anyone";
        }
    }
}
