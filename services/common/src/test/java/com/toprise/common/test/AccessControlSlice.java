package com.toprise.common.test;

import com.toprise.common.access.AccessControlConfiguration;
import com.toprise.common.access.AccessControlState;
import com.toprise.common.access.InMemoryAccessControlStore;
import com.toprise.common.paging.PageQueryArgumentResolver;
import com.toprise.common.security.AccessTokens;
import com.toprise.common.web.ProblemDetailsAdvice;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * What a {@code @WebMvcTest} slice of a TopRise controller needs to answer as the service does: the real
 * authentication filter, permission interceptor and endpoint protection check of {@link AccessControlConfiguration},
 * verifying {@link TestTokens} against a {@link TestMatrix} in memory instead of Redis; the problem+json advice
 * and the page-query resolver every service gets from {@code CommonServiceAutoConfiguration} (whose other beans,
 * Redis, Kafka and the outbox, have no place in a slice). Import it next to the controller under test.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(AccessControlConfiguration.class)
public class AccessControlSlice {

    @Bean
    AccessTokens accessTokens() {
        return TestTokens.accessTokens();
    }

    @Bean
    InMemoryAccessControlStore accessControlStore() {
        return new InMemoryAccessControlStore();
    }

    @Bean
    TestMatrix testMatrix(InMemoryAccessControlStore store, AccessControlState state) {
        return new TestMatrix(store, state);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    WebMvcConfigurer pageQueryResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PageQueryArgumentResolver());
            }
        };
    }
}
