package org.compromiso.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.compromiso.commitments.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/catalog}: a catalog file as the body (YAML or JSON) or as a multipart field {@code file}. */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final CatalogImport catalog;

    CatalogController(CatalogImport catalog) {
        this.catalog = catalog;
    }

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    ImportResult importBody(@RequestBody String text, Principal user) {
        return catalog.importText(text, new Actor(user.getName(), "catalog"));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importFile(@RequestPart("file") MultipartFile file, Principal user) throws IOException {
        return catalog.importText(new String(file.getBytes(), StandardCharsets.UTF_8),
                new Actor(user.getName(), "catalog"));
    }

    @ExceptionHandler
    ProblemDetail rejected(CatalogRejectedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The catalog has " + e.errors().size() + " error(s); nothing was imported");
        problem.setProperty("errors", e.errors());
        return problem;
    }
}
