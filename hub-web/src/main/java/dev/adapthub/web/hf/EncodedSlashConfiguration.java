package dev.adapthub.web.hf;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets Tomcat pass {@code %2F} through undecoded (Boot 4.1 has no property for it), so a revision
 * the clients send as {@code refs%2Fpr%2F3} stays one path segment. Controllers decode segments
 * themselves, once, and validate the result; Spring Security's firewall allows only the encoded
 * slash (see {@code SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSolidusPassThrough() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
