package org.compromiso.catalog;

import java.io.IOException;
import java.nio.charset.Charset;
import java.security.Principal;

import io.swagger.v3.oas.annotations.ExternalDocumentation;
import io.swagger.v3.oas.annotations.Operation;
import org.compromiso.commitments.Actor;
import org.compromiso.engine.EngineConflicts;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/catalog}: a catalog file as the body (YAML or JSON) or as a multipart field {@code file};
 * {@code GET /api/catalog/schema}: the JSON Schema of that file, for editors to check a file before it is sent.
 */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    static final String SCHEMA = "/api/catalog/schema";
    private static final String IMPORT = "Imports a meeting and its agreed actions, all or nothing: every error of the"
            + " file comes back in one 400 with its line, field and reason; a registered meeting or commitment named"
            + " again is corrected. The file's JSON Schema, with each field's meaning, is at " + SCHEMA + ".";

    private final EngineConflicts conflicts;
    private final CatalogImport catalog;
    private final Resource schema = new ClassPathResource("catalog-schema/catalog.schema.json");

    CatalogController(CatalogImport catalog, EngineConflicts conflicts) {
        this.catalog = catalog;
        this.conflicts = conflicts;
    }

    @GetMapping(path = "/schema", produces = "application/schema+json")
    @Operation(summary = "The catalog file's JSON Schema", description = "Each field with its meaning.")
    Resource schema() {
        return schema;
    }

    @Operation(summary = "Import a catalog file (YAML or JSON body)", description = IMPORT,
            externalDocs = @ExternalDocumentation(description = "The catalog's JSON Schema", url = SCHEMA))
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    ImportResult importBody(@RequestBody(required = false) byte[] body,
                            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type, Principal user) {
        // a correction moves due dates in running processes: it may meet the job executor there (EngineConflicts)
        return conflicts.retried(() -> catalog.importBytes(body, type.getCharset(),
                new Actor(user.getName(), "catalog")));
    }

    @Operation(summary = "Import a catalog file (multipart field 'file')", description = IMPORT,
            externalDocs = @ExternalDocumentation(description = "The catalog's JSON Schema", url = SCHEMA))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importFile(@RequestPart("file") MultipartFile file, Principal user) throws IOException {
        byte[] bytes = file.getBytes();
        return conflicts.retried(() -> catalog.importBytes(bytes, charsetOf(file),
                new Actor(user.getName(), "catalog")));
    }

    /** The charset the upload's part declares, if any: without one (or with a malformed one) it is read as UTF-8. */
    private static Charset charsetOf(MultipartFile file) {
        try {
            return file.getContentType() == null ? null : MediaType.parseMediaType(file.getContentType()).getCharset();
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    @ExceptionHandler
    ProblemDetail rejected(CatalogRejectedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The catalog has " + e.errors().size() + " error(s); nothing was imported or changed");
        problem.setProperty("errors", e.errors());
        return problem;
    }
}
