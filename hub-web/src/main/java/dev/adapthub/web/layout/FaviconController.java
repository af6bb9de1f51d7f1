package dev.adapthub.web.layout;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Browsers ask for {@code /favicon.ico} whatever the page links: answer with a permanent redirect to
 * the SVG icon (every current browser follows it) instead of a logged 404.
 */
@Controller
class FaviconController {

    @GetMapping("/favicon.ico")
    ResponseEntity<Void> favicon() {
        String svg = ServletUriComponentsBuilder.fromCurrentContextPath().path("/assets/static/favicon.svg").build().getPath();
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, svg)
                .header(HttpHeaders.CACHE_CONTROL, "max-age=86400").build();
    }
}
