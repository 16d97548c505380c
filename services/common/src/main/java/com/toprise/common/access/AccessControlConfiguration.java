package com.toprise.common.access;

import com.toprise.common.audit.AuditFilter;
import com.toprise.common.audit.CreatedRecordIdAdvice;
import com.toprise.common.security.AccessTokens;
import com.toprise.common.security.JwtProperties;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Clock;
import java.util.List;

/** Token verification, the permission matrix check and the audit log, in front of every endpoint of a service. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({JwtProperties.class, AccessControlProperties.class})
public class AccessControlConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessTokens accessTokens(JwtProperties jwt) {
        return new AccessTokens(jwt, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    AccessControlStore accessControlStore(RedissonClient redis) {
        return new AccessControlStore(redis);
    }

    @Bean
    @ConditionalOnMissingBean
    AccessControlState accessControlState(AccessControlStore store, AccessControlProperties properties) {
        return new AccessControlState(store, properties.refreshInterval());
    }

    @Bean
    FilterRegistrationBean<AuthenticationFilter> authenticationFilter(AccessTokens tokens) {
        FilterRegistrationBean<AuthenticationFilter> registration =
                new FilterRegistrationBean<>(new AuthenticationFilter(tokens));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    FilterRegistrationBean<AuditFilter> auditFilter(MongoTemplate mongo, Environment environment) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(
                new AuditFilter(mongo, environment.getProperty("spring.application.name", "unknown"), Clock.systemUTC()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    CreatedRecordIdAdvice createdRecordIdAdvice() {
        return new CreatedRecordIdAdvice();
    }

    @Bean
    WebMvcConfigurer accessControlWebConfigurer(AccessControlState state) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AccessControlInterceptor(state));
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AccessArgumentResolver());
            }
        };
    }

    @Bean
    static EndpointProtectionCheck endpointProtectionCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new EndpointProtectionCheck(mappings);
    }
}
