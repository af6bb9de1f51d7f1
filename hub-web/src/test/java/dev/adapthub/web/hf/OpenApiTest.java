package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.adapthub.web.support.HubWebTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document describes both APIs; its page gets a relaxed CSP that no other page gets. */
@HubWebTest
class OpenApiTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;

    @Test
    void theDocumentDescribesTheNativeAndTheCompatibleApi() throws Exception {
        MockHttpServletResponse doc = mvc.perform(get("/api/openapi.json")).andReturn().getResponse();

        assertThat(doc.getStatus()).isEqualTo(200);
        assertThat(doc.getContentAsString()).contains("\"openapi\"", "/api/repos/create", "/api/whoami-v2",
                "/api/{type}/{owner}/{name}/tree/{revision}", "/api/{type}/{owner}/{name}/commit/{revision}",
                "Hugging Face-compatible");
    }

    @Test
    void theBrowsablePageLoadsWithItsOwnCspOnly() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/docs")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).startsWith("/api/swagger-ui/");
        assertThat(page.body()).contains("swagger-ui");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("style-src 'self' 'unsafe-inline'").contains("script-src 'self';");
        assertThat(home.headers().firstValue("Content-Security-Policy")).get().asString()
                .doesNotContain("unsafe-inline");
    }
}
