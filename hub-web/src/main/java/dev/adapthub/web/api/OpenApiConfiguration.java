package dev.adapthub.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The head of the OpenAPI document at {@code /api/openapi.json}: what the API is and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI adaptHubOpenApi() {
        return new OpenAPI()
                .info(new Info().title("AdaptHub API").version("1")
                        .description("The hub's own endpoints and the part of the Hugging Face Hub API its clients"
                                + " call (point @huggingface/hub's hubUrl or HF_ENDPOINT at the hub). Send a"
                                + " personal access token as 'Authorization: Bearer <token>'; anything that writes"
                                + " needs a write token. See docs/api.md."))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
