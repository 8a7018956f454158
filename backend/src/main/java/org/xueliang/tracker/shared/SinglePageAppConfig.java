package org.xueliang.tracker.shared;

import java.io.IOException;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the built web UI from {@code META-INF/resources} (the frontend jar). The UI uses
 * history-mode routes (/ledger/12, /progress), so a path that is not a file and not part of the API
 * answers with index.html and the UI's router takes over; a missing file (a path with a dot) stays 404.
 */
@Configuration
class SinglePageAppConfig implements WebMvcConfigurer {

    private static final String ROOT = "META-INF/resources/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/" + ROOT)
                .resourceChain(true)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String path, Resource location) throws IOException {
                        Resource file = location.createRelative(path);
                        if (file.exists() && file.isReadable()) {
                            return file;
                        }
                        return isAppRoute(path) ? new ClassPathResource(ROOT + "index.html") : null;
                    }
                });
    }

    static boolean isAppRoute(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".") && !path.startsWith("api/") && !path.startsWith("actuator/")
                && !path.startsWith("v3/") && !path.startsWith("swagger-ui");
    }
}
