package com.toprise.common;

import com.toprise.common.events.NewestCopies;
import com.toprise.common.mongo.CommonCollections;
import com.toprise.common.mongo.IndexDeclaration;
import com.toprise.common.mongo.MongoIndexes;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.outbox.ProcessedEvents;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.toprise.common.health.KafkaHealthIndicator;
import com.toprise.common.health.RedisHealthIndicator;
import com.toprise.common.paging.PageQueryArgumentResolver;
import com.toprise.common.redis.RedisProperties;
import com.toprise.common.redis.RedissonClients;
import com.toprise.common.web.HttpProperties;
import com.toprise.common.web.ProblemDetailsAdvice;
import com.toprise.common.web.RequestBodyLimitFilter;
import com.toprise.common.web.RequestIdFilter;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every TopRise service gets by depending on services/common. Servlet services only: the reactive gateway uses
 * nothing of common but its stack-neutral {@code security} package.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({HttpProperties.class, RedisProperties.class})
public class CommonServiceAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpProperties http) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(http.maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
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

    /** Lazy: a service starts (and reports Redis DOWN) while Redis is unreachable. */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean
    RedissonClient redissonClient(RedisProperties redis) {
        return RedissonClients.create(redis, Duration.ofSeconds(2), 1);
    }

    @Bean("redis")
    RedisHealthIndicator redisHealthIndicator(RedissonClient redisson) {
        return new RedisHealthIndicator(redisson);
    }

    /** Services write state with events through the outbox, drop redeliveries with processed events, keep indexes. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    static class OutboxConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OutboxWriter outboxWriter(MongoTemplate mongo) {
            return new OutboxWriter(mongo);
        }

        @Bean
        @ConditionalOnMissingBean
        ProcessedEvents processedEvents(MongoTemplate mongo) {
            return new ProcessedEvents(mongo);
        }

        @Bean
        @ConditionalOnMissingBean
        NewestCopies newestCopies(MongoTemplate mongo) {
            return new NewestCopies(mongo);
        }

        /** The indexes the service's packages declare (IndexDeclaration components) and common's own, created at start. */
        @Bean
        @ConditionalOnMissingBean
        MongoIndexes mongoIndexes(MongoTemplate mongo, ObjectProvider<IndexDeclaration> declarations) {
            return new MongoIndexes(mongo,
                    Stream.concat(declarations.orderedStream(), CommonCollections.all().stream()).toList());
        }
    }

    /**
     * A listener that cannot apply a record because a store is down retries with a growing pause (up to 10 s)
     * until it can, instead of Spring Kafka's default of ten immediate attempts and then skipping the record: a
     * skipped ORDER_VALIDATED would leave its order CREATED and its stock reserved for ever. Unreadable records do
     * not get here (EventReader skips them), so what fails is the infrastructure, and waiting for it is the answer.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaListenerErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }

    @Bean("kafka")
    @ConditionalOnProperty(name = "management.health.kafka.enabled", matchIfMissing = true)
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(String.join(",", kafka.getBootstrapServers()));
    }
}
