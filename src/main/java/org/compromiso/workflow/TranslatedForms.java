package org.compromiso.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.compromiso.identity.UserLanguage;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * A task's form as Tasklist fetches it ({@code task/{id}/deployed-form}, in {@code /engine-rest} and the webapps'
 * engine API) speaks the signed-in user's language (their account's): a Spanish-speaking coordinator reads and
 * fills in Spanish what an English-speaking one reads in English, with the same fields.
 */
public class TranslatedForms implements ContainerResponseFilter {

    @Context
    private UriInfo uri;
    @Context
    private ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (response.getStatus() != 200 || !response.hasEntity() || !uri.getPath().endsWith("/deployed-form")
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        Locale language = spring.getBean(UserLanguage.class).ofSignedInUser();
        if (FormTranslations.OWN_LANGUAGE.equals(language.getLanguage())) {
            return;
        }
        var json = spring.getBean(ObjectMapper.class);
        var form = json.readTree(bytesOf(response.getEntity()));
        response.setEntity(json.writeValueAsBytes(FormTranslations.into(form, language)),
                response.getEntityAnnotations(), response.getMediaType());
    }

    private static byte[] bytesOf(Object entity) throws IOException {
        if (entity instanceof InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            }
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        return entity.toString().getBytes(StandardCharsets.UTF_8);
    }
}
