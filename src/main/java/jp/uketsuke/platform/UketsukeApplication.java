package jp.uketsuke.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API lives at the root: existing clients call {@code /chat}, {@code /faq/...} and so on.
 *
 * <p>Resource classes are {@code @ApplicationScoped}: they hold nothing of a request (the tenant
 * and the request id come from request-scoped beans through their proxies, parameters through the
 * method), so one instance serves every request. Left unscoped, RESTEasy built and injected a new
 * instance per request through CDI: 2 % of Liberty's CPU on {@code GET /faq} (issue 16).
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Uketsuke API",
            version = "1",
            description =
                "Backend of the Uketsuke AI phone receptionist. People send a Cognito ID token;"
                    + " the voice server sends a service access token and names the tenant in"
                    + " x-client-id."),
    security = @SecurityRequirement(name = "cognito"),
    components =
        @Components(
            securitySchemes =
                @SecurityScheme(
                    securitySchemeName = "cognito",
                    type = SecuritySchemeType.HTTP,
                    scheme = "bearer",
                    bearerFormat = "JWT")))
public class UketsukeApplication extends Application {}
