package org.identityledger.web.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final CsrfInterceptor csrfInterceptor;

    public WebConfiguration(CsrfInterceptor csrfInterceptor) {
        this.csrfInterceptor = csrfInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Every route: the interceptor itself decides on the matched route which ones it guards, so
        // no mismatch between this pattern and the router's idea of a path can leave one out.
        registry.addInterceptor(csrfInterceptor);
    }
}
