package dev.adapthub.web.hf;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets Tomcat accept {@code %2F} (Boot 4.1 has no property for it), so a revision the clients
 * send as {@code refs%2Fpr%2F3} arrives. "decode" rather than "passthrough": the servlet path is
 * decoded (and so checked for {@code ..} by Spring Security's firewall), while the request URI
 * stays raw, where Spring MVC's matching and the controllers see {@code refs%2Fpr%2F3} as one
 * segment; controllers decode segments themselves, once, and validate the result.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSolidusAccepted() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling("decode"));
    }
}
