package org.xueliang.tracker.shared;

import java.time.Instant;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.module.SimpleModule;

/** The application's additions to Spring Boot's JSON mapper. */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    /** Instants in the common ISO form read from their digits ({@link IsoInstantDeserializer}). */
    @Bean
    JsonMapperBuilderCustomizer isoInstants() {
        return builder -> builder.addModule(new SimpleModule("xl-iso-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()));
    }
}
